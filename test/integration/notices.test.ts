/**
 * Deadlines and notices through the local engines (R9, R10, R11, R12): the Scheduler emulator fires
 * the deadline and notice functions on the test's clock, and the e-mails are read from what the
 * local SES received.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dueSoonAt, overdueAt } from '../../shared/domain/deadlines.js';
import { acceptedBy, almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let akimat: string;
const akimatInbox = 'akimat-astana@notify.complaints.example';
const agencyInbox = 'agency-civil-service@notify.complaints.example';

beforeAll(async () => {
  system = await createHarness({ autoFire: true, retryDelaysSeconds: [1, 1, 1] });
  akimat = await system.official({ bodyId: 'akimat-astana' });
});
afterAll(() => system.close());

/** A complaint from an applicant with an inbox of their own, so each test reads only its mail. */
async function file(
  at: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; token: string; inbox: string; number: string }> {
  const inbox = `applicant-${randomUUID()}@example.kz`;
  system.setNow(almaty(at));
  const { applicant, ...rest } = overrides as { applicant?: Record<string, unknown> };
  const reply = await system.call('POST', '/v1/complaints', {
    body: {
      ...electronicFiling,
      ...rest,
      applicant: { ...electronicFiling.applicant, ...applicant, email: inbox },
    },
  });
  expect(reply.status).toBe(201);
  return {
    id: field(reply.body, 'id'),
    token: field(reply.body, 'accessToken'),
    inbox,
    number: field(reply.body, 'registrationNumber'),
  };
}

/** A complaint's deadline schedules (its e-mails' own, `<id>-<message>-<try>`, come and go). */
const schedulesOf = (id: string) =>
  system.scheduler
    .schedules()
    .filter((s) => s.Name.startsWith(`${id}-`) && !/-\d+$/.test(s.Name))
    .map((s) => `${s.Name.slice(id.length)} ${s.ScheduleExpression}`)
    .sort();

/** Waits for an alert about this complaint in an officials' inbox (alerts name its number). */
const alertAbout = (inbox: string, registrationNumber: string, subject: string) =>
  system.eventually(async () =>
    (await system.emailsTo(inbox)).find(
      (email) =>
        email.subject.includes(subject) && (email.body.text ?? '').includes(registrationNumber),
    ),
  );

const mail = (inbox: string, count = 1) =>
  system.eventually(async () => {
    const emails = await system.emailsTo(inbox);
    return emails.length >= count ? emails : undefined;
  });

/** The receipt once its sending is recorded: the mail reaches SES a moment before `sent` is written. */
const sentReceipt = (complaintId: string) =>
  system.eventually(async () => {
    const notice = (await system.dependencies.repository.get(complaintId))?.complaint.notices[0];
    return notice?.status === 'sent' ? notice : undefined;
  });

