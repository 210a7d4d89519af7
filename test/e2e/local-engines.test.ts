/**
 * `npm start`'s engines when a run ends badly: DynamoDB Local does not outlive a SIGKILLed runner
 * (its watchdog stops it), a JVM an earlier run left on the data directory is stopped before a new
 * one starts (its pid file, its command line), and one that a running process uses is not. Its
 * data file is put in write-ahead-log mode with 4 KiB pages, and an older file keeps its data.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFileName, isPrepared } from '../../infra/local/data-file.js';
import {
  dynamoDbLocalCommand,
  freePort,
  pidFileName,
  readPidFile,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb.js';
import { npmStart, type StartedNpmStart } from '../support/npm-start.js';

let localDirectory: string;
let dataDirectory: string;
let port: number;
let api: string;
/** Pids to kill if a test fails half-way: JVMs, and npm start's process groups (negative). */
const leftovers: number[] = [];

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

const start = (): Promise<StartedNpmStart> =>
  npmStart({ localDirectory, port, onGroup: (group) => leftovers.push(-group) });

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });

/** Processes whose command line names the directory: DynamoDB Local's JVM, its watchdog, the runner. */
function processesUsing(directory: string): string {
  return spawnSync('pgrep', ['-fa', directory], { encoding: 'utf8' }).stdout.trim();
}

/** The JVMs running DynamoDB Local on `directory` (not the watchdog, whose command is `sh`). */
function dynamoDbLocalOn(directory: string): number[] {
  const escaped = directory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = spawnSync('pgrep', ['-f', `^java .*DynamoDBLocal\\.jar.*-dbPath ${escaped}( |$)`], {
    encoding: 'utf8',
  });
  return found.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
}

function alive(pid: number): boolean {
  const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  const state = stat.stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

async function until(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) break;
    await sleep(100);
  }
  return Date.now() - started;
}

/** Ctrl-C, as a terminal sends it: SIGINT to the whole process group; nothing stays behind. */
async function ctrlC({ child }: StartedNpmStart): Promise<void> {
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
  await exited(child);
  await until(() => processesUsing(localDirectory) === '', 15_000);
  expect(processesUsing(localDirectory)).toBe('');
}

