import { describe, expect, it } from 'vitest';
import { bodyKindRules, bodyKinds, type Body } from '../../shared/domain/bodies.js';
import type { Complaint, Principal } from '../../shared/domain/complaint.js';
import { dueSoonAt, overdueAt } from '../../shared/domain/deadlines.js';
import {
  applyCommand,
  canView,
  fileComplaint,
  isRecommendationOverdue,
  type ComplaintCommand,
} from '../../shared/domain/lifecycle.js';
import { almaty, bodies, principals } from '../fixtures.js';
import {
  alertOnceFrom,
  apply,
  decide,
  expectError,
  expectOk,
  extend,
  file,
  paper,
  request,
} from '../support/complaints.js';

const official = principals.officialOf(bodies.akimat);

/** A paper complaint extended by 2 working days on 24.11.2026: its letter NE1 is due 27.11.2026 (R9). */
const extendedOnPaper = (): Complaint =>
  apply(file('2026-11-23T10:00', bodies.akimat, paper), extend(official, 2), '2026-11-24T10:00');

const markOverdue: ComplaintCommand = {
  type: 'markOverdue',
  principal: principals.system,
  alertIds: ['AO', 'AO2'],
  authorizedBodyId: bodies.agency.id,
};

describe('R1: body kinds and their rules', () => {
  it('R1: 5 working days for every kind but the authorized body, which has 15', () => {
    for (const kind of bodyKinds) {
      expect(bodyKindRules[kind].reviewWorkingDays).toBe(kind === 'authorized_body' ? 15 : 5);
    }
  });

  it('R1: service providers and public service centers may not extend; the others may', () => {
    expect(bodyKinds.filter((kind) => !bodyKindRules[kind].mayExtend)).toEqual([
      'service_provider',
      'public_service_center',
    ]);
  });

  it('R1: recommendations go to central and local executive bodies and akims only', () => {
    expect(bodyKinds.filter((kind) => bodyKindRules[kind].mayReceiveRecommendations)).toEqual([
      'central_state_body',
      'local_executive_body',
      'akim',
    ]);
  });
});

