/**
 * `npm start` as a user runs it, in its own process group, on a data directory and port of the
 * caller's: for the end-to-end tests and the benchmark.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { repositoryRoot } from '../../infra/local/stack.js';

export interface StartedNpmStart {
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  readonly output: () => string;
}

/** Starts `npm start` and waits until it says it is running. */
export async function npmStart(options: {
  readonly localDirectory: string;
  readonly port: number;
  /** Called with the process group's id as soon as there is one (to clean up after a failure). */
  readonly onGroup?: (groupId: number) => void;
}): Promise<StartedNpmStart> {
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      LOCAL_DIRECTORY: options.localDirectory,
      PORT: String(options.port),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) options.onGroup?.(child.pid);
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Complaint desk running locally')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}
