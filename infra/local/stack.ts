/**
 * The whole system on a laptop: DynamoDB Local with the table and the body directory, the local
 * token issuer, and the catalog's functions behind the local front door. `npm start` runs it with
 * its data under `.local/`; tests run it in memory on free ports.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiHandler } from '../../functions/lib/http.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { loadDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { environmentOf, functions, type EnvironmentName } from '../catalog.js';
import { startLocalApi, type LocalFunction } from './api-server.js';
import { ensureTable, freePort, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb.js';
import { localAudience, localIssuer, localIssuerAt, type LocalIssuer } from './issuer.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultLocalDirectory = path.join(repositoryRoot, '.local');
export const localTableName = 'complaint-desk-local';

export interface LocalStackOptions {
  /** The API's port; 0 picks a free one. */
  readonly port?: number;
  /** Where data, keys and endpoints.json live; absent: everything in memory, nothing written. */
  readonly localDirectory?: string;
  /** Use this DynamoDB (tests share one) instead of starting DynamoDB Local. */
  readonly dynamodbEndpoint?: string;
  readonly tableName?: string;
  readonly logLevel?: string;
}

export interface LocalStack {
  readonly apiUrl: string;
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  readonly issuer: LocalIssuer;
  readonly bodiesLoaded: number;
  readonly stop: () => Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  // Lambda runs Node 22; locally the lock file pins an SDK that still supports Node 20 and would
  // warn about later releases on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = options.tableName ?? localTableName;
  const directory = options.localDirectory;
  let dynamoDb: RunningDynamoDb | undefined;
  const stops: (() => Promise<void>)[] = [];
  try {
    if (options.dynamodbEndpoint === undefined) {
      dynamoDb = await startDynamoDbLocal(
        directory === undefined ? {} : { dataDirectory: path.join(directory, 'dynamodb') },
      );
      stops.push(dynamoDb.stop);
    }
    const dynamodbEndpoint = options.dynamodbEndpoint ?? dynamoDb?.endpoint ?? '';
    const client = createDynamoDbClient({ endpoint: dynamodbEndpoint });
    await ensureTable(client, tableName);
    await loadDirectory(createDocumentClient(client), tableName, bodyDirectory);
    const issuer = await localIssuerAt(
      directory === undefined ? undefined : path.join(directory, 'issuer'),
    );

    const port = options.port === 0 || options.port === undefined ? await freePort() : options.port;
    const apiUrl = `http://127.0.0.1:${port}`;
    // The same variables the catalog gives each function in AWS, with local values.
    const values: Record<EnvironmentName, string> = {
      TABLE_NAME: tableName,
      JWKS_URL: `${apiUrl}/local/jwks.json`,
      JWT_ISSUER: localIssuer,
      JWT_AUDIENCE: localAudience,
      POWERTOOLS_SERVICE_NAME: 'complaint-desk',
      POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'WARN',
    };
    Object.assign(process.env, {
      AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      ...Object.assign({}, ...functions.map((definition) => environmentOf(definition, values))),
    });
    const loaded: LocalFunction[] = [];
    for (const definition of functions) {
      const module = (await import(
        pathToFileURL(path.join(repositoryRoot, definition.entry)).href
      )) as {
        handler: ApiHandler;
      };
      loaded.push({ definition, handler: module.handler });
    }
    const api = await startLocalApi({ port, functions: loaded, issuer });
    stops.unshift(api.close);
    if (directory !== undefined) {
      await mkdir(directory, { recursive: true });
      await writeFile(
        path.join(directory, 'endpoints.json'),
        `${JSON.stringify({ api: api.url, dynamodb: dynamodbEndpoint }, null, 2)}\n`,
      );
    }
    return {
      apiUrl: api.url,
      dynamodbEndpoint,
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