describe('R4, R5: registration and due date at filing', () => {
  it('R5: received Monday 2026-11-23 10:00 → registered that day → due Monday 2026-11-30', () => {
    expect(file('2026-11-23T10:00')).toMatchObject({
      receivedAt: '2026-11-23T10:00:00+05:00',
      registrationDate: '2026-11-23',
      reviewWorkingDays: 5,
      dueDate: '2026-11-30',
      status: 'under_review',
      version: 1,
    });
  });

  it('R4: received Monday 2026-11-23 19:00, after working hours → registered Tuesday → due Tuesday 2026-12-01', () => {
    expect(file('2026-11-23T19:00')).toMatchObject({
      registrationDate: '2026-11-24',
      dueDate: '2026-12-01',
    });
  });

  it('R4: received at 18:30 exactly, when the working day has ended → the next working day', () => {
    expect(file('2026-11-23T18:29').registrationDate).toBe('2026-11-23');
    expect(file('2026-11-23T18:30').registrationDate).toBe('2026-11-24');
  });

  it('R4: received Saturday 2026-11-28 → registered Monday 2026-11-30 → due Monday 2026-12-07', () => {
    expect(file('2026-11-28T11:00')).toMatchObject({
      registrationDate: '2026-11-30',
      dueDate: '2026-12-07',
    });
  });

  it('R4: a body that keeps its own hours registers by them (a CON open until 20:00)', () => {
    expect(file('2026-11-23T19:00', bodies.center).registrationDate).toBe('2026-11-23');
  });

  it('R4: received on a holiday (Independence Day, Wednesday 2026-12-16) → registered the next working day', () => {
    expect(file('2026-12-16T10:00')).toMatchObject({
      registrationDate: '2026-12-17',
      dueDate: '2026-12-24',
    });
  });

  it('R5: the authorized body has 15 working days', () => {
    expect(file('2026-11-23T10:00', bodies.agency)).toMatchObject({
      reviewWorkingDays: 15,
      dueDate: '2026-12-14',
    });
  });

  it('R14: a registration number per addressee, year and sequence', () => {
    expect(file('2026-11-23T10:00').registrationNumber).toBe('akimat-astana/2026/000042');
  });

  it('R9: an electronic complaint gets its e-mail receipt as a pending notice; a paper one none', () => {
    expect(file('2026-11-23T10:00').notices).toEqual([
      {
        id: 'N0',
        kind: 'registration',
        form: 'email',
        language: 'kk',
        dueDate: '2026-11-26',
        status: 'pending',
        createdAt: '2026-11-23T10:00:00+05:00',
      },
    ]);
    expect(file('2026-11-23T10:00', bodies.akimat, paper).notices).toEqual([]);
  });

  it('R13: filing is the first event of the history, by the applicant', () => {
    const outcome = expectOk(
      fileComplaint(
        {
          principal: principals.anonymous,
          id: 'C1',
          noticeId: 'N0',
          registrationSequence: 1,
          request: request(),
          addressee: bodies.akimat,
        },
        almaty('2026-11-23T10:00'),
      ),
    );
    expect(outcome.events).toEqual([
      {
        type: 'filed',
        at: '2026-11-23T10:00:00+05:00',
        actor: { type: 'applicant' },
        version: 1,
        details: {
          channel: 'electronic',
          registrationDate: '2026-11-23',
          dueDate: '2026-11-30',
          noticeId: 'N0',
        },
      },
    ]);
  });

  it('a paper complaint is entered by an official of its addressee only', () => {
    const command = (principal: Principal) => ({
      principal,
      id: 'C1',
      noticeId: 'N0',
      registrationSequence: 1,
      request: request(paper),
      addressee: bodies.akimat,
    });
    const at = almaty('2026-11-23T10:00');
    expectError(fileComplaint(command(principals.anonymous), at), 'unauthorized');
    expectError(fileComplaint(command(principals.officialOf(bodies.ministry)), at), 'forbidden');
    expect(expectOk(fileComplaint(command(official), at)).complaint.filedBy).toEqual({
      type: 'official',
      sub: 'official-of-akimat-astana',
      bodyId: 'akimat-astana',
    });
  });

  it('refuses an event in the future, and an appeal addressed to anyone but the authorized body (R12)', () => {
    const base = {
      principal: principals.anonymous,
      id: 'C1',
      noticeId: 'N0',
      registrationSequence: 1,
      addressee: bodies.akimat,
    };
    const future = request({ subject: { ...request().subject, occurredOn: '2026-11-24' } });
    expect(
      expectError(
        fileComplaint({ ...base, request: future }, almaty('2026-11-23T23:59')),
        'validation-failed',
      ),
    ).toBe('The complaint is not valid');
    expectError(
      fileComplaint({ ...base, request: request({ appealOf: 'C0' }) }, almaty('2026-11-23T10:00')),
      'validation-failed',
    );
    expect(
      expectOk(
        fileComplaint(
          {
            ...base,
            addressee: bodies.agency,
            request: request({ appealOf: 'C0' }, bodies.agency),
          },
          almaty('2026-11-23T10:00'),
        ),
      ).complaint.appealOf,
    ).toBe('C0');
  });
});

