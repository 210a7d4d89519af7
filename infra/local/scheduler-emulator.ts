/**
 * The local EventBridge Scheduler: an HTTP server speaking the subset of the Scheduler REST API the
 * project uses (CreateSchedule, GetSchedule, UpdateSchedule, DeleteSchedule, ListSchedules with
 * NamePrefix, State and NextToken/MaxResults paging), so the same `@aws-sdk/client-scheduler` code
 * runs against it. It fires one-time `at(...)` schedules when due (one due in the past at once),
 * invoking the target in-process, retries a failed invocation as Lambda retries an asynchronous
 * one, honours ActionAfterCompletion, and keeps its schedules across restarts in an append-only
 * journal (`scheduler-store.ts`): each call costs O(log n), and a tick looks at the heap's head only.
 */

import { createServer, type IncomingMessage, type Server } from 'node:http';
import { parseIsoDate } from '../../shared/calendar/dates.js';
import { legalInstant } from '../../shared/time/legal-time.js';
import { listenOnLoopback } from './loopback.js';
import {
  scheduleId,
  ScheduleStore,
  type Claimed,
  type ScheduleRecord,
  type ScheduleTarget,
} from './scheduler-store.js';

export type { ScheduleRecord, ScheduleTarget } from './scheduler-store.js';

export interface Invocation {
  readonly name: string;
  readonly targetArn: string;
  readonly input: unknown;
  readonly firedAt: number;
  readonly ok: boolean;
}

export interface SchedulerEmulator {
  readonly url: string;
  readonly schedules: () => readonly ScheduleRecord[];
  /** The latest invocations, oldest first (at most `historyLimit`). */
  readonly invocations: () => readonly Invocation[];
  /**
   * Events whose function failed every try: in AWS, the failed-invocations queue has them. The
   * latest `historyLimit`, oldest first.
   */
  readonly deadLetters: () => readonly Invocation[];
  /** Fires everything due now, and waits for it (and for firings under way): for tests that move the clock. */
  readonly runDue: () => Promise<number>;
  readonly close: () => Promise<void>;
}

export interface SchedulerEmulatorOptions {
  readonly port: number;
  /** Invokes a schedule's target; a rejection counts as a failed invocation. */
  readonly invoke: (targetArn: string, input: unknown) => Promise<unknown>;
  /** Where schedules are kept across restarts (a snapshot, and a journal beside it); absent: in memory. */
  readonly file?: string;
  /** Fire by itself every `tickMs` (default); tests that drive time call runDue instead. */
  readonly autoFire?: boolean;
  readonly tickMs?: number;
  readonly clock?: () => number;
  /** How many invocations and dead letters to remember (default 1,000 each); older ones are dropped. */
  readonly historyLimit?: number;
  /** At most this many firings at once when firing by itself (default 32); the rest wait their turn. */
  readonly concurrency?: number;
}

/** The latest `limit` items, oldest first. */
class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  push(item: T): void {
    if (this.limit <= 0) return;
    if (this.items.length < this.limit) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.limit;
  }

  toArray(): T[] {
    return this.items.length < this.limit
      ? [...this.items]
      : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}

/** Lambda's default retries of a failed asynchronous invocation. */
export const lambdaAsyncRetries = 2;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** `at(2026-11-27T09:00:00)` in a time zone → the instant. Only what this project schedules. */
export function dueInstant(expression: string, timeZone: string | undefined): number {
  const match = /^at\((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expression);
  const [, date = '', hours = '', minutes = '', seconds = ''] = match ?? [];
  if (
    !match ||
    !parseIsoDate(date) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59
  ) {
    throw new ApiError(
      400,
      'ValidationException',
      `Invalid Schedule Expression ${expression}: the emulator knows at(yyyy-mm-ddThh:mm:ss)`,
    );
  }
  const secondsMs = Number(seconds) * 1000;
  if (timeZone === undefined || timeZone === 'UTC')
    return Date.parse(`${date}T${hours}:${minutes}:00Z`) + secondsMs;
  if (timeZone === 'Asia/Almaty') return legalInstant(date, `${hours}:${minutes}`) + secondsMs;
  throw new ApiError(
    400,
    'ValidationException',
    `The emulator knows the time zones UTC and Asia/Almaty, not ${timeZone}`,
  );
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw new ApiError(400, 'ValidationException', 'The body is not a JSON object');
}

function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw new ApiError(400, 'ValidationException', `${name} is required`);
  return value;
}

const summaryOf = (record: ScheduleRecord, arn: string): Record<string, unknown> => ({
  Arn: arn,
  Name: record.Name,
  GroupName: record.GroupName,
  State: record.State,
  CreationDate: record.CreationDate / 1000,
  LastModificationDate: record.LastModificationDate / 1000,
  Target: { Arn: record.Target.Arn },
});

