/**
 * The schedules a complaint needs (R9, R11, R12), derived from its state, and the changes between
 * two states: what filing creates, what an extension moves, what a decision deletes.
 */

import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/domain/complaint.js';
import type { ComplaintCommand } from '../../../shared/domain/commands.js';
import { scheduleChanges, schedulesFor } from '../../../shared/domain/schedules.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import {
  apply,
  decide,
  extend,
  file,
  paper,
  recommendedComplaint,
} from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);
const system = principals.system;

/** name → [target, Almaty local time], the readable shape of a complaint's schedules. */
function plan(complaint: Complaint): Record<string, [string, string]> {
  return Object.fromEntries(
    schedulesFor(complaint).map((spec) => [
      spec.name,
      [spec.target, new Date(spec.at + 5 * 3_600_000).toISOString().slice(0, 16)],
    ]),
  );
}

const delivered = (messageId: string): ComplaintCommand => ({
  type: 'recordDelivered',
  principal: system,
  messageId,
  providerMessageId: 'ses-1',
});

const deliveryFailed = (messageId: string, retryAt: string | null): ComplaintCommand => ({
  type: 'recordDeliveryFailed',
  principal: system,
  messageId,
  reason: 'SES unreachable',
  retryAt: retryAt === null ? null : almaty(retryAt),
  alertIds: ['AF', 'AF2'],
  authorizedBodyId: bodies.agency.id,
});

describe('R9, R11: the schedules of a complaint under review', () => {
  const filed = file('2026-11-23T10:00'); // due 30.11.2026

  it('R11, R9: filing asks for the reminder, the overdue check, and the receipt at once', () => {
    expect(plan(filed)).toEqual({
      'C1-due-soon': ['deadline', '2026-11-27T09:00'], // one working day before, Friday
      'C1-overdue': ['deadline', '2026-12-01T00:00'], // the first moment after the due date
      'C1-N0-0': ['notice', '2026-11-23T10:00'],
    });
    expect(schedulesFor(filed).map((spec) => spec.input)).toEqual([
      { kind: 'due-soon', complaintId: 'C1' },
      { kind: 'overdue', complaintId: 'C1' },
      { complaintId: 'C1', messageId: 'N0' },
    ]);
    const changes = scheduleChanges(undefined, filed, almaty('2026-11-23T10:00'));
    expect(changes.create.map((spec) => spec.name)).toEqual([
      'C1-due-soon',
      'C1-overdue',
      'C1-N0-0',
    ]);
    expect([changes.update, changes.remove]).toEqual([[], []]);
  });

  it('R8, R9: an extension moves the reminder and the overdue check, and asks for its notice', () => {
    const extended = apply(filed, extend(official, 3), '2026-11-25T10:00'); // due 03.12.2026
    expect(plan(extended)).toMatchObject({
      'C1-due-soon': ['deadline', '2026-12-02T09:00'],
      'C1-overdue': ['deadline', '2026-12-04T00:00'],
      'C1-NE1-0': ['notice', '2026-11-25T10:00'],
    });
    // Three calls: two updates and one create, none expected to conflict.
    const changes = scheduleChanges(filed, extended, almaty('2026-11-25T10:00'));
    expect(changes.update.map((spec) => spec.name)).toEqual(['C1-due-soon', 'C1-overdue']);
    expect(changes.create.map((spec) => spec.name)).toEqual(['C1-NE1-0']);
    expect(changes.remove).toEqual([]);
  });

  it('R10: a decision deletes the deadline schedules that have not fired, and asks for its notice', () => {
    const sent = apply(filed, delivered('N0'), '2026-11-23T10:00');
    const decided = apply(sent, decide(official), '2026-11-26T12:00');
    expect(plan(decided)).toEqual({ 'C1-ND-0': ['notice', '2026-11-26T12:00'] });
    const changes = scheduleChanges(sent, decided, almaty('2026-11-26T12:00'));
    expect(changes.create.map((spec) => spec.name)).toEqual(['C1-ND-0']);
    expect(changes.update).toEqual([]);
    expect(changes.remove).toEqual(['C1-due-soon', 'C1-overdue']);
    // After the reminder fired, only the overdue check is left to delete.
    const late = scheduleChanges(sent, decided, almaty('2026-11-27T12:00'));
    expect(late.remove).toEqual(['C1-overdue']);
  });

  it('R9: a failed try is retried under a new name at its time; a sent e-mail needs none', () => {
    const failed = apply(filed, deliveryFailed('N0', '2026-11-23T10:05'), '2026-11-23T10:00');
    expect(plan(failed)['C1-N0-1']).toEqual(['notice', '2026-11-23T10:05']);
    expect(plan(failed)['C1-N0-0']).toBeUndefined();
    const retry = scheduleChanges(filed, failed, almaty('2026-11-23T10:00'));
    expect(retry.create.map((spec) => spec.name)).toEqual(['C1-N0-1']);
    expect(retry.remove).toEqual([]); // N0-0 is the firing that failed: it deletes itself
    // The reconciliation sent it before the retry was due: the retry is deleted.
    const sent = apply(failed, delivered('N0'), '2026-11-23T10:02');
    expect(scheduleChanges(failed, sent, almaty('2026-11-23T10:02')).remove).toEqual(['C1-N0-1']);
    // The last try failed: the notice is failed, and the authorized body's alert goes out.
    const given = apply(failed, deliveryFailed('N0', null), '2026-11-23T10:05');
    expect(plan(given)).toMatchObject({ 'C1-AF-0': ['notice', '2026-11-23T10:05'] });
    expect(Object.keys(plan(given)).filter((name) => name.startsWith('N0-'))).toEqual([]);
  });

  it('R11: once reminded, no reminder for the same due date; an extension brings it back for the new one', () => {
    const remind: ComplaintCommand = { type: 'remindDueSoon', principal: system, alertId: 'AR' };
    const reminded = apply(filed, remind, '2026-11-27T09:00');
    expect(plan(reminded)['C1-due-soon']).toBeUndefined();
    expect(plan(reminded)['C1-AR-0']).toEqual(['notice', '2026-11-27T09:00']);
    const extended = apply(reminded, extend(official, 2), '2026-11-27T10:00');
    expect(plan(extended)['C1-due-soon']).toEqual(['deadline', '2026-12-01T09:00']);
  });

  it('R11, R19: an overdue complaint needs no deadline schedules, only its two alerts and the deemed-refusal notice', () => {
    const overdue = apply(
      filed,
      {
        type: 'markOverdue',
        principal: system,
        alertIds: ['AO', 'AO2'],
        authorizedBodyId: bodies.agency.id,
        noticeId: 'NR',
      },
      '2026-12-01T00:00',
    );
    expect(plan(overdue)).toEqual({
      'C1-N0-0': ['notice', '2026-11-23T10:00'],
      'C1-AO-0': ['notice', '2026-12-01T00:00'],
      'C1-AO2-0': ['notice', '2026-12-01T00:00'],
      'C1-NR-0': ['notice', '2026-12-01T00:00'],
    });
    expect(scheduleChanges(filed, overdue, almaty('2026-12-01T00:00')).remove).toEqual([]);
  });
});

