/**
 * The law's side paths over HTTP on DynamoDB Local, with the local SES and the Scheduler emulator
 * (R16–R24): forwarding, withdrawal, return, deemed refusal, paper intake and its coupon, the
 * calendar that never refuses, control after the facts, a failed notice delivered another way.
 * Every refusal is problem+json and writes nothing.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueAt } from '../../shared/domain/deadlines.js';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness, type Reply } from './harness.js';

let system: Harness;
let akimat: string;
let ministry: string;
let agency: string;
const agencyInbox = 'agency-civil-service@notify.complaints.example';
const akimatInbox = 'akimat-astana@notify.complaints.example';

beforeAll(async () => {
  system = await createHarness({ retryDelaysSeconds: [1] });
  akimat = await system.official({ bodyId: 'akimat-astana' });
  ministry = await system.official({ bodyId: 'ministry-justice' });
  agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
});
afterAll(() => system.close());

interface Filed {
  readonly id: string;
  readonly token: string;
  readonly number: string;
  readonly inbox: string;
}

/** A complaint with an inbox of its own, so each test reads only its mail. */
async function file(at: string, overrides: Record<string, unknown> = {}): Promise<Filed> {
  const inbox = `applicant-${randomUUID()}@example.kz`;
  system.setNow(almaty(at));
  const { applicant, ...rest } = overrides as {
    applicant?: Record<string, unknown>;
    channel?: string;
  };
  const reply = await system.call('POST', '/v1/complaints', {
    token: rest.channel === 'paper' ? akimat : undefined,
    body: {
      ...electronicFiling,
      ...rest,
      applicant: { ...electronicFiling.applicant, ...applicant, email: inbox },
    },
  } as Parameters<Harness['call']>[2]);
  expect(reply.status, reply.text).toBe(201);
  return {
    id: field(reply.body, 'id'),
    token: field(reply.body, 'accessToken'),
    number: field(reply.body, 'registrationNumber'),
    inbox,
  };
}

const paper = {
  channel: 'paper',
  applicant: { postalAddress: 'Астана, ул. Бейбітшілік, 1' },
  acceptedBy: { name: 'Сейткали Нурлан', position: 'главный специалист канцелярии' },
};

const read = (id: string, token = akimat) => system.call('GET', `/v1/complaints/${id}`, { token });

/** Sends what the notice function would send for one pending e-mail, as its schedule would. */
const send = (complaintId: string, messageId: string) =>
  system.invoke('notice', { complaintId, messageId });

/** A problem+json refusal that changed nothing on the complaint. */
async function refusedWithoutWrite(
  id: string,
  attempt: () => Promise<Reply>,
  status: number,
  slug: string,
): Promise<Reply> {
  const before = await system.dependencies.repository.get(id);
  const reply = await attempt();
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.body.type).toBe(`urn:problem:${slug}`);
  const after = await system.dependencies.repository.get(id);
  expect(after?.complaint).toEqual(before?.complaint);
  expect(after?.history).toHaveLength(before?.history.length ?? -1);
  return reply;
}

/** A complaint's deadline schedules (its e-mails' own, `<id>-<message>-<try>`, come and go). */
const schedulesOf = (id: string) =>
  system.scheduler
    .schedules()
    .filter((s) => s.Name.startsWith(`${id}-`) && !/-\d+$/.test(s.Name))
    .map((s) => s.Name.slice(id.length))
    .sort();