describe('R9: the receipt, the extension notice and the decision notice by e-mail', () => {
  it('R9: filing sends the registration receipt in the applicant’s language and records it sent', async () => {
    const { id, token, inbox } = await file('2026-11-23T10:15');
    const [receipt] = await mail(inbox);
    expect(receipt?.subject).toMatch(/^Шағымыңыз тіркелді: № akimat-astana\/2026\/\d{6}$/);
    expect(receipt?.body.text).toContain('23.11.2026');
    expect(receipt?.body.text).toContain('30.11.2026 кешіктірмей');
    expect(receipt?.from).toBe('complaints@notify.complaints.example');
    const read = await system.eventually(async () => {
      const reply = await system.call('GET', `/v1/complaints/${id}`, { token });
      return field(reply.body, 'notices', 0, 'status') === 'sent' ? reply : undefined;
    });
    expect(read.body).toMatchObject({
      notices: [{ kind: 'registration', providerMessageId: receipt?.messageId }],
    });
    // Filing also set the reminder (09:00 the working day before) and the overdue check (00:00 after).
    expect(schedulesOf(id)).toEqual([
      '-due-soon at(2026-11-27T09:00:00)',
      '-overdue at(2026-12-01T00:00:00)',
    ]);
  });

  it('R6–R9: an extension moves the schedules, and its e-mail, with the reasons and the new due date, arrives within a second', async () => {
    const { id, inbox } = await file('2026-11-23T10:15', {
      applicant: { language: 'ru' },
    });
    const ruInbox = inbox;
    await mail(ruInbox);
    system.setNow(almaty('2026-11-25T12:00'));
    const started = Date.now();
    const extended = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: {
        workingDays: 3,
        reason: 'additional_information',
        explanation: 'Запрошены документы в ЦОН.',
      },
      token: akimat,
    });
    expect(extended.status).toBe(201);
    const [, notice] = await mail(ruInbox, 2);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(notice?.subject).toMatch(/^Срок рассмотрения жалобы продлён: № /);
    expect(notice?.body.text).toContain('продлён на 3 рабочих дня');
    expect(notice?.body.text).toContain('Причина продления: получение дополнительной информации.');
    expect(notice?.body.text).toContain('Запрошены документы в ЦОН.');
    expect(notice?.body.text).toContain('не позднее 03.12.2026');
    expect(schedulesOf(id)).toEqual([
      '-due-soon at(2026-12-02T09:00:00)',
      '-overdue at(2026-12-04T00:00:00)',
    ]);
  });

  it('R10: a decision removes the schedules and sends the decision e-mail', async () => {
    const { id, inbox } = await file('2026-11-23T10:15');
    await mail(inbox);
    system.setNow(almaty('2026-11-26T15:00'));
    const decided = await system.call('POST', `/v1/complaints/${id}/decision`, {
      body: { outcome: 'satisfied', text: 'Анықтама берілді.' },
      token: akimat,
    });
    expect(decided.status).toBe(201);
    const [, decision] = await mail(inbox, 2);
    expect(decision?.subject).toMatch(/^Шағым бойынша шешім: № /);
    expect(decision?.body.text).toContain('шағым қанағаттандырылды');
    expect(decision?.body.text).toContain('Анықтама берілді.');
    expect(schedulesOf(id)).toEqual([]);
  });

  it('escapes what the applicant wrote in the HTML of the e-mail', async () => {
    const { inbox } = await file('2026-11-23T10:15', {
      applicant: { name: '<script>alert(1)</script>' },
    });
    const [receipt] = await mail(inbox);
    expect(receipt?.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(receipt?.body.html).not.toContain('<script>');
  });
});

