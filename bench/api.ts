/**
 * The API through the local front door on DynamoDB Local: filing and reading latency (p50/p99) and
 * throughput at a fixed concurrency, and the DynamoDB calls each endpoint makes when warm.
 * Local figures: DynamoDB Local is a JVM on this machine, not the service; they compare versions
 * of this code, they do not predict AWS latency.
 */

import { startDynamoDbLocal } from '../infra/local/dynamodb.js';
import { bodyDirectory } from '../shared/bodies/index.js';
import { createSystem, field, type Harness } from '../test/support/system.js';
import { electronicFiling } from '../test/fixtures.js';
import { percentile, tally } from './stats.js';

interface LoadResult {
  readonly name: string;
  readonly requests: number;
  readonly concurrency: number;
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
}

async function load(
  name: string,
  requests: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const t0 = performance.now();
        const status = await request(i);
        latencies.push(performance.now() - t0);
        if (status >= 300) throw new Error(`${name}: request ${i} answered ${status}`);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests,
    concurrency,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: (requests / elapsed) * 1000,
  };
}

/** The request's own DynamoDB calls, and the Scheduler calls the stream consumer made after it. */
async function callsOf(system: Harness, run: () => Promise<unknown>): Promise<string> {
  system.resetCalls();
  await run();
  const list = (names: readonly string[]) =>
    [...tally(names)].map(([name, count]) => `${count} ${name}`).join(' + ') || 'none';
  const dynamoDb = list(system.calls.map((name) => name.replace(/Command$/, '')));
  const scheduler = system.schedulerCalls.map(
    (kind) =>
      ({ create: 'Create', update: 'Update', remove: 'Delete', list: 'List' })[kind] ?? kind,
  );
  return scheduler.length === 0 ? dynamoDb : `${dynamoDb}; then Scheduler: ${list(scheduler)}`;
}

export async function benchApi(): Promise<{ load: LoadResult[]; calls: [string, string][] }> {
  const dynamoDb = await startDynamoDbLocal();
  // The stream polled as npm start polls it: a request does not wait for the consumer.
  const system = await createSystem(dynamoDb.endpoint, {
    stream: 'background',
    checkResponses: false,
  });
  // One that waits for the consumer after each request, to count the calls a request causes.
  const counting = await createSystem(dynamoDb.endpoint);
  try {
    const akimats = bodyDirectory
      .filter((b) => b.kind === 'local_executive_body' && b.parentId === null)
      .map((b) => b.id);
    const file = (addresseeId: string) =>
      system.call('POST', '/v1/complaints', { body: { ...electronicFiling, addresseeId } });
    // Warm every function and the directory cache, as a running system is.
    const first = await file('akimat-astana');
    const id = field(first.body, 'id');
    const token = field(first.body, 'accessToken');
    await system.call('GET', `/v1/complaints/${id}`, { token });

    const fileAny = async (i: number): Promise<number> =>
      (await file(akimats[i % akimats.length] ?? '')).status;
    const read = async (): Promise<number> =>
      (await system.call('GET', `/v1/complaints/${id}`, { token })).status;
    // The JVM behind DynamoDB Local and V8 both need a warm-up before their figures settle.
    await load('warm-up', 600, 8, fileAny);
    await load('warm-up', 1_000, 8, read);
    const results = [
      await load('POST /v1/complaints, one at a time', 500, 1, fileAny),
      await load('POST /v1/complaints, 20 bodies', 2_000, 16, fileAny),
      await load(
        'POST /v1/complaints, one body (numbers in turn)',
        500,
        16,
        async () => (await file('akimat-almaty')).status,
      ),
      await load('GET /v1/complaints/{id}, one at a time', 1_000, 1, read),
      await load('GET /v1/complaints/{id}', 4_000, 16, read),
    ];

    const official = await counting.official({ bodyId: 'akimat-astana' });
    const fileCounted = (addresseeId: string) =>
      counting.call('POST', '/v1/complaints', { body: { ...electronicFiling, addresseeId } });
    await fileCounted('akimat-astana');
    const fresh = await fileCounted('akimat-astana');
    const freshId = field(fresh.body, 'id');
    const calls: [string, string][] = [
      ['POST /v1/complaints', await callsOf(counting, () => fileCounted('akimat-astana'))],
      [
        'POST /v1/complaints + Idempotency-Key',
        await callsOf(counting, () =>
          counting.call('POST', '/v1/complaints', {
            body: electronicFiling,
            headers: { 'Idempotency-Key': 'bench' },
          }),
        ),
      ],
      [
        'GET /v1/complaints/{id}',
        await callsOf(counting, () =>
          counting.call('GET', `/v1/complaints/${freshId}`, { token: official }),
        ),
      ],
      [
        'GET /v1/complaints',
        await callsOf(counting, () =>
          counting.call('GET', '/v1/complaints?status=under_review', { token: official }),
        ),
      ],
      [
        'POST …/extensions',
        await callsOf(counting, () =>
          counting.call('POST', `/v1/complaints/${freshId}/extensions`, {
            body: { workingDays: 2, reason: 'additional_study', explanation: 'x' },
            token: official,
          }),
        ),
      ],
      [
        'POST …/decision',
        await callsOf(counting, () =>
          counting.call('POST', `/v1/complaints/${freshId}/decision`, {
            body: { outcome: 'satisfied', text: 'x' },
            token: official,
          }),
        ),
      ],
      ['GET /v1/bodies', await callsOf(counting, () => counting.call('GET', '/v1/bodies'))],
      [
        'GET /v1/calendar/due-date',
        await callsOf(counting, () =>
          counting.call('GET', '/v1/calendar/due-date?from=2026-11-23&workingDays=5'),
        ),
      ],
    ];
    return { load: results, calls };
  } finally {
    await system.close();
    await counting.close();
    await dynamoDb.stop();
  }
}
