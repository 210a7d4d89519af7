/**
 * The local EventBridge Scheduler: an HTTP server speaking the subset of the Scheduler REST API the
 * project uses (CreateSchedule, GetSchedule, UpdateSchedule, DeleteSchedule, ListSchedules), so the
 * same `@aws-sdk/client-scheduler` code runs against it. It fires one-time `at(...)` schedules when
 * due (one due in the past at once), invoking the target in-process, retries a failed invocation
 * as the schedule's retry policy says, honours ActionAfterCompletion, and keeps its schedules in a
 * file across restarts.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { parseIsoDate } from '../../shared/calendar/dates.js';
import { legalInstant } from '../../shared/time/legal-time.js';
import { listenOnLoopback } from './loopback.js';

export interface ScheduleTarget {
  readonly Arn: string;
  readonly RoleArn: string;
  readonly Input?: string;
  readonly RetryPolicy?: {
    readonly MaximumRetryAttempts?: number;
    readonly MaximumEventAgeInSeconds?: number;
  };
  readonly DeadLetterConfig?: { readonly Arn?: string };
}

export interface ScheduleRecord {
  readonly Name: string;
  readonly GroupName: string;
  readonly ScheduleExpression: string;
  readonly ScheduleExpressionTimezone: string;
  readonly ActionAfterCompletion: 'NONE' | 'DELETE';
  readonly FlexibleTimeWindow: { readonly Mode: string };
  readonly Target: ScheduleTarget;
  readonly State: 'ENABLED' | 'DISABLED';
  readonly CreationDate: number;
  readonly LastModificationDate: number;
  /** When it fires (epoch ms). */
  readonly dueAt: number;
  /** Failed invocations so far. */
  readonly attempts: number;
  readonly completed: boolean;
}

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
  readonly invocations: () => readonly Invocation[];
  /** Events whose function failed every try: in AWS, the failed-invocations queue has them. */
  readonly deadLetters: () => readonly Invocation[];
  /** Fires everything due now, and waits for it: for tests that move the clock. */
  readonly runDue: () => Promise<number>;
  readonly close: () => Promise<void>;
}

