/**
 * The README's first minutes, for real: `npm start` as a child process, the curl-equivalent
 * requests over HTTP, Ctrl-C (SIGINT to its process group) leaving nothing behind, and a second
 * start keeping the first one's data.
 */

import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.js';
import { receivedEmails } from '../../infra/local/ses.js';
import { repositoryRoot } from '../../infra/local/stack.js';
import { electronicFiling } from '../fixtures.js';
import { field } from '../integration/harness.js';
import { npmStart, type StartedNpmStart } from '../support/npm-start.js';

let localDirectory: string;
let port: number;
let api: string;

const start = (): Promise<StartedNpmStart> => npmStart({ localDirectory, port });

/**
 * Ctrl-C: SIGINT to the whole foreground process group, as a terminal sends it. npm itself dies of
 * the signal; what must hold is that the system stops cleanly and nothing of it stays behind.
 */
async function ctrlC({ child, output }: StartedNpmStart): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
  await exited;
  const deadline = Date.now() + 15_000;
  while (processesUsing(localDirectory) !== '' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(processesUsing(localDirectory)).toBe('');
  expect(output()).toContain('SIGINT: stopping');
}

/** Processes whose command line names the data directory: DynamoDB Local's JVM, the runner. */
function processesUsing(directory: string): string {
  return spawnSync('pgrep', ['-fa', directory], { encoding: 'utf8' }).stdout.trim();
}

async function token(bodyId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'token', '--', '--body', bodyId],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LOCAL_DIRECTORY: localDirectory },
    },
  );
  return stdout.trim().split('\n').at(-1) ?? '';
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  localDirectory = await mkdtemp(path.join(tmpdir(), 'complaint-desk-e2e-'));
  port = await freePort();
  api = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await rm(localDirectory, { recursive: true, force: true });
});

