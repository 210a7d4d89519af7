/**
 * Faults an outside fuzz harness found, over HTTP: a NUL or an unpaired surrogate in a name was
 * filed (201) and then made every e-mail to that applicant fail; dates and instants no deadline can
 * be reckoned from answered 500. Each is now refused before anything is written.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessages } from '../../shared/validation/schemas.js';
import { acceptedBy, almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness, type Reply } from './harness.js';

/** C0 and C1 controls and DEL, but tab and line feed: what free text refuses (the model). */
const isControlButTabOrNewline = (code: number): boolean =>
  (code <= 0x1f && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);

let system: Harness;
let akimat: string;
let agency: string;
beforeAll(async () => {
  system = await createHarness();
  akimat = await system.official({ bodyId: 'akimat-astana' });
  agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
  system.setNow(almaty('2026-11-23T10:00'));
});
afterAll(() => system.close());

/** The filing body as JSON text, with `name` spliced in as raw JSON (escapes kept as sent). */
const filingWithRawName = (rawName: string): string =>
  JSON.stringify({
    ...electronicFiling,
    applicant: { ...electronicFiling.applicant, name: '@' },
  }).replace('"@"', rawName);

const fileRaw = (rawBody: string): Promise<Reply> =>
  system.call('POST', '/v1/complaints', {
    rawBody,
    headers: { 'content-type': 'application/json' },
  });

function expectRefused(reply: Reply, path: string, message: string): void {
  expect(reply.status, reply.text).toBe(400);
  expect(reply.body).toMatchObject({
    type: 'urn:problem:validation-failed',
    errors: [{ path, message }],
  });
}

