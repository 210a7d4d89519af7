/**
 * The one DynamoDB table (docs/architecture.md): its keys, indexes and TTL, as plain
 * data that the CDK stack and the local runner both build the table from.
 *
 * | item | PK | SK |
 * |---|---|---|
 * | complaint | `COMPLAINT#<id>` | `META` |
 * | history event (R13) | `COMPLAINT#<id>` | `EVENT#<utc instant>#<version>` |
 * | notice (the outbox, R9) | `COMPLAINT#<id>` | `NOTICE#<id>` |
 * | alert to officials (R11, R24) | `COMPLAINT#<id>` | `ALERT#<id>` |
 * | recommendation (R12) | `COMPLAINT#<id>` | `REC#<id>` |
 * | registration counter (R14) | `COUNTER#<bodyId>#<year>` | `COUNTER` |
 * | body of the directory (R2) | `DIRECTORY` | `BODY#<id>` |
 * | idempotency record | `IDEMPOTENCY#<function>` | `<key hash>` (Powertools, TTL'd) |
 * | calendar upkeep (R22) | `SYSTEM#calendar` | `RECOUNT`, `WARNING#<end>#<days>` |
 *
 * GSI1 (`BODY#<bodyId>` / `<status>#<dueDate>#<id>`): a body's complaints by status and due date.
 * GSI2, sparse (`DUE#<date>` / `<kind>#<id>`): open complaints (`PROVISIONAL#<id>` when the due
 * date is provisional, R22), pending notices and alerts, unanswered recommendations, by the date
 * they fall due, for reconciliation.
 */

import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const tableKeys = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  gsi2: { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  /** Epoch seconds after which DynamoDB deletes the item (idempotency records). */
  timeToLive: 'expiration',
} as const;

/** The CreateTable request for DynamoDB Local and tests; the CDK stack declares the same keys. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, gsi1, gsi2 } = tableKeys;
  const attributes = [
    partitionKey,
    sortKey,
    gsi1.partitionKey,
    gsi1.sortKey,
    gsi2.partitionKey,
    gsi2.sortKey,
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes.map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [gsi1, gsi2].map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
