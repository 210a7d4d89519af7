/**
 * The table's stream on a laptop: polls DynamoDB Local's stream and invokes the stream consumer the
 * way Lambda's event source mapping does in AWS (infra/catalog.ts, `streamConsumption`): records
 * in order per shard, batches of up to `batchSize`, only the records the filter lets through, a
 * reported batch item failure retried from that record, a thrown error retried with the batch
 * split in two, and after the last try the records go to the failure queue (a JSON-lines file and
 * the console) and the poller moves on. It checkpoints after each batch, so a restart resumes
 * where it stopped: a crash between a commit and its processing loses nothing.
 */

import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';

/** What the consumer is handed: Lambda's DynamoDB stream event, as far as the consumer reads it. */
export interface StreamEvent {
  readonly Records: readonly Record<string, unknown>[];
}

export type StreamConsumer = (event: StreamEvent) => Promise<unknown>;

export interface StreamPollerOptions {
  readonly dynamoDb: DynamoDBClient;
  /** DynamoDB Local's endpoint: its streams API answers there too. */
  readonly endpoint: string;
  readonly tableName: string;
  readonly consume: StreamConsumer;
  /** Whether the consumer is invoked for a record, by its sort key (the mapping's filter). */
  readonly accepts: (sortKey: string) => boolean;
  readonly batchSize: number;
  readonly retryAttempts: number;
  /** Where the position in the stream is kept across restarts; absent: in memory. */
  readonly checkpointFile?: string;
  /** The failure queue: records given up on, one JSON line each; absent: in memory only. */
  readonly failureFile?: string;
  /** Polls by itself every so many ms; 0: only when `drain` is called. */
  readonly intervalMs?: number;
  /** Waits between tries of a failing batch. */
  readonly retryDelayMs?: number;
}

export interface FailedBatch {
  readonly reason: string;
  readonly sequenceNumbers: readonly string[];
}

export interface StreamPoller {
  /** Processes everything the stream holds now; resolves with the number of records handed over. */
  drain(): Promise<number>;
  /** Records given up on after the last try (the failure queue). */
  readonly failures: readonly FailedBatch[];
  close(): Promise<void>;
}

interface Checkpoint {
  streamArn: string | null;
  /** Per shard: the last sequence number processed, or 'closed' once read to its end. */
  shards: Record<string, string>;
}