describe('npm start, as the README says', () => {
  let complaint: { id: string; accessToken: string };

  it('serves the API; a new user files, reads, extends and decides a complaint; Ctrl-C leaves nothing behind', async () => {
    const started = await start();
    try {
      const endpoints = JSON.parse(
        await readFile(path.join(localDirectory, 'endpoints.json'), 'utf8'),
      ) as Record<string, string>;
      expect(endpoints.api).toBe(api);
      expect(endpoints.dynamodb).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(endpoints.scheduler).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const sesUrl = endpoints.ses ?? '';
      expect(started.output()).toContain(`E-mail viewer  ${sesUrl}`);
      expect(started.output()).toContain(`curl -s ${api}/v1/calendar/due-date`);

      const filed = await fetch(`${api}/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...electronicFiling,
          subject: { ...electronicFiling.subject, occurredOn: '2025-01-10' },
        }),
      });
      expect(filed.status).toBe(201);
      const filing = await json(filed);
      complaint = { id: field(filing, 'id'), accessToken: field(filing, 'accessToken') };

      const read = await fetch(`${api}/v1/complaints/${complaint.id}`, {
        headers: { authorization: `Bearer ${complaint.accessToken}` },
      });
      expect(read.status).toBe(200);

      const official = await token('akimat-astana');
      const headers = { authorization: `Bearer ${official}`, 'content-type': 'application/json' };
      const extended = await fetch(`${api}/v1/complaints/${complaint.id}/extensions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          workingDays: 2,
          reason: 'additional_information',
          explanation: 'Запрошены документы.',
        }),
      });
      expect(extended.status).toBe(201);
      const decided = await fetch(`${api}/v1/complaints/${complaint.id}/decision`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ outcome: 'satisfied', text: 'Справка выдана.' }),
      });
      expect(decided.status).toBe(201);
      expect(await json(decided)).toMatchObject({ status: 'decided', extendedWorkingDays: 2 });

      // R9, R10: the receipt, the extension notice and the decision notice reach the local SES.
      const deadline = Date.now() + 15_000;
      let subjects: string[] = [];
      while (subjects.length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        subjects = (await receivedEmails(sesUrl))
          .filter((email) => email.destination.to.includes(electronicFiling.applicant.email))
          .map((email) => email.subject);
      }
      // Each goes out on its own firing, so they may arrive in any order.
      expect(subjects.map((subject) => subject.split(':')[0]).sort()).toEqual(
        ['Шағымыңыз тіркелді', 'Шағымды қарау мерзімі ұзартылды', 'Шағым бойынша шешім'].sort(),
      );
      const viewer = await fetch(sesUrl);
      expect(viewer.status).toBe(200);
    } finally {
      await ctrlC(started);
    }
    await expect(fetch(`${api}/v1/bodies`)).rejects.toThrow();
  });

  it('a second npm start keeps the data of the first', async () => {
    const started = await start();
    try {
      const read = await fetch(`${api}/v1/complaints/${complaint.id}`, {
        headers: { authorization: `Bearer ${complaint.accessToken}` },
      });
      expect(read.status).toBe(200);
      expect(await json(read)).toMatchObject({ id: complaint.id, status: 'decided' });
    } finally {
      await ctrlC(started);
    }
  });

  it('R16, R17: as the README walks it, a forwarded and a withdrawn complaint, and their e-mails', async () => {
    const started = await start();
    try {
      const sesUrl = (
        JSON.parse(await readFile(path.join(localDirectory, 'endpoints.json'), 'utf8')) as Record<
          string,
          string
        >
      ).ses;
      const email = 'dala@example.kz';
      const file = async () =>
        json(
          await fetch(`${api}/v1/complaints`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              ...electronicFiling,
              applicant: {
                type: 'legal_entity',
                bin: '140840001232',
                name: 'ТОО «Дала»',
                email,
                language: 'ru',
              },
              subject: { ...electronicFiling.subject, occurredOn: '2025-01-10' },
            }),
          }),
        );
      const official = await token('akimat-astana');
      const forwarded = await file();
      const forwarding = await fetch(`${api}/v1/complaints/${field(forwarded, 'id')}/forwarding`, {
        method: 'POST',
        headers: { authorization: `Bearer ${official}`, 'content-type': 'application/json' },
        body: JSON.stringify({ toBodyId: 'ministry-justice', explanation: 'Не наша компетенция.' }),
      });
      expect(forwarding.status).toBe(201);
      const forwardedTo = field(await json(forwarding), 'forwardedTo', 'id');
      // The applicant's one token reads the complaint at the ministry too.
      const there = await fetch(`${api}/v1/complaints/${forwardedTo}`, {
        headers: { authorization: `Bearer ${field(forwarded, 'accessToken')}` },
      });
      expect(await json(there)).toMatchObject({ forwardedFrom: field(forwarded, 'id') });

      const withdrawn = await file();
      const withdrawal = await fetch(`${api}/v1/complaints/${field(withdrawn, 'id')}/withdrawal`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${field(withdrawn, 'accessToken')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reason: 'Вопрос решён.' }),
      });
      expect(await json(withdrawal)).toMatchObject({ status: 'withdrawn' });

      // Two receipts, the forwarding notice and the withdrawal's confirmation.
      const deadline = Date.now() + 15_000;
      let subjects: string[] = [];
      while (subjects.length < 4 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        subjects = (await receivedEmails(sesUrl ?? ''))
          .filter((received) => received.destination.to.includes(email))
          .map((received) => received.subject.split(':')[0] ?? '');
      }
      expect(subjects.sort()).toEqual(
        [
          'Ваша жалоба зарегистрирована',
          'Ваша жалоба зарегистрирована',
          'Жалоба направлена по подведомственности',
          'Жалоба отозвана',
        ].sort(),
      );
    } finally {
      await ctrlC(started);
    }
  });

  it('without Java, says in one line what to install', async () => {
    // A PATH with node and nothing else.
    const bin = path.join(localDirectory, 'bin-without-java');
    await mkdir(bin, { recursive: true });
    await symlink(process.execPath, path.join(bin, 'node'));
    const result = spawnSync(
      process.execPath,
      [path.join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/start.ts'],
      {
        cwd: repositoryRoot,
        env: { ...process.env, PATH: bin, LOCAL_DIRECTORY: localDirectory },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => line.includes('Java')),
    ).toEqual([
      'DynamoDB Local needs Java 17 or newer: install a JRE (e.g. `sudo apt-get install openjdk-17-jre-headless`) and run again.',
    ]);
  });
});