export interface SchedulerEmulatorOptions {
  readonly port: number;
  /** Invokes a schedule's target; a rejection counts as a failed invocation. */
  readonly invoke: (targetArn: string, input: unknown) => Promise<void>;
  /** Where schedules are kept across restarts; absent: in memory. */
  readonly file?: string;
  /** Fire by itself every `tickMs` (default); tests that drive time call runDue instead. */
  readonly autoFire?: boolean;
  readonly tickMs?: number;
  readonly clock?: () => number;
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

export async function startSchedulerEmulator(
  options: SchedulerEmulatorOptions,
): Promise<SchedulerEmulator> {
  const clock = options.clock ?? Date.now;
  const schedules = new Map<string, ScheduleRecord>();
  const invocations: Invocation[] = [];
  const deadLetters: Invocation[] = [];
  const firing = new Set<string>();
  const key = (group: string, name: string): string => `${group}/${name}`;
  const arnOf = (record: ScheduleRecord): string =>
    `arn:aws:scheduler:local:000000000000:schedule/${record.GroupName}/${record.Name}`;

  if (options.file !== undefined) {
    try {
      const saved = JSON.parse(await readFile(options.file, 'utf8')) as ScheduleRecord[];
      for (const record of saved) schedules.set(key(record.GroupName, record.Name), record);
    } catch {
      // No file yet: nothing scheduled.
    }
  }
  let saving = Promise.resolve();
  const persist = (): Promise<void> => {
    const file = options.file;
    if (file === undefined) return Promise.resolve();
    const snapshot = JSON.stringify([...schedules.values()], null, 1);
    // One write at a time, each complete before it replaces the last.
    saving = saving.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, snapshot);
      await rename(`${file}.tmp`, file);
    });
    return saving;
  };

  const recordFrom = (
    name: string,
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
      GroupName: typeof body.GroupName === 'string' ? body.GroupName : 'default',
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

  const fire = async (record: ScheduleRecord): Promise<void> => {
    const id = key(record.GroupName, record.Name);
    firing.add(id);
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
    firing.delete(id);
    const current = schedules.get(id);
    // Replaced while firing: the new version stands.
    if (current?.LastModificationDate !== record.LastModificationDate) return;
    if (!ok) {
      // Scheduler invokes Lambda asynchronously: once Lambda has the event, a function error is
      // Lambda's to retry (twice, about 1 and 2 minutes apart; here 1 and 2 seconds), then the
      // event goes to the function's on-failure queue. Scheduler's own retry policy covers only
      // failures to hand the event over, which do not happen in-process.
      const attempts = record.attempts + 1;
      if (attempts <= lambdaAsyncRetries) {
        schedules.set(id, { ...record, attempts, dueAt: clock() + 1_000 * attempts });
        await persist();
        return;
      }
      deadLetters.push(invocation);
    }
    if (record.ActionAfterCompletion === 'DELETE') schedules.delete(id);
    else schedules.set(id, { ...record, completed: true });
    await persist();
  };

  const runDue = async (): Promise<number> => {
    const now = clock();
    const due = [...schedules.values()].filter(
      (r) =>
        r.State === 'ENABLED' &&
        !r.completed &&
        r.dueAt <= now &&
        !firing.has(key(r.GroupName, r.Name)),
    );
    await Promise.all(due.map(fire));
    return due.length;
  };

  let ticking = Promise.resolve(0);
  let closed = false;
  /** One already due fires at once, as AWS does, rather than at the next tick. */
  const fireIfDue = (record: ScheduleRecord): void => {
    if (options.autoFire === false || record.dueAt > clock()) return;
    setImmediate(() => {
      if (!closed) ticking = ticking.then(runDue, runDue);
    });
  };

  const handle = async (request: IncomingMessage): Promise<unknown> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const named = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/schedules' && method === 'GET') {
      const group = url.searchParams.get('ScheduleGroup');
      const prefix = url.searchParams.get('NamePrefix') ?? '';
      const max = Number(url.searchParams.get('MaxResults') ?? 100);
      const start = Number(url.searchParams.get('NextToken') ?? 0);
      const matching = [...schedules.values()]
        .filter((r) => (group === null || r.GroupName === group) && r.Name.startsWith(prefix))
        .sort((a, b) => a.Name.localeCompare(b.Name));
      const page = matching.slice(start, start + max);
      return {
        Schedules: page.map((r) => ({
          Arn: arnOf(r),
          Name: r.Name,
          GroupName: r.GroupName,
          State: r.State,
          CreationDate: r.CreationDate / 1000,
          LastModificationDate: r.LastModificationDate / 1000,
          Target: { Arn: r.Target.Arn },
        })),
        ...(start + max < matching.length ? { NextToken: String(start + max) } : {}),
      };
    }
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
        const id = key(groupOf(body), name);
        if (schedules.has(id))
          throw new ApiError(409, 'ConflictException', `Schedule ${name} already exists.`);
        const record = recordFrom(name, body);
        schedules.set(id, record);
        await persist();
        fireIfDue(record);
        return { ScheduleArn: arnOf(record) };
      }
      case 'PUT': {
        const body = await readJson(request);
        const id = key(groupOf(body), name);
        const existing = schedules.get(id);
        if (!existing)
          throw new ApiError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        const record = recordFrom(name, body, existing);
        schedules.set(id, record);
        await persist();
        fireIfDue(record);
        return { ScheduleArn: arnOf(record) };
      }
      case 'GET': {
        const record = schedules.get(key(groupOf(), name));
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
        const id = key(groupOf(), name);
        if (!schedules.delete(id))
          throw new ApiError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        await persist();
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
  const port = await listenOnLoopback(server, options.port);
  const timer =
    options.autoFire === false
      ? undefined
      : setInterval(() => {
          ticking = ticking.then(runDue, runDue);
        }, options.tickMs ?? 200);
  return {
    url: `http://127.0.0.1:${port}`,
    schedules: () => [...schedules.values()],
    invocations: () => [...invocations],
    deadLetters: () => [...deadLetters],
    runDue,
    close: async () => {
      closed = true;
      if (timer) clearInterval(timer);
      await ticking.catch(() => 0);
      await saving;
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