describe('R6–R9: extension', () => {
  const complaint = file('2026-11-23T10:00'); // due 2026-11-30
  const at = almaty('2026-11-25T12:00');

  it('R8: the new due date is the current due date plus the granted working days', () => {
    const outcome = expectOk(applyCommand(complaint, extend(official, 4), at));
    expect(outcome.complaint).toMatchObject({
      dueDate: '2026-12-04',
      extendedWorkingDays: 4,
      version: 2,
    });
    expect(outcome.complaint.extensions).toEqual([
      {
        id: 'E1',
        workingDays: 4,
        reason: 'site_inspection',
        explanation: 'Требуется выезд на место.',
        previousDueDate: '2026-11-30',
        dueDate: '2026-12-04',
        grantedAt: '2026-11-25T12:00:00+05:00',
        grantedBy: { type: 'official', sub: 'official-of-akimat-astana', bodyId: 'akimat-astana' },
        noticeId: 'NE1',
      },
    ]);
  });

  it('R8: extension days skip holidays (Independence Day 2026-12-16)', () => {
    const late = file('2026-12-07T10:00'); // due 2026-12-14
    expect(
      expectOk(applyCommand(late, extend(official, 3), almaty('2026-12-10T10:00'))).complaint
        .dueDate,
    ).toBe('2026-12-18');
  });

  it('R8: several extensions may add up to 10 working days; one more is refused whole', () => {
    const first = expectOk(applyCommand(complaint, extend(official, 4, 1), at)).complaint;
    const second = expectOk(applyCommand(first, extend(official, 6, 2), at)).complaint;
    expect(second).toMatchObject({ extendedWorkingDays: 10, dueDate: '2026-12-14' });
    expect(
      expectError(applyCommand(second, extend(official, 1, 3), at), 'extension-limit-exceeded'),
    ).toMatch(/10 already granted, 1 requested/);
    const seven = expectOk(applyCommand(complaint, extend(official, 7), at)).complaint;
    expectError(applyCommand(seven, extend(official, 4, 2), at), 'extension-limit-exceeded');
  });

  it('R9: every extension creates a notice due in 3 working days, by e-mail or letter per channel, in the applicant’s language', () => {
    const later = file('2026-12-07T10:00'); // due 2026-12-14
    const outcome = expectOk(applyCommand(later, extend(official, 2), almaty('2026-12-11T17:00')));
    expect(outcome.complaint.notices.at(-1)).toEqual({
      id: 'NE1',
      kind: 'extension',
      form: 'email',
      language: 'kk',
      // Friday 11.12 + 3 working days: Mon 14, Tue 15, (Wed 16 holiday), Thu 17
      dueDate: '2026-12-17',
      status: 'pending',
      createdAt: '2026-12-11T17:00:00+05:00',
    });
    const onPaper = file('2026-11-23T10:00', bodies.akimat, {
      ...paper,
      applicant: { ...paper.applicant, language: 'ru' },
    });
    expect(
      expectOk(applyCommand(onPaper, extend(official, 2), at)).complaint.notices.at(-1),
    ).toMatchObject({
      form: 'letter',
      language: 'ru',
      dueDate: '2026-11-30',
    });
  });

  it('R6: service providers and public service centers may not extend', () => {
    for (const addressee of [bodies.provider, bodies.center]) {
      const theirs = file('2026-11-23T10:00', addressee);
      expect(
        expectError(
          applyCommand(theirs, extend(principals.officialOf(addressee), 1), at),
          'extension-not-allowed',
        ),
      ).toMatch(/may not extend/);
    }
  });

  it('R6: the authorized body, central bodies and akims may extend their own complaints', () => {
    for (const addressee of [bodies.agency, bodies.ministry, bodies.akim]) {
      const theirs = file('2026-11-23T10:00', addressee);
      expectOk(
        applyCommand(
          theirs,
          extend(principals.officialOf(addressee, addressee === bodies.agency), 1),
          at,
        ),
      );
    }
  });

  it('R6: only while under review: on the due date yes, the day after or once decided no', () => {
    expectOk(applyCommand(complaint, extend(official, 1), almaty('2026-11-30T23:59')));
    expect(
      expectError(
        applyCommand(complaint, extend(official, 1), almaty('2026-12-01T00:00')),
        'extension-not-allowed',
      ),
    ).toMatch(/ended on 2026-11-30/);
    const decided = expectOk(applyCommand(complaint, decide(official), at)).complaint;
    expectError(applyCommand(decided, extend(official, 1), at), 'extension-not-allowed');
    const overdue = expectOk(
      applyCommand(complaint, markOverdue, almaty('2026-12-01T00:00')),
    ).complaint;
    expectError(
      applyCommand(overdue, extend(official, 1), almaty('2026-12-01T00:00')),
      'extension-not-allowed',
    );
  });

  it('R6, R15: only the addressee extends; another body does not even see the complaint', () => {
    expectError(
      applyCommand(complaint, extend(principals.officialOf(bodies.ministry), 1), at),
      'not-found',
    );
    expectError(
      applyCommand(complaint, extend(principals.officialOf(bodies.agency, true), 1), at),
      'forbidden',
    );
    expectError(
      applyCommand(complaint, extend({ type: 'applicant', complaintId: 'C1' }, 1), at),
      'forbidden',
    );
  });
});