describe('free text over HTTP', () => {
  it('a NUL, another control or an unpaired surrogate in a name is validation-failed, not filed', async () => {
    const before = await system.call('GET', '/v1/complaints?limit=100', { token: akimat });
    for (const raw of ['"Ай\\u0000гүл"', '"Айгүл\\u001b[31m"', '"Ай\\rгүл"', '"Айгүл\\u0085"']) {
      expectRefused(await fileRaw(filingWithRawName(raw)), 'applicant.name', textMessages.control);
    }
    for (const raw of ['"Ай\\ud800гүл"', '"Айгүл\\udfff"', '"\\ude00\\ud83d"']) {
      expectRefused(
        await fileRaw(filingWithRawName(raw)),
        'applicant.name',
        textMessages.malformed,
      );
    }
    const after = await system.call('GET', '/v1/complaints?limit=100', { token: akimat });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('a NUL or a line break in the e-mail address is validation-failed', async () => {
    for (const email of [
      'applicant\u0000@example.kz',
      'applicant@example.kz\r\nBcc: x@example.kz',
    ]) {
      const reply = await system.call('POST', '/v1/complaints', {
        body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, email } },
      });
      expectRefused(reply, 'applicant.email', 'must be an e-mail address');
    }
  });

  it('CRLF is kept as a line break (LF), a tab as a tab; the receipt e-mail goes out', async () => {
    const inbox = 'multi-line@example.kz';
    const filed = await system.call('POST', '/v1/complaints', {
      body: {
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, name: 'Айгүл\tСерікқызы', email: inbox },
        text: 'Первая строка.\r\nВторая строка.\r\n',
      },
    });
    expect(filed.status, filed.text).toBe(201);
    const read = await system.call('GET', `/v1/complaints/${field(filed.body, 'id')}`, {
      token: field(filed.body, 'accessToken'),
    });
    expect(read.body).toMatchObject({
      applicant: { name: 'Айгүл\tСерікқызы' },
      text: 'Первая строка.\nВторая строка.',
    });
    const receipt = (read.body.notices as { id: string; kind: string }[]).find(
      (notice) => notice.kind === 'registration',
    );
    await system.invoke('notice', {
      complaintId: field(filed.body, 'id'),
      messageId: receipt?.id ?? '',
    });
    const mail = await system.eventually(async () => (await system.emailsTo(inbox)).at(0));
    expect(mail.body.text).toContain(field(filed.body, 'registrationNumber'));
  });

  it('every act’s free text refuses control characters, before any change', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    const filed = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const id = field(filed.body, 'id');
    const acts: [string, Record<string, unknown>, string][] = [
      [
        'extensions',
        { workingDays: 2, reason: 'additional_study', explanation: 'а\u0000' },
        'explanation',
      ],
      ['decision', { outcome: 'rejected', text: 'а\u0007б' }, 'text'],
      ['forwarding', { toBodyId: 'ministry-justice', explanation: '\u007fа' }, 'explanation'],
      ['return', { ground: 'not_a_complaint', explanation: 'а\u009bб' }, 'explanation'],
    ];
    for (const [act, body, path] of acts) {
      const reply = await system.call('POST', `/v1/complaints/${id}/${act}`, {
        body,
        token: akimat,
      });
      expectRefused(reply, path, textMessages.control);
    }
    const withdrawal = await system.call('POST', `/v1/complaints/${id}/withdrawal`, {
      body: { reason: 'а\rб' },
      token: field(filed.body, 'accessToken'),
    });
    expectRefused(withdrawal, 'reason', textMessages.control);
    const read = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
    expect(read.body).toMatchObject({ status: 'under_review', version: 1 });
  });

  it('property: a filed name is 201 exactly when it is clean text, 400 otherwise, never 5xx', async () => {
    const units = fc.oneof(
      fc.constantFrom('а', 'ә', 'A', ' ', '\t', '\n', '\r\n', '😀'),
      fc.constantFrom('\u0000', '\r', '\u000b', '\u007f', '\u0085', '\ud800', '\udc00'),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: units, minLength: 1, maxLength: 12 }), async (name) => {
        const reply = await system.call('POST', '/v1/complaints', {
          body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, name } },
        });
        const lines = name.replace(/\r\n/g, '\n');
        const clean =
          (name as string & { isWellFormed(): boolean }).isWellFormed() &&
          !Array.from({ length: lines.length }, (_, i) => lines.charCodeAt(i)).some(
            isControlButTabOrNewline,
          ) &&
          lines.trim() !== '';
        expect({ name, status: reply.status }).toEqual({ name, status: clean ? 201 : 400 });
      }),
      { numRuns: 60 },
    );
  });
});

describe('dates and instants no deadline can be reckoned from', () => {
  it('a paper complaint received before 2019 (before legal time is even modelled) is validation-failed, not 500', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    for (const receivedAt of ['1999-01-01T00:00:00+05:00', '0001-01-01T00:00:00Z']) {
      const reply = await system.call('POST', '/v1/complaints', {
        token: akimat,
        body: {
          ...electronicFiling,
          channel: 'paper',
          acceptedBy,
          receivedAt,
          applicant: { ...electronicFiling.applicant, postalAddress: 'Астана' },
        },
      });
      expectRefused(reply, 'receivedAt', 'must be an instant from 2019 to 2099');
    }
  });

  it('a recommendation to answer by 9999-12-31 is validation-failed, not 500', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    const filed = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, addresseeId: 'agency-civil-service' },
    });
    const id = field(filed.body, 'id');
    const findings = await system.call('POST', `/v1/complaints/${id}/findings`, {
      body: { reasons: 'Отказ не мотивирован.', violationFound: true, bodyId: 'akimat-astana' },
      token: agency,
    });
    expect(findings.status, findings.text).toBe(201);
    const far = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '9999-12-31' },
      token: agency,
    });
    expectRefused(
      far,
      'respondBy',
      'must be on or before 2099-12-31: the calendar counts no further',
    );
    const last = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '2099-12-31' },
      token: agency,
    });
    expect(last.status, last.text).toBe(201);
  });
});
