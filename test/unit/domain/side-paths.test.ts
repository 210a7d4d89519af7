/** The law's side paths (R16–R18): forwarding, withdrawal and return, as pure domain. */

import { describe, expect, it } from 'vitest';
import type { Body } from '../../../shared/domain/bodies.js';
import type { Complaint, Principal } from '../../../shared/domain/complaint.js';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import { schedulesFor } from '../../../shared/domain/schedules.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import {
  apply,
  decide,
  expectError,
  expectOk,
  file,
  markOverdue,
  paper,
} from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);
const applicant: Principal = { type: 'applicant', complaintId: 'C1' };
const filed = file('2026-11-23T10:00'); // registered 23.11, due 30.11; forwarding due 26.11

const forward = (to: Body, principal: Principal = official): ComplaintCommand => ({
  type: 'forward',
  principal,
  to,
  explanation: 'Выдача справок относится к компетенции министерства.',
  forwardedId: 'C2',
  registrationSequence: (year) => (year === 2026 ? 7 : 1),
  noticeId: 'NF',
  alertId: 'AFL',
  authorizedBodyId: bodies.agency.id,
});

const withdraw = (
  principal: Principal,
  request: { reason?: string; statementReceivedOn?: string } = {},
): ComplaintCommand => ({ type: 'withdraw', principal, noticeId: 'NW', request });

const giveBack = (
  request: { ground: 'missing_details' | 'not_a_complaint' | 'repeated'; repeatedOf?: string },
  repeated?: Complaint,
): ComplaintCommand => ({
  type: 'return',
  principal: official,
  noticeId: 'NT',
  request: { explanation: 'Не указан адрес заявителя.', ...request },
  repeated,
});

/** Only the delivery of notices (and a letter's check) outlives a side path: no deadline, no control. */
function onlyDeliveries(complaint: Complaint): boolean {
  return schedulesFor(complaint).every(
    (spec) => spec.target === 'notice' || spec.input.kind === 'letter-due',
  );
}

describe('R16: forwarding to the competent body', () => {
  it('R16: the original ends as forwarded; the receiving body registers it as received at the instant of forwarding, by its own kind', () => {
    const outcome = expectOk(
      applyCommand(filed, forward(bodies.ministry), almaty('2026-11-24T19:00')),
    );
    const original = outcome.complaint;
    const created = outcome.created?.complaint;
    expect(original).toMatchObject({
      status: 'forwarded',
      forwardedTo: 'C2',
      forwarding: {
        toBodyId: 'ministry-justice',
        toComplaintId: 'C2',
        toRegistrationNumber: 'ministry-justice/2026/000007',
        toRegistrationDate: '2026-11-25',
        toDueDate: '2026-12-02',
        dueDate: '2026-11-26',
        timely: true,
        noticeId: 'NF',
      },
      version: 2,
    });
    // R4: received at 19:00, after the ministry's working day → registered the next working day.
    expect(created).toMatchObject({
      id: 'C2',
      registrationNumber: 'ministry-justice/2026/000007',
      status: 'under_review',
      addressee: { id: 'ministry-justice', kind: 'central_state_body' },
      receivedAt: '2026-11-24T19:00:00+05:00',
      registrationDate: '2026-11-25',
      dueDate: '2026-12-02',
      forwardedFrom: 'C1',
      applicant: filed.applicant,
      subject: filed.subject,
      text: filed.text,
      channel: 'electronic',
      acceptedBy: null,
      notices: [],
      version: 1,
    });
    expect(outcome.created?.events.map((e) => [e.type, e.details.forwardedFrom])).toEqual([
      ['filed', 'C1'],
    ]);
    // The applicant is told at the same time, by the channel rule.
    expect(original.notices.at(-1)).toMatchObject({
      id: 'NF',
      kind: 'forwarding',
      form: 'email',
      dueDate: '2026-11-27',
    });
    expect(outcome.events).toEqual([
      expect.objectContaining({
        type: 'forwarded',
        details: expect.objectContaining({ toComplaintId: 'C2', timely: true }) as unknown,
      }),
    ]);
  });

  it('R16: the receiving body’s review period follows its kind (15 working days at the authorized body)', () => {
    const created = expectOk(
      applyCommand(filed, forward(bodies.agency), almaty('2026-11-24T10:00')),
    ).created?.complaint;
    expect(created).toMatchObject({
      registrationDate: '2026-11-24',
      reviewWorkingDays: 15,
      dueDate: '2026-12-15',
    });
  });

  it('R16: after 3 working days it is still forwarded, recorded late, and the authorized body is alerted', () => {
    expectOk(applyCommand(filed, forward(bodies.ministry), almaty('2026-11-26T23:59')));
    const late = expectOk(
      applyCommand(filed, forward(bodies.ministry), almaty('2026-11-27T09:00')),
    );
    expect(late.complaint.forwarding).toMatchObject({ dueDate: '2026-11-26', timely: false });
    expect(late.complaint.alerts).toEqual([
      expect.objectContaining({
        id: 'AFL',
        kind: 'forwarded_late',
        recipient: 'agency-civil-service',
        about: '2026-11-26',
        subjectId: 'C2',
      }),
    ]);
  });

  it('R16: never to the addressee itself; only by an official of the addressee; only while open', () => {
    const at = almaty('2026-11-24T10:00');
    expect(expectError(applyCommand(filed, forward(bodies.akimat), at), 'validation-failed')).toBe(
      'The forwarding is not valid',
    );
    expectError(
      applyCommand(filed, forward(bodies.ministry, principals.officialOf(bodies.agency, true)), at),
      'forbidden',
    );
    expectError(applyCommand(filed, forward(bodies.ministry, applicant), at), 'forbidden');
    const decided = apply(filed, decide(official), '2026-11-24T09:00');
    expectError(applyCommand(decided, forward(bodies.ministry), at), 'invalid-state');
    const forwarded = expectOk(applyCommand(filed, forward(bodies.ministry), at)).complaint;
    expectError(applyCommand(forwarded, forward(bodies.agency), at), 'invalid-state');
    // An overdue complaint is still open: it can still go where it belongs (late).
    const overdue = apply(filed, markOverdue, '2026-12-01T00:00');
    expect(
      expectOk(applyCommand(overdue, forward(bodies.ministry), almaty('2026-12-01T10:00')))
        .complaint.forwarding?.timely,
    ).toBe(false);
  });

  it('R16: a forwarded complaint keeps no deadline of its own; the new one has its own', () => {
    const outcome = expectOk(
      applyCommand(filed, forward(bodies.ministry), almaty('2026-11-24T10:00')),
    );
    expect(onlyDeliveries(outcome.complaint)).toBe(true);
    expect(schedulesFor(outcome.created?.complaint ?? filed).map((s) => s.name)).toEqual([
      'C2-due-soon',
      'C2-overdue',
    ]);
  });

  it('R16: a paper complaint is forwarded on paper; the receiving body did not accept it at a counter', () => {
    const onPaper = file('2026-11-23T10:00', bodies.akimat, paper);
    const outcome = expectOk(
      applyCommand(onPaper, forward(bodies.ministry), almaty('2026-11-24T10:00')),
    );
    expect(outcome.complaint.notices.at(-1)).toMatchObject({ kind: 'forwarding', form: 'letter' });
    expect(outcome.created?.complaint).toMatchObject({ channel: 'paper', acceptedBy: null });
  });
});