describe('R10: decision', () => {
  const complaint = file('2026-11-23T10:00');

  it('R10: decides once, with a notice in the complaint’s channel, and records whether in time', () => {
    const outcome = expectOk(applyCommand(complaint, decide(official), almaty('2026-11-30T18:00')));
    expect(outcome.complaint).toMatchObject({
      status: 'decided',
      decision: { outcome: 'rejected', text: 'Оснований нет.', timely: true, noticeId: 'ND' },
      version: 2,
    });
    expect(outcome.complaint.notices.at(-1)).toMatchObject({
      id: 'ND',
      kind: 'decision',
      form: 'email',
      status: 'pending',
    });
    expect(outcome.events.map((e) => e.type)).toEqual(['decided']);
    expect(
      expectError(
        applyCommand(outcome.complaint, decide(official), almaty('2026-11-30T18:01')),
        'invalid-state',
      ),
    ).toMatch(/already decided/);
  });

  it('R10, R11: an overdue complaint is still decided, late', () => {
    const overdue = expectOk(
      applyCommand(complaint, markOverdue, almaty('2026-12-01T00:00')),
    ).complaint;
    expect(
      expectOk(applyCommand(overdue, decide(official), almaty('2026-12-02T10:00'))).complaint,
    ).toMatchObject({
      status: 'decided',
      decision: { timely: false },
    });
  });
});

describe('R11: overdue', () => {
  const complaint = file('2026-11-23T10:00'); // due 2026-11-30

  it('R11: becomes overdue at the start of the day after its due date, not before', () => {
    const mark = markOverdue;
    expectError(applyCommand(complaint, mark, almaty('2026-11-30T23:59')), 'invalid-state');
    const outcome = expectOk(applyCommand(complaint, mark, almaty('2026-12-01T00:00')));
    expect(outcome.complaint.status).toBe('overdue');
    expect(outcome.events[0]).toMatchObject({
      type: 'marked_overdue',
      actor: { type: 'system', process: 'test' },
    });
    // A repeated firing changes nothing.
    expectError(applyCommand(outcome.complaint, mark, almaty('2026-12-01T00:01')), 'invalid-state');
    expectError(
      applyCommand(complaint, { ...markOverdue, principal: official }, almaty('2026-12-01T00:00')),
      'forbidden',
    );
  });

  it('R11: going overdue alerts the addressee and the authorized body, each on its own, once', () => {
    const outcome = expectOk(applyCommand(complaint, markOverdue, almaty('2026-12-01T00:00')));
    const overdue = (id: string, recipient: string) => ({
      id,
      kind: 'overdue',
      recipient,
      about: '2026-11-30',
      subjectId: null,
      status: 'pending',
      createdAt: '2026-12-01T00:00:00+05:00',
    });
    expect(outcome.complaint.alerts).toEqual([
      overdue('AO', 'akimat-astana'),
      overdue('AO2', 'agency-civil-service'),
    ]);
    // The Agency's own overdue complaint alerts the Agency once, not twice.
    const agencys = file('2026-11-23T10:00', bodies.agency);
    const own = expectOk(applyCommand(agencys, markOverdue, almaty('2026-12-15T00:00')));
    expect(own.complaint.alerts.map((a) => a.recipient)).toEqual(['agency-civil-service']);
  });

  it('R11: the reminder one working day before: not early, not late, once per due date, again after an extension', () => {
    const remind: ComplaintCommand = {
      type: 'remindDueSoon',
      principal: principals.system,
      alertId: 'AR',
    };
    expectError(applyCommand(complaint, remind, almaty('2026-11-27T08:59')), 'invalid-state');
    const reminded = expectOk(applyCommand(complaint, remind, almaty('2026-11-27T09:00')));
    expect(reminded.complaint.alerts).toEqual([
      expect.objectContaining({
        kind: 'due_soon',
        recipient: 'akimat-astana',
        about: '2026-11-30',
      }),
    ]);
    expect(reminded.events[0]).toMatchObject({
      type: 'alert_raised',
      details: { kind: 'due_soon' },
    });
    expectError(
      applyCommand(reminded.complaint, { ...remind, alertId: 'AR2' }, almaty('2026-11-27T10:00')),
      'invalid-state',
    );
    expectError(applyCommand(complaint, remind, almaty('2026-12-01T00:00')), 'invalid-state');
    // Extended to 2026-12-02: the old firing is too early for the new date; the new one reminds again.
    const extended = expectOk(
      applyCommand(reminded.complaint, extend(official, 2), almaty('2026-11-27T11:00')),
    ).complaint;
    expectError(
      applyCommand(extended, { ...remind, alertId: 'AR3' }, almaty('2026-11-27T11:01')),
      'invalid-state',
    );
    const again = expectOk(
      applyCommand(extended, { ...remind, alertId: 'AR3' }, almaty('2026-12-01T09:00')),
    );
    expect(again.complaint.alerts.map((a) => a.about)).toEqual(['2026-11-30', '2026-12-02']);
  });

  it('R11: officials are alerted at 09:00 one working day before the due date; overdue from 00:00 after it', () => {
    expect(new Date(dueSoonAt('2026-11-30')).toISOString()).toBe('2026-11-27T04:00:00.000Z'); // Friday 09:00 +05
    expect(new Date(dueSoonAt('2026-12-17')).toISOString()).toBe('2026-12-15T04:00:00.000Z'); // skips the 16th
    expect(new Date(overdueAt('2026-11-30')).toISOString()).toBe('2026-11-30T19:00:00.000Z'); // 01.12 00:00 +05
  });
});

