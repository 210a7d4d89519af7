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

  async count(
    records: readonly { readonly recordId: string; readonly deltas: readonly CounterDelta[] }[],
  ): Promise<void> {
    // A batch at once, in transactions of at most 100 items: each record's marker, and the
    // counters' sums. When one record was counted before, each record on its own.
    for (const chunk of chunks(records)) {
      if (!(await this.countTogether(chunk))) {
        for (const record of chunk) await this.countTogether([record]);
      }
    }
  }

  /** One transaction: the records' markers and the sum of their deltas. False if one was counted. */
  private async countTogether(
    records: readonly { readonly recordId: string; readonly deltas: readonly CounterDelta[] }[],
  ): Promise<boolean> {
    const sums = new Map<
      string,
      { bodyId: string; month: Month; counts: Record<string, number> }
    >();
    for (const delta of records.flatMap((record) => record.deltas)) {
      const key = `${delta.bodyId}#${delta.month}`;
      const sum = sums.get(key) ?? { bodyId: delta.bodyId, month: delta.month, counts: {} };
      for (const [name, value] of Object.entries(delta.counts))
        sum.counts[name] = (sum.counts[name] ?? 0) + (value ?? 0);
      sums.set(key, sum);
    }
    const expires = Math.floor(this.clock() / 1000) + markerDays * 86_400;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...records.map((record) => ({
              Put: {
                TableName: this.tableName,
                Item: {
                  PK: `COUNTED#${record.recordId}`,
                  SK: 'COUNTED',
                  type: 'counted',
                  [tableKeys.timeToLive]: expires,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
            ...[...sums.values()].map((sum) => {
              const names = Object.keys(sum.counts);
              return {
                Update: {
                  TableName: this.tableName,
                  Key: statsKey(sum.month, sum.bodyId),
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
                    ':body': sum.bodyId,
                    ':month': sum.month,
                    ...Object.fromEntries(names.map((name, i) => [`:c${i}`, sum.counts[name]])),
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
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return false;
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

/**
 * Records in groups whose transaction stays within DynamoDB's 100 items: a marker each, and at
 * most one counter item per distinct body and month.
 */
function chunks<T extends { readonly deltas: readonly CounterDelta[] }>(
  records: readonly T[],
): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let keys = new Set<string>();
  for (const record of records) {
    const added = record.deltas.map((d) => `${d.bodyId}#${d.month}`).filter((k) => !keys.has(k));
    if (current.length > 0 && current.length + 1 + keys.size + new Set(added).size > 100) {
      result.push(current);
      current = [];
      keys = new Set();
    }
    current.push(record);
    for (const delta of record.deltas) keys.add(`${delta.bodyId}#${delta.month}`);
  }
  if (current.length > 0) result.push(current);
  return result;
}
