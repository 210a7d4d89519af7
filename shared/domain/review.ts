/**
 * The review of a complaint (R6–R11, R19, R22): extension, decision, the reminder before the due
 * date, overdue with its deemed refusal, and provisional due dates recomputed when the calendar
 * grows.
 */

import { addWorkingDays, isOfficialDate } from '../calendar/index.js';
import { requireAddresseeOfficial, requireSystem } from './access.js';
import { bodyKindRules, maxExtensionWorkingDays } from './bodies.js';
import type { Principal } from './complaint.js';
import { dueSoonAt, isPastDue } from './deadlines.js';
import { DomainError } from './errors.js';
import {
  alertsTo,
  newAlert,
  newNotice,
  raise,
  type Change,
  type Context,
  record,
  isRemindedOfDueDate,
} from './records.js';
import { isOpen, type DecisionOutcome, type ExtensionReason } from './vocabulary.js';

export interface ExtensionRequest {
  readonly workingDays: number;
  readonly reason: ExtensionReason;
  readonly explanation: string;
}

export interface DecisionRequest {
  readonly outcome: DecisionOutcome;
  readonly text: string;
}

export type ReviewCommand =
  | {
      readonly type: 'extend';
      readonly principal: Principal;
      readonly extensionId: string;
      readonly noticeId: string;
      readonly request: ExtensionRequest;
    }
  | {
      readonly type: 'decide';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: DecisionRequest;
    }
  | {
      readonly type: 'markOverdue';
      readonly principal: Principal;
      /** For the addressee's alert and the authorized body's. */
      readonly alertIds: readonly [string, string];
      readonly authorizedBodyId: string;
      /** R19: the deemed-refusal notice to the applicant. */
      readonly noticeId: string;
    }
  | { readonly type: 'remindDueSoon'; readonly principal: Principal; readonly alertId: string }
  | { readonly type: 'recomputeDueDate'; readonly principal: Principal };

type CommandOf<T extends ReviewCommand['type']> = Extract<ReviewCommand, { type: T }>;

/** A final complaint (decided, forwarded, withdrawn, returned) takes no further review step. */
function requireOpen(context: Context, what: string): void {
  if (!isOpen(context.complaint.status)) {
    throw new DomainError(
      'invalid-state',
      `The complaint is ${context.complaint.status}; it can no longer be ${what}`,
    );
  }
}

/** R6–R9: extends the review period and creates the extension notice. */
export function extend(context: Context, command: CommandOf<'extend'>): Change {
  const { complaint, today, at, actor } = context;
  requireAddresseeOfficial(command.principal, complaint, 'extend its review period');
  // R6: only kinds the law names in [S7] may extend.
  if (!bodyKindRules[complaint.addressee.kind].mayExtend) {
    throw new DomainError(
      'extension-not-allowed',
      `A body of kind ${complaint.addressee.kind} may not extend a review period (R6)`,
    );
  }
  // R6: only while still under review and not past its current due date.
  if (complaint.status !== 'under_review' || today > complaint.dueDate) {
    throw new DomainError(
      'extension-not-allowed',
      complaint.status === 'under_review' || complaint.status === 'overdue'
        ? `The review period ended on ${complaint.dueDate}; it can no longer be extended (R6)`
        : `The complaint is ${complaint.status}; its review period cannot be extended (R6)`,
    );
  }
  const { workingDays, reason, explanation } = command.request;
  // R8: at most 10 working days in total; a request that would pass it is refused whole.
  const total = complaint.extendedWorkingDays + workingDays;
  if (total > maxExtensionWorkingDays) {
    throw new DomainError(
      'extension-limit-exceeded',
      `Extensions may add at most ${maxExtensionWorkingDays} working days in total (R8): ${complaint.extendedWorkingDays} already granted, ${workingDays} requested`,
    );
  }
  const dueDate = addWorkingDays(complaint.dueDate, workingDays);
  // R9: the applicant is told of every extension, with its reasons, within 3 working days.
  const notice = newNotice(command.noticeId, 'extension', complaint, today, at);
  return record(
    context,
    {
      dueDate,
      dueDateProvisional: !isOfficialDate(dueDate),
      extendedWorkingDays: total,
      extensions: [
        ...complaint.extensions,
        {
          id: command.extensionId,
          workingDays,
          reason,
          explanation,
          previousDueDate: complaint.dueDate,
          dueDate,
          grantedAt: at,
          grantedBy: actor,
          noticeId: notice.id,
        },
      ],
      notices: [...complaint.notices, notice],
    },
    'extended',
    {
      extensionId: command.extensionId,
      workingDays,
      reason,
      previousDueDate: complaint.dueDate,
      dueDate,
      extendedWorkingDays: total,
      noticeId: notice.id,
    },
  );
}

