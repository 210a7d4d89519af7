import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let official: string;
const body = {
  ...electronicFiling,
  addresseeId: 'akimat-almaty',
  subject: { ...electronicFiling.subject, occurredOn: '2026-11-02' },
};

beforeAll(async () => {
  system = await createHarness();
  official = await system.official({ bodyId: 'akimat-almaty' });
  // Five complaints, filed on five days: due 5 working days later each.
  for (const day of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) {
    system.setNow(almaty(`${day}T10:00`));
    expect((await system.call('POST', '/v1/complaints', { body })).status).toBe(201);
  }
  // The second is decided, the first goes overdue (marked by the deadline process, here directly).
  system.setNow(almaty('2026-11-20T12:00'));
  const all = await system.call('GET', '/v1/complaints?limit=100', { token: official });
  const items = all.body.items as { id: string }[];
  await system.call('POST', `/v1/complaints/${items[1]?.id ?? ''}/decision`, {
    body: { outcome: 'satisfied', text: 'x' },
    token: official,
  });
  const first = await system.dependencies.repository.get(items[0]?.id ?? '');
  if (!first) throw new Error('missing');
  await system.dependencies.repository.save(
    first.complaint,
    { ...first.complaint, status: 'overdue', version: first.complaint.version + 1 },
    [],
  );
});
afterAll(() => system.close());

const dueDates = (reply: { body: Record<string, unknown> }): string[] =>
  (reply.body.items as { dueDate: string }[]).map((item) => item.dueDate);

describe('GET /v1/complaints', () => {
  it('lists a body’s complaints by due date ascending, across statuses, without personal data', async () => {
    const reply = await system.call('GET', '/v1/complaints', { token: official });
    expect(reply.status).toBe(200);
    expect(dueDates(reply)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect((reply.body.items as { status: string }[]).map((i) => i.status)).toEqual([
      'overdue',
      'decided',
      'under_review',
      'under_review',
      'under_review',
    ]);
    expect(reply.body.nextCursor).toBeNull();
    expect(reply.text).not.toContain('900101400013');
  });

  it('filters by status and by due date (strictly before)', async () => {
    const open = await system.call('GET', '/v1/complaints?status=under_review', {
      token: official,
    });
    expect(dueDates(open)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    const before = await system.call(
      'GET',
      '/v1/complaints?status=under_review&dueBefore=2026-11-27',
      { token: official },
    );
    expect(dueDates(before)).toEqual(['2026-11-25', '2026-11-26']);
    const anyBefore = await system.call('GET', '/v1/complaints?dueBefore=2026-11-25', {
      token: official,
    });
    expect(dueDates(anyBefore)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('pages with limit and an opaque cursor, every item once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const reply = await system.call('GET', `/v1/complaints?limit=2${query}`, { token: official });
      expect((reply.body.items as unknown[]).length).toBeLessThanOrEqual(2);
      seen.push(...dueDates(reply));
      cursor = reply.body.nextCursor as string | null;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(pages).toBe(3);
  });

  it('refuses a cursor it did not give, and a limit outside 1–100', async () => {
    const page = await system.call('GET', '/v1/complaints?limit=2', { token: official });
    const cursor = field(page.body, 'nextCursor');
    const forged = Buffer.from(
      JSON.stringify({
        under_review: {
          PK: 'x',
          SK: 'y',
          GSI1PK: 'BODY#akimat-astana',
          GSI1SK: 'under_review#2026',
        },
      }),
    ).toString('base64url');
    for (const bad of ['not-a-cursor', forged]) {
      const reply = await system.call('GET', `/v1/complaints?cursor=${bad}`, { token: official });
      expect(reply).toMatchObject({ status: 400, body: { errors: [{ path: 'cursor' }] } });
    }
    // A cursor for one status list is not valid for another.
    expect(
      (
        await system.call('GET', `/v1/complaints?status=decided&cursor=${cursor}`, {
          token: official,
        })
      ).status,
    ).toBe(400);
    expect((await system.call('GET', '/v1/complaints?limit=0', { token: official })).status).toBe(
      400,
    );
    expect((await system.call('GET', '/v1/complaints?limit=101', { token: official })).status).toBe(
      400,
    );
    expect(
      (await system.call('GET', '/v1/complaints?colour=red', { token: official })).body,
    ).toMatchObject({
      errors: [{ path: 'colour', message: 'is not a known field' }],
    });
  });

  it('reads are Queries, never a Scan: one Query per status listed, one for a complaint', async () => {
    const page = await system.call('GET', '/v1/complaints?status=under_review', {
      token: official,
    });
    system.resetCalls();
    await system.call('GET', '/v1/complaints?status=under_review', { token: official });
    expect(system.calls).toEqual(['QueryCommand']);
    system.resetCalls();
    await system.call('GET', `/v1/complaints/${field(page.body, 'items', 0, 'id')}`, {
      token: official,
    });
    expect(system.calls).toEqual(['QueryCommand']);
  });
});
