/**
 * What the API handlers need from the outside world, built from the environment the catalog gives
 * each function (the same names in AWS and in the local runner). Built lazily: a function that
 * never authenticates never reads the JWT settings.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { createRemoteJWKSet } from 'jose';
import { ulid } from 'ulid';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.js';
import { DynamoBodyDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { tableKeys } from '../../shared/adapters/dynamodb/table.js';
import type { BodyDirectory, ComplaintRepository } from '../../shared/ports.js';
import { createAuthenticator, type Authenticate } from './auth.js';

export interface ApiDependencies {
  readonly repository: ComplaintRepository;
  readonly directory: BodyDirectory;
  readonly authenticate: Authenticate;
  /** Where filing keeps its idempotency records. */
  readonly idempotencyStore: BasePersistenceLayer;
  readonly logger: Logger;
  readonly clock: () => number;
  readonly newId: () => string;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '')
    throw new Error(`Environment variable ${name} is not set`);
  return value;
}

function lazy<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

export const serviceName = 'complaint-desk';

export function environmentDependencies(): ApiDependencies {
  const dynamoDb = lazy(() => createDynamoDbClient());
  const documents = lazy(() => createDocumentClient(dynamoDb()));
  const tableName = lazy(() => requiredEnv('TABLE_NAME'));
  const repository = lazy(
    () => new DynamoComplaintRepository({ client: documents(), tableName: tableName() }),
  );
  const directory = lazy(() => new DynamoBodyDirectory(documents(), tableName()));
  const authenticate = lazy(() =>
    createAuthenticator({
      keys: createRemoteJWKSet(new URL(requiredEnv('JWKS_URL'))),
      issuer: requiredEnv('JWT_ISSUER'),
      audience: requiredEnv('JWT_AUDIENCE'),
    }),
  );
  const idempotencyStore = lazy(
    () =>
      new DynamoDBPersistenceLayer({
        tableName: tableName(),
        awsSdkV3Client: dynamoDb(),
        keyAttr: tableKeys.partitionKey,
        sortKeyAttr: tableKeys.sortKey,
        staticPkValue: 'IDEMPOTENCY#file-complaint',
        expiryAttr: tableKeys.timeToLive,
      }),
  );
  return {
    get repository() {
      return repository();
    },
    get directory() {
      return directory();
    },
    get authenticate() {
      return authenticate();
    },
    get idempotencyStore() {
      return idempotencyStore();
    },
    logger: new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName }),
    clock: Date.now,
    newId: ulid,
  };
}
