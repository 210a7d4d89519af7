/** Review (R6–R11, R19, R22): extension, decision, overdue and its deemed refusal, the reminder, provisional due dates. */

import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/domain/complaint.js';
import { dueSoonAt, overdueAt } from '../../../shared/domain/deadlines.js';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import {
  apply,
  decide,
  expectError,
  expectOk,
  extend,
  file,
  markOverdue,
  paper,
} from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);

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

describe('R19: silence is refusal', () => {
  it('R19: going overdue tells the applicant, by the channel rule, that the silence counts as a refusal', () => {
    const filed = file('2026-11-23T10:00'); // due 30.11.2026
    const overdue = apply(filed, markOverdue, '2026-12-01T00:00');
    expect(overdue.notices.at(-1)).toEqual({
      id: 'NR',
      kind: 'deemed_refusal',
      form: 'email',
      language: 'kk',
      dueDate: '2026-12-04',
      status: 'pending',
      createdAt: '2026-12-01T00:00:00+05:00',
    });
    const onPaper = apply(
      file('2026-11-23T10:00', bodies.akimat, paper),
      markOverdue,
      '2026-12-01T00:00',
    );
    expect(onPaper.notices.at(-1)).toMatchObject({ kind: 'deemed_refusal', form: 'letter' });
  });
});

describe('R22: provisional due dates recounted when the calendar grows', () => {
  const system = principals.system;
  const recount: ComplaintCommand = { type: 'recomputeDueDate', principal: system };
  // As if filed under a calendar that ended 31.10.2026: due "04.12.2026", provisional.
  const filed = file('2026-11-23T10:00');
  const provisional: Complaint = { ...filed, dueDate: '2026-12-04', dueDateProvisional: true };

  it('R22: once the year is known, the due date is counted again from registration and recorded in history', () => {
    const outcome = expectOk(applyCommand(provisional, recount, almaty('2026-11-24T02:30')));
    expect(outcome.complaint).toMatchObject({
      dueDate: '2026-11-30',
      dueDateProvisional: false,
      version: 2,
    });
    expect(outcome.events).toEqual([
      {
        type: 'due_date_recomputed',
        at: '2026-11-24T02:30:00+05:00',
        actor: { type: 'system', process: 'test' },
        version: 2,
        details: {
          previousDueDate: '2026-12-04',
          dueDate: '2026-11-30',
          dueDateProvisional: false,
        },
      },
    ]);
  });

  it('R22: extensions are counted in the recount', () => {
    // Extended by 3 under the old calendar: "09.12.2026"; in truth 03.12.2026.
    const extended: Complaint = {
      ...apply(filed, extend(official, 3), '2026-11-24T10:00'),
      dueDate: '2026-12-09',
      dueDateProvisional: true,
    };
    expect(
      expectOk(applyCommand(extended, recount, almaty('2026-11-25T02:30'))).complaint.dueDate,
    ).toBe('2026-12-03');
  });

  it('R22: nothing to recount on an official due date, a decided complaint, or by anyone but the system', () => {
    const at = almaty('2026-11-24T02:30');
    expectError(applyCommand(filed, recount, at), 'invalid-state');
    const decided = {
      ...apply(filed, decide(official), '2026-11-23T12:00'),
      dueDateProvisional: true,
    };
    expectError(applyCommand(decided, recount, at), 'invalid-state');
    expectError(applyCommand(provisional, { ...recount, principal: official }, at), 'forbidden');
  });
});
