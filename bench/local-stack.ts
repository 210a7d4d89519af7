/**
 * `npm start` itself, as a user runs it: its own engines (DynamoDB Local with its data file, the
 * Scheduler emulator with its journal, the stream poller, the local SES) in a child process.
 * Filing throughput at 16 concurrent, side by side with the same load on the in-memory harness, and
 * the runner's resident memory after warm-up and after 10,000 more requests.
 */

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDynamoDbLocal, freePort } from '../infra/local/dynamodb.js';
import { bodyDirectory } from '../shared/bodies/index.js';
import { electronicFiling } from '../test/fixtures.js';
import { npmStart } from '../test/support/npm-start.js';
import { createSystem } from '../test/support/system.js';

export interface LocalStackFigures {
  readonly inMemoryFilingsPerSecond: number;
  readonly npmStartFilingsPerSecond: number;
  readonly rssAfterWarmUpMiB: number;
  readonly rssAfterLoadMiB: number;
  readonly requestsUnderLoad: number;
}

const akimats = bodyDirectory
  .filter((b) => b.kind === 'local_executive_body' && b.parentId === null)
  .map((b) => b.id);

/** Runs `total` requests, `concurrency` at a time; answers requests per second. */
async function drive(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const status = await request(i);
        if (status >= 300) throw new Error(`request ${String(i)} answered ${String(status)}`);
      }
    }),
  );
  return (total / (performance.now() - started)) * 1000;
}

/** The resident memory (MiB) of the process running the stack: npm start's node child. */
async function rssOfRunner(root: number): Promise<number> {
  const children = async (pid: number): Promise<number[]> => {
    const found: number[] = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (parent === pid) found.push(Number(entry));
      } catch {
        // Gone meanwhile.
      }
    }
    return found;
  };
  const all: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    all.push(pid);
    queue.push(...(await children(pid)));
  }
  let largest = 0;
  for (const pid of all) {
    try {
      const command = await readFile(`/proc/${String(pid)}/cmdline`, 'utf8');
      if (!command.includes('start.ts') || command.includes('java')) continue;
      const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      largest = Math.max(largest, kb / 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return largest;
}

export async function benchLocalStack(): Promise<LocalStackFigures> {
  // The in-memory figure, in the same run: the harness with the stream polled in the background
  // and the scheduler firing, so it does what npm start does for each filing (the receipt is
  // claimed, sent to the local SES and recorded); only the engines' persistence differs.
  const dynamoDb = await startDynamoDbLocal();
  let inMemoryFilingsPerSecond: number;
  try {
    const system = await createSystem(dynamoDb.endpoint, {
      stream: 'background',
      autoFire: true,
      checkResponses: false,
    });
    try {
      const file = async (i: number) =>
        (
          await system.call('POST', '/v1/complaints', {
            body: { ...electronicFiling, addresseeId: akimats[i % akimats.length] },
          })
        ).status;
      await drive(600, 8, file);
      inMemoryFilingsPerSecond = await drive(2_000, 16, file);
    } finally {
      await system.close();
    }
  } finally {
    await dynamoDb.stop();
  }

  const directory = await mkdtemp(path.join(tmpdir(), 'complaint-desk-bench-'));
  const port = await freePort();
  const api = `http://127.0.0.1:${String(port)}`;
  const { child } = await npmStart({ localDirectory: directory, port });
  try {
    const file = async (i: number): Promise<{ status: number; id: string; token: string }> => {
      const response = await fetch(`${api}/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...electronicFiling, addresseeId: akimats[i % akimats.length] }),
      });
      const body = (await response.json()) as { id?: string; accessToken?: string };
      return { status: response.status, id: body.id ?? '', token: body.accessToken ?? '' };
    };
    // Warm-up: the JVM, V8 and every function's caches, as a running desk is.
    const filed: { id: string; token: string }[] = [];
    await drive(1_000, 8, async (i) => {
      const result = await file(i);
      filed.push(result);
      return result.status;
    });
    const rssAfterWarmUpMiB = await rssOfRunner(child.pid ?? 0);
    const npmStartFilingsPerSecond = await drive(2_000, 16, async (i) => (await file(i)).status);
    // 10,000 requests in all, filings and reads, then the memory again.
    const requestsUnderLoad = 10_000;
    await drive(requestsUnderLoad - 2_000, 16, async (i) => {
      if (i % 2 === 0) return (await file(i)).status;
      const complaint = filed[i % filed.length];
      const response = await fetch(`${api}/v1/complaints/${complaint?.id ?? ''}`, {
        headers: { authorization: `Bearer ${complaint?.token ?? ''}` },
      });
      await response.arrayBuffer();
      return response.status;
    });
    // What the requests left behind settles (stream, e-mails), then the memory is read.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const rssAfterLoadMiB = await rssOfRunner(child.pid ?? 0);
    return {
      inMemoryFilingsPerSecond,
      npmStartFilingsPerSecond,
      rssAfterWarmUpMiB,
      rssAfterLoadMiB,
      requestsUnderLoad,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    await exited;
    await rm(directory, { recursive: true, force: true });
  }
}