describe('R17: withdrawal', () => {
  it('R17: the applicant withdraws with the access token before the decision; schedules stop; a confirmation follows', () => {
    const outcome = expectOk(
      applyCommand(
        filed,
        withdraw(applicant, { reason: 'Вопрос решён.' }),
        almaty('2026-11-24T10:00'),
      ),
    );
    expect(outcome.complaint).toMatchObject({
      status: 'withdrawn',
      withdrawal: {
        reason: 'Вопрос решён.',
        statementReceivedOn: null,
        withdrawnBy: { type: 'applicant' },
        noticeId: 'NW',
      },
    });
    expect(outcome.complaint.notices.at(-1)).toMatchObject({ kind: 'withdrawal', form: 'email' });
    expect(schedulesFor(outcome.complaint).map((s) => s.name)).toEqual(['C1-N0-0', 'C1-NW-0']);
    expect(outcome.events.map((e) => e.type)).toEqual(['withdrawn']);
  });

  it('R17: an official records a paper complaint’s written statement, dated between the receipt and today', () => {
    const onPaper = file('2026-11-23T10:00', bodies.akimat, paper);
    const at = almaty('2026-11-25T10:00');
    const recorded = expectOk(
      applyCommand(onPaper, withdraw(official, { statementReceivedOn: '2026-11-24' }), at),
    ).complaint;
    expect(recorded.withdrawal).toMatchObject({ statementReceivedOn: '2026-11-24' });
    expect(recorded.notices.at(-1)).toMatchObject({ kind: 'withdrawal', form: 'letter' });
    for (const statementReceivedOn of ['2026-11-22', '2026-11-26']) {
      expectError(
        applyCommand(onPaper, withdraw(official, { statementReceivedOn }), at),
        'validation-failed',
      );
    }
    expectError(applyCommand(onPaper, withdraw(official), at), 'validation-failed');
    // An electronic complaint is the applicant's to withdraw, with the token.
    expectError(
      applyCommand(filed, withdraw(official, { statementReceivedOn: '2026-11-24' }), at),
      'invalid-state',
    );
    // The applicant does not date a statement: the token is the statement.
    expectError(
      applyCommand(filed, withdraw(applicant, { statementReceivedOn: '2026-11-24' }), at),
      'validation-failed',
    );
  });

  it('R17: decided or already ended: invalid-state; another body’s official: forbidden; anyone else: not-found', () => {
    const at = almaty('2026-11-25T10:00');
    const decided = apply(filed, decide(official), '2026-11-24T10:00');
    expect(expectError(applyCommand(decided, withdraw(applicant), at), 'invalid-state')).toMatch(
      /decided/,
    );
    const withdrawn = apply(filed, withdraw(applicant), '2026-11-24T10:00');
    expectError(applyCommand(withdrawn, withdraw(applicant), at), 'invalid-state');
    expectError(
      applyCommand(
        filed,
        withdraw(principals.officialOf(bodies.agency, true), { statementReceivedOn: '2026-11-24' }),
        at,
      ),
      'forbidden',
    );
    // R15: another complaint's token sees nothing.
    expectError(
      applyCommand(filed, withdraw({ type: 'applicant', complaintId: 'C9' }), at),
      'not-found',
    );
    // An overdue complaint is not decided: it may still be withdrawn.
    const overdue = apply(filed, markOverdue, '2026-12-01T00:00');
    expectOk(applyCommand(overdue, withdraw(applicant), almaty('2026-12-01T10:00')));
  });

  it('R17: nothing more is alerted: no reminder, no overdue, no control of a recommendation', () => {
    const withdrawn = apply(filed, withdraw(applicant), '2026-11-24T10:00');
    expectError(
      applyCommand(
        withdrawn,
        { type: 'remindDueSoon', principal: principals.system, alertId: 'A' },
        almaty('2026-11-27T09:00'),
      ),
      'invalid-state',
    );
    expectError(applyCommand(withdrawn, markOverdue, almaty('2026-12-01T00:00')), 'invalid-state');
    expectError(
      applyCommand(withdrawn, decide(official), almaty('2026-11-25T10:00')),
      'invalid-state',
    );
    expect(onlyDeliveries(withdrawn)).toBe(true);
  });
});