describe('R16: forwarding over HTTP', () => {
  it('R16: forwarded to the competent body: the original ends, the ministry registers it as received now, the applicant’s token reads both', async () => {
    const original = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T19:00'));
    const reply = await system.call('POST', `/v1/complaints/${original.id}/forwarding`, {
      token: akimat,
      body: { toBodyId: 'ministry-justice', explanation: 'Вопрос в компетенции министерства.' },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      forwardedTo: {
        addresseeId: 'ministry-justice',
        registrationNumber: expect.stringMatching(/^ministry-justice\/2026\/\d{6}$/) as unknown,
        registrationDate: '2026-11-25',
        dueDate: '2026-12-02',
      },
      notice: { kind: 'forwarding', form: 'email', status: 'pending' },
      timely: true,
    });
    const forwardedId = field(reply.body, 'forwardedTo', 'id');
    expect(reply.headers.get('location')).toBe(`/v1/complaints/${forwardedId}`);

    const before = await read(original.id);
    expect(before.body).toMatchObject({
      status: 'forwarded',
      forwardedTo: forwardedId,
      forwarding: { toBodyId: 'ministry-justice', timely: true },
    });
    const atMinistry = await read(forwardedId, ministry);
    expect(atMinistry.body).toMatchObject({
      status: 'under_review',
      forwardedFrom: original.id,
      receivedAt: '2026-11-24T19:00:00+05:00',
      registrationDate: '2026-11-25',
      dueDate: '2026-12-02',
      dueDateProvisional: false,
      addressee: { id: 'ministry-justice' },
      history: [{ type: 'filed', details: { forwardedFrom: original.id } }],
    });
    // R15: the akimat no longer sees the complaint at the ministry; the applicant sees both.
    expect((await read(forwardedId, akimat)).status).toBe(404);
    expect((await read(forwardedId, original.token)).status).toBe(200);
    expect((await read(original.id, original.token)).status).toBe(200);

    // R16: the original keeps no deadline; the forwarded one has its own.
    expect(schedulesOf(original.id)).toEqual([]);
    expect(schedulesOf(forwardedId)).toEqual(['-due-soon', '-overdue']);

    // The applicant is told, in Kazakh, where it went: by name and number, not by id.
    const noticeId = field(reply.body, 'notice', 'id');
    await send(original.id, noticeId);
    const [told] = await system.eventually(async () => {
      const emails = (await system.emailsTo(original.inbox)).filter((e) =>
        (e.body.text ?? '').includes(field(reply.body, 'forwardedTo', 'registrationNumber')),
      );
      return emails.length > 0 ? emails : undefined;
    });
    expect(told?.body.text).toContain('Қазақстан Республикасының Әділет министрлігі');
  });

  it('R16: after 3 working days it is still forwarded, recorded late, and the authorized body is alerted', async () => {
    const original = await file('2026-11-23T10:00'); // forwarding due 26.11.2026
    system.setNow(almaty('2026-11-27T10:00'));
    const reply = await system.call('POST', `/v1/complaints/${original.id}/forwarding`, {
      token: akimat,
      body: { toBodyId: 'ministry-justice', explanation: 'Поздно, но по адресу.' },
    });
    expect(reply.body).toMatchObject({ timely: false });
    const stored = await read(original.id, agency);
    expect(stored.body).toMatchObject({ forwarding: { dueDate: '2026-11-26', timely: false } });
    const alert = (stored.body.alerts as { id: string; kind: string }[]).find(
      (a) => a.kind === 'forwarded_late',
    );
    expect(alert).toBeDefined();
    await send(original.id, alert?.id ?? '');
    const told = await system.eventually(async () =>
      (await system.emailsTo(agencyInbox)).find((e) =>
        (e.body.text ?? '').includes(original.number),
      ),
    );
    expect(told.subject).toMatch(/./);
  });

  it('R16: to itself or to an unknown body: validation-failed; decided: invalid-state; another body: forbidden; nothing is written', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    const forward =
      (toBodyId: string, token = akimat) =>
      () =>
        system.call('POST', `/v1/complaints/${id}/forwarding`, {
          token,
          body: { toBodyId, explanation: 'x' },
        });
    const self = await refusedWithoutWrite(id, forward('akimat-astana'), 400, 'validation-failed');
    expect(self.body.errors).toEqual([expect.objectContaining({ path: 'toBodyId' })]);
    const unknown = await refusedWithoutWrite(
      id,
      forward('no-such-body'),
      400,
      'validation-failed',
    );
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'toBodyId' })]);
    await refusedWithoutWrite(id, forward('ministry-justice', agency), 403, 'forbidden');
    await system.call('POST', `/v1/complaints/${id}/decision`, {
      token: akimat,
      body: { outcome: 'rejected', text: 'Нет оснований.' },
    });
    await refusedWithoutWrite(id, forward('ministry-justice'), 409, 'invalid-state');
  });
});

