/**
 * A system under test: the catalog's functions built from their factories (so the clock can be
 * set), a fresh table on a running DynamoDB Local, an in-memory token issuer, and the local front
 * door on a free port. Tests and benchmarks talk to it over HTTP, as a client would, and can count
 * the DynamoDB calls each request makes.
 */

import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createLocalJWKSet } from 'jose';
import { ulid } from 'ulid';
import { createActOnComplaintHandler } from '../../functions/api/act-on-complaint.js';
import { createFileComplaintHandler } from '../../functions/api/file-complaint.js';
import { createReadComplaintsHandler } from '../../functions/api/read-complaints.js';
import { createReferenceHandler } from '../../functions/api/reference.js';
import { createAuthenticator } from '../../functions/lib/auth.js';
import type { ApiDependencies } from '../../functions/lib/dependencies.js';
import type { ApiHandler } from '../../functions/lib/http.js';
import { functions } from '../../infra/catalog.js';
import { startLocalApi, type LocalApi } from '../../infra/local/api-server.js';
import { ensureTable } from '../../infra/local/dynamodb.js';
import {
  localAudience,
  localIssuer,
  localIssuerAt,
  type OfficialClaims,
} from '../../infra/local/issuer.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.js';
import {
  DynamoBodyDirectory,
  loadDirectory,
} from '../../shared/adapters/dynamodb/directory-repository.js';
import { tableKeys } from '../../shared/adapters/dynamodb/table.js';
import { bodyDirectory } from '../../shared/bodies/index.js';

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

export interface CallOptions {
  readonly body?: unknown;
  /** A raw body, sent as is (for malformed and oversized bodies). */
  readonly rawBody?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface Harness {
  readonly url: string;
  readonly tableName: string;
  readonly dependencies: ApiDependencies;
  /** DynamoDB commands sent since the last `resetCalls`, by name. */
  readonly calls: string[];
  resetCalls(): void;
  /** Sets the clock the handlers read (epoch ms); `undefined` goes back to the real clock. */
  setNow(instant: number | undefined): void;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  official(claims: OfficialClaims): Promise<string>;
  close(): Promise<void>;
}

export async function createSystem(endpoint: string): Promise<Harness> {
  const tableName = `test-${randomUUID()}`;
  const client = createDynamoDbClient({ endpoint });
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const documents = createDocumentClient(client);
  await ensureTable(client, tableName);
  await loadDirectory(documents, tableName, bodyDirectory);
  const issuer = await localIssuerAt();
  let fixedNow: number | undefined;
  const clock = (): number => fixedNow ?? Date.now();
  const dependencies: ApiDependencies = {
    repository: new DynamoComplaintRepository({ client: documents, tableName, clock }),
    directory: new DynamoBodyDirectory(documents, tableName),
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
    logger: new Logger({ serviceName: 'complaint-desk-test', logLevel: 'SILENT' }),
    clock,
    newId: ulid,
  };
  const factories: Record<string, (deps: ApiDependencies) => ApiHandler> = {
    'api-reference': createReferenceHandler,
    'api-file-complaint': createFileComplaintHandler,
    'api-read-complaints': createReadComplaintsHandler,
    'api-act-on-complaint': createActOnComplaintHandler,
  };
  const api: LocalApi = await startLocalApi({
    port: 0,
    issuer,
    functions: functions.map((definition) => {
      const factory = factories[definition.name];
      if (!factory) throw new Error(`No factory for ${definition.name}`);
      return { definition, handler: factory(dependencies) };
    }),
  });
  return {
    url: api.url,
    tableName,
    dependencies,
    calls,
    resetCalls: () => calls.splice(0),
    setNow: (instant) => {
      fixedNow = instant;
    },
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      let payload: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        payload = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
      });
      const text = await response.text();
      const isJson = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
      const parsed: unknown = isJson ? JSON.parse(text) : {};
      const body =
        typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      return { status: response.status, headers: response.headers, body, text };
    },
    official: (claims) => issuer.sign(claims),
    close: () => api.close(),
  };
}
