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
 * | follow-up link e-mail asked for (access links) | `COMPLAINT#<id>` | `LINK#<id>` |
 * | access token issued after filing (its hash only, R15) | `COMPLAINT#<id>` | `TOKEN#<sha-256>` |
 * | registration number's complaint (R14) | `REGISTRATION#<number>` | `REGISTRATION` |
 * | an unmatched access-link request's writes | `THROWAWAY#<uuid>` | `PLAN`, `LINK`, `SCHEDULES` (TTL'd) |
 * | registration counter (R14) | `COUNTER#<bodyId>#<year>` | `COUNTER` |
 * | body of the directory (R2) | `DIRECTORY` | `BODY#<id>` |
 * | idempotency record | `IDEMPOTENCY#<function>` | `<key hash>` (Powertools, TTL'd) |
 * | schedules to confirm | `COMPLAINT#<id>` | `SCHEDULES` (in GSI3 while lagging) |
 * | calendar upkeep (R22) | `SYSTEM#calendar` | `RECOUNT`, `WARNING#<end>#<days>` |
 * | statistics (per body, month) | `STATS#<YYYY-MM>` | `BODY#<bodyId>` |
 * | stream record counted | `COUNTED#<event id>` | `COUNTED` (TTL'd) |
 *
 * GSI1 (`BODY#<bodyId>` / `<status>#<dueDate>#<id>`): a body's complaints by status and due date.
 * GSI2, sparse (`DUE#<date>` / `PROVISIONAL#<id>`): open complaints whose due date is provisional
 * (R22), by that date, for the recount once the calendar grows.
 * GSI3, sparse, what needs attention if nothing else comes: `LAGGING#<shard>` / `<since>#<id>`, a
 * complaint whose schedules are not yet confirmed in line with its last change (its `SCHEDULES`
 * item, until the stream consumer has made the calls), and `SEND#<shard>` / `<send at>#…`, an
 * e-mail (notice, alert or follow-up link) still to be sent. Reconciliation reads only these, so
 * its work follows failures.
 *
 * The table's stream (new and old images) is the outbox: the stream consumer derives the schedule
 * calls and the statistics from each complaint's change.
 */

import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const tableKeys = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  gsi2: { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  gsi3: { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  /** Epoch seconds after which DynamoDB deletes the item (idempotency records). */
  timeToLive: 'expiration',
} as const;

/** The CreateTable request for DynamoDB Local and tests; the CDK stack declares the same keys. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, gsi1, gsi2, gsi3 } = tableKeys;
  const attributes = [
    partitionKey,
    sortKey,
    gsi1.partitionKey,
    gsi1.sortKey,
    gsi2.partitionKey,
    gsi2.sortKey,
    gsi3.partitionKey,
    gsi3.sortKey,
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
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    GlobalSecondaryIndexes: [gsi1, gsi2, gsi3].map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/** Shards of GSI3's partitions, so that no one partition takes every write. */
export const attentionShards = 8;

/** The shard of a complaint's attention entries: a stable hash of its id. */
export function attentionShard(complaintId: string): number {
  let hash = 0;
  for (let i = 0; i < complaintId.length; i++) hash = (hash * 31 + complaintId.charCodeAt(i)) | 0;
  return Math.abs(hash) % attentionShards;
}
