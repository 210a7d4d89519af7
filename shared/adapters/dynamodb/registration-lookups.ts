/**
 * Complaints filed before registration numbers had their lookup item (`REGISTRATION#<number>`,
 * written with the complaint since access links) get it here, once per table: a table that has
 * been through this carries a marker, and later starts skip it. For tables made by an earlier
 * `npm start` (infra/local/table-upgrade.ts); it scans, which no function's role may do.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { registrationItem } from './complaint-repository.js';

const marker = { PK: 'SYSTEM#upgrade', SK: 'REGISTRATION-LOOKUPS' };

/** Adds the missing lookup items; answers how many it added (0 once the table has them all). */
export async function addRegistrationLookups(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<number> {
  const done = await client.send(
    new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }),
  );
  if (done.Item) return 0;
  let added = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'SK = :meta',
        ExpressionAttributeValues: { ':meta': 'META' },
        ProjectionExpression: 'PK, #data',
        ExpressionAttributeNames: { '#data': 'data' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const complaintId = String(item.PK).slice('COMPLAINT#'.length);
      const { registrationNumber } = JSON.parse(String(item.data)) as {
        registrationNumber?: unknown;
      };
      if (!String(item.PK).startsWith('COMPLAINT#') || typeof registrationNumber !== 'string')
        continue;
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: registrationItem(registrationNumber, complaintId),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        added++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await client.send(new PutCommand({ TableName: tableName, Item: marker }));
  return added;
}
