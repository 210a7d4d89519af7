/**
 * The applicant's follow-up link (docs/api.md, "Access links"): the receipt carries it, and
 * `POST /v1/access-links` e-mails a new one to the address of a matching electronic complaint, at
 * most 3 a legal day, answering every request alike. E-mails are read from the local SES; the
 * scheduler fires only when a test runs it, so each request's DynamoDB calls are its own.
 */

import { createHash, randomUUID } from 'node:crypto';
import { DeleteItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import { upgradeTable } from '../../infra/local/table-upgrade.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/client.js';
import type { ReceivedEmail } from '../../infra/local/ses.js';
import { acceptedBy, almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness, type Reply } from './harness.js';

let system: Harness;
let akimat: string;

beforeAll(async () => {
  system = await createHarness();
  akimat = await system.official({ bodyId: 'akimat-astana' });
});
afterAll(() => system.close());

interface Filed {
  readonly id: string;
  readonly token: string;
  readonly inbox: string;
  readonly number: string;
}

/** An electronic complaint from an applicant with an inbox of its own, its receipt sent. */
async function file(at: string, language: 'kk' | 'ru' = 'kk'): Promise<Filed> {
  const inbox = `applicant-${randomUUID()}@example.kz`;
  system.setNow(almaty(at));
  const reply = await system.call('POST', '/v1/complaints', {
    body: {
      ...electronicFiling,
      applicant: { ...electronicFiling.applicant, email: inbox, language },
    },
  });
  expect(reply.status).toBe(201);
  await system.scheduler.runDue();
  return {
    id: field(reply.body, 'id'),
    token: field(reply.body, 'accessToken'),
    inbox,
    number: field(reply.body, 'registrationNumber'),
  };
}

/** A paper complaint whose applicant also gave an e-mail address (R9: answered by letter). */
async function filePaper(at: string): Promise<Filed> {
  const inbox = `paper-${randomUUID()}@example.kz`;
  system.setNow(almaty(at));
  const reply = await system.call('POST', '/v1/complaints', {
    token: akimat,
    body: {
      ...electronicFiling,
      channel: 'paper',
      acceptedBy,
      applicant: { ...electronicFiling.applicant, email: inbox, postalAddress: 'Астана' },
    },
  });
  expect(reply.status).toBe(201);
  return {
    id: field(reply.body, 'id'),
    token: '',
    inbox,
    number: field(reply.body, 'registrationNumber'),
  };
}

const ask = (registrationNumber: string, email: string): Promise<Reply> =>
  system.call('POST', '/v1/access-links', { body: { registrationNumber, email } });

/** Sends what is due, and answers every e-mail the inbox has received so far. */
async function inbox(address: string): Promise<readonly ReceivedEmail[]> {
  await system.scheduler.runDue();
  return system.emailsTo(address);
}

/** Waits until the inbox holds `count` e-mails, and answers them. */
const mail = (address: string, count: number): Promise<readonly ReceivedEmail[]> =>
  system.eventually(async () => {
    const emails = await inbox(address);
    return emails.length >= count ? emails : undefined;
  });

/** The follow-up link an e-mail carries, as the applicant's mail client would open it. */
function followUpLinkOf(email: ReceivedEmail | undefined): URL {
  const text = email?.body.text ?? '';
  const found = /(http:\/\/\S+\/follow#\S+)/.exec(text)?.[1];
  if (found === undefined) throw new Error(`No follow-up link in: ${text}`);
  return new URL(found);
}

/** The token in a link's fragment (`#lang=…&token=…`). */
const tokenOf = (link: URL): string => {
  const token = new URLSearchParams(link.hash.slice(1)).get('token');
  if (token === null) throw new Error(`No token in ${link.href}`);
  return token;
};

const read = (id: string, token: string) => system.call('GET', `/v1/complaints/${id}`, { token });

describe('the receipt carries the follow-up link', () => {
  it('its fragment token reads the complaint, its query is empty, and the filing token still works', async () => {
    const complaint = await file('2026-11-23T10:15');
    const [receipt] = await mail(complaint.inbox, 1);
    const link = followUpLinkOf(receipt);
    expect(link.origin).toBe(new URL(system.url).origin);
    expect(link.pathname).toBe('/follow');
    expect(link.search).toBe('');
    const fragment = new URLSearchParams(link.hash.slice(1));
    expect([...fragment.keys()]).toEqual(['lang', 'token']);
    expect(fragment.get('lang')).toBe('kk');
    const token = tokenOf(link);
    expect(token).toMatch(new RegExp(`^ap\\.${complaint.id}\\.[A-Za-z0-9_-]{43}$`));
    expect(token).not.toBe(complaint.token);
    expect(receipt?.body.html).toContain(`href="${link.href.replaceAll('&', '&amp;')}"`);

    const withLink = await read(complaint.id, token);
    expect(withLink.status).toBe(200);
    expect(field(withLink.body, 'id')).toBe(complaint.id);
    expect((await read(complaint.id, complaint.token)).status).toBe(200);
    // A token of the same shape that was never issued opens nothing.
    const forged = `ap.${complaint.id}.${'A'.repeat(43)}`;
    expect((await read(complaint.id, forged)).status).toBe(404);
  });

  it('a Russian receipt links to the Russian desk', async () => {
    const complaint = await file('2026-11-23T10:20', 'ru');
    const [receipt] = await mail(complaint.inbox, 1);
    expect(receipt?.body.text).toContain('по Вашей личной ссылке');
    expect(new URLSearchParams(followUpLinkOf(receipt).hash.slice(1)).get('lang')).toBe('ru');
  });
});

describe('POST /v1/access-links', () => {
  it('a matching pair (the address in any case) is answered 202 {} and e-mails one new link that reads the complaint; earlier tokens keep working', async () => {
    const complaint = await file('2026-11-23T11:00');
    const [receipt] = await mail(complaint.inbox, 1);
    const receiptToken = tokenOf(followUpLinkOf(receipt));

    system.setNow(almaty('2026-11-23T12:00'));
    const reply = await ask(complaint.number, complaint.inbox.toUpperCase());
    expect(reply.status).toBe(202);
    expect(reply.text).toBe('{}');
    const emails = await mail(complaint.inbox, 2);
    expect(emails).toHaveLength(2);
    const sent = emails[1];
    expect(sent?.subject).toBe(`Шағымыңызға сілтеме: № ${complaint.number}`);
    const linkToken = tokenOf(followUpLinkOf(sent));
    expect(new Set([linkToken, receiptToken, complaint.token]).size).toBe(3);

    for (const token of [linkToken, receiptToken, complaint.token]) {
      expect((await read(complaint.id, token)).status).toBe(200);
    }
    // Officials see in the history that a link went out; the token is nowhere in it.
    const official = await read(complaint.id, akimat);
    const history = official.body.history as { type: string; details: Record<string, unknown> }[];
    expect(history.filter((e) => e.details.kind === 'access_link').map((e) => e.type)).toEqual([
      'notice_sent',
    ]);
    expect(official.text).not.toContain(linkToken.split('.')[2]);
    // The link is no notice of R9: the notices are the receipt alone.
    expect((official.body.notices as unknown[]).length).toBe(1);
    // Nothing more is sent: the link went out once.
    expect(await inbox(complaint.inbox)).toHaveLength(2);
  });

  it('an unknown number, another address and a paper complaint are answered 202 {} and e-mail nothing', async () => {
    const complaint = await file('2026-11-23T13:00');
    const paper = await filePaper('2026-11-23T13:05');
    await mail(complaint.inbox, 1);
    system.setNow(almaty('2026-11-23T13:30'));
    const replies = [
      await ask('akimat-astana/2026/999999', complaint.inbox),
      await ask(complaint.number, `other-${complaint.inbox}`),
      await ask(paper.number, paper.inbox),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(202);
      expect(reply.text).toBe('{}');
    }
    expect(await inbox(complaint.inbox)).toHaveLength(1);
    expect(await inbox(paper.inbox)).toHaveLength(0);
    expect(await inbox(`other-${complaint.inbox}`)).toHaveLength(0);
  });

  it('the fourth request of a legal day (Almaty) sends nothing; after midnight in Almaty, still the same UTC day, one goes out again', async () => {
    const complaint = await file('2026-11-23T09:00');
    await mail(complaint.inbox, 1);
    for (const at of ['2026-11-23T09:10', '2026-11-23T15:00', '2026-11-23T23:50']) {
      system.setNow(almaty(at));
      expect((await ask(complaint.number, complaint.inbox)).status).toBe(202);
    }
    expect(await mail(complaint.inbox, 4)).toHaveLength(4);
    system.setNow(almaty('2026-11-23T23:59'));
    const fourth = await ask(complaint.number, complaint.inbox);
    expect(fourth.status).toBe(202);
    expect(fourth.text).toBe('{}');
    expect(await inbox(complaint.inbox)).toHaveLength(4);

    // 00:30 in Almaty is 19:30 UTC of the day before: the legal day has turned, the UTC one not.
    const nextDay = almaty('2026-11-24T00:30');
    expect(new Date(nextDay).toISOString().slice(0, 10)).toBe('2026-11-23');
    system.setNow(nextDay);
    expect((await ask(complaint.number, complaint.inbox)).status).toBe(202);
    const emails = await mail(complaint.inbox, 5);
    expect(emails).toHaveLength(5);
    expect((await read(complaint.id, tokenOf(followUpLinkOf(emails[4])))).status).toBe(200);
  });

  it('ten requests at once send exactly three e-mails', async () => {
    const complaint = await file('2026-11-25T10:00', 'ru');
    await mail(complaint.inbox, 1);
    system.setNow(almaty('2026-11-25T10:05'));
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => ask(complaint.number, complaint.inbox)),
    );
    expect(replies.map((reply) => `${String(reply.status)} ${reply.text}`)).toEqual(
      Array.from({ length: 10 }, () => '202 {}'),
    );
    const emails = await mail(complaint.inbox, 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await inbox(complaint.inbox)).toHaveLength(4);
    expect(emails.slice(1).map((email) => email.subject)).toEqual(
      Array.from({ length: 3 }, () => `Ссылка на Вашу жалобу: № ${complaint.number}`),
    );
    const tokens = emails.slice(1).map((email) => tokenOf(followUpLinkOf(email)));
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect((await read(complaint.id, token)).status).toBe(200);
  });

  it('matched, unknown, other-address, paper and over-the-limit requests make the same DynamoDB calls and get byte-equal answers', async () => {
    const complaint = await file('2026-11-26T10:00');
    const paper = await filePaper('2026-11-26T10:01');
    await mail(complaint.inbox, 1);
    system.setNow(almaty('2026-11-26T10:30'));
    const observe = async (registrationNumber: string, email: string) => {
      system.resetCalls();
      const reply = await ask(registrationNumber, email);
      return {
        calls: [...system.calls],
        answer: `${String(reply.status)} ${reply.headers.get('content-type') ?? ''} ${reply.text}`,
      };
    };
    const cases = {
      matched: await observe(complaint.number, complaint.inbox),
      unknownNumber: await observe('akimat-astana/2026/999998', complaint.inbox),
      otherAddress: await observe(complaint.number, `x${complaint.inbox}`),
      paper: await observe(paper.number, paper.inbox),
      secondMatched: await observe(complaint.number, complaint.inbox),
      thirdMatched: await observe(complaint.number, complaint.inbox),
      overTheLimit: await observe(complaint.number, complaint.inbox),
    };
    const expected = {
      calls: ['GetItemCommand', 'QueryCommand', 'TransactWriteItemsCommand'],
      answer: '202 application/json; charset=utf-8 {}',
    };
    for (const [name, observed] of Object.entries(cases)) expect(observed, name).toEqual(expected);
    // The matched ones did record links, and the last did not: the cases were what they say.
    expect(await mail(complaint.inbox, 4)).toHaveLength(4);
    expect(await inbox(complaint.inbox)).toHaveLength(4);
  });

  it('refuses what is not a registration number or an e-mail address like any other bad request (400), naming the fields', async () => {
    const bad = await system.call('POST', '/v1/access-links', {
      body: { registrationNumber: 'akimat-astana/2026/42', email: 'not-an-address' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body).toMatchObject({
      type: 'urn:problem:validation-failed',
      errors: [
        {
          path: 'registrationNumber',
          message: 'must be a registration number, e.g. akimat-astana/2026/000042',
        },
        { path: 'email', message: 'must be an e-mail address' },
      ],
    });
    const unknownField = await system.call('POST', '/v1/access-links', {
      body: { registrationNumber: 'akimat-astana/2026/000001', email: 'a@example.kz', id: 'x' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({
      errors: [{ path: 'id', message: 'is not a known field' }],
    });
  });
});

describe('complaints filed before the registration lookup existed', () => {
  it('are found once an older local table is upgraded (npm start does it at start)', async () => {
    const complaint = await file('2026-11-30T10:00');
    await mail(complaint.inbox, 1);
    const client = createDynamoDbClient({ endpoint: inject('dynamodbEndpoint') });
    try {
      // As an earlier version left it: no lookup item, and the table never upgraded for it.
      for (const [pk, sk] of [
        [`REGISTRATION#${complaint.number}`, 'REGISTRATION'],
        ['SYSTEM#upgrade', 'REGISTRATION-LOOKUPS'],
      ] as const) {
        await client.send(
          new DeleteItemCommand({
            TableName: system.tableName,
            Key: { PK: { S: pk }, SK: { S: sk } },
          }),
        );
      }
      system.setNow(almaty('2026-11-30T10:10'));
      await ask(complaint.number, complaint.inbox);
      expect(await inbox(complaint.inbox)).toHaveLength(1);

      await upgradeTable(client, system.tableName);
      await ask(complaint.number, complaint.inbox);
      expect(await mail(complaint.inbox, 2)).toHaveLength(2);
    } finally {
      client.destroy();
    }
  });
});

describe('the access token is kept secret', () => {
  it('no token is stored in any item nor written to the log, only its hash', async () => {
    // Everything the functions log (whatever the level), and whatever reaches stdout and stderr.
    const written: string[] = [];
    const { logger } = system.dependencies;
    const spies = [
      ...(['debug', 'info', 'warn', 'error', 'critical'] as const).map((level) =>
        vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
          written.push(JSON.stringify(args));
        }),
      ),
      ...[process.stdout, process.stderr].map((stream) =>
        vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
          written.push(String(chunk));
          return true;
        }),
      ),
    ];
    let complaint: Filed;
    let tokens: string[];
    try {
      complaint = await file('2026-11-27T10:00');
      const [receipt] = await mail(complaint.inbox, 1);
      system.setNow(almaty('2026-11-27T10:10'));
      await ask(complaint.number, complaint.inbox);
      const emails = await mail(complaint.inbox, 2);
      tokens = [
        complaint.token,
        tokenOf(followUpLinkOf(receipt)),
        tokenOf(followUpLinkOf(emails[1])),
      ];
      for (const token of tokens) expect((await read(complaint.id, token)).status).toBe(200);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // The log was written to (the e-mails sent, by id), and holds no token nor its secret part.
    const log = written.join('\n');
    expect(log).toContain('E-mail sent');
    for (const token of tokens) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[2]);
    }

    const client = createDynamoDbClient({ endpoint: inject('dynamodbEndpoint') });
    const items: unknown[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: system.tableName, ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    client.destroy();
    const stored = JSON.stringify(items);
    for (const token of tokens) {
      expect(stored).not.toContain(token.split('.')[2]);
      // What is kept is the hash, which opens the complaint only with the token itself.
      expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
    }
  });
});
