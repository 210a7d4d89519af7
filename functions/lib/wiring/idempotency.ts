/** Filing's idempotency records (Powertools), in the same table under their own partition. */

import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableKeys } from '../../../shared/adapters/dynamodb/table.js';

export function idempotencyStoreIn(
  dynamoDb: DynamoDBClient,
  tableName: string,
): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: dynamoDb,
    keyAttr: tableKeys.partitionKey,
    sortKeyAttr: tableKeys.sortKey,
    staticPkValue: 'IDEMPOTENCY#file-complaint',
    expiryAttr: tableKeys.timeToLive,
  });
}
