import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../shared/calendar/index.js';
import { bodyKindRules, maxExtensionWorkingDays } from '../../../shared/domain/bodies.js';
import type { Complaint, Principal } from '../../../shared/domain/complaint.js';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import { fileComplaint } from '../../../shared/domain/filing.js';
import { schedulesFor } from '../../../shared/domain/schedules.js';
import { endedWithoutDecision, isOpen } from '../../../shared/domain/vocabulary.js';
import { isOfficialDate } from '../../../shared/calendar/index.js';
import { fileComplaintSchema } from '../../../shared/validation/schemas.js';
import { almaty, bodies, electronicFiling, principals } from '../../fixtures.js';

const addressees = Object.values(bodies);

type Step =
  | { kind: 'extend'; workingDays: number; by: number }
  | { kind: 'decide'; by: number }
  | { kind: 'markOverdue' }
  | { kind: 'findings'; violation: boolean }
  | { kind: 'recommend' }
  | { kind: 'sent' }
  | { kind: 'forward'; by: number }
  | { kind: 'withdraw'; by: number }
  | { kind: 'return'; by: number };

const stepArbitrary: fc.Arbitrary<{ step: Step; advanceMinutes: number }> = fc.record({
  step: fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('extend' as const),
        workingDays: fc.integer({ min: 1, max: 10 }),
        by: fc.nat(3),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('decide' as const), by: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('markOverdue' as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('findings' as const), violation: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('recommend' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('sent' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('forward' as const), by: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), by: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), by: fc.nat(3) }) },
  ),
  advanceMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
});

function principalFor(choice: number, complaint: Complaint): Principal {
  const own = addressees.find((b) => b.id === complaint.addressee.id) ?? bodies.akimat;
  const candidates: Principal[] = [
    principals.officialOf(own, own.kind === 'authorized_body'),
    principals.officialOf(own === bodies.ministry ? bodies.akimat : bodies.ministry),
    principals.officialOf(bodies.agency, true),
    { type: 'applicant', complaintId: complaint.id },
  ];
  return candidates[choice % candidates.length] ?? principals.anonymous;
}

function commandFor(step: Step, complaint: Complaint, n: number): ComplaintCommand {
  const authorized = principals.officialOf(bodies.agency, true);
  switch (step.kind) {
    case 'extend':
      return {
        type: 'extend',
        principal: principalFor(step.by, complaint),
        extensionId: `E${n}`,
        noticeId: `NE${n}`,
        request: {
          workingDays: step.workingDays,
          reason: 'additional_information',
          explanation: 'x',
        },
      };
    case 'decide':
      return {
        type: 'decide',
        principal: principalFor(step.by, complaint),
        noticeId: `ND${n}`,
        request: { outcome: 'satisfied', text: 'x' },
      };
    case 'markOverdue':
      return {
        type: 'markOverdue',
        principal: principals.system,
        alertIds: [`A${n}`, `B${n}`],
        authorizedBodyId: bodies.agency.id,
        noticeId: `NR${n}`,
      };
    case 'findings':
      return {
        type: 'recordFindings',
        principal: authorized,
        reasons: 'x',
        violationFound: step.violation,
        body: bodies.akimat,
      };
    case 'recommend':
      return {
        type: 'sendRecommendation',
        principal: authorized,
        recommendationId: `R${n}`,
        body: bodies.akimat,
        measures: 'x',
        respondBy: '2027-06-30',
      };
    case 'sent':
      return {
        type: 'recordDelivered',
        principal: principals.system,
        messageId: complaint.notices.find((x) => x.status === 'pending')?.id ?? 'none',
        providerMessageId: `m${n}`,
      };
    case 'forward':
      return {
        type: 'forward',
        principal: principalFor(step.by, complaint),
        to: complaint.addressee.id === bodies.ministry.id ? bodies.akim : bodies.ministry,
        explanation: 'x',
        forwardedId: `F${n}`,
        registrationSequence: () => 1,
        noticeId: `NF${n}`,
        alertId: `AF${n}`,
        authorizedBodyId: bodies.agency.id,
      };
    case 'withdraw':
      return {
        type: 'withdraw',
        principal: principalFor(step.by, complaint),
        noticeId: `NW${n}`,
        request: {},
      };
    case 'return':
      return {
        type: 'return',
        principal: principalFor(step.by, complaint),
        noticeId: `NT${n}`,
        request: { ground: 'not_a_complaint', explanation: 'x' },
      };
  }
}

