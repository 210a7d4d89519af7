/**
 * The outbox's figures: reconciliation over many open complaints, with nothing failed and with a
 * share failed (its work must follow the failures, not the open complaints), on DynamoDB Local's
 * stream and the Scheduler emulator.
 */

import { startDynamoDbLocal } from '../infra/local/dynamodb.js';
import { electronicFiling } from '../test/fixtures.js';
import { createSystem } from '../test/support/system.js';
import { tally } from './stats.js';

export interface ReconciliationRun {
  readonly name: string;
  readonly open: number;
  readonly lagging: number;
  readonly schedulerCalls: number;
  readonly byKind: string;
  readonly dynamoDbCalls: number;
  readonly ms: number;
}

const almaty = (local: string): number => Date.parse(`${local}:00+05:00`);

export async function benchReconciliation(
  open = 10_000,
  failedShare = 0.01,
): Promise<ReconciliationRun[]> {
  const dynamoDb = await startDynamoDbLocal();
  const system = await createSystem(dynamoDb.endpoint, {
    stream: 'background',
    checkResponses: false,
  });
  try {
    system.setNow(almaty('2026-11-23T10:00'));
    // Paper complaints: open, with their two deadline schedules each, and no e-mail to send.
    const official = await system.official({ bodyId: 'akimat-astana' });
    const body = {
      ...electronicFiling,
      channel: 'paper',
      acceptedBy: { name: 'Сейткали Нурлан', position: 'специалист' },
      applicant: { ...electronicFiling.applicant, postalAddress: 'Астана' },
    };
    const file = async (): Promise<void> => {
      const reply = await system.call('POST', '/v1/complaints', { body, token: official });
      if (reply.status !== 201) throw new Error(`Filing answered ${String(reply.status)}`);
    };
    const fileMany = async (count: number): Promise<void> => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next++ < count) await file();
        }),
      );
    };
    const failed = Math.round(open * failedShare);
    await fileMany(open - failed);
    await system.stream.drain();
    // A share whose stream consumer fails for good: their changes go to the failure queue.
    system.failSchedulerCalls(Number.MAX_SAFE_INTEGER);
    await fileMany(failed);
    await system.stream.drain();
    system.failSchedulerCalls(0);

    const run = async (name: string, lagging: number): Promise<ReconciliationRun> => {
      system.resetCalls();
      const started = performance.now();
      const result = (await system.reconcile()) as { schedulerCalls: number };
      const ms = performance.now() - started;
      return {
        name,
        open,
        lagging,
        schedulerCalls: result.schedulerCalls,
        byKind:
          [...tally(system.schedulerCalls)].map(([kind, n]) => `${String(n)} ${kind}`).join(', ') ||
          'none',
        dynamoDbCalls: system.calls.length,
        ms,
      };
    };
    // Past the grace period the stream is given: now reconciliation acts on what lags.
    system.setNow(almaty('2026-11-23T10:10'));
    const withFailures = await run(
      `${String(failed)} failed (${String(failedShare * 100)} %)`,
      failed,
    );
    system.setNow(almaty('2026-11-23T10:20'));
    const nothingFailed = await run('nothing failed', 0);
    return [nothingFailed, withFailures];
  } finally {
    await system.close();
    await dynamoDb.stop();
  }
}