/** R10: records the decision and the notice that tells the applicant (R21: and where next). */
export function decide(context: Context, command: CommandOf<'decide'>): Change {
  const { complaint, today, at, actor } = context;
  requireAddresseeOfficial(command.principal, complaint, 'decide it');
  if (complaint.decision !== null) {
    throw new DomainError(
      'invalid-state',
      'The complaint is already decided; a decision is final (R10)',
    );
  }
  requireOpen(context, 'decided');
  const notice = newNotice(command.noticeId, 'decision', complaint, today, at);
  const timely = today <= complaint.dueDate;
  return record(
    context,
    {
      status: 'decided',
      decision: {
        outcome: command.request.outcome,
        text: command.request.text,
        decidedAt: at,
        decidedBy: actor,
        timely,
        noticeId: notice.id,
      },
      notices: [...complaint.notices, notice],
    },
    'decided',
    {
      outcome: command.request.outcome,
      timely,
      noticeId: notice.id,
    },
  );
}

/**
 * R11, R19: a complaint not decided by the end of its due date becomes overdue: its body and the
 * authorized body are alerted, and the applicant is told that the silence counts as a refusal.
 */
export function markOverdue(context: Context, command: CommandOf<'markOverdue'>): Change {
  const { complaint, now, today, at } = context;
  requireSystem(command.principal, 'marks a complaint overdue');
  if (complaint.status !== 'under_review' || !isPastDue(complaint.dueDate, now)) {
    throw new DomainError(
      'invalid-state',
      `The complaint is ${complaint.status} and due ${complaint.dueDate}: not overdue`,
    );
  }
  const alerts = alertsTo(
    [complaint.addressee.id, command.authorizedBodyId],
    command.alertIds,
    (id, recipient) => newAlert(id, 'overdue', recipient, complaint.dueDate, null, at),
  );
  // R19 (APPC art. 91(2)): the absence of a decision is a refusal from the day after the due date.
  const notice = newNotice(command.noticeId, 'deemed_refusal', complaint, today, at);
  return record(
    context,
    {
      status: 'overdue',
      alerts: [...complaint.alerts, ...alerts],
      notices: [...complaint.notices, notice],
    },
    'marked_overdue',
    {
      dueDate: complaint.dueDate,
      alertIds: alerts.map((a) => a.id).join(','),
      noticeId: notice.id,
    },
  );
}

/** R11: the addressee's officials are reminded one working day before the due date, once per due date. */
export function remindDueSoon(context: Context, command: CommandOf<'remindDueSoon'>): Change {
  const { complaint, now, at } = context;
  requireSystem(command.principal, 'sends reminders');
  const reminded = isRemindedOfDueDate(complaint);
  // A firing for a due date since moved by an extension comes too early for the new one.
  if (
    complaint.status !== 'under_review' ||
    reminded ||
    now < dueSoonAt(complaint.dueDate) ||
    isPastDue(complaint.dueDate, now)
  ) {
    throw new DomainError(
      'invalid-state',
      `No reminder is due for ${complaint.id} (${complaint.status}, due ${complaint.dueDate})`,
    );
  }
  return raise(
    context,
    newAlert(command.alertId, 'due_soon', complaint.addressee.id, complaint.dueDate, null, at),
  );
}

/**
 * R22: a provisional due date, counted past the official calendar from the law's holidays alone,
 * is counted again once the calendar knows its year (registration + review + extensions), and the
 * change is recorded. Only while under review: an overdue complaint's refusal has been told.
 */
export function recomputeDueDate(context: Context, command: CommandOf<'recomputeDueDate'>): Change {
  const { complaint } = context;
  requireSystem(command.principal, 'recomputes due dates');
  const recount = complaint.status === 'under_review' && complaint.dueDateProvisional;
  const dueDate = recount
    ? addWorkingDays(
        complaint.registrationDate,
        complaint.reviewWorkingDays + complaint.extendedWorkingDays,
      )
    : complaint.dueDate;
  const dueDateProvisional = !isOfficialDate(dueDate);
  if (!recount || (dueDate === complaint.dueDate && dueDateProvisional)) {
    throw new DomainError('invalid-state', `The due date of ${complaint.id} needs no recount`);
  }
  return record(context, { dueDate, dueDateProvisional }, 'due_date_recomputed', {
    previousDueDate: complaint.dueDate,
    dueDate,
    dueDateProvisional,
  });
}