describe('R11, R12, R9: alerts to officials, in Kazakh and Russian', () => {
  it('R11: one working day before the due date, the addressee is reminded; after it, the complaint goes overdue and both are alerted', async () => {
    const { id, number } = await file('2026-11-23T10:15'); // due 2026-11-30
    system.setNow(dueSoonAt('2026-11-30'));
    const reminder = await alertAbout(akimatInbox, number, 'Срок рассмотрения истекает');
    expect(reminder.subject).toContain('Қарау мерзімі аяқталуға жақын');
    expect(reminder.body.text).toContain('30.11.2026');
    expect(await system.emailsTo(agencyInbox)).not.toContainEqual(
      expect.objectContaining({ subject: reminder.subject }),
    );

    system.setNow(overdueAt('2026-11-30'));
    const read = await system.eventually(async () => {
      const reply = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
      return reply.body.status === 'overdue' ? reply : undefined;
    });
    expect(read.body.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'marked_overdue' })]),
    );
    // One e-mail to each: the addressee and the authorized body.
    const toAgency = await alertAbout(agencyInbox, number, 'Жалоба не рассмотрена в срок');
    const toAkimat = await alertAbout(akimatInbox, number, 'Жалоба не рассмотрена в срок');
    expect(toAgency.subject).toContain('Шағым мерзімінде қаралмады');
    expect(toAkimat.messageId).not.toBe(toAgency.messageId);
    expect(schedulesOf(id)).toEqual([]);
  });

  it('R12: a recommendation unanswered by its date alerts the authorized body', async () => {
    const agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
    const { id, number } = await file('2026-11-23T10:15', {
      addresseeId: 'agency-civil-service',
    });
    await system.call('POST', `/v1/complaints/${id}/findings`, {
      body: { reasons: 'x', violationFound: true, bodyId: 'akimat-astana' },
      token: agency,
    });
    const sent = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '2026-12-04' },
      token: agency,
    });
    const recId = field(sent.body, 'recommendationId');
    expect(schedulesOf(id)).toContain(`-${recId}-control at(2026-12-05T00:00:00)`);
    system.setNow(almaty('2026-12-05T00:00'));
    const alert = await alertAbout(agencyInbox, number, 'Нет ответа на рекомендацию');
    expect(alert.body.text).toContain('04.12.2026');
  });

  it('R9: a paper letter not dispatched by its due date alerts the addressee', async () => {
    system.setNow(almaty('2026-11-23T10:15'));
    const filed = await system.call('POST', '/v1/complaints', {
      token: akimat,
      body: {
        ...electronicFiling,
        channel: 'paper',
        acceptedBy,
        applicant: { ...electronicFiling.applicant, postalAddress: 'Астана' },
      },
    });
    const id = field(filed.body, 'id');
    system.setNow(almaty('2026-11-24T10:00'));
    const extended = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: { workingDays: 2, reason: 'site_inspection', explanation: 'x' },
      token: akimat,
    });
    const noticeId = field(extended.body, 'notice', 'id'); // letter due 2026-11-27
    expect(schedulesOf(id)).toEqual(
      [
        '-due-soon at(2026-12-01T09:00:00)',
        '-overdue at(2026-12-03T00:00:00)',
        `-${noticeId}-letter-due at(2026-11-28T00:00:00)`,
      ].sort(),
    );
    system.setNow(almaty('2026-11-28T00:00'));
    const alert = await alertAbout(
      akimatInbox,
      field(filed.body, 'registrationNumber'),
      'Письмо заявителю не отправлено',
    );
    expect(alert.subject).toContain('Хабарлама хат жіберілмеді');
  });
});