describe('R9: letters', () => {
  const onPaper = file('2026-11-23T10:00', bodies.akimat, paper);
  const extended = apply(onPaper, extend(official, 3), '2026-11-25T10:00'); // letter due 30.11

  it('R9: a letter waiting for dispatch is checked the day after its due date', () => {
    expect(plan(onPaper)).toEqual({
      'C1-due-soon': ['deadline', '2026-11-27T09:00'],
      'C1-overdue': ['deadline', '2026-12-01T00:00'],
    });
    expect(plan(extended)['C1-NE1-letter-due']).toEqual(['deadline', '2026-12-01T00:00']);
    expect(schedulesFor(extended).find((s) => s.name === 'C1-NE1-letter-due')?.input).toEqual({
      kind: 'letter-due',
      complaintId: 'C1',
      subjectId: 'NE1',
    });
  });

  it('R9: dispatching it, or alerting that it was not, ends the check', () => {
    const dispatched = apply(
      extended,
      {
        type: 'dispatchLetter',
        principal: official,
        noticeId: 'NE1',
        request: { sentOn: '2026-11-26', method: 'post', trackingNumber: 'KZ0001' },
      },
      '2026-11-26T11:00',
    );
    expect(plan(dispatched)['C1-NE1-letter-due']).toBeUndefined();
    expect(scheduleChanges(extended, dispatched, almaty('2026-11-26T11:00')).remove).toEqual([
      'C1-NE1-letter-due',
    ]);
    const alerted = apply(
      extended,
      { type: 'alertLetterNotDispatched', principal: system, noticeId: 'NE1', alertId: 'AL' },
      '2026-12-01T00:00',
    );
    expect(plan(alerted)['C1-NE1-letter-due']).toBeUndefined();
    expect(plan(alerted)['C1-AL-0']).toEqual(['notice', '2026-12-01T00:00']);
  });
});

describe('R12: the control of a recommendation', () => {
  const recommended = recommendedComplaint();

  it('R12: a recommendation gets its control check the day after its answer-by date', () => {
    expect(plan(recommended)['C1-R1-control']).toEqual(['deadline', '2026-12-11T00:00']);
    expect(schedulesFor(recommended).find((s) => s.name === 'C1-R1-control')?.input).toEqual({
      kind: 'recommendation-control',
      complaintId: 'C1',
      subjectId: 'R1',
    });
  });

  it('R12: an answer ends the control check', () => {
    const answered = apply(
      recommended,
      {
        type: 'respondToRecommendation',
        principal: principals.officialOf(bodies.akimat),
        recommendationId: 'R1',
        request: { outcome: 'implemented', text: 'Решение пересмотрено.' },
      },
      '2026-12-09T10:00',
    );
    expect(plan(answered)['C1-R1-control']).toBeUndefined();
    expect(scheduleChanges(recommended, answered, almaty('2026-12-09T10:00')).remove).toEqual([
      'C1-R1-control',
    ]);
  });
});