describe('R9: notices', () => {
  const complaint = file('2026-11-23T10:00');

  const delivered = (messageId: string): ComplaintCommand => ({
    type: 'recordDelivered',
    principal: principals.system,
    messageId,
    providerMessageId: 'ses-1',
  });
  const deliveryFailed = (messageId: string, retryAt: number | null): ComplaintCommand => ({
    type: 'recordDeliveryFailed',
    principal: principals.system,
    messageId,
    reason: 'SES unreachable',
    retryAt,
    alertId: 'AF',
    authorizedBodyId: bodies.agency.id,
  });

  it('R9: an e-mail notice is recorded sent once, with the provider’s message id', () => {
    const outcome = expectOk(applyCommand(complaint, delivered('N0'), almaty('2026-11-23T10:00')));
    expect(outcome.complaint.notices[0]).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-23T10:00:00+05:00',
      providerMessageId: 'ses-1',
    });
    expect(outcome.events[0]).toMatchObject({ type: 'notice_sent', details: { messageId: 'N0' } });
    expectError(
      applyCommand(outcome.complaint, delivered('N0'), almaty('2026-11-23T10:01')),
      'invalid-state',
    );
    expectError(
      applyCommand(complaint, delivered('nope'), almaty('2026-11-23T10:00')),
      'not-found',
    );
    expectError(
      applyCommand(
        complaint,
        { ...delivered('N0'), principal: official },
        almaty('2026-11-23T10:00'),
      ),
      'forbidden',
    );
  });

  it('R9: a failed try keeps the notice pending with its next try; the last one fails it and alerts the authorized body', () => {
    const retry = expectOk(
      applyCommand(
        complaint,
        deliveryFailed('N0', almaty('2026-11-23T10:05')),
        almaty('2026-11-23T10:00'),
      ),
    ).complaint;
    expect(retry.notices[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-23T10:05:00+05:00',
      failureReason: 'SES unreachable',
    });
    const failed = expectOk(
      applyCommand(retry, deliveryFailed('N0', null), almaty('2026-11-23T10:05')),
    );
    expect(failed.complaint.notices[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.complaint.notices[0]).not.toHaveProperty('nextAttemptAt');
    expect(failed.complaint.alerts).toEqual([
      {
        id: 'AF',
        kind: 'notice_failed',
        recipient: 'agency-civil-service',
        about: '2026-11-26',
        subjectId: 'N0',
        status: 'pending',
        createdAt: '2026-11-23T10:05:00+05:00',
      },
    ]);
    // A failed alert is only recorded: no alert about an alert.
    const alertFailed = expectOk(
      applyCommand(failed.complaint, deliveryFailed('AF', null), almaty('2026-11-23T10:06')),
    );
    expect(alertFailed.complaint.alerts).toEqual([
      expect.objectContaining({ id: 'AF', status: 'failed' }),
    ]);
    expect(alertFailed.events.map((e) => e.type)).toEqual(['alert_failed']);
  });

  it('R9: a letter not dispatched within its 3 working days alerts the addressee, once', () => {
    const onPaper = extendedOnPaper(); // letter NE1 due 2026-11-27
    const watch: ComplaintCommand = {
      type: 'alertLetterNotDispatched',
      principal: principals.system,
      noticeId: 'NE1',
      alertId: 'AL',
    };
    const alerted = alertOnceFrom(onPaper, watch, '2026-11-28T00:00');
    expect(alerted.alerts).toEqual([
      expect.objectContaining({
        kind: 'letter_not_dispatched',
        recipient: 'akimat-astana',
        about: '2026-11-27',
        subjectId: 'NE1',
      }),
    ]);
  });

  it('a letter is not an e-mail: no delivery is recorded on it', () => {
    const onPaper = extendedOnPaper();
    expectError(applyCommand(onPaper, delivered('NE1'), almaty('2026-11-24T10:00')), 'not-found');
  });

  it('R9: a letter is dispatched by the addressee’s official, on a date between its creation and today', () => {
    const onPaper = extendedOnPaper();
    const dispatch = (sentOn: string, noticeId = 'NE1'): ComplaintCommand => ({
      type: 'dispatchLetter',
      principal: official,
      noticeId,
      request: { sentOn, method: 'post', trackingNumber: 'KZ0001' },
    });
    expectError(
      applyCommand(onPaper, dispatch('2026-11-23'), almaty('2026-11-25T10:00')),
      'validation-failed',
    );
    expectError(
      applyCommand(onPaper, dispatch('2026-11-26'), almaty('2026-11-25T10:00')),
      'validation-failed',
    );
    const outcome = expectOk(
      applyCommand(onPaper, dispatch('2026-11-25'), almaty('2026-11-25T10:00')),
    );
    expect(outcome.complaint.notices.at(-1)).toMatchObject({
      status: 'dispatched',
      dispatch: { sentOn: '2026-11-25', method: 'post', trackingNumber: 'KZ0001' },
    });
    expect(outcome.events[0]?.details).toMatchObject({ timely: true });
    expectError(
      applyCommand(outcome.complaint, dispatch('2026-11-25'), almaty('2026-11-25T10:00')),
      'invalid-state',
    );
    expectError(
      applyCommand(complaint, dispatch('2026-11-23', 'N0'), almaty('2026-11-23T10:00')),
      'invalid-state',
    );
  });
});