describe('exactly once, and nothing lost', () => {
  it('a firing that arrives twice sends one e-mail', async () => {
    const quiet = await createHarness({ autoFire: false });
    try {
      const inbox = `twice-${randomUUID()}@example.kz`;
      quiet.setNow(almaty('2026-11-23T10:15'));
      const filed = await quiet.call('POST', '/v1/complaints', {
        body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, email: inbox } },
      });
      const id = field(filed.body, 'id');
      const stored = await quiet.dependencies.repository.get(id);
      const noticeId = stored?.complaint.notices[0]?.id ?? '';
      const results = await Promise.all([
        quiet.invoke('notice', { complaintId: id, messageId: noticeId }),
        quiet.invoke('notice', { complaintId: id, messageId: noticeId }),
      ]);
      expect(results).toEqual(
        expect.arrayContaining([expect.objectContaining({ outcome: 'sent' })]),
      );
      expect(await quiet.invoke('notice', { complaintId: id, messageId: noticeId })).toEqual({
        outcome: 'nothing-to-do',
      });
      expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      // And the overdue check fired twice alerts once.
      quiet.setNow(overdueAt('2026-11-30'));
      await quiet.invoke('deadline', { kind: 'overdue', complaintId: id });
      expect(await quiet.invoke('deadline', { kind: 'overdue', complaintId: id })).toEqual({
        outcome: 'nothing-to-do',
      });
      expect((await quiet.dependencies.repository.get(id))?.complaint.alerts).toHaveLength(2);
      // A malformed firing is dropped, not retried forever.
      expect(await quiet.invoke('deadline', { kind: 'someday', complaintId: id })).toEqual({
        outcome: 'malformed-input',
      });
    } finally {
      await quiet.close();
    }
  });

  it('SES down: the notice stays pending and goes out when SES returns; after the last try it fails and the Agency is told', async () => {
    const { id, token, inbox } = await (async () => {
      await system.stopSes();
      return file('2026-11-23T10:15');
    })();
    const pending = await system.eventually(async () => {
      const reply = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
      return ((reply.body.notices as { attempts?: number }[])[0]?.attempts ?? 0) >= 1
        ? reply
        : undefined;
    });
    expect(pending.body).toMatchObject({ notices: [{ status: 'pending', attempts: 1 }] });
    await system.startSes();
    system.setNow(almaty('2026-11-23T10:15') + 1_500);
    await mail(inbox);
    const read = await system.eventually(async () => {
      const reply = await system.call('GET', `/v1/complaints/${id}`, { token });
      return field(reply.body, 'notices', 0, 'status') === 'sent' ? reply : undefined;
    });
    expect(read.body.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'delivery_attempt_failed' })]),
    );

    // Down for longer than every retry: the notice fails, and the Agency is alerted once SES is back.
    await system.stopSes();
    const second = await file('2026-11-23T11:00');
    for (let step = 1; step <= 4; step++) {
      system.setNow(almaty('2026-11-23T11:00') + step * 2_100);
      await system.eventually(async () => {
        const stored = await system.dependencies.repository.get(second.id);
        return (stored?.complaint.notices[0]?.attempts ?? 0) >= Math.min(step, 4)
          ? true
          : undefined;
      });
    }
    const failed = await system.eventually(async () => {
      const stored = await system.dependencies.repository.get(second.id);
      return stored?.complaint.notices[0]?.status === 'failed' ? stored : undefined;
    });
    // R24: the addressee, who owes the notice, and the authorized body.
    expect(failed.complaint.alerts).toEqual([
      expect.objectContaining({ kind: 'notice_failed', recipient: 'akimat-astana' }),
      expect.objectContaining({ kind: 'notice_failed', recipient: 'agency-civil-service' }),
    ]);
    await system.startSes();
    system.setNow(almaty('2026-11-23T11:00') + 10_000);
    const told = await alertAbout(
      agencyInbox,
      second.number,
      'Уведомление заявителю не доставлено',
    );
    expect(told.body.text).toContain('иным способом');
    expect(await system.emailsTo(second.inbox)).toHaveLength(0);
  });

  it('SES took the e-mail but recording it failed for a moment: recorded on a retry, never sent again, never failed', async () => {
    const quiet = await createHarness({ autoFire: false });
    try {
      const inbox = `record-${randomUUID()}@example.kz`;
      quiet.setNow(almaty('2026-11-23T10:15'));
      const filed = await quiet.call('POST', '/v1/complaints', {
        body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, email: inbox } },
      });
      const id = field(filed.body, 'id');
      const noticeId = (await quiet.dependencies.repository.get(id))?.complaint.notices[0]?.id;
      const repository = quiet.dependencies.repository;
      // A fault DynamoDB Local cannot produce on demand: one throttled write after the send.
      const save = vi
        .spyOn(repository, 'save')
        .mockRejectedValueOnce(new Error('ProvisionedThroughputExceededException'));
      try {
        expect(
          await quiet.invoke('notice', { complaintId: id, messageId: noticeId }),
        ).toMatchObject({ outcome: 'sent' });
      } finally {
        save.mockRestore();
      }
      expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      const stored = (await repository.get(id))?.complaint;
      expect(stored?.notices[0]).toMatchObject({ status: 'sent' });
      expect(stored?.notices[0]?.attempts).toBeUndefined();
      expect(stored?.alerts).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('an alert to officials keeps being retried past the last delay; a notice to an applicant does not', async () => {
    const quiet = await createHarness({ autoFire: false, retryDelaysSeconds: [1] });
    try {
      quiet.setNow(almaty('2026-11-23T10:15'));
      const filed = await quiet.call('POST', '/v1/complaints', {
        body: {
          ...electronicFiling,
          applicant: { ...electronicFiling.applicant, email: `tail-${randomUUID()}@example.kz` },
        },
      });
      const id = field(filed.body, 'id');
      await quiet.stopSes();
      quiet.setNow(overdueAt('2026-11-30'));
      await quiet.invoke('deadline', { kind: 'overdue', complaintId: id });
      const alertId = (await quiet.dependencies.repository.get(id))?.complaint.alerts[0]?.id ?? '';
      for (let attempt = 1; attempt <= 4; attempt++) {
        quiet.setNow(overdueAt('2026-11-30') + attempt * 60_000);
        expect(await quiet.invoke('notice', { complaintId: id, messageId: alertId })).toEqual({
          outcome: 'retry-scheduled',
        });
      }
      // Three days on, it is given up, and counted, so the alarm on failures goes off.
      quiet.setNow(overdueAt('2026-11-30') + 3 * 24 * 3_600_000 + 60_000);
      expect(await quiet.invoke('notice', { complaintId: id, messageId: alertId })).toEqual({
        outcome: 'failed',
      });
      expect(quiet.counted).toContain('NoticesFailed');
      // The receipt, never sent while SES was down: one retry, then failed.
      const noticeId = (await quiet.dependencies.repository.get(id))?.complaint.notices[0]?.id;
      expect(await quiet.invoke('notice', { complaintId: id, messageId: noticeId })).toEqual({
        outcome: 'retry-scheduled',
      });
      quiet.setNow(overdueAt('2026-11-30') + 3 * 24 * 3_600_000 + 120_000);
      expect(await quiet.invoke('notice', { complaintId: id, messageId: noticeId })).toEqual({
        outcome: 'failed',
      });
    } finally {
      await quiet.close();
    }
  });

  it('the stream consumer failing for good leaves the complaint lagging; reconciliation repairs it, and then has nothing to do', async () => {
    const quiet = await createHarness({ autoFire: false });
    try {
      const inbox = `crash-${randomUUID()}@example.kz`;
      quiet.setNow(almaty('2026-11-23T10:15'));
      quiet.failSchedulerCalls(1_000);
      const filed = await quiet.call('POST', '/v1/complaints', {
        body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, email: inbox } },
      });
      expect(filed.status).toBe(201);
      const id = field(filed.body, 'id');
      // Every try failed: the change went to the failure queue, and no schedule exists.
      expect(quiet.stream.failures).toHaveLength(1);
      expect(quiet.scheduler.schedules()).toEqual([]);
      quiet.failSchedulerCalls(0);
      // Within the grace period the stream is given its chance: reconciliation leaves it be.
      quiet.resetCalls();
      expect(await quiet.reconcile()).toMatchObject({ schedulerCalls: 0, refired: 0 });
      quiet.setNow(almaty('2026-11-23T10:18'));
      expect(await quiet.reconcile()).toMatchObject({ schedulerCalls: 4 });
      expect(quiet.schedulerCalls).toEqual(['list', 'create', 'create', 'create']);
      // The receipt goes out; repaired and confirmed, nothing lags, nothing is left to call.
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      quiet.resetCalls();
      expect(await quiet.reconcile()).toMatchObject({ schedulerCalls: 0, refired: 0 });
      expect(quiet.schedulerCalls).toEqual([]);
      expect(
        quiet.scheduler
          .schedules()
          .map((s) => s.Name.slice(id.length))
          .sort(),
      ).toEqual(['-due-soon', '-overdue']);
    } finally {
      await quiet.close();
    }
  });
});

