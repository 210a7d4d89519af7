import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedBy, almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
beforeAll(async () => {
  system = await createHarness();
});
afterAll(() => system.close());

const paperFiling = {
  ...electronicFiling,
  channel: 'paper',
  acceptedBy,
  applicant: {
    ...electronicFiling.applicant,
    email: undefined,
    postalAddress: 'Астана, ул. Бейбітшілік, 1',
  },
};

describe('POST /v1/complaints', () => {
  it('R4, R5, R14: files an electronic complaint: 201 with Location, ETag, the due date and an access token', async () => {
    system.setNow(almaty('2026-11-23T10:15'));
    const reply = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      registrationNumber: expect.stringMatching(/^akimat-astana\/2026\/\d{6}$/) as unknown,
      status: 'under_review',
      channel: 'electronic',
      addressee: {
        id: 'akimat-astana',
        kind: 'local_executive_body',
        name: { ru: 'Акимат города Астаны' },
      },
      receivedAt: '2026-11-23T10:15:00+05:00',
      registrationDate: '2026-11-23',
      reviewWorkingDays: 5,
      dueDate: '2026-11-30',
      extendedWorkingDays: 0,
    });
    const id = field(reply.body, 'id');
    expect(reply.headers.get('location')).toBe(`/v1/complaints/${id}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    // ≥ 128 bits from a CSPRNG: 32 random bytes, base64url.
    expect(field(reply.body, 'accessToken')).toMatch(
      new RegExp(`^ap\\.${id}\\.[A-Za-z0-9_-]{43}$`),
    );
  });

  it('R15: the access token opens the complaint, with its receipt notice pending and its history', async () => {
    system.setNow(almaty('2026-11-23T19:00'));
    const filed = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const id = field(filed.body, 'id');
    const read = await system.call('GET', `/v1/complaints/${id}`, {
      token: field(filed.body, 'accessToken'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      registrationDate: '2026-11-24', // R4: after 18:30 → the next working day
      dueDate: '2026-12-01',
      applicant: { iin: '900101400013', language: 'kk' },
      notices: [{ kind: 'registration', form: 'email', status: 'pending', language: 'kk' }],
      history: [{ type: 'filed', version: 1, actor: { type: 'applicant' } }],
    });
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('the token is kept only as a hash: the table has no copy of it', async () => {
    const filed = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const stored = await system.dependencies.repository.get(field(filed.body, 'id'));
    expect(stored?.accessToken?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(field(filed.body, 'accessToken').split('.')[2]);
  });

  it('R14: registration numbers run in order per body and year, without gaps, also when filed at once', async () => {
    system.setNow(almaty('2026-11-24T11:00'));
    const body = { ...electronicFiling, addresseeId: 'ministry-justice' };
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => system.call('POST', '/v1/complaints', { body })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 201));
    const numbers = replies.map((r) => field(r.body, 'registrationNumber')).sort();
    expect(numbers).toEqual(
      Array.from(
        { length: 12 },
        (_, i) => `ministry-justice/2026/${String(i + 1).padStart(6, '0')}`,
      ),
    );
    system.setNow(almaty('2027-01-05T10:00'));
    const nextYear = await system.call('POST', '/v1/complaints', { body });
    expect(field(nextYear.body, 'registrationNumber')).toBe('ministry-justice/2027/000001');
  });

  it('R14: a warm filing is two DynamoDB calls: its number from the counter, then one TransactWriteItems; no Scheduler call', async () => {
    system.setNow(almaty('2026-11-25T10:00'));
    await system.call('POST', '/v1/complaints', { body: electronicFiling });
    system.resetCalls();
    await system.call('POST', '/v1/complaints', { body: electronicFiling });
    expect(system.calls).toEqual(['UpdateItemCommand', 'TransactWriteItemsCommand']);
  });

  it('R2: a complaint to an unknown body is refused, and nothing is written', async () => {
    system.resetCalls();
    const reply = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, addresseeId: 'akimat-atlantis' },
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({
      type: 'urn:problem:validation-failed',
      status: 400,
      errors: [{ path: 'addresseeId', message: 'is not a body of the directory (GET /v1/bodies)' }],
    });
    expect(
      system.calls.filter((name) => name.startsWith('Transact') || name.startsWith('Put')),
    ).toEqual([]);
  });

  it('validation-failed: every invalid and unknown field, by path', async () => {
    const reply = await system.call('POST', '/v1/complaints', {
      body: {
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, iin: '900101300018' },
        colour: 'red',
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        {
          path: 'applicant.iin',
          message: 'must be a valid IIN: 12 digits with a correct check digit',
        },
        { path: 'colour', message: 'is not a known field' },
      ]),
    );
  });

  it('validation-failed for malformed JSON, unsupported-media-type for another content type, payload-too-large over 64 KiB', async () => {
    const malformed = await system.call('POST', '/v1/complaints', {
      rawBody: '{"channel":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.body).toMatchObject({
      type: 'urn:problem:validation-failed',
      detail: 'The body is not valid JSON',
    });
    const form = await system.call('POST', '/v1/complaints', {
      rawBody: 'channel=electronic',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form).toMatchObject({
      status: 415,
      body: { type: 'urn:problem:unsupported-media-type' },
    });
    const large = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, text: 'ә'.repeat(40 * 1024) },
    });
    expect(large).toMatchObject({ status: 413, body: { type: 'urn:problem:payload-too-large' } });
  });

  it('a paper complaint is filed by an official of its addressee: anonymous 401, another body 403', async () => {
    system.setNow(almaty('2026-11-25T10:00'));
    const anonymous = await system.call('POST', '/v1/complaints', { body: paperFiling });
    expect(anonymous).toMatchObject({ status: 401, body: { type: 'urn:problem:unauthorized' } });
    const other = await system.call('POST', '/v1/complaints', {
      body: paperFiling,
      token: await system.official({ bodyId: 'ministry-justice' }),
    });
    expect(other).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
    const own = await system.call('POST', '/v1/complaints', {
      body: paperFiling,
      token: await system.official({ bodyId: 'akimat-astana' }),
    });
    expect(own).toMatchObject({ status: 201, body: { channel: 'paper' } });
  });

  it('an official token that is expired, forged or not an official’s is 401', async () => {
    const expired = await system.official({ bodyId: 'akimat-astana', expiresIn: -60 });
    const notOfficial = await system.official({ bodyId: 'akimat-astana', groups: ['citizen'] });
    for (const token of [expired, notOfficial, `${expired.slice(0, -4)}AAAA`, 'not-a-token']) {
      const reply = await system.call('POST', '/v1/complaints', { body: paperFiling, token });
      expect(reply).toMatchObject({ status: 401, body: { type: 'urn:problem:unauthorized' } });
    }
  });

  it('R12: an appeal names a decided complaint of the same applicant, to the authorized body', async () => {
    system.setNow(almaty('2026-11-25T10:00'));
    const earlier = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const earlierId = field(earlier.body, 'id');
    const appeal = {
      ...electronicFiling,
      addresseeId: 'agency-civil-service',
      appealOf: earlierId,
    };
    const undecided = await system.call('POST', '/v1/complaints', { body: appeal });
    expect(undecided.body).toMatchObject({
      errors: [
        { path: 'appealOf', message: 'is not a decided or overdue complaint of this applicant' },
      ],
    });
    await system.call('POST', `/v1/complaints/${earlierId}/decision`, {
      body: { outcome: 'rejected', text: 'Нет оснований.' },
      token: await system.official({ bodyId: 'akimat-astana' }),
    });
    const someoneElse = await system.call('POST', '/v1/complaints', {
      body: { ...appeal, applicant: { ...electronicFiling.applicant, iin: '000000000101' } },
    });
    expect(someoneElse.status).toBe(400);
    const accepted = await system.call('POST', '/v1/complaints', { body: appeal });
    expect(accepted).toMatchObject({ status: 201, body: { reviewWorkingDays: 15 } });
  });
});

describe('Idempotency-Key', () => {
  it('a retry with the same key and body answers the first response and files nothing', async () => {
    system.setNow(almaty('2026-11-26T10:00'));
    const headers = { 'Idempotency-Key': 'retry-1' };
    const first = await system.call('POST', '/v1/complaints', { body: electronicFiling, headers });
    const second = await system.call('POST', '/v1/complaints', { body: electronicFiling, headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('the same key with another body is idempotency-conflict, and files nothing', async () => {
    const headers = { 'Idempotency-Key': 'retry-2' };
    await system.call('POST', '/v1/complaints', { body: electronicFiling, headers });
    const other = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, text: 'Другой текст.' },
      headers,
    });
    expect(other).toMatchObject({
      status: 422,
      body: { type: 'urn:problem:idempotency-conflict' },
    });
  });

  it('100 parallel filings with one key: exactly one complaint, every answer the same', async () => {
    system.setNow(almaty('2026-11-26T11:00'));
    const body = { ...electronicFiling, addresseeId: 'akimat-shymkent' };
    const headers = { 'Idempotency-Key': 'storm' };
    const replies = await Promise.all(
      Array.from({ length: 100 }, () => system.call('POST', '/v1/complaints', { body, headers })),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(replies.map((r) => field(r.body, 'id'))).size).toBe(1);
    const list = await system.call('GET', '/v1/complaints', {
      token: await system.official({ bodyId: 'akimat-shymkent' }),
    });
    expect(list.body.items).toHaveLength(1);
  });

  it('keys are per applicant: another applicant’s identical key files their own complaint', async () => {
    const headers = { 'Idempotency-Key': 'mine' };
    const first = await system.call('POST', '/v1/complaints', { body: electronicFiling, headers });
    const other = await system.call('POST', '/v1/complaints', {
      body: {
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, iin: '000000000101' },
      },
      headers,
    });
    expect(other.status).toBe(201);
    expect(field(other.body, 'id')).not.toBe(field(first.body, 'id'));
  });

  it('refuses a key longer than 128 characters', async () => {
    const reply = await system.call('POST', '/v1/complaints', {
      body: electronicFiling,
      headers: { 'Idempotency-Key': 'k'.repeat(129) },
    });
    expect(reply.body).toMatchObject({ errors: [{ path: 'Idempotency-Key' }] });
  });
});