/** ListSchedules' NextToken: the key of the last schedule on the page, opaque to the caller. */
const encodeToken = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
const decodeToken = (token: string): string => Buffer.from(token, 'base64url').toString('utf8');

export async function startSchedulerEmulator(
  options: SchedulerEmulatorOptions,
): Promise<SchedulerEmulator> {
  const clock = options.clock ?? Date.now;
  const autoFire = options.autoFire !== false;
  const concurrency = Math.max(1, options.concurrency ?? 32);
  const store = new ScheduleStore(options.file === undefined ? {} : { file: options.file });
  const invocations = new Ring<Invocation>(options.historyLimit ?? 1_000);
  const deadLetters = new Ring<Invocation>(options.historyLimit ?? 1_000);
  /** Firings under way, so that runDue and close can wait for them. */
  const inFlight = new Set<Promise<void>>();
  let closed = false;
  const arnOf = (record: ScheduleRecord): string =>
    `arn:aws:scheduler:local:000000000000:schedule/${record.GroupName}/${record.Name}`;

  const recordFrom = (
    name: string,
    group: string,
    body: Record<string, unknown>,
    existing?: ScheduleRecord,
  ): ScheduleRecord => {
    const expression = requireString(body, 'ScheduleExpression');
    const timeZone =
      typeof body.ScheduleExpressionTimezone === 'string' ? body.ScheduleExpressionTimezone : 'UTC';
    const target = body.Target as ScheduleTarget | undefined;
    if (!target || typeof target.Arn !== 'string' || typeof target.RoleArn !== 'string') {
      throw new ApiError(400, 'ValidationException', 'Target with Arn and RoleArn is required');
    }
    const now = clock();
    return {
      Name: name,
      GroupName: group,
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: timeZone,
      ActionAfterCompletion: body.ActionAfterCompletion === 'DELETE' ? 'DELETE' : 'NONE',
      FlexibleTimeWindow: (body.FlexibleTimeWindow as { Mode: string } | undefined) ?? {
        Mode: 'OFF',
      },
      Target: target,
      State: body.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      CreationDate: existing?.CreationDate ?? now,
      LastModificationDate: now,
      dueAt: dueInstant(expression, timeZone),
      attempts: 0,
      completed: false,
    };
  };

  const fire = async (claimed: Claimed): Promise<void> => {
    const { record } = claimed;
    let input: unknown = {};
    try {
      input = record.Target.Input === undefined ? {} : (JSON.parse(record.Target.Input) as unknown);
    } catch {
      input = record.Target.Input;
    }
    let ok = true;
    try {
      await options.invoke(record.Target.Arn, input);
    } catch {
      ok = false;
    }
    const invocation = {
      name: record.Name,
      targetArn: record.Target.Arn,
      input,
      firedAt: clock(),
      ok,
    };
    invocations.push(invocation);
    let next: ScheduleRecord | undefined;
    // Scheduler invokes Lambda asynchronously: once Lambda has the event, a function error is
    // Lambda's to retry (twice, about 1 and 2 minutes apart; here 1 and 2 seconds), then the event
    // goes to the function's on-failure queue. Scheduler's own retry policy covers only failures to
    // hand the event over, which do not happen in-process.
    const attempts = record.attempts + 1;
    if (!ok && attempts <= lambdaAsyncRetries) {
      next = { ...record, attempts, dueAt: clock() + 1_000 * attempts };
    } else {
      if (!ok) deadLetters.push(invocation);
      next = record.ActionAfterCompletion === 'DELETE' ? undefined : { ...record, completed: true };
    }
    try {
      store.settle(claimed, next);
    } catch (error) {
      // The journal could not be written (a full disk): the schedule stays as it was in memory.
      console.error(`Scheduler emulator: could not record the firing of ${claimed.id}`, error);
    }
  };

  const start = (claimed: Claimed): Promise<void> => {
    const firing = fire(claimed).finally(() => {
      inFlight.delete(firing);
      if (autoFire) pump();
    });
    inFlight.add(firing);
    return firing;
  };

  /** Starts what is due, up to the concurrency limit: a look at the heap's head when nothing is. */
  const pump = (): void => {
    if (closed) return;
    const now = clock();
    while (inFlight.size < concurrency) {
      const claimed = store.claimDue(now);
      if (claimed === undefined) return;
      void start(claimed);
    }
  };

  const runDue = async (): Promise<number> => {
    const now = clock();
    const started: Promise<void>[] = [];
    for (let claimed = store.claimDue(now); claimed; claimed = store.claimDue(now))
      started.push(start(claimed));
    await Promise.all([...inFlight, ...started]);
    return started.length;
  };

  let pumpQueued = false;
  /** One already due fires at once, as AWS does, rather than at the next tick. */
  const fireIfDue = (record: ScheduleRecord): void => {
    if (!autoFire || pumpQueued || record.dueAt > clock()) return;
    pumpQueued = true;
    setImmediate(() => {
      pumpQueued = false;
      pump();
    });
  };

  const list = (url: URL): unknown => {
    const group = url.searchParams.get('ScheduleGroup');
    const prefix = url.searchParams.get('NamePrefix') ?? '';
    const state = url.searchParams.get('State');
    const maxText = url.searchParams.get('MaxResults');
    const max = maxText === null ? 100 : Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > 100)
      throw new ApiError(400, 'ValidationException', 'MaxResults must be between 1 and 100');
    if (state !== null && state !== 'ENABLED' && state !== 'DISABLED')
      throw new ApiError(400, 'ValidationException', 'State must be ENABLED or DISABLED');
    const token = url.searchParams.get('NextToken');
    const after = token === null ? undefined : decodeToken(token);
    if (after !== undefined && (after === '' || (group !== null && !after.startsWith(`${group}/`))))
      throw new ApiError(400, 'ValidationException', 'Invalid NextToken');
    const { page, last, more } = store.list(group, prefix, after, max, state);
    return {
      Schedules: page.map((record) => summaryOf(record, arnOf(record))),
      ...(more && last !== undefined ? { NextToken: encodeToken(last) } : {}),
    };
  };

  const handle = async (request: IncomingMessage): Promise<unknown> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    if (url.pathname === '/schedules' && method === 'GET') return list(url);
    const named = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (!named?.[1])
      throw new ApiError(404, 'ResourceNotFoundException', `No route ${method} ${url.pathname}`);
    const name = decodeURIComponent(named[1]);
    const groupOf = (body?: Record<string, unknown>): string =>
      typeof body?.GroupName === 'string'
        ? body.GroupName
        : (url.searchParams.get('groupName') ?? 'default');
    switch (method) {
      case 'POST': {
        const body = await readJson(request);
        const group = groupOf(body);
        const id = scheduleId(group, name);
        if (store.has(id))
          throw new ApiError(409, 'ConflictException', `Schedule ${name} already exists.`);
        const record = recordFrom(name, group, body);
        store.put(id, record, 'create');
        fireIfDue(record);
        return { ScheduleArn: arnOf(record) };
      }
      case 'PUT': {
        const body = await readJson(request);
        const group = groupOf(body);
        const id = scheduleId(group, name);
        const existing = store.get(id);
        if (!existing)
          throw new ApiError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        const record = recordFrom(name, group, body, existing);
        store.put(id, record, 'update');
        fireIfDue(record);
        return { ScheduleArn: arnOf(record) };
      }
      case 'GET': {
        const record = store.get(scheduleId(groupOf(), name));
        if (!record)
          throw new ApiError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        return {
          Arn: arnOf(record),
          Name: record.Name,
          GroupName: record.GroupName,
          ScheduleExpression: record.ScheduleExpression,
          ScheduleExpressionTimezone: record.ScheduleExpressionTimezone,
          ActionAfterCompletion: record.ActionAfterCompletion,
          FlexibleTimeWindow: record.FlexibleTimeWindow,
          State: record.State,
          Target: record.Target,
          CreationDate: record.CreationDate / 1000,
          LastModificationDate: record.LastModificationDate / 1000,
        };
      }
      case 'DELETE': {
        if (!store.delete(scheduleId(groupOf(), name)))
          throw new ApiError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        return {};
      }
      default:
        throw new ApiError(405, 'ValidationException', `${method} is not supported`);
    }
  };

  const server: Server = createServer((request, response) => {
    handle(request).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(500, 'InternalServerException', String(error));
        response.writeHead(apiError.status, {
          'content-type': 'application/json',
          'x-amzn-errortype': apiError.type,
        });
        response.end(JSON.stringify({ Message: apiError.message }));
      },
    );
  });
  let port: number;
  try {
    port = await listenOnLoopback(server, options.port);
  } catch (error) {
    store.close();
    throw error;
  }
  // What fell due while the emulator was down fires now; then a tick looks at the heap's head.
  if (autoFire) setImmediate(pump);
  const timer = autoFire ? setInterval(pump, options.tickMs ?? 200) : undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    schedules: () => store.records(),
    invocations: () => invocations.toArray(),
    deadLetters: () => deadLetters.toArray(),
    runDue,
    close: async () => {
      closed = true;
      if (timer) clearInterval(timer);
      // Firings under way may still call the API (a notice function schedules its next try).
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
