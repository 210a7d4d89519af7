/**
 * The Agency's statistics ([S6.3], `GET /v1/statistics`): counted from the stream into per-body,
 * per-month counters, exact when the stream delivers records again, and equal to a count made
 * from the complaints themselves. JSON, or CSV with Accept: text/csv; officials see their own body.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar/dates.js';
import { workingDaysBetween } from '../../shared/calendar/index.js';
import { overdueAt } from '../../shared/domain/deadlines.js';
import { medianOf, type MonthFigures } from '../../shared/domain/statistics.js';
import type { StoredComplaint } from '../../shared/ports.js';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let akimat: string;
let agency: string;
const filed: string[] = [];

async function file(at: string, addresseeId = 'akimat-astana', appealOf?: string) {
  system.setNow(almaty(at));
  const reply = await system.call('POST', '/v1/complaints', {
    body: { ...electronicFiling, addresseeId, ...(appealOf === undefined ? {} : { appealOf }) },
  });
  expect(reply.status, reply.text).toBe(201);
  filed.push(field(reply.body, 'id'));
  return field(reply.body, 'id');
}

async function act(at: string, id: string, action: string, token: string, body: unknown) {
  system.setNow(almaty(at));
  const reply = await system.call('POST', `/v1/complaints/${id}/${action}`, { token, body });
  expect(reply.status, reply.text).toBe(201);
  return reply;
}

beforeAll(async () => {
  system = await createHarness();
  akimat = await system.official({ bodyId: 'akimat-astana' });
  agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
  const decision = (outcome: string) => ({ outcome, text: 'Рассмотрено.' });
  // Decided in time, after an extension.
  const a1 = await file('2026-11-23T10:00');
  await act('2026-11-24T10:00', a1, 'extensions', akimat, {
    workingDays: 2,
    reason: 'site_inspection',
    explanation: 'Выезд.',
  });
  await act('2026-11-25T10:00', a1, 'decision', akimat, decision('satisfied'));
  // Overdue, then decided late in December; and one that stays overdue.
  const a2 = await file('2026-11-23T10:05');
  const a3 = await file('2026-11-23T10:10');
  system.setNow(overdueAt('2026-11-30'));
  for (const id of [a2, a3]) await system.invoke('deadline', { kind: 'overdue', complaintId: id });
  await act('2026-12-02T10:00', a2, 'decision', akimat, decision('rejected'));
  // Forwarded in time to the ministry, withdrawn, returned.
  const a4 = await file('2026-11-23T10:15');
  await act('2026-11-24T11:00', a4, 'forwarding', akimat, {
    toBodyId: 'ministry-justice',
    explanation: 'Не наша компетенция.',
  });
  const forwarded = await system.dependencies.repository.get(a4);
  filed.push(forwarded?.complaint.forwardedTo ?? '');
  const a5 = await file('2026-11-23T10:20');
  const token = (await system.dependencies.repository.get(a5))?.accessToken;
  expect(token).not.toBeNull();
  await act('2026-11-24T12:00', a5, 'return', akimat, {
    ground: 'missing_details',
    explanation: 'Нет адреса.',
  });
  // A complaint to the Agency: findings, a recommendation to the akimat, answered in time.
  const g1 = await file('2026-12-03T10:00', 'agency-civil-service', a1);
  await act('2026-12-04T10:00', g1, 'findings', agency, {
    reasons: 'Отказ не мотивирован.',
    violationFound: true,
    bodyId: 'akimat-astana',
  });
  const recommended = await act('2026-12-04T10:05', g1, 'recommendations', agency, {
    bodyId: 'akimat-astana',
    measures: 'Пересмотреть.',
    respondBy: '2026-12-11',
  });
  await act(
    '2026-12-08T10:00',
    g1,
    `recommendations/${field(recommended.body, 'recommendationId')}/response`,
    akimat,
    { outcome: 'implemented', text: 'Пересмотрено.' },
  );
});
afterAll(() => system.close());

const statistics = async (query: string, token = agency) =>
  system.call('GET', `/v1/statistics?${query}`, { token });

/** The figures a count of the complaints themselves gives, by body and month. */
function countFromComplaints(
  stored: readonly StoredComplaint[],
): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  const add = (body: string, date: string, name: string, n = 1) => {
    const key = `${body}#${date.slice(0, 7)}`;
    const entry = counts.get(key) ?? {};
    entry[name] = (entry[name] ?? 0) + n;
    counts.set(key, entry);
  };
  for (const { complaint: c, history } of stored) {
    const body = c.addressee.id;
    add(body, c.registrationDate, 'received');
    if (c.decision) {
      add(body, c.decision.decidedAt, c.decision.timely ? 'decidedTimely' : 'decidedLate');
      add(body, c.decision.decidedAt, `outcome_${c.decision.outcome}`);
      add(
        body,
        c.decision.decidedAt,
        `days_${String(workingDaysBetween(c.registrationDate, c.decision.decidedAt.slice(0, 10)))}`,
      );
    }
    const overdueMonth = addCalendarDays(c.dueDate, 1);
    if (history.some((e) => e.type === 'marked_overdue')) add(body, overdueMonth, 'deemedRefusals');
    if (c.status === 'overdue') add(body, overdueMonth, 'overdueNow');
    for (const e of c.extensions) {
      add(body, e.grantedAt, 'extended');
      add(body, e.grantedAt, 'extendedDays', e.workingDays);
    }
    if (c.forwarding)
      add(
        body,
        c.forwarding.forwardedAt,
        c.forwarding.timely ? 'forwardedTimely' : 'forwardedLate',
      );
    if (c.withdrawal) add(body, c.withdrawal.withdrawnAt, 'withdrawn');
    if (c.return) add(body, c.return.returnedAt, `returned_${c.return.ground}`);
    for (const r of c.recommendations) {
      add(r.bodyId, r.sentAt, 'recommendationsSent');
      if (r.response) {
        add(
          r.bodyId,
          r.response.respondedAt,
          r.response.timely ? 'recommendationsAnsweredTimely' : 'recommendationsAnsweredLate',
        );
        add(r.bodyId, r.response.respondedAt, `recommendation_${r.response.outcome}`);
      }
    }
  }
  return counts;
}