beforeAll(async () => {
  localDirectory = await mkdtemp(path.join(tmpdir(), 'complaint-desk-engines-'));
  dataDirectory = path.join(localDirectory, 'dynamodb');
  port = await freePort();
  api = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const pid of leftovers) {
    try {
      if (alive(Math.abs(pid))) process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await rm(localDirectory, { recursive: true, force: true });
});

describe('DynamoDB Local under npm start', () => {
  it('does not outlive the runner: after a SIGKILL of its node process, no DynamoDB Local on the directory survives more than a few seconds', async () => {
    const started = await start();
    const recorded = readPidFile(dataDirectory);
    expect(recorded?.owner).toBeDefined();
    const jvm = recorded?.pid ?? 0;
    const runner = recorded?.owner ?? 0;
    leftovers.push(jvm);
    expect(dynamoDbLocalOn(dataDirectory)).toEqual([jvm]);
    expect((await fetch(`${api}/v1/bodies`)).status).toBe(200);
    // npm start's own data file is prepared from its first start (data-file.ts).
    expect(isPrepared(path.join(dataDirectory, dataFileName))).toBe(true);

    process.kill(runner, 'SIGKILL');
    const took = await until(() => processesUsing(localDirectory) === '', 10_000);
    expect(processesUsing(localDirectory)).toBe('');
    expect(alive(jvm)).toBe(false);
    expect(took).toBeLessThan(8_000);
    await exited(started.child); // npm and tsx go with the runner
  }, 150_000);

  it('a start finds the live JVM a stale pid file names on its directory and stops it before starting its own', async () => {
    // What a SIGKILLed runner of an earlier version left: a JVM on the directory whose parent is
    // gone (its shell exits at once), and a pid file naming it.
    const orphanPort = await freePort();
    const { command, args, cwd } = dynamoDbLocalCommand({ dataDirectory, port: orphanPort });
    const shell = spawn(
      'sh',
      ['-c', '"$@" </dev/null >/dev/null 2>&1 & echo $!', 'orphan', command, ...args],
      { cwd, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let printed = '';
    shell.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await exited(shell);
    const orphan = Number(printed.trim());
    leftovers.push(orphan);
    expect(orphan).toBeGreaterThan(0);
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${String(orphanPort)}`);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(200);
      }
    }
    await writeFile(path.join(dataDirectory, pidFileName), `${String(orphan)}\n`);
    expect(dynamoDbLocalOn(dataDirectory)).toEqual([orphan]);

    const started = await start();
    try {
      expect(alive(orphan)).toBe(false);
      const recorded = readPidFile(dataDirectory);
      expect(recorded?.pid).not.toBe(orphan);
      leftovers.push(recorded?.pid ?? 0);
      expect(dynamoDbLocalOn(dataDirectory)).toEqual([recorded?.pid]);
      // The data of the first run's DynamoDB Local is there, and served by the new one.
      const bodies = await fetch(`${api}/v1/bodies`);
      expect(bodies.status).toBe(200);
    } finally {
      await ctrlC(started);
    }
  }, 180_000);

  it('refuses to start a second DynamoDB Local on a directory that a running process uses', async () => {
    const shared = path.join(localDirectory, 'in-use');
    const first = await startDynamoDbLocal({ dataDirectory: shared });
    leftovers.push(first.pid);
    try {
      await expect(startDynamoDbLocal({ dataDirectory: shared })).rejects.toThrow(
        /already runs on .* for process \d+: stop that npm start first/,
      );
      expect(alive(first.pid)).toBe(true);
      await expect(fetch(first.endpoint)).resolves.toBeDefined();
    } finally {
      await first.stop();
    }
    expect(readPidFile(shared)).toBeUndefined();
    expect(alive(first.pid)).toBe(false);
  }, 120_000);
});

describe("DynamoDB Local's data file", () => {
  const clientFor = (endpoint: string) =>
    new DynamoDBClient({
      endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  const key = { id: { S: 'kept' } };

  it('is put in write-ahead-log mode with 4 KiB pages; a file an earlier version wrote is converted and keeps its items', async () => {
    // What an earlier npm start left: DynamoDB Local run as the package runs it, on a file it
    // created itself (1 KiB pages, a rollback journal), with a table and an item in it.
    const older = path.join(localDirectory, 'older');
    const olderPort = await freePort();
    const { command, args, cwd } = dynamoDbLocalCommand({ dataDirectory: older, port: olderPort });
    await mkdir(older, { recursive: true });
    const jvm = spawn(command, args, { cwd, detached: true, stdio: 'ignore' });
    leftovers.push(-(jvm.pid ?? 0));
    const endpoint = `http://127.0.0.1:${String(olderPort)}`;
    for (const deadline = Date.now() + 60_000; ;) {
      try {
        await fetch(endpoint);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(200);
      }
    }
    const client = clientFor(endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'older',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client.send(
      new PutItemCommand({ TableName: 'older', Item: { ...key, note: { S: 'filed before' } } }),
    );
    client.destroy();
    process.kill(-(jvm.pid ?? 0), 'SIGTERM');
    await exited(jvm);
    expect(isPrepared(path.join(older, dataFileName))).toBe(false);

    const first = await startDynamoDbLocal({ dataDirectory: older });
    leftovers.push(first.pid);
    try {
      expect(first.dataFile).toEqual({ prepared: true, changed: true });
      expect(isPrepared(path.join(older, dataFileName))).toBe(true);
      const reader = clientFor(first.endpoint);
      const kept = await reader.send(new GetItemCommand({ TableName: 'older', Key: key }));
      reader.destroy();
      expect(kept.Item?.note).toEqual({ S: 'filed before' });
    } finally {
      await first.stop();
    }
    // A second start finds it ready and leaves it alone.
    const second = await startDynamoDbLocal({ dataDirectory: older });
    leftovers.push(second.pid);
    await second.stop();
    expect(second.dataFile).toEqual({ prepared: true, changed: false });
  }, 180_000);
});