describe('R17: withdrawal over HTTP', () => {
  it('R17: the applicant withdraws with the access token: withdrawn, schedules gone, a confirmation e-mail', async () => {
    const filed = await file('2026-11-23T10:00');
    expect(schedulesOf(filed.id)).toEqual(['-due-soon', '-overdue']);
    system.setNow(almaty('2026-11-24T10:00'));
    const reply = await system.call('POST', `/v1/complaints/${filed.id}/withdrawal`, {
      token: filed.token,
      body: { reason: 'Справку выдали.' },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Справку выдали.', statementReceivedOn: null },
    });
    expect(schedulesOf(filed.id)).toEqual([]);
    const notice = (reply.body.notices as { id: string; kind: string }[]).find(
      (n) => n.kind === 'withdrawal',
    );
    await send(filed.id, notice?.id ?? '');
    const confirmation = await system.eventually(async () =>
      (await system.emailsTo(filed.inbox)).find((e) => (e.body.text ?? '').includes(filed.number)),
    );
    expect(confirmation.subject).toMatch(/./);
  });

  it('R17: another complaint’s token: not-found; decided, or an official on an electronic complaint: invalid-state; nothing is written', async () => {
    const filed = await file('2026-11-23T10:00');
    const other = await file('2026-11-23T10:05');
    system.setNow(almaty('2026-11-24T10:00'));
    const withdraw =
      (token: string, body: Record<string, unknown> = {}) =>
      () =>
        system.call('POST', `/v1/complaints/${filed.id}/withdrawal`, { token, body });
    await refusedWithoutWrite(filed.id, withdraw(other.token), 404, 'not-found');
    await refusedWithoutWrite(
      filed.id,
      withdraw(akimat, { statementReceivedOn: '2026-11-24' }),
      409,
      'invalid-state',
    );
    await refusedWithoutWrite(filed.id, withdraw(ministry), 404, 'not-found');
    await system.call('POST', `/v1/complaints/${filed.id}/decision`, {
      token: akimat,
      body: { outcome: 'satisfied', text: 'Выдано.' },
    });
    await refusedWithoutWrite(filed.id, withdraw(filed.token), 409, 'invalid-state');
  });

  it('R17: an official records a paper complaint’s written statement, with its date', async () => {
    const filed = await file('2026-11-23T10:00', paper);
    system.setNow(almaty('2026-11-25T10:00'));
    await refusedWithoutWrite(
      filed.id,
      () =>
        system.call('POST', `/v1/complaints/${filed.id}/withdrawal`, { token: akimat, body: {} }),
      400,
      'validation-failed',
    );
    const reply = await system.call('POST', `/v1/complaints/${filed.id}/withdrawal`, {
      token: akimat,
      body: { statementReceivedOn: '2026-11-24', reason: 'Заявление об отзыве.' },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'withdrawn',
      withdrawal: { statementReceivedOn: '2026-11-24' },
    });
    expect(reply.body.notices).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'withdrawal', form: 'letter' })]),
    );
  });
});

describe('R18: return over HTTP', () => {
  it('R18: returned with its ground; the applicant is told; repeated names a decided complaint of the same applicant', async () => {
    const earlier = await file('2026-11-20T10:00');
    system.setNow(almaty('2026-11-21T10:00'));
    await system.call('POST', `/v1/complaints/${earlier.id}/decision`, {
      token: akimat,
      body: { outcome: 'rejected', text: 'Оснований нет.' },
    });
    const again = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    const giveBack = (body: Record<string, unknown>) => () =>
      system.call('POST', `/v1/complaints/${again.id}/return`, { token: akimat, body });
    const missing = await refusedWithoutWrite(
      again.id,
      giveBack({ ground: 'repeated', explanation: 'Повтор.' }),
      400,
      'validation-failed',
    );
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'repeatedOf' })]);
    const undecided = await file('2026-11-23T11:00');
    system.setNow(almaty('2026-11-24T10:00'));
    await refusedWithoutWrite(
      again.id,
      giveBack({ ground: 'repeated', explanation: 'Повтор.', repeatedOf: undecided.id }),
      400,
      'validation-failed',
    );
    const reply = await giveBack({
      ground: 'repeated',
      explanation: 'Повторяет жалобу, по которой принято решение.',
      repeatedOf: earlier.id,
    })();
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'returned',
      decision: null,
      return: {
        ground: 'repeated',
        repeatedOf: earlier.id,
        repeatedRegistrationNumber: earlier.number,
      },
    });
    expect(schedulesOf(again.id)).toEqual(expect.not.arrayContaining(['-due-soon', '-overdue']));
    const notice = (reply.body.notices as { id: string; kind: string }[]).find(
      (n) => n.kind === 'return',
    );
    await send(again.id, notice?.id ?? '');
    const told = await system.eventually(async () =>
      (await system.emailsTo(again.inbox)).find((e) =>
        (e.body.text ?? '').includes(earlier.number),
      ),
    );
    expect(told.body.text).toContain(again.number);
  });
});

