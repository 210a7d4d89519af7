/** Complaints built through the domain itself, for the unit tests. */

import { expect } from 'vitest';
import type { Body } from '../../shared/domain/bodies.js';
import type { Complaint, Principal } from '../../shared/domain/complaint.js';
import { applyCommand, type ComplaintCommand, type Outcome } from '../../shared/domain/commands.js';
import { fileComplaint } from '../../shared/domain/filing.js';
import { fileComplaintSchema, type FileComplaintRequest } from '../../shared/validation/schemas.js';
import { almaty, bodies, electronicFiling, principals } from '../fixtures.js';

export const request = (
  overrides: Partial<FileComplaintRequest> = {},
  addressee: Body = bodies.akimat,
) => fileComplaintSchema.parse({ ...electronicFiling, addresseeId: addressee.id, ...overrides });

/** A complaint filed at `at` (Almaty local time), registration sequence 42, first notice N0. */
export function file(
  at: string,
  addressee: Body = bodies.akimat,
  overrides: Partial<FileComplaintRequest> = {},
): Complaint {
  const outcome = fileComplaint(
    {
      principal:
        overrides.channel === 'paper' ? principals.officialOf(addressee) : principals.anonymous,
      id: 'C1',
      noticeId: 'N0',
      registrationSequence: () => 42,
      request: request(overrides, addressee),
      addressee,
    },
    almaty(at),
  );
  return expectOk(outcome).complaint;
}

export function expectOk(outcome: Outcome): Extract<Outcome, { ok: true }> {
  if (!outcome.ok)
    throw new Error(`Expected success, got ${outcome.error.slug}: ${outcome.error.detail}`);
  return outcome;
}

export function expectError(outcome: Outcome, slug: string): string {
  if (outcome.ok) throw new Error(`Expected ${slug}, got success`);
  expect(outcome.error.slug).toBe(slug);
  return outcome.error.detail;
}

/** Applies a command that must succeed, at `at` (Almaty local time). */
export function apply(complaint: Complaint, command: ComplaintCommand, at: string): Complaint {
  return expectOk(applyCommand(complaint, command, almaty(at))).complaint;
}

/**
 * A system alert that is due from `at` (Almaty local time): refused a minute before, raised at
 * `at`, refused again a minute later on the alerted complaint (once). Returns the alerted one.
 */
export function alertOnceFrom(
  complaint: Complaint,
  command: ComplaintCommand,
  at: string,
): Complaint {
  const due = almaty(at);
  expectError(applyCommand(complaint, command, due - 60_000), 'invalid-state');
  const alerted = expectOk(applyCommand(complaint, command, due)).complaint;
  expectError(applyCommand(alerted, command, due + 60_000), 'invalid-state');
  return alerted;
}

export const paper = {
  channel: 'paper',
  applicant: { ...request().applicant, postalAddress: 'Астана, ул. Бейбітшілік, 1' },
  acceptedBy: { name: 'Сейткали Н. Б.', position: 'главный специалист канцелярии' },
} as const;

export const extend = (principal: Principal, workingDays: number, n = 1): ComplaintCommand => ({
  type: 'extend',
  principal,
  extensionId: `E${n}`,
  noticeId: `NE${n}`,
  request: { workingDays, reason: 'site_inspection', explanation: 'Требуется выезд на место.' },
});

/** R19: the overdue check, with its alerts AO, AO2 and the deemed-refusal notice NR. */
export const markOverdue: ComplaintCommand = {
  type: 'markOverdue',
  principal: principals.system,
  alertIds: ['AO', 'AO2'],
  authorizedBodyId: bodies.agency.id,
  noticeId: 'NR',
};

/** A paper complaint extended by 2 working days on 24.11.2026: its letter NE1 is due 27.11.2026 (R9). */
export const extendedOnPaper = (): Complaint =>
  apply(
    file('2026-11-23T10:00', bodies.akimat, paper),
    extend(principals.officialOf(bodies.akimat), 2),
    '2026-11-24T10:00',
  );

export const decide = (principal: Principal): ComplaintCommand => ({
  type: 'decide',
  principal,
  noticeId: 'ND',
  request: { outcome: 'rejected', text: 'Оснований нет.' },
});

/**
 * R12: a complaint to the authorized body about C0, findings of non-compliance by the akimat on
 * 25.11.2026, and recommendation R1 to it, to be answered by 10.12.2026.
 */
export function recommendedComplaint(): Complaint {
  const authorized = principals.officialOf(bodies.agency, true);
  const at = '2026-11-25T10:00';
  const complaint = file('2026-11-23T10:00', bodies.agency, { appealOf: 'C0' });
  const withFindings = apply(
    complaint,
    {
      type: 'recordFindings',
      principal: authorized,
      reasons: 'Отказ не мотивирован.',
      violationFound: true,
      body: bodies.akimat,
    },
    at,
  );
  return apply(
    withFindings,
    {
      type: 'sendRecommendation',
      principal: authorized,
      recommendationId: 'R1',
      body: bodies.akimat,
      measures: 'Пересмотреть решение.',
      respondBy: '2026-12-10',
    },
    at,
  );
}