/** The same figures read from the API's answer. */
function countFromFigures(items: readonly MonthFigures[]): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const f of items) {
    const entry: Record<string, number> = {
      received: f.received,
      decidedTimely: f.decided.timely,
      decidedLate: f.decided.late,
      deemedRefusals: f.deemedRefusals,
      overdueNow: f.overdueNow,
      extended: f.extended.count,
      extendedDays: f.extended.workingDays,
      forwardedTimely: f.forwarded.timely,
      forwardedLate: f.forwarded.late,
      withdrawn: f.withdrawn,
      recommendationsSent: f.recommendations.sent,
      recommendationsAnsweredTimely: f.recommendations.answeredTimely,
      recommendationsAnsweredLate: f.recommendations.answeredLate,
      ...Object.fromEntries(Object.entries(f.outcomes).map(([k, v]) => [`outcome_${k}`, v])),
      ...Object.fromEntries(Object.entries(f.returned).map(([k, v]) => [`returned_${k}`, v])),
      ...Object.fromEntries(
        Object.entries(f.recommendations.outcomes).map(([k, v]) => [`recommendation_${k}`, v]),
      ),
    };
    counts.set(
      `${f.bodyId}#${f.month}`,
      Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== 0)),
    );
  }
  return counts;
}

describe('GET /v1/statistics', () => {
  it('[S6.3]: equal to a count made from the complaints themselves, also after the whole stream is delivered again', async () => {
    const stored = (
      await Promise.all(filed.map((id) => system.dependencies.repository.get(id)))
    ).filter((s): s is StoredComplaint => s !== undefined);
    const expected = countFromComplaints(stored);
    // The days to each decision make the median; the rest are the counts.
    const medians = new Map<string, number | null>();
    for (const [key, counters] of expected) {
      const days = Object.entries(counters).filter(([name]) => name.startsWith('days_'));
      medians.set(key, medianOf(new Map(days.map(([name, n]) => [Number(name.slice(5)), n]))));
      expected.set(
        key,
        Object.fromEntries(Object.entries(counters).filter(([name]) => !name.startsWith('days_'))),
      );
    }
    const check = async () => {
      const reply = await statistics('from=2026-11&to=2026-12');
      expect(reply.status, reply.text).toBe(200);
      const items = reply.body.items as MonthFigures[];
      expect(countFromFigures(items)).toEqual(expected);
      for (const f of items)
        expect(f.medianWorkingDaysToDecision, `${f.bodyId} ${f.month}`).toBe(
          medians.get(`${f.bodyId}#${f.month}`) ?? null,
        );
    };
    await check();
    // The stream delivered again from its start (a lost checkpoint): nothing counts twice.
    expect(await system.replayStream(7)).toBeGreaterThan(10);
    await check();
  });

  it('[S6.3]: the akimat in November: received, decided, overdue now, extended, forwarded, returned', async () => {
    const reply = await statistics('from=2026-11&to=2026-11&addresseeId=akimat-astana');
    expect(reply.body).toMatchObject({
      from: '2026-11',
      to: '2026-11',
      addresseeId: 'akimat-astana',
      items: [
        {
          bodyId: 'akimat-astana',
          month: '2026-11',
          received: 5,
          decided: { timely: 1, late: 0 },
          outcomes: { satisfied: 1, partially_satisfied: 0, rejected: 0 },
          medianWorkingDaysToDecision: 2,
          extended: { count: 1, workingDays: 2, byReason: { site_inspection: 1 } },
          forwarded: { timely: 1, late: 0 },
          returned: { missing_details: 1, not_a_complaint: 0, repeated: 0 },
        },
      ],
    });
  });

  it('as CSV, one row per body and month, with Accept: text/csv', async () => {
    const reply = await system.call('GET', '/v1/statistics?from=2026-11&to=2026-12', {
      token: agency,
      headers: { accept: 'text/csv' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = reply.text.trim().split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual([
      'body_id',
      'month',
      'received',
      'decided_timely',
      'decided_late',
    ]);
    expect(rows.some((row) => row.startsWith('akimat-astana,2026-11,5,1,0,'))).toBe(true);
    expect(rows.some((row) => row.startsWith('akimat-astana,2026-12,'))).toBe(true);
  });

  it('R15: an official sees their own body; another body is forbidden; the Agency any or all', async () => {
    const own = await statistics('from=2026-11&to=2026-12', akimat);
    expect(own.status).toBe(200);
    expect(new Set((own.body.items as MonthFigures[]).map((item) => item.bodyId))).toEqual(
      new Set(['akimat-astana']),
    );
    expect(
      await statistics('from=2026-11&to=2026-12&addresseeId=ministry-justice', akimat),
    ).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
    expect((await system.call('GET', '/v1/statistics?from=2026-11&to=2026-12')).status).toBe(401);
  });

  it('refuses a span that is not one, or longer than three years', async () => {
    for (const query of [
      'from=2026-12&to=2026-11',
      'from=2020-01&to=2026-12',
      'from=2026-13&to=2026-12',
      'to=2026-12',
    ]) {
      const reply = await statistics(query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.type).toBe('urn:problem:validation-failed');
    }
  });
});