describe('R19: silence is refusal, over HTTP', () => {
  it('R19: going overdue tells the applicant; the overdue complaint may be named in appealOf', async () => {
    const filed = await file('2026-11-23T10:00'); // due 30.11.2026
    system.setNow(overdueAt('2026-11-30'));
    await system.invoke('deadline', { kind: 'overdue', complaintId: filed.id });
    const overdue = await read(filed.id);
    expect(overdue.body.status).toBe('overdue');
    const notice = (overdue.body.notices as { id: string; kind: string }[]).find(
      (n) => n.kind === 'deemed_refusal',
    );
    expect(notice).toBeDefined();
    await send(filed.id, notice?.id ?? '');
    const told = await system.eventually(async () =>
      (await system.emailsTo(filed.inbox)).find((e) => (e.body.text ?? '').includes('01.12.2026')),
    );
    expect(told.body.text).toContain(filed.number);

    system.setNow(almaty('2026-12-02T10:00'));
    const appeal = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, addresseeId: 'agency-civil-service', appealOf: filed.id },
    });
    expect(appeal.status, appeal.text).toBe(201);
    const open = await file('2026-12-02T10:00');
    const refused = await system.call('POST', '/v1/complaints', {
      body: { ...electronicFiling, addresseeId: 'agency-civil-service', appealOf: open.id },
    });
    expect(refused).toMatchObject({ status: 400, body: { type: 'urn:problem:validation-failed' } });
  });
});

describe('R20: paper intake and the coupon', () => {
  it('R20: handed in Monday 17:00, typed in Tuesday 09:30: registered Monday, due Monday; the coupon says so', async () => {
    system.setNow(almaty('2026-11-24T09:30'));
    const reply = await system.call('POST', '/v1/complaints', {
      token: akimat,
      body: {
        ...electronicFiling,
        ...paper,
        applicant: { ...electronicFiling.applicant, ...paper.applicant },
        receivedAt: '2026-11-23T17:00:00+05:00',
      },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      receivedAt: '2026-11-23T17:00:00+05:00',
      registrationDate: '2026-11-23',
      dueDate: '2026-11-30',
      acceptedBy: paper.acceptedBy,
    });
    const id = field(reply.body, 'id');
    const coupon = await system.call('GET', `/v1/complaints/${id}/coupon`, { token: akimat });
    expect(coupon.status).toBe(200);
    expect(coupon.headers.get('content-type')).toContain('text/html');
    for (const fact of [
      field(reply.body, 'registrationNumber'),
      '23.11.2026',
      '17:00',
      'Сейткали Нурлан',
      'главный специалист канцелярии',
      '30.11.2026',
    ]) {
      expect(coupon.text).toContain(fact);
    }
    // The coupon is the addressee's paperwork; an electronic complaint has none.
    expect(
      (await system.call('GET', `/v1/complaints/${id}/coupon`, { token: agency })).status,
    ).toBe(403);
    const electronic = await file('2026-11-24T10:00');
    expect(
      (await system.call('GET', `/v1/complaints/${electronic.id}/coupon`, { token: akimat })).body,
    ).toMatchObject({ type: 'urn:problem:not-found' });
  });

  it('R20: a receipt in the future or 11 days back, or on an electronic complaint, is refused and files nothing', async () => {
    system.setNow(almaty('2026-11-24T09:30'));
    const count = async () =>
      (
        (await system.call('GET', '/v1/complaints?limit=100', { token: akimat })).body
          .items as unknown[]
      ).length;
    const before = await count();
    const attempt = (receivedAt: string, channel = 'paper') =>
      system.call('POST', '/v1/complaints', {
        token: akimat,
        body: {
          ...electronicFiling,
          ...paper,
          channel,
          applicant: { ...electronicFiling.applicant, ...paper.applicant },
          receivedAt,
        },
      });
    for (const [receivedAt, channel] of [
      ['2026-11-24T10:00:00+05:00', 'paper'],
      ['2026-11-13T12:00:00+05:00', 'paper'],
      ['2026-11-24T09:00:00+05:00', 'electronic'],
      ['2026-11-23T17:00', 'paper'],
    ] as const) {
      const reply = await attempt(receivedAt, channel);
      expect(reply.status, `${receivedAt} ${channel}`).toBe(400);
      expect(reply.body).toMatchObject({ type: 'urn:problem:validation-failed' });
      expect(reply.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'receivedAt' })]),
      );
    }
    expect(await count()).toBe(before);
  });
});