describe('R18: return', () => {
  const earlier: Complaint = {
    ...apply(file('2026-11-21T10:00'), decide(official), '2026-11-23T09:00'),
    id: 'C0',
    registrationNumber: 'akimat-astana/2026/000001',
  };

  it('R18: returned with its ground and explanation; not a decision; the applicant is told', () => {
    const outcome = expectOk(
      applyCommand(filed, giveBack({ ground: 'missing_details' }), almaty('2026-11-24T10:00')),
    );
    expect(outcome.complaint).toMatchObject({
      status: 'returned',
      decision: null,
      return: {
        ground: 'missing_details',
        explanation: 'Не указан адрес заявителя.',
        repeatedOf: null,
        repeatedRegistrationNumber: null,
        noticeId: 'NT',
      },
    });
    expect(outcome.complaint.notices.at(-1)).toMatchObject({ kind: 'return', form: 'email' });
    expect(onlyDeliveries(outcome.complaint)).toBe(true);
  });

  it('R18: "repeated" names a decided complaint of the same applicant; nothing else will do', () => {
    const at = almaty('2026-11-24T10:00');
    const repeated = expectOk(
      applyCommand(filed, giveBack({ ground: 'repeated', repeatedOf: 'C0' }, earlier), at),
    ).complaint;
    expect(repeated.return).toMatchObject({
      repeatedOf: 'C0',
      repeatedRegistrationNumber: 'akimat-astana/2026/000001',
    });
    const refused = (command: ComplaintCommand) =>
      expectError(applyCommand(filed, command, at), 'validation-failed');
    refused(giveBack({ ground: 'repeated' }));
    refused(giveBack({ ground: 'repeated', repeatedOf: 'C0' }));
    refused(giveBack({ ground: 'not_a_complaint', repeatedOf: 'C0' }, earlier));
    const undecided = { ...file('2026-11-21T10:00'), id: 'C0' };
    refused(giveBack({ ground: 'repeated', repeatedOf: 'C0' }, undecided));
    const someoneElse: Complaint = {
      ...earlier,
      applicant: { ...earlier.applicant, type: 'individual', iin: '880202400014' },
    };
    refused(giveBack({ ground: 'repeated', repeatedOf: 'C0' }, someoneElse));
    refused(giveBack({ ground: 'repeated', repeatedOf: 'C1' }, filed));
  });

  it('R18: only the addressee’s official, only while open', () => {
    const at = almaty('2026-11-25T10:00');
    expectError(
      applyCommand(
        filed,
        {
          ...giveBack({ ground: 'not_a_complaint' }),
          principal: principals.officialOf(bodies.agency, true),
        },
        at,
      ),
      'forbidden',
    );
    const decided = apply(filed, decide(official), '2026-11-24T10:00');
    expectError(
      applyCommand(decided, giveBack({ ground: 'not_a_complaint' }), at),
      'invalid-state',
    );
  });
});
