/**
 * From an extension request to the extension e-mail in the local SES store (R9): the API write, the
 * schedule created at the current second, the emulator firing the notice function in-process, SES
 * receiving the e-mail. One at a time, then a burst of requests at once.
 */

import { startDynamoDbLocal } from '../infra/local/dynamodb.js';
import { receivedEmails } from '../infra/local/ses.js';
import { electronicFiling } from '../test/fixtures.js';
import { createSystem, field, type Harness } from '../test/support/system.js';
import { percentile } from './stats.js';

export interface DeliveryResult {
  readonly name: string;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function summary(name: string, latencies: number[]): DeliveryResult {
  latencies.sort((a, b) => a - b);
  return {
    name,
    samples: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

const extensionSubject = /^(Шағымды қарау мерзімі ұзартылды|Срок рассмотрения жалобы продлён)/;

/** Watches the SES store and resolves each address's wait when its extension e-mail is there. */
function extensionWatcher(sesUrl: string): {
  arrival: (address: string) => Promise<number>;
  stop: () => void;
} {
  const waiting = new Map<string, (at: number) => void>();
  const stopped = new AbortController();
  void (async () => {
    while (!stopped.signal.aborted) {
      if (waiting.size > 0) {
        const emails = await receivedEmails(sesUrl);
        const now = performance.now();
        for (const email of emails) {
          if (!extensionSubject.test(email.subject)) continue;
          for (const address of email.destination.to) {
            waiting.get(address)?.(now);
            waiting.delete(address);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return {
    arrival: (address) =>
      new Promise<number>((resolve) => {
        waiting.set(address, resolve);
      }),
    stop: () => {
      stopped.abort();
    },
  };
}

export async function benchNotices(): Promise<DeliveryResult[]> {
  const dynamoDb = await startDynamoDbLocal();
  const system: Harness = await createSystem(dynamoDb.endpoint, { autoFire: true });
  const watcher = extensionWatcher(system.sesUrl);
  try {
    const official = await system.official({ bodyId: 'akimat-astana' });
    const file = async (i: number): Promise<{ id: string; address: string }> => {
      const address = `bench-${String(i)}@example.kz`;
      const reply = await system.call('POST', '/v1/complaints', {
        body: {
          ...electronicFiling,
          applicant: {
            ...electronicFiling.applicant,
            email: address,
            language: i % 2 === 0 ? 'kk' : 'ru',
          },
        },
      });
      return { id: field(reply.body, 'id'), address };
    };
    const extendAndWait = async (complaint: { id: string; address: string }): Promise<number> => {
      const arrived = watcher.arrival(complaint.address);
      const started = performance.now();
      const reply = await system.call('POST', `/v1/complaints/${complaint.id}/extensions`, {
        body: { workingDays: 2, reason: 'additional_study', explanation: 'Запрошены документы.' },
        token: official,
      });
      if (reply.status !== 201) throw new Error(`extension answered ${String(reply.status)}`);
      return (await arrived) - started;
    };
    const clearStore = () => fetch(`${system.sesUrl}/clear-store`, { method: 'POST' });

    // Warm-up: every function, DynamoDB Local's JVM, the SES server.
    for (let i = 0; i < 30; i++) await extendAndWait(await file(i));
    await clearStore();

    const oneAtATime: number[] = [];
    for (let i = 100; i < 300; i++) {
      const complaint = await file(i);
      oneAtATime.push(await extendAndWait(complaint));
      if (i % 50 === 0) await clearStore(); // keep each look at the store small
    }
    await clearStore();

    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => file(1_000 + i)));
    const atOnce = await Promise.all(burst.map(extendAndWait));
    return [
      summary('extension request → e-mail in SES, one at a time', oneAtATime),
      summary('extension request → e-mail in SES, 50 at once', atOnce),
    ];
  } finally {
    watcher.stop();
    await system.close();
    await dynamoDb.stop();
  }
}