describe('R21: the route onward', () => {
  it('R21: a decision of the authorized body sends the applicant to court only', async () => {
    const filed = await file('2026-11-23T10:00', { addresseeId: 'agency-civil-service' });
    system.setNow(almaty('2026-11-24T10:00'));
    const decided = await system.call('POST', `/v1/complaints/${filed.id}/decision`, {
      token: agency,
      body: { outcome: 'rejected', text: 'Нарушений не установлено.' },
    });
    const notice = (decided.body.notices as { id: string; kind: string }[]).find(
      (n) => n.kind === 'decision',
    );
    await send(filed.id, notice?.id ?? '');
    const told = await system.eventually(async () =>
      (await system.emailsTo(filed.inbox)).find(
        (e) => e.subject.includes(filed.number) && (e.body.text ?? '').includes('сот'),
      ),
    );
    expect(told.body.text).not.toContain('уәкілетті органға шағым');
  });
});

describe('R22: the calendar never refuses, over HTTP', () => {
  it('R22: filed in the last days of the official calendar: 201, due date provisional', async () => {
    const reply = await (async () => {
      system.setNow(almaty('2027-12-27T10:00'));
      return system.call('POST', '/v1/complaints', {
        body: {
          ...electronicFiling,
          subject: { ...electronicFiling.subject, occurredOn: '2027-12-20' },
        },
      });
    })();
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ dueDate: '2028-01-05', dueDateProvisional: true });
  });

  it('R22: once the calendar grew past a provisional due date, the daily run recounts it and records it', async () => {
    const filed = await file('2026-11-23T10:00'); // truly due 30.11.2026
    const { repository, calendarUpkeep } = system.dependencies;
    const stored = await repository.get(filed.id);
    if (!stored) throw new Error('not filed');
    // As a deployment whose calendar ended 20.11.2026 would have counted it.
    await repository.save(
      stored.complaint,
      { ...stored.complaint, dueDate: '2026-12-04', dueDateProvisional: true, version: 2 },
      [],
    );
    await calendarUpkeep.recordRecounted('2026-11-20');
    system.setNow(almaty('2026-11-24T02:30'));
    const run = (await system.reconcile()) as { recounted: number };
    expect(run.recounted).toBe(1);
    const after = await read(filed.id);
    expect(after.body).toMatchObject({ dueDate: '2026-11-30', dueDateProvisional: false });
    expect(after.body.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'due_date_recomputed',
          details: {
            previousDueDate: '2026-12-04',
            dueDate: '2026-11-30',
            dueDateProvisional: false,
          },
        }),
      ]),
    );
    expect(await calendarUpkeep.recountedThrough()).toBe('2027-12-31');
    expect(((await system.reconcile()) as { recounted: number }).recounted).toBe(0);
  });

  it('R22: from 90 days before the calendar ends, the authorized body is warned once per threshold, and the days left are measured', async () => {
    system.setNow(almaty('2027-10-05T02:30'));
    const warnings = async () =>
      (await system.emailsTo(agencyInbox)).filter((e) =>
        (e.body.text ?? '').includes('31.12.2027'),
      );
    const first = (await system.reconcile()) as { calendarWarning: number | null };
    expect(first.calendarWarning).toBe(90);
    expect(system.gauges.at(-1)).toEqual({ name: 'CalendarDaysLeft', value: 87 });
    await system.eventually(async () => ((await warnings()).length === 1 ? true : undefined));
    expect(
      ((await system.reconcile()) as { calendarWarning: number | null }).calendarWarning,
    ).toBeNull();
    expect(await warnings()).toHaveLength(1);
  });
});

