/**
 * StatisticsStore in the table: one item per month and body (`STATS#<YYYY-MM>` / `BODY#<id>`), its
 * counters as numeric attributes moved with ADD. Each stream record is counted in one transaction
 * with a marker (`COUNTED#<event id>`, kept a week, well past the stream's 24 hours): a record
 * delivered again finds its marker and changes nothing.
 */

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { CounterDelta, Month } from '../../domain/statistics.js';
import type { StatisticsStore, StoredCounters } from '../../ports.js';
import { tableKeys } from './table.js';

const markerDays = 7;
const statsKey = (month: Month, bodyId: string) => ({ PK: `STATS#${month}`, SK: `BODY#${bodyId}` });

export class DynamoStatisticsStore implements StatisticsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async count(recordId: string, deltas: readonly CounterDelta[]): Promise<boolean> {
    if (deltas.length === 0) return true;
    const expires = Math.floor(this.clock() / 1000) + markerDays * 86_400;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  PK: `COUNTED#${recordId}`,
                  SK: 'COUNTED',
                  type: 'counted',
                  [tableKeys.timeToLive]: expires,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...deltas.map((delta) => {
              const names = Object.keys(delta.counts);
              return {
                Update: {
                  TableName: this.tableName,
                  Key: statsKey(delta.month, delta.bodyId),
                  UpdateExpression: `SET #type = :type, #body = :body, #month = :month ADD ${names
                    .map((_, i) => `#c${i} :c${i}`)
                    .join(', ')}`,
                  ExpressionAttributeNames: {
                    '#type': 'type',
                    '#body': 'bodyId',
                    '#month': 'month',
                    ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
                  },
                  ExpressionAttributeValues: {
                    ':type': 'statistics',
                    ':body': delta.bodyId,
                    ':month': delta.month,
                    ...Object.fromEntries(
                      names.map((name, i) => [
                        `:c${i}`,
                        delta.counts[name as keyof typeof delta.counts],
                      ]),
                    ),
                  },
                },
              };
            }),
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async read(months: readonly Month[], bodyId?: string): Promise<readonly StoredCounters[]> {
    // One Query per month: the month's partition, or the one body's item in it.
    const pages = await Promise.all(
      months.map(async (month) => {
        const items: StoredCounters[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page: QueryCommandOutput = await this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: bodyId === undefined ? 'PK = :pk' : 'PK = :pk AND SK = :sk',
              ExpressionAttributeValues: {
                ':pk': `STATS#${month}`,
                ...(bodyId === undefined ? {} : { ':sk': `BODY#${bodyId}` }),
              },
              ExclusiveStartKey: startKey,
            }),
          );
          items.push(...(page.Items ?? []).map(countersOf));
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        return items;
      }),
    );
    return pages.flat();
  }
}

function countersOf(item: Record<string, unknown>): StoredCounters {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number') counters[name] = value;
  }
  return { bodyId: String(item.bodyId), month: String(item.month), counters };
}