describe('R9: SES bounce and complaint events', () => {
  /** An SES event as a configuration set publishes it to SNS (the fields this system reads). */
  const snsEvent = (events: readonly Record<string, unknown>[]) => ({
    Records: events.map((event) => ({
      EventSource: 'aws:sns',
      Sns: { Type: 'Notification', Message: JSON.stringify(event) },
    })),
  });
  const bounce = (
    complaintId: string,
    messageId: string,
    sesMessageId: string,
    bounceType = 'Permanent',
  ) => ({
    eventType: 'Bounce',
    bounce: { bounceType, bounceSubType: 'NoEmail', bouncedRecipients: [] },
    mail: {
      messageId: sesMessageId,
      tags: { complaint: [complaintId], message: [messageId], 'ses:operation': ['SendEmail'] },
    },
  });

  it('R9, R24: a permanent bounce of a sent receipt fails the notice and alerts the addressee and the Agency, once; a transient one changes nothing', async () => {
    const complaint = await file('2026-11-23T10:00');
    await mail(complaint.inbox);
    const sent = await sentReceipt(complaint.id);
    const sesMessageId = sent.providerMessageId ?? '';
    const noticeId = sent.id;
    const failedBefore = system.counted.filter((name) => name === 'NoticesFailed').length;

    expect(
      await system.invoke(
        'delivery-events',
        snsEvent([bounce(complaint.id, noticeId, sesMessageId, 'Transient')]),
      ),
    ).toEqual({ failed: 0, ignored: 1 });
    const event = snsEvent([bounce(complaint.id, noticeId, sesMessageId)]);
    expect(await system.invoke('delivery-events', event)).toEqual({ failed: 1, ignored: 0 });
    // SNS delivers at least once: the same event again changes nothing.
    expect(await system.invoke('delivery-events', event)).toEqual({ failed: 0, ignored: 1 });

    const stored = (await system.dependencies.repository.get(complaint.id))?.complaint;
    expect(stored?.notices[0]).toMatchObject({
      status: 'failed',
      failureReason: 'Bounced: NoEmail',
    });
    expect(stored?.alerts).toEqual([
      expect.objectContaining({ kind: 'notice_failed', recipient: 'akimat-astana' }),
      expect.objectContaining({ kind: 'notice_failed', recipient: 'agency-civil-service' }),
    ]);
    await alertAbout(agencyInbox, complaint.number, 'жеткізілмеді');
    expect(system.counted.filter((name) => name === 'NoticesFailed')).toHaveLength(
      failedBefore + 1,
    );
  });

  it('an event for another message id, or without our tags, or not JSON, is ignored', async () => {
    const complaint = await file('2026-11-23T10:00');
    await mail(complaint.inbox);
    const noticeId = (await sentReceipt(complaint.id)).id;
    const result = await system.invoke('delivery-events', {
      Records: [
        { Sns: { Message: JSON.stringify(bounce(complaint.id, noticeId, 'not-the-ses-id')) } },
        { Sns: { Message: JSON.stringify({ eventType: 'Bounce', mail: { messageId: 'x' } }) } },
        { Sns: { Message: 'not json' } },
        {
          Sns: {
            Message: JSON.stringify({
              ...bounce(complaint.id, noticeId, 'x'),
              eventType: 'Delivery',
            }),
          },
        },
      ],
    });
    expect(result).toEqual({ failed: 0, ignored: 4 });
    expect(
      (await system.dependencies.repository.get(complaint.id))?.complaint.notices[0],
    ).toMatchObject({
      status: 'sent',
    });
    expect(await system.invoke('delivery-events', { Records: 'nope' })).toEqual({
      outcome: 'malformed-input',
    });
  });
});

describe('metrics', () => {
  it('filing counts ComplaintsFiled, a sent e-mail NoticesSent, an overdue complaint ComplaintsOverdue', async () => {
    const counted = () => [...system.counted];
    const before = counted();
    const complaint = await file('2026-11-23T10:00');
    await mail(complaint.inbox);
    // Counted once the sending is recorded, a moment after SES has the e-mail.
    await system.eventually(() =>
      Promise.resolve(counted().slice(before.length).includes('NoticesSent') ? true : undefined),
    );
    expect(counted().slice(before.length)).toContain('ComplaintsFiled');
    system.setNow(overdueAt('2026-11-30'));
    // The emulator fires the overdue check itself; counted once, whichever firing got there.
    await system.invoke('deadline', { kind: 'overdue', complaintId: complaint.id });
    await system.eventually(async () =>
      (await system.dependencies.repository.get(complaint.id))?.complaint.status === 'overdue'
        ? true
        : undefined,
    );
    await system.eventually(() =>
      Promise.resolve(counted().includes('ComplaintsOverdue') ? true : undefined),
    );
  });
});
