/**
 * DynamoDB Local's data file, made fast to write before DynamoDB Local opens it.
 *
 * DynamoDB Local keeps its data in one SQLite file, which it creates with 1 KiB pages and a
 * rollback journal. Every write then copies each page it touches into a journal file, syncs the
 * journal, the file and the directory, and deletes the journal: about 80 small writes and 3 syncs
 * per DynamoDB write, 15 syncs per filing. With a write-ahead log and 4 KiB pages a write appends
 * its pages once and syncs once, and reads no longer wait for writes. Both settings live in the
 * file itself (SQLite keeps them across opens), so they are set once, with the SQLite library that
 * DynamoDB Local ships, by a small Java program (`sqlite/WriteAheadLog.java`).
 */

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file DynamoDB Local keeps its data in, in its data directory (with `-sharedDb`). */
export const dataFileName = 'shared-local-instance.db';

const program = fileURLToPath(new URL('sqlite/WriteAheadLog.java', import.meta.url));

/**
 * Whether the file at `file` is an SQLite database already in write-ahead-log mode with 4 KiB
 * pages: its header's page size (bytes 16–17, big-endian) and file format versions (bytes 18–19,
 * 2 for a write-ahead log).
 */
export function isPrepared(file: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(20);
    if (readSync(descriptor, header, 0, 20, 0) < 20) return false;
    return (
      header.toString('latin1', 0, 16) === 'SQLite format 3\0' &&
      header.readUInt16BE(16) === 4096 &&
      header[18] === 2 &&
      header[19] === 2
    );
  } finally {
    closeSync(descriptor);
  }
}

/** What preparing the file came to. */
export type Preparation =
  | { readonly prepared: true; readonly changed: boolean }
  | { readonly prepared: false; readonly reason: string };

/**
 * Puts the data file in `directory` in write-ahead-log mode with 4 KiB pages (creating it when
 * there is none), unless it is already. Must run while no DynamoDB Local has the file open.
 * `libraryDirectory` is DynamoDB Local's own `DynamoDBLocal_lib`, with sqlite4java and its native
 * libraries. When it cannot (no sqlite4java for this platform, say), DynamoDB Local still works on
 * the file as it is, only slower: the answer says why.
 */
export function prepareDataFile(directory: string, libraryDirectory: string): Preparation {
  const file = path.join(directory, dataFileName);
  if (isPrepared(file)) return { prepared: true, changed: false };
  const result = spawnSync(
    'java',
    [
      `-Djava.library.path=${libraryDirectory}`,
      '-cp',
      path.join(libraryDirectory, 'sqlite4java.jar'),
      program,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status === 0 && isPrepared(file)) return { prepared: true, changed: true };
  const said = `${result.error?.message ?? ''} ${result.stderr}`.trim().split('\n')[0] ?? '';
  return { prepared: false, reason: said === '' ? `java exited ${String(result.status)}` : said };
}