describe('R12: findings, recommendations and their control', () => {
  const authorized = principals.officialOf(bodies.agency, true);
  const complaint = file('2026-11-23T10:00', bodies.agency, { appealOf: 'C0' });
  const at = almaty('2026-11-25T10:00');
  const findings = (violationFound: boolean): ComplaintCommand => ({
    type: 'recordFindings',
    principal: authorized,
    reasons: 'Отказ не мотивирован.',
    violationFound,
    body: violationFound ? bodies.akimat : null,
  });
  const recommend = (body: Body, respondBy = '2026-12-10'): ComplaintCommand => ({
    type: 'sendRecommendation',
    principal: authorized,
    recommendationId: 'R1',
    body,
    measures: 'Пересмотреть решение.',
    respondBy,
  });

  const withFindings = expectOk(applyCommand(complaint, findings(true), at)).complaint;
  const recommended = expectOk(applyCommand(withFindings, recommend(bodies.akimat), at)).complaint;

  it('R12: the authorized body records findings once, on a complaint addressed to it', () => {
    expect(withFindings.findings).toMatchObject({ violationFound: true, bodyId: 'akimat-astana' });
    expectError(applyCommand(withFindings, findings(true), at), 'invalid-state');
    expectError(
      applyCommand(
        complaint,
        { ...findings(true), principal: principals.officialOf(bodies.agency) },
        at,
      ),
      'forbidden',
    );
    const toAkimat = file('2026-11-23T10:00');
    expectError(applyCommand(toAkimat, findings(false), at), 'invalid-state');
  });

  it('R12: a recommendation follows findings of non-compliance, to a body that may receive one', () => {
    expectError(applyCommand(complaint, recommend(bodies.akimat), at), 'invalid-state');
    const noViolation = expectOk(applyCommand(complaint, findings(false), at)).complaint;
    expectError(applyCommand(noViolation, recommend(bodies.akimat), at), 'invalid-state');
    for (const body of [bodies.provider, bodies.center]) {
      expectError(applyCommand(withFindings, recommend(body), at), 'validation-failed');
    }
    expectError(
      applyCommand(withFindings, recommend(bodies.akimat, '2026-11-25'), at),
      'validation-failed',
    );
    expect(recommended.recommendations).toEqual([
      expect.objectContaining({
        id: 'R1',
        bodyId: 'akimat-astana',
        respondBy: '2026-12-10',
        response: null,
        control: null,
      }),
    ]);
  });

  it('R12, R15: the recommended body sees the complaint and answers once; whether in time is recorded', () => {
    const body = principals.officialOf(bodies.akimat);
    expect(canView(body, recommended)).toBe(true);
    expect(canView(body, withFindings)).toBe(false);
    const respond = (principal: Principal): ComplaintCommand => ({
      type: 'respondToRecommendation',
      principal,
      recommendationId: 'R1',
      request: { outcome: 'implemented', text: 'Решение пересмотрено.' },
    });
    expectError(applyCommand(recommended, respond(authorized), at), 'forbidden');
    const answered = expectOk(
      applyCommand(recommended, respond(body), almaty('2026-12-10T17:00')),
    ).complaint;
    expect(answered.recommendations[0]?.response).toMatchObject({
      outcome: 'implemented',
      timely: true,
    });
    expectError(applyCommand(answered, respond(body), almaty('2026-12-10T17:01')), 'invalid-state');
    const late = expectOk(
      applyCommand(recommended, respond(body), almaty('2026-12-11T09:00')),
    ).complaint;
    expect(late.recommendations[0]?.response?.timely).toBe(false);
  });

  it('R12: control records completeness as judged and timeliness as computed, once', () => {
    const control: ComplaintCommand = {
      type: 'controlRecommendation',
      principal: authorized,
      recommendationId: 'R1',
      request: { complete: true, text: 'Исполнено полностью.' },
    };
    const unanswered = expectOk(
      applyCommand(recommended, control, almaty('2026-12-11T10:00')),
    ).complaint;
    expect(unanswered.recommendations[0]?.control).toMatchObject({ complete: true, timely: false });
    expectError(applyCommand(unanswered, control, almaty('2026-12-11T10:00')), 'invalid-state');
    expectError(applyCommand(recommended, { ...control, recommendationId: 'R9' }, at), 'not-found');
  });

  it('R12: after its date, an unanswered recommendation raises one alert to the authorized body', () => {
    const alertCommand: ComplaintCommand = {
      type: 'alertUnansweredRecommendation',
      principal: principals.system,
      recommendationId: 'R1',
      alertId: 'AU',
      authorizedBodyId: bodies.agency.id,
    };
    const alerted = alertOnceFrom(recommended, alertCommand, '2026-12-11T00:00');
    expect(alerted.alerts).toEqual([
      expect.objectContaining({
        kind: 'recommendation_unanswered',
        recipient: 'agency-civil-service',
        subjectId: 'R1',
      }),
    ]);
  });

  it('R12: a recommendation unanswered after its date alerts the authorized body', () => {
    const recommendation = recommended.recommendations[0];
    if (!recommendation) throw new Error('no recommendation');
    expect(isRecommendationOverdue(recommendation, almaty('2026-12-10T23:59'))).toBe(false);
    expect(isRecommendationOverdue(recommendation, almaty('2026-12-11T00:00'))).toBe(true);
  });
});

describe('R15: who sees a complaint', () => {
  const complaint = file('2026-11-23T10:00');

  it('R15: the applicant with its token, the addressee’s officials and the authorized body; no one else', () => {
    expect(canView({ type: 'applicant', complaintId: 'C1' }, complaint)).toBe(true);
    expect(canView({ type: 'applicant', complaintId: 'C2' }, complaint)).toBe(false);
    expect(canView(principals.anonymous, complaint)).toBe(false);
    expect(canView(official, complaint)).toBe(true);
    expect(canView(principals.officialOf(bodies.ministry), complaint)).toBe(false);
    expect(canView(principals.officialOf(bodies.agency, true), complaint)).toBe(true);
    expect(canView(principals.officialOf(bodies.agency, false), complaint)).toBe(false);
  });

  it('R15: a caller who may not see it is answered not-found, whatever the command', () => {
    const stranger = principals.officialOf(bodies.ministry);
    expectError(applyCommand(complaint, decide(stranger), almaty('2026-11-24T10:00')), 'not-found');
    expectError(
      applyCommand(
        complaint,
        decide({ type: 'applicant', complaintId: 'C2' }),
        almaty('2026-11-24T10:00'),
      ),
      'not-found',
    );
  });
});
