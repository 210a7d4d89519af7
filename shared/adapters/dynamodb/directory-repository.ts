/**
 * The body directory (R2) in the table, one partition: loaded by the project (`npm start`, and the
 * deployment), read by the handlers once per process and kept for a few minutes, so a request
 * pays no DynamoDB call for it.
 */

import {
  BatchWriteCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Body } from '../../domain/bodies.js';
import type { BodyDirectory } from '../../ports.js';

const directoryPartition = 'DIRECTORY';

/** Writes every body (idempotent: a second load overwrites with the same data). */
export async function loadDirectory(
  client: DynamoDBDocumentClient,
  tableName: string,
  bodies: readonly Body[],
): Promise<void> {
  for (let i = 0; i < bodies.length; i += 25) {
    let requests = bodies.slice(i, i + 25).map((body) => ({
      PutRequest: {
        Item: {
          PK: directoryPartition,
          SK: `BODY#${body.id}`,
          type: 'body',
          data: JSON.stringify(body),
        },
      },
    }));
    // BatchWrite may leave some items for a retry under load.
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8)
        throw new Error('The directory could not be loaded: DynamoDB kept items unprocessed');
      const result = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (requests.length > 0)
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

export class DynamoBodyDirectory implements BodyDirectory {
  private cache:
    { bodies: readonly Body[]; byId: ReadonlyMap<string, Body>; loadedAt: number } | undefined;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async all(): Promise<readonly Body[]> {
    return (await this.load()).bodies;
  }

  async find(id: string): Promise<Body | undefined> {
    return (await this.load()).byId.get(id);
  }

  private async load(): Promise<NonNullable<DynamoBodyDirectory['cache']>> {
    if (this.cache && this.clock() - this.cache.loadedAt < this.maxAgeMs) return this.cache;
    const bodies: Body[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': directoryPartition },
          ExclusiveStartKey: startKey,
        }),
      );
      bodies.push(...(page.Items ?? []).map((item) => JSON.parse(String(item.data)) as Body));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    bodies.sort((a, b) => a.id.localeCompare(b.id));
    this.cache = {
      bodies,
      byId: new Map(bodies.map((body) => [body.id, body])),
      loadedAt: this.clock(),
    };
    return this.cache;
  }
}
