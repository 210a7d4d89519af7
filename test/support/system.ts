/**
 * A system under test: every function of the catalog built from its factory (so the clock can be
 * set), a fresh table on a running DynamoDB Local, the local SES, the Scheduler emulator (on the
 * same settable clock), an in-memory token issuer, and the local front door on a free port. Tests
 * and benchmarks talk to it over HTTP, as a client would, read the e-mails the local SES received,
 * and can count the DynamoDB calls each request makes.
 */

import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createLocalJWKSet } from 'jose';
import { monotonicFactory } from 'ulid';
import * as z from 'zod';
import { createAccessLinksHandler } from '../../functions/api/access-links.js';
import { createActOnComplaintHandler } from '../../functions/api/act-on-complaint.js';
import { createFileComplaintHandler } from '../../functions/api/file-complaint.js';
import { createReadComplaintsHandler } from '../../functions/api/read-complaints.js';
import { createReferenceHandler } from '../../functions/api/reference.js';
import { createDeadlineHandler } from '../../functions/deadline/handler.js';
import { createAuthenticator } from '../../functions/lib/auth.js';
import type { Dependencies } from '../../functions/lib/dependencies.js';
import type { ApiHandler } from '../../functions/lib/http.js';
import { responseOf } from '../../functions/api/route-responses.js';
import { routes, type RouteName, type RouteSpec } from '../../functions/api/routes.js';
import { createDeliveryEventsHandler } from '../../functions/delivery-events/handler.js';
import { createNoticeHandler } from '../../functions/notice/handler.js';
import { createReconcileHandler } from '../../functions/reconcile/handler.js';
import { createStatisticsHandler } from '../../functions/api/statistics.js';
import { isComplaintChange } from '../../functions/stream/filter.js';
import { createStreamHandler } from '../../functions/stream/handler.js';
import {
  functionNameOf,
  functions,
  streamConsumption,
  type FunctionDefinition,
} from '../../infra/catalog.js';
import { startLocalApi } from '../../infra/local/api-server.js';
import { ensureTable, freePort } from '../../infra/local/dynamodb.js';
import {
  localAudience,
  localIssuer,
  localIssuerAt,
  type OfficialClaims,
} from '../../infra/local/issuer.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import {
  startSchedulerEmulator,
  type SchedulerEmulator,
} from '../../infra/local/scheduler-emulator.js';
import {
  receivedEmails,
  startLocalSes,
  type LocalSes,
  type ReceivedEmail,
} from '../../infra/local/ses.js';
import { localValues, targetInvoker, type TargetHandler } from '../../infra/local/stack.js';
import {
  startStreamPoller,
  type StreamEvent,
  type StreamPoller,
} from '../../infra/local/stream-poller.js';
import { upgradeTable } from '../../infra/local/table-upgrade.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { DynamoCalendarUpkeep } from '../../shared/adapters/dynamodb/calendar-upkeep.js';
import { DynamoComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.js';
import { DynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store.js';
import {
  DynamoBodyDirectory,
  loadDirectory,
} from '../../shared/adapters/dynamodb/directory-repository.js';
import { tableKeys } from '../../shared/adapters/dynamodb/table.js';
import {
  createSchedulerClient,
  EventBridgeScheduler,
} from '../../shared/adapters/scheduler/eventbridge-scheduler.js';
import { createSesClient, SesMailer } from '../../shared/adapters/ses/mailer.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import type { ScheduleSpec } from '../../shared/domain/schedules.js';
import type { GaugeName, MetricName, Scheduler } from '../../shared/ports.js';
import {
  applicantComplaintViewSchema,
  complaintViewForCallerSchema,
  complaintViewSchema,
} from '../../shared/validation/responses.js';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  /** The JSON answer (an empty object when the answer is not a JSON object). */
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** A nested field of a JSON answer, as a string (the tests' usual need: ids, dates, tokens). */
export function field(body: unknown, ...path: (string | number)[]): string {
  let at: unknown = body;
  for (const key of path) {
    at =
      typeof at === 'object' && at !== null
        ? (at as Record<string | number, unknown>)[key]
        : undefined;
  }
  if (typeof at !== 'string' && typeof at !== 'number')
    throw new Error(`No value at ${path.join('.')}`);
  return String(at);
}

/** The routes as the local front door matches them: the first whose method and template fit. */
const routeMatchers = (Object.entries(routes) as [RouteName, RouteSpec][]).map(([name, spec]) => ({
  name,
  spec,
  pattern: new RegExp(`^${spec.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/**
 * Every successful JSON answer a test receives must be what its route's response schema says
 * (strict: an undeclared field fails too), so the published contract is proved by the whole
 * suite, not by a sample. Throws, failing the test, on any mismatch.
 */
function checkAnswer(
  method: string,
  path: string,
  authorization: string | undefined,
  response: Response,
  text: string,
): void {
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok || !contentType.startsWith('application/json') || text === '') return;
  const pathname = new URL(path, 'http://127.0.0.1').pathname;
  const route = routeMatchers.find(
    (candidate) =>
      candidate.spec.method === method.toUpperCase() && candidate.pattern.test(pathname),
  );
  // Only the API's routes carry a contract (the local issuer's keys, for one, are not the API's).
  if (!route) return;
  const where = `${method} ${path} (${route.name})`;
  if (response.status !== route.spec.success) {
    throw new Error(`${where} answered ${response.status}, not its ${route.spec.success}`);
  }
  const declared = responseOf(route.name);
  if (!declared) throw new Error(`${where} answered JSON but declares no response`);
  // R15: who asked decides which view of a complaint is right, not merely one of the two.
  const schema =
    declared === complaintViewForCallerSchema
      ? /^Bearer ap\./i.test(authorization ?? '')
        ? applicantComplaintViewSchema
        : complaintViewSchema
      : declared;
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) {
    throw new Error(
      `${where} answered outside its response schema:\n${z.prettifyError(result.error)}`,
    );
  }
}

export interface CallOptions {
  readonly body?: unknown;
  /** A raw body, sent as is (for malformed and oversized bodies). */
  readonly rawBody?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface SystemOptions {
  /** Waits before further tries of a failed e-mail; short, so tests see retries. */
  readonly retryDelaysSeconds?: readonly number[];
  /**
   * Whether the scheduler fires by itself (every 50 ms, on the settable clock). Off by default:
   * tests of the API alone move the clock across due dates and must not race the deadline function.
   */
  readonly autoFire?: boolean;
  /** Asks DynamoDB for the capacity each call consumes (`consumed`); for `npm run bench`. */
  readonly measureCapacity?: boolean;
  /**
   * How the table's stream reaches the consumer. `after-each-call` (the default): each request,
   * direct invocation and reconciliation waits until the consumer has carried out what it changed,
   * so a test reads the schedules a request made (and, with `autoFire`, the stream also polls by
   * itself). `manual`: only when the test drains it (crash tests). `background`: polled every 25
   * ms, as `npm start` does (the benchmark).
   */
  readonly stream?: 'after-each-call' | 'manual' | 'background';
  /**
   * Whether each answer is checked against its route's response schema (on unless false). The
   * benchmark turns it off: parsing every answer would slow the in-memory side it compares with.
   */
  readonly checkResponses?: boolean;
}

/** Capacity units consumed, table and indexes together, as DynamoDB reports them. */
export interface ConsumedCapacity {
  read: number;
  write: number;
}

export interface Harness {
  readonly url: string;
  /** The local SES: its viewer, and `GET /store`. */
  readonly sesUrl: string;
  readonly tableName: string;
  readonly dependencies: Dependencies;
  readonly scheduler: SchedulerEmulator;
  /** DynamoDB commands sent since the last `resetCalls`, by name. */
  readonly calls: string[];
  /** With `measureCapacity`: the capacity those commands consumed (failed conditional writes not seen). */
  readonly consumed: ConsumedCapacity;
  /** The functions the scheduler or the stream invoked since the last `resetCalls`, by name. */
  readonly invoked: string[];
  /** The metrics the functions counted, in order. */
  readonly counted: readonly MetricName[];
  /** The levels the functions measured, latest last. */
  readonly gauges: readonly { readonly name: GaugeName; readonly value: number }[];
  resetCalls(): void;
  /** Sets the clock the handlers and the scheduler read (epoch ms); `undefined`: the real clock. */
  setNow(instant: number | undefined): void;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  official(claims: OfficialClaims): Promise<string>;
  /** E-mails the local SES has received for this address. */
  emailsTo(address: string): Promise<readonly ReceivedEmail[]>;
  /** Waits until `condition` holds (polling), or fails after `timeoutMs`. */
  eventually<T>(probe: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  /** Takes the local SES down (until `startSes`), as an outage would. */
  stopSes(): Promise<void>;
  startSes(): Promise<void>;
  /** Makes the next `count` Scheduler calls fail: a fault the emulator cannot produce on its own. */
  failSchedulerCalls(count: number): void;
  /** The scheduler calls made since the last `resetCalls`, by kind (create, update, remove, list). */
  readonly schedulerCalls: string[];
  /** The stream poller: `drain` hands the consumer everything the stream holds now. */
  readonly stream: StreamPoller;
  /**
   * Makes the stream consumer crash after carrying out `records` records of its next batch, as a
   * Lambda killed mid-batch would: the batch comes again.
   */
  crashStreamConsumerAfter(records: number): void;
  /**
   * Delivers the whole stream again, from its start, to the consumer (a lost checkpoint, or Lambda's
   * at-least-once); answers the number of records handed over.
   */
  replayStream(batchSize?: number): Promise<number>;
  /** Runs the daily reconciliation now. */
  reconcile(): Promise<unknown>;
  /** Invokes a schedule target directly, as a (repeated) firing would. */
  invoke(
    name: 'deadline' | 'notice' | 'delivery-events' | 'stream',
    input: unknown,
  ): Promise<unknown>;
  close(): Promise<void>;
}

export async function createSystem(
  endpoint: string,
  options: SystemOptions = {},
): Promise<Harness> {
  const tableName = `test-${randomUUID()}`;
  const client = createDynamoDbClient({ endpoint });
  const calls: string[] = [];
  const consumed: ConsumedCapacity = { read: 0, write: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      calls.push(command);
      if (!options.measureCapacity) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const reported = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const units = (Array.isArray(reported) ? reported : [reported])
        .map((entry) => (entry as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0)
        .reduce((sum, value) => sum + value, 0);
      if (/^(Get|BatchGet|TransactGet|Query|Scan)/.test(command)) consumed.read += units;
      else consumed.write += units;
      return result;
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const documents = createDocumentClient(client);
  await ensureTable(client, tableName);
  await upgradeTable(client, tableName);
  await loadDirectory(documents, tableName, bodyDirectory);
  const issuer = await localIssuerAt();
  let fixedNow: number | undefined;
  const clock = (): number => fixedNow ?? Date.now();

  const sesPort = await freePort();
  let ses: LocalSes | undefined = await startLocalSes(sesPort);
  const sesUrl = `http://127.0.0.1:${sesPort}`;
  const schedulerPort = await freePort();
  const values = localValues({ tableName, apiUrl: '', logLevel: 'SILENT', retryDelaysSeconds: '' });
  const eventBridge = new EventBridgeScheduler(
    createSchedulerClient(`http://127.0.0.1:${schedulerPort}`),
    {
      groupName: values.SCHEDULE_GROUP,
      deadlineTargetArn: values.DEADLINE_FUNCTION_ARN,
      noticeTargetArn: values.NOTICE_FUNCTION_ARN,
      roleArn: values.SCHEDULER_ROLE_ARN,
      deadLetterArn: values.SCHEDULE_DLQ_ARN,
    },
    clock,
  );
  let schedulerFailures = 0;
  const schedulerCalls: string[] = [];
  /** The real adapter, counted, with a switch to fail calls. */
  const call = <T>(kind: string, run: () => Promise<T>): Promise<T> => {
    schedulerCalls.push(kind);
    return schedulerFailures-- > 0 ? Promise.reject(new Error('injected fault')) : run();
  };
  const scheduler: Scheduler = {
    create: (spec: ScheduleSpec) => call('create', () => eventBridge.create(spec)),
    update: (spec: ScheduleSpec) => call('update', () => eventBridge.update(spec)),
    remove: (name: string) => call('remove', () => eventBridge.remove(name)),
    list: (prefix: string) => call('list', () => eventBridge.list(prefix)),
  };
  const counted: MetricName[] = [];
  const gauges: { name: GaugeName; value: number }[] = [];
  const dependencies: Dependencies = {
    repository: new DynamoComplaintRepository({ client: documents, tableName, clock }),
    directory: new DynamoBodyDirectory(documents, tableName),
    calendarUpkeep: new DynamoCalendarUpkeep(documents, tableName),
    statistics: new DynamoStatisticsStore(documents, tableName, clock),
    authenticate: createAuthenticator({
      keys: createLocalJWKSet({ keys: [...issuer.jwks.keys] }),
      issuer: localIssuer,
      audience: localAudience,
    }),
    idempotencyStore: new DynamoDBPersistenceLayer({
      tableName,
      awsSdkV3Client: client,
      keyAttr: tableKeys.partitionKey,
      sortKeyAttr: tableKeys.sortKey,
      staticPkValue: 'IDEMPOTENCY#file-complaint',
      expiryAttr: tableKeys.timeToLive,
    }),
    scheduler,
    mailer: new SesMailer(createSesClient(sesUrl), values.SENDER_EMAIL),
    metrics: {
      count: (name) => counted.push(name),
      gauge: (name, value) => gauges.push({ name, value }),
    },
    retryDelaysSeconds: options.retryDelaysSeconds ?? [1, 1, 1],
    logger: new Logger({ serviceName: 'complaint-desk-test', logLevel: 'SILENT' }),
    clock,
    // Monotonic: ids made in the same millisecond (two alerts of one change) keep their order.
    newId: monotonicFactory(),
  };
  const apiFactories: Record<string, (deps: Dependencies) => ApiHandler> = {
    'api-reference': createReferenceHandler,
    'api-file-complaint': createFileComplaintHandler,
    'api-read-complaints': createReadComplaintsHandler,
    'api-act-on-complaint': createActOnComplaintHandler,
    'api-statistics': createStatisticsHandler,
    'api-access-links': createAccessLinksHandler,
  };
  const targetFactories: Record<string, (deps: Dependencies) => TargetHandler> = {
    deadline: createDeadlineHandler,
    // The follow-up links point to the web desk, which npm start serves at the API's own origin.
    notice: (deps) => createNoticeHandler({ ...deps, webDeskUrl: () => server.url }),
    reconcile: createReconcileHandler,
    'delivery-events': createDeliveryEventsHandler,
    stream: createStreamHandler,
  };
  const targets = new Map<string, { definition: FunctionDefinition; handler: TargetHandler }>();
  const api = [];
  for (const definition of functions) {
    const apiFactory = apiFactories[definition.name];
    const targetFactory = targetFactories[definition.name];
    // The deployment's own step: the harness loads the directory itself, as npm start does.
    if (definition.deploymentStep) continue;
    if (apiFactory) api.push({ definition, handler: apiFactory(dependencies) });
    else if (targetFactory)
      targets.set(definition.name, { definition, handler: targetFactory(dependencies) });
    else throw new Error(`No factory for ${definition.name}`);
  }
  const invoked: string[] = [];
  const invokeTarget = targetInvoker(targets);
  const emulator = await startSchedulerEmulator({
    port: schedulerPort,
    invoke: async (targetArn, input) => {
      invoked.push(functionNameOf(targetArn));
      await invokeTarget(targetArn, input);
    },
    clock,
    tickMs: 50,
    autoFire: options.autoFire ?? false,
  });
  const server = await startLocalApi({ port: 0, issuer, functions: api });
  const reconcile = targets.get('reconcile');
  const consumer = targets.get('stream');
  if (!consumer) throw new Error('No stream consumer');
  let crashAfter: number | undefined;
  const stream = await startStreamPoller({
    // Its own client: the stream's polling is not a request's DynamoDB call.
    dynamoDb: createDynamoDbClient({ endpoint }),
    endpoint,
    tableName,
    accepts: isComplaintChange,
    batchSize: streamConsumption.batchSize,
    retryAttempts: streamConsumption.retryAttempts,
    retryDelayMs: 5,
    intervalMs:
      options.stream === 'background' ||
      ((options.stream ?? 'after-each-call') === 'after-each-call' && options.autoFire)
        ? 25
        : 0,
    consume: async (event: StreamEvent) => {
      invoked.push('stream');
      const context = lambdaContext(consumer.definition, randomUUID());
      if (crashAfter === undefined) return consumer.handler(event, context);
      // Killed mid-batch: the first records carried out, then nothing more, and no answer.
      const done = event.Records.slice(0, crashAfter);
      crashAfter = undefined;
      await consumer.handler({ Records: done }, context);
      throw new Error('The stream consumer was killed mid-batch');
    },
  });
  const settle = (options.stream ?? 'after-each-call') === 'after-each-call';
  /** After a request: the stream carried out; the consumer's own DynamoDB calls are not the request's. */
  const settled = async <T>(result: T): Promise<T> => {
    if (!settle) return result;
    const requestCalls = calls.length;
    await stream.drain();
    calls.splice(requestCalls);
    return result;
  };

  const eventually = async <T>(
    probe: () => Promise<T | undefined>,
    timeoutMs = 5_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    url: server.url,
    sesUrl,
    tableName,
    dependencies,
    scheduler: emulator,
    calls,
    consumed,
    invoked,
    counted,
    gauges,
    resetCalls: () => {
      calls.splice(0);
      schedulerCalls.splice(0);
      invoked.splice(0);
      consumed.read = 0;
      consumed.write = 0;
    },
    setNow: (instant) => {
      fixedNow = instant;
    },
    call: async (method, path, callOptions = {}) => {
      const headers: Record<string, string> = { ...callOptions.headers };
      if (callOptions.token !== undefined) headers.authorization = `Bearer ${callOptions.token}`;
      let payload: string | undefined = callOptions.rawBody;
      if (callOptions.body !== undefined) {
        payload = JSON.stringify(callOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
      });
      const text = await settled(await response.text());
      if (options.checkResponses !== false)
        checkAnswer(
          method,
          path,
          Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1],
          response,
          text,
        );
      const isJson = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
      const parsed: unknown = isJson ? JSON.parse(text) : {};
      const body =
        typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      return { status: response.status, headers: response.headers, body, text };
    },
    official: (claims) => issuer.sign(claims),
    emailsTo: async (address) =>
      (await receivedEmails(sesUrl)).filter((email) => email.destination.to.includes(address)),
    eventually,
    stopSes: async () => {
      await ses?.close();
      ses = undefined;
    },
    startSes: async () => {
      ses ??= await startLocalSes(sesPort);
    },
    failSchedulerCalls: (count) => {
      schedulerFailures = count;
    },
    invoke: async (name, input) => {
      const target = targets.get(name);
      if (!target) throw new Error(`No function ${name}`);
      return settled(await target.handler(input, lambdaContext(target.definition, randomUUID())));
    },
    reconcile: async () => {
      if (!reconcile) throw new Error('No reconcile function');
      return settled(
        await reconcile.handler({}, lambdaContext(reconcile.definition, randomUUID())),
      );
    },
    stream,
    schedulerCalls,
    crashStreamConsumerAfter: (records) => {
      crashAfter = records;
    },
    replayStream: async (batchSize = streamConsumption.batchSize) => {
      const replay = await startStreamPoller({
        dynamoDb: createDynamoDbClient({ endpoint }),
        endpoint,
        tableName,
        accepts: isComplaintChange,
        batchSize,
        retryAttempts: streamConsumption.retryAttempts,
        consume: (event: StreamEvent) =>
          consumer.handler(event, lambdaContext(consumer.definition, randomUUID())),
      });
      try {
        return await replay.drain();
      } finally {
        await replay.close();
      }
    },
    close: async () => {
      await stream.close();
      await server.close();
      await emulator.close();
      await ses?.close();
    },
  };
}