describe('R23: control after the facts, over HTTP', () => {
  it('R23: control before the answer and before its date is invalid-state, and writes nothing', async () => {
    const filed = await file('2026-11-23T10:00', { addresseeId: 'agency-civil-service' });
    system.setNow(almaty('2026-11-24T10:00'));
    await system.call('POST', `/v1/complaints/${filed.id}/findings`, {
      token: agency,
      body: { reasons: 'Отказ не мотивирован.', violationFound: true, bodyId: 'akimat-astana' },
    });
    const sent = await system.call('POST', `/v1/complaints/${filed.id}/recommendations`, {
      token: agency,
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '2026-12-04' },
    });
    const recId = field(sent.body, 'recommendationId');
    const control = () =>
      system.call('POST', `/v1/complaints/${filed.id}/recommendations/${recId}/control`, {
        token: agency,
        body: { complete: true, text: 'Проверено.' },
      });
    await refusedWithoutWrite(filed.id, control, 409, 'invalid-state');
    system.setNow(almaty('2026-12-03T10:00'));
    await system.call('POST', `/v1/complaints/${filed.id}/recommendations/${recId}/response`, {
      token: akimat,
      body: { outcome: 'implemented', text: 'Решение пересмотрено.' },
    });
    const controlled = await control();
    expect(controlled.status, controlled.text).toBe(201);
    expect(controlled.body).toMatchObject({ control: { complete: true, timely: true } });
  });
});

describe('R24: a notice that cannot be delivered', () => {
  it('R24: a failed receipt alerts the addressee and the authorized body; the addressee records its delivery by courier', async () => {
    await system.stopSes();
    let filed: Filed;
    try {
      filed = await file('2026-11-23T10:00');
      const receipt = field((await read(filed.id)).body, 'notices', 0, 'id');
      // The first try and the one retry both fail: the notice fails for good.
      await send(filed.id, receipt);
      system.setNow(almaty('2026-11-23T10:00') + 2_000);
      await send(filed.id, receipt);
    } finally {
      await system.startSes();
    }
    const failed = await read(filed.id);
    expect(failed.body).toMatchObject({ notices: [{ status: 'failed' }] });
    const alerts = failed.body.alerts as { id: string; kind: string; recipient: string }[];
    expect(alerts.map((a) => [a.kind, a.recipient])).toEqual([
      ['notice_failed', 'akimat-astana'],
      ['notice_failed', 'agency-civil-service'],
    ]);
    for (const alert of alerts) await send(filed.id, alert.id);
    for (const inbox of [akimatInbox, agencyInbox]) {
      await system.eventually(async () =>
        (await system.emailsTo(inbox)).find((e) => (e.body.text ?? '').includes(filed.number)),
      );
    }
    // The applicant's view never shows an internal error text.
    expect((await read(filed.id, filed.token)).text).not.toContain('ECONNREFUSED');

    const noticeId = field(failed.body, 'notices', 0, 'id');
    system.setNow(almaty('2026-11-25T15:00'));
    const delivered = await system.call(
      'POST',
      `/v1/complaints/${filed.id}/notices/${noticeId}/delivery`,
      { token: akimat, body: { deliveredOn: '2026-11-25', method: 'courier' } },
    );
    expect(delivered.status, delivered.text).toBe(201);
    expect(delivered.body).toMatchObject({
      status: 'delivered_otherwise',
      otherDelivery: { deliveredOn: '2026-11-25', method: 'courier', timely: true },
    });
    await refusedWithoutWrite(
      filed.id,
      () =>
        system.call('POST', `/v1/complaints/${filed.id}/notices/${noticeId}/delivery`, {
          token: akimat,
          body: { deliveredOn: '2026-11-25', method: 'courier' },
        }),
      409,
      'invalid-state',
    );
  });
});