const closed = 'closed';

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { dynamoDb, tableName } = options;
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: await dynamoDb.config.region(),
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const failures: FailedBatch[] = [];
  let checkpoint: Checkpoint = { streamArn: null, shards: {} };
  if (options.checkpointFile) {
    try {
      checkpoint = JSON.parse(await readFile(options.checkpointFile, 'utf8')) as Checkpoint;
    } catch {
      // No checkpoint yet: from the start of the stream.
    }
  }
  const iterators = new Map<string, string>();

  const saveCheckpoint = async (): Promise<void> => {
    if (!options.checkpointFile) return;
    await mkdir(path.dirname(options.checkpointFile), { recursive: true });
    await writeFile(options.checkpointFile, JSON.stringify(checkpoint));
  };

  const streamArn = async (): Promise<string> => {
    const { Table } = await dynamoDb.send(new DescribeTableCommand({ TableName: tableName }));
    const arn = Table?.LatestStreamArn;
    if (!arn) throw new Error(`The table ${tableName} has no stream`);
    if (checkpoint.streamArn !== arn) {
      // Another table (a fresh one): its stream from the start.
      checkpoint = { streamArn: arn, shards: {} };
      iterators.clear();
    }
    return arn;
  };

  const giveUp = async (records: readonly StreamRecord[], reason: string): Promise<void> => {
    const failed: FailedBatch = {
      reason,
      sequenceNumbers: records.map((r) => r.dynamodb?.SequenceNumber ?? ''),
    };
    failures.push(failed);
    console.error(
      `stream: ${String(records.length)} record(s) sent to the failure queue: ${reason}`,
    );
    if (options.failureFile) {
      await mkdir(path.dirname(options.failureFile), { recursive: true });
      await appendFile(
        options.failureFile,
        `${JSON.stringify({ ...failed, at: new Date().toISOString() })}\n`,
      );
    }
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Hands records to the consumer until they are done or given up, as the mapping would. */
  const deliver = async (arn: string, records: readonly StreamRecord[]): Promise<void> => {
    let pending = records;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let from = 0;
      let threw: string | undefined;
      try {
        const result = (await options.consume({
          Records: pending.map((record) => toLambdaRecord(record, arn)),
        })) as { batchItemFailures?: { itemIdentifier?: string }[] } | undefined;
        const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
        if (failed === undefined) return;
        from = Math.max(
          0,
          pending.findIndex((record) => record.dynamodb?.SequenceNumber === failed),
        );
      } catch (error) {
        threw = error instanceof Error ? error.message : String(error);
      }
      pending = pending.slice(from);
      if (threw !== undefined && pending.length > 1) {
        // Bisect on error: each half on its own, so one bad record does not hold back the rest.
        const middle = Math.ceil(pending.length / 2);
        await deliver(arn, pending.slice(0, middle));
        await deliver(arn, pending.slice(middle));
        return;
      }
      if (attempt >= options.retryAttempts) {
        await giveUp(pending, threw ?? 'reported as failed on every try');
        return;
      }
      await sleep(options.retryDelayMs ?? 50);
    }
  };

  /** One pass over every shard: the records each holds now. Returns how many were handed over. */
  const pollOnce = async (): Promise<number> => {
    const arn = await streamArn();
    const shards: Shard[] = [];
    let exclusiveStart: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: exclusiveStart }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStart = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart);
    let handed = 0;
    for (const shard of shards) {
      const shardId = shard.ShardId ?? '';
      if (checkpoint.shards[shardId] === closed) continue;
      // A child shard waits until its parent is read to its end: order per item is kept.
      const parent = shard.ParentShardId;
      if (
        parent &&
        shards.some((s) => s.ShardId === parent) &&
        checkpoint.shards[parent] !== closed
      )
        continue;
      let iterator = iterators.get(shardId);
      if (iterator === undefined) {
        const after = checkpoint.shards[shardId];
        ({ ShardIterator: iterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: arn,
            ShardId: shardId,
            ...(after === undefined
              ? { ShardIteratorType: 'TRIM_HORIZON' }
              : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }),
          }),
        ));
      }
      while (iterator !== undefined) {
        let page;
        try {
          page = await streams.send(
            new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize }),
          );
        } catch (error) {
          // An iterator left unused too long expires: the next pass starts again from the checkpoint.
          if (error instanceof Error && error.name === 'ExpiredIteratorException') {
            iterators.delete(shardId);
            break;
          }
          throw error;
        }
        const records = page.Records ?? [];
        const accepted = records.filter((record) =>
          options.accepts(record.dynamodb?.Keys?.SK?.S ?? ''),
        );
        if (accepted.length > 0) {
          await deliver(arn, accepted);
          handed += accepted.length;
        }
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (last !== undefined) {
          checkpoint.shards[shardId] = last;
          await saveCheckpoint();
        }
        iterator = page.NextShardIterator;
        if (iterator === undefined) {
          checkpoint.shards[shardId] = closed;
          iterators.delete(shardId);
          await saveCheckpoint();
        } else {
          iterators.set(shardId, iterator);
        }
        if (records.length === 0) break;
      }
    }
    return handed;
  };

  // Passes never overlap: each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  const pass = (): Promise<number> => {
    const run = queue.then(pollOnce);
    queue = run.catch(() => undefined);
    return run;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (stopped || !options.intervalMs) return;
    timer = setTimeout(() => {
      pass()
        .catch((error: unknown) => {
          console.error('stream: polling failed', error);
        })
        .finally(schedule);
    }, options.intervalMs);
  };
  schedule();

  return {
    failures,
    drain: async () => {
      let total = 0;
      for (;;) {
        const handed = await pass();
        total += handed;
        if (handed === 0) return total;
      }
    },
    close: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await queue;
      streams.destroy();
    },
  };
}

/** A stream record as Lambda hands it over: the same fields, with the mapping's own ones. */
function toLambdaRecord(record: StreamRecord, streamArn: string): Record<string, unknown> {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    ...record,
    eventSource: 'aws:dynamodb',
    eventSourceARN: streamArn,
    dynamodb: {
      ...record.dynamodb,
      ...(created instanceof Date ? { ApproximateCreationDateTime: created.getTime() / 1000 } : {}),
    },
  };
}