/** R16–R18: what a final complaint may still be scheduled for. */
function checkFinalSchedules(complaint: Complaint): void {
  const kinds = schedulesFor(complaint).map((spec) =>
    spec.target === 'notice' ? 'notice' : spec.input.kind,
  );
  // Decided or not, a final complaint has no review deadline.
  expect(kinds).not.toContain('due-soon');
  expect(kinds).not.toContain('overdue');
  // Forwarded, withdrawn, returned: only its notices' delivery, no control.
  if (endedWithoutDecision(complaint.status)) {
    expect(kinds.every((kind) => kind === 'notice' || kind === 'letter-due')).toBe(true);
  }
  // Once every notice and alert is settled, nothing but control of a decided complaint remains.
  const settled =
    complaint.notices.every((x) => x.status !== 'pending') &&
    complaint.alerts.every((x) => x.status !== 'pending');
  if (settled) expect(kinds.every((kind) => kind === 'recommendation-control')).toBe(true);
}

describe('lifecycle properties, over any sequence of commands', () => {
  it('R6, R8, R10, R13, R16–R18, R22: never past 10 extension days, never an extension where the kind may not, a final complaint never changes status or keeps a deadline schedule, a decided one never changes its decision or deadline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...addressees),
        // Filing any minute of 2026 and 2027: the last weeks reach past the official calendar (R22).
        fc.integer({ min: almaty('2026-01-01T00:00'), max: almaty('2027-12-31T23:59') }),
        fc.array(stepArbitrary, { maxLength: 25 }),
        (addressee, filedAt, steps) => {
          const filed = fileComplaint(
            {
              principal: principals.anonymous,
              id: 'C1',
              noticeId: 'N0',
              registrationSequence: () => 1,
              request: fileComplaintSchema.parse({
                ...electronicFiling,
                addresseeId: addressee.id,
                subject: { ...electronicFiling.subject, occurredOn: '2025-12-01' },
              }),
              addressee,
            },
            filedAt,
          );
          if (!filed.ok) throw filed.error;
          const initialDueDate = filed.complaint.dueDate;
          let complaint = filed.complaint;
          let now = filedAt;
          let finalStatus: Complaint['status'] | undefined;
          let decidedSnapshot:
            | Pick<
                Complaint,
                'status' | 'decision' | 'dueDate' | 'extensions' | 'extendedWorkingDays'
              >
            | undefined;
          steps.forEach(({ step, advanceMinutes }, n) => {
            now += advanceMinutes * 60_000;
            const outcome = applyCommand(complaint, commandFor(step, complaint, n), now);
            if (outcome.ok) {
              // R13: one event per change, carrying the new version.
              expect(outcome.complaint.version).toBe(complaint.version + 1);
              expect(outcome.events.map((e) => e.version)).toEqual([complaint.version + 1]);
              complaint = outcome.complaint;
            }
            // R8: the total never passes 10, and the due date is always the filing due date plus it.
            expect(complaint.extendedWorkingDays).toBeLessThanOrEqual(maxExtensionWorkingDays);
            expect(complaint.extensions.reduce((sum, e) => sum + e.workingDays, 0)).toBe(
              complaint.extendedWorkingDays,
            );
            expect(complaint.dueDate).toBe(
              addWorkingDays(initialDueDate, complaint.extendedWorkingDays),
            );
            // R16–R18, R10: a final status is final; a final complaint keeps no deadline schedule.
            if (finalStatus !== undefined) expect(complaint.status).toBe(finalStatus);
            if (!isOpen(complaint.status)) {
              finalStatus = complaint.status;
              checkFinalSchedules(complaint);
            }
            // R22: a due date is provisional exactly when it lies past the official calendar.
            expect(complaint.dueDateProvisional).toBe(!isOfficialDate(complaint.dueDate));
            // R6: kinds that may not extend never have an extension.
            if (!bodyKindRules[addressee.kind].mayExtend) expect(complaint.extensions).toEqual([]);
            // R10: once decided, the decision and the deadline it was judged against are final.
            if (decidedSnapshot) {
              expect({
                status: complaint.status,
                decision: complaint.decision,
                dueDate: complaint.dueDate,
                extensions: complaint.extensions,
                extendedWorkingDays: complaint.extendedWorkingDays,
              }).toEqual(decidedSnapshot);
            } else if (complaint.status === 'decided') {
              const { status, decision, dueDate, extensions, extendedWorkingDays } = complaint;
              decidedSnapshot = { status, decision, dueDate, extensions, extendedWorkingDays };
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
