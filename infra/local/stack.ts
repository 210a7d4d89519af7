/**
 * The whole system on a laptop: DynamoDB Local with the table and the body directory, the local
 * SES, the Scheduler emulator, the local token issuer, and every function of the catalog: the API
 * behind the local front door, the deadline and notice functions as schedule targets, the stream
 * consumer fed by a poller of the table's stream, and reconciliation every few minutes. `npm start`
 * runs it with its data under `.local/`; tests run it in memory.
 */

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { ApiHandler } from '../../functions/lib/http.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { loadDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { isComplaintChange } from '../../functions/stream/filter.js';
import {
  environmentOf,
  functionArn,
  functionNameOf,
  functions,
  reconciliationMinutes,
  streamConsumption,
  type EnvironmentName,
  type FunctionDefinition,
} from '../catalog.js';
import { startLocalApi, type LocalFunction } from './api-server.js';
import { ensureTable, freePort, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb.js';
import {
  localAudience,
  localClientId,
  localIssuer,
  localIssuerAt,
  type LocalIssuer,
} from './issuer.js';
import { lambdaContext } from './lambda-context.js';
import { startSchedulerEmulator, type SchedulerEmulator } from './scheduler-emulator.js';
import { startLocalSes } from './ses.js';
import { signInPages } from './sign-in.js';
import { startStreamPoller, type StreamPoller } from './stream-poller.js';
import { upgradeTable } from './table-upgrade.js';
import { buildWebDesk, webDeskPage } from './web-desk.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultLocalDirectory = path.join(repositoryRoot, '.local');
export const localTableName = 'complaint-desk-local';
export const localRegion = 'local';
export const localAccount = '000000000000';

export type TargetHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalStackOptions {
  /** The API's port; 0 or absent picks a free one. */
  readonly port?: number;
  /** Where data, keys, schedules and endpoints.json live; absent: everything in memory. */
  readonly localDirectory?: string;
  /** Use this DynamoDB (tests share one) instead of starting DynamoDB Local. */
  readonly dynamodbEndpoint?: string;
  readonly tableName?: string;
  readonly logLevel?: string;
  /** Waits before further tries of a failed e-mail (seconds, comma-separated). */
  readonly retryDelaysSeconds?: string;
  /** Origins besides the API's own (127.0.0.1 and localhost) the sign-in may return to. */
  readonly signInOrigins?: readonly string[];
  /** Build (when its sources changed) and serve the web desk; on unless false. */
  readonly webDesk?: boolean;
}

export interface LocalStack {
  readonly apiUrl: string;
  readonly dynamodbEndpoint: string;
  readonly sesUrl: string;
  readonly schedulerUrl: string;
  readonly scheduler: SchedulerEmulator;
  readonly stream: StreamPoller;
  readonly tableName: string;
  readonly issuer: LocalIssuer;
  readonly bodiesLoaded: number;
  readonly stop: () => Promise<void>;
}

/** The values of the catalog's variables on this machine: local names for the AWS resources. */
export function localValues(options: {
  readonly tableName: string;
  readonly apiUrl: string;
  readonly logLevel: string;
  readonly retryDelaysSeconds: string;
  readonly corsOrigins?: string;
}): Record<EnvironmentName, string> {
  return {
    TABLE_NAME: options.tableName,
    CORS_ORIGINS: options.corsOrigins ?? '',
    JWKS_URL: `${options.apiUrl}/local/jwks.json`,
    JWT_ISSUER: localIssuer,
    JWT_AUDIENCE: localAudience,
    SCHEDULE_GROUP: 'complaint-desk-local',
    SCHEDULER_ROLE_ARN: `arn:aws:iam::${localAccount}:role/complaint-desk-local-scheduler`,
    SCHEDULE_DLQ_ARN: `arn:aws:sqs:${localRegion}:${localAccount}:complaint-desk-local-schedules-dlq`,
    DEADLINE_FUNCTION_ARN: functionArn(localRegion, localAccount, 'deadline'),
    NOTICE_FUNCTION_ARN: functionArn(localRegion, localAccount, 'notice'),
    SENDER_EMAIL: 'complaints@notify.complaints.example',
    SES_CONFIGURATION_SET: '',
    NOTICE_RETRY_DELAYS_SECONDS: options.retryDelaysSeconds,
    // npm start serves the web desk at the API's own origin: the follow-up links point there.
    WEB_DESK_URL: options.apiUrl,
    POWERTOOLS_SERVICE_NAME: 'complaint-desk',
    POWERTOOLS_LOG_LEVEL: options.logLevel,
    POWERTOOLS_METRICS_NAMESPACE: 'ComplaintDesk',
    POWERTOOLS_METRICS_DISABLED: 'true',
    // No X-Ray daemon on a laptop: the tracer stays off.
    POWERTOOLS_TRACE_ENABLED: 'false',
    // No personal data in traces, as in logs.
    POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
  };
}

/** Invokes a function by its ARN, as EventBridge Scheduler or an event source mapping would. */
export function targetInvoker(
  handlers: ReadonlyMap<string, { definition: FunctionDefinition; handler: TargetHandler }>,
): (targetArn: string, input: unknown) => Promise<unknown> {
  return async (targetArn, input) => {
    const name = functionNameOf(targetArn);
    const target = handlers.get(name);
    if (!target) throw new Error(`No local function ${name}`);
    return target.handler(input, lambdaContext(target.definition, randomUUID()));
  };
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  // Lambda runs Node 22; locally the lock file pins an SDK that still supports Node 20 and would
  // warn about later releases on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = options.tableName ?? localTableName;
  const directory = options.localDirectory;
  const stops: (() => Promise<void>)[] = [];
  try {
    let dynamoDb: RunningDynamoDb | undefined;
    if (options.dynamodbEndpoint === undefined) {
      dynamoDb = await startDynamoDbLocal(
        directory === undefined ? {} : { dataDirectory: path.join(directory, 'dynamodb') },
      );
      stops.push(dynamoDb.stop);
    }
    const dynamodbEndpoint = options.dynamodbEndpoint ?? dynamoDb?.endpoint ?? '';
    const client = createDynamoDbClient({ endpoint: dynamodbEndpoint });
    await ensureTable(client, tableName);
    await upgradeTable(client, tableName);
    await loadDirectory(createDocumentClient(client), tableName, bodyDirectory);
    const issuer = await localIssuerAt(
      directory === undefined ? undefined : path.join(directory, 'issuer'),
    );

    const port = options.port === 0 || options.port === undefined ? await freePort() : options.port;
    const apiUrl = `http://127.0.0.1:${port}`;
    const ses = await startLocalSes(await freePort());
    stops.unshift(ses.close);
    const schedulerPort = await freePort();
    const schedulerUrl = `http://127.0.0.1:${schedulerPort}`;

    // The same variables the catalog gives each function in AWS, with local values; and the local
    // endpoints, which are all that differ from AWS.
    const values = localValues({
      tableName,
      apiUrl,
      logLevel: options.logLevel ?? 'WARN',
      retryDelaysSeconds: options.retryDelaysSeconds ?? '',
    });
    Object.assign(process.env, {
      AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      SCHEDULER_ENDPOINT: schedulerUrl,
      SES_ENDPOINT: ses.url,
      ...Object.assign({}, ...functions.map((definition) => environmentOf(definition, values))),
    });
    const api: LocalFunction[] = [];
    const targets = new Map<string, { definition: FunctionDefinition; handler: TargetHandler }>();
    for (const definition of functions) {
      const module = (await import(
        pathToFileURL(path.join(repositoryRoot, definition.entry)).href
      )) as {
        handler: ApiHandler & TargetHandler;
      };
      if (definition.routes.length > 0) api.push({ definition, handler: module.handler });
      else targets.set(definition.name, { definition, handler: module.handler });
    }

    const invoke = targetInvoker(targets);
    const scheduler = await startSchedulerEmulator({
      port: schedulerPort,
      invoke: async (targetArn, input) => {
        await invoke(targetArn, input);
      },
      ...(directory === undefined
        ? {}
        : { file: path.join(directory, 'scheduler', 'schedules.json') }),
    });
    stops.unshift(scheduler.close);
    // The user pool's managed login, locally: the desk on this port may sign officials in.
    const signIn = signInPages({
      issuer,
      allowedRedirectOrigins: [
        apiUrl,
        `http://localhost:${port}`,
        ...(options.signInOrigins ?? []),
      ],
    });
    // The web desk on the same origin: its API calls and its sign-in need no CORS locally.
    if (options.webDesk !== false) await buildWebDesk();
    const desk = webDeskPage({
      apiUrl: '',
      signIn: { domain: apiUrl, clientId: localClientId, issuer: localIssuer },
    });
    const server = await startLocalApi({
      port,
      functions: api,
      issuer,
      pages: options.webDesk === false ? [signIn] : [signIn, desk],
    });
    stops.unshift(server.close);

    // The table's stream, fed to the consumer as Lambda's event source mapping would.
    const stream = await startStreamPoller({
      dynamoDb: client,
      endpoint: dynamodbEndpoint,
      tableName,
      consume: (event) => invoke(functionArn(localRegion, localAccount, 'stream'), event),
      accepts: isComplaintChange,
      batchSize: streamConsumption.batchSize,
      retryAttempts: streamConsumption.retryAttempts,
      intervalMs: 100,
      ...(directory === undefined
        ? {}
        : {
            checkpointFile: path.join(directory, 'stream', 'checkpoint.json'),
            failureFile: path.join(directory, 'stream', 'failures.jsonl'),
          }),
    });
    stops.unshift(() => stream.close());

    // Reconciliation: once now (a stack that was stopped may have missed something), then as in AWS.
    const runReconciliation = (): void => {
      invoke(functionArn(localRegion, localAccount, 'reconcile'), {}).catch((error: unknown) => {
        console.error('reconciliation failed', error);
      });
    };
    runReconciliation();
    const every = setInterval(runReconciliation, reconciliationMinutes * 60_000);
    every.unref();
    stops.unshift(() => {
      clearInterval(every);
      return Promise.resolve();
    });

    if (directory !== undefined) {
      await mkdir(directory, { recursive: true });
      await writeFile(
        path.join(directory, 'endpoints.json'),
        `${JSON.stringify({ api: server.url, dynamodb: dynamodbEndpoint, ses: ses.url, scheduler: schedulerUrl }, null, 2)}\n`,
      );
    }
    return {
      apiUrl: server.url,
      dynamodbEndpoint,
      sesUrl: ses.url,
      schedulerUrl,
      scheduler,
      stream,
      tableName,
      issuer,
      bodiesLoaded: bodyDirectory.length,
      stop: async () => {
        for (const stop of stops) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops) await stop();
    throw error;
  }
}
