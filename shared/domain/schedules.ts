/**
 * The one-time schedules a complaint needs, derived from its state alone (R9, R11, R12, R16–R18):
 * what is outstanding, and when. A forwarded, withdrawn or returned complaint keeps only the
 * delivery of its notices: no deadline, no control. Filing, every change and the daily reconciliation compare this with what
 * exists, so a schedule lost to a crash is recreated from the same rule that made it.
 */

import { addCalendarDays, type IsoDate } from '../calendar/dates.js';
import { legalInstant, recordedInstant, type Instant } from '../time/legal-time.js';
import type { Complaint, Delivery } from './complaint.js';
import { dueSoonAt, overdueAt } from './deadlines.js';
import { endedWithoutDecision } from './vocabulary.js';
import { isAlertedAbout, isRemindedOfDueDate } from './records.js';

export type DeadlineKind = 'due-soon' | 'overdue' | 'recommendation-control' | 'letter-due';

/** What the deadline function is asked to check. */
export interface DeadlineInput {
  readonly kind: DeadlineKind;
  readonly complaintId: string;
  /** The recommendation or letter it is about. */
  readonly subjectId?: string;
}

/** What the notice function is asked to send: one e-mail notice or alert. */
export interface NoticeInput {
  readonly complaintId: string;
  readonly messageId: string;
}

export type ScheduleSpec =
  | {
      readonly name: string;
      readonly at: Instant;
      readonly target: 'deadline';
      readonly input: DeadlineInput;
    }
  | {
      readonly name: string;
      readonly at: Instant;
      readonly target: 'notice';
      readonly input: NoticeInput;
    };

/** The start of the day after `date`: a date-bound duty is missed from then on. */
const dayAfter = (date: IsoDate): Instant => legalInstant(addCalendarDays(date, 1), '00:00');

/** An e-mail's next try: at once when it is new, then when its retry is due. Each try its own name. */
function sendSchedule(
  complaintId: string,
  messageId: string,
  message: Delivery & { createdAt: string },
): ScheduleSpec {
  return {
    name: `${complaintId}-${messageId}-${message.attempts ?? 0}`,
    at: sendAt(message),
    target: 'notice',
    input: { complaintId, messageId },
  };
}

/** When an e-mail (a notice or an alert) is due to go out: at once, or at its next try. */
export function sendAt(message: Pick<Delivery, 'nextAttemptAt'> & { createdAt: string }): Instant {
  return recordedInstant(message.nextAttemptAt ?? message.createdAt);
}

/**
 * The schedules a complaint's state calls for. Every name starts with the complaint's id, so that
 * one listing by that prefix shows all a complaint has (reconciliation).
 */
export function schedulesFor(complaint: Complaint): ScheduleSpec[] {
  const id = complaint.id;
  const specs: ScheduleSpec[] = [];
  if (complaint.status === 'under_review') {
    // R11: the reminder, unless already given for this due date, and the overdue check.
    if (!isRemindedOfDueDate(complaint)) {
      specs.push({
        name: `${id}-due-soon`,
        at: dueSoonAt(complaint.dueDate),
        target: 'deadline',
        input: { kind: 'due-soon', complaintId: id },
      });
    }
    specs.push({
      name: `${id}-overdue`,
      at: overdueAt(complaint.dueDate),
      target: 'deadline',
      input: { kind: 'overdue', complaintId: id },
    });
  }
  for (const notice of complaint.notices) {
    if (notice.status !== 'pending') continue;
    if (notice.form === 'email') {
      specs.push(sendSchedule(id, notice.id, notice));
    } else if (!isAlertedAbout(complaint, notice.id)) {
      // R9: a letter still waiting for dispatch after its due date alerts the body.
      specs.push({
        name: `${id}-${notice.id}-letter-due`,
        at: dayAfter(notice.dueDate),
        target: 'deadline',
        input: { kind: 'letter-due', complaintId: id, subjectId: notice.id },
      });
    }
  }
  for (const recommendation of complaint.recommendations) {
    // R12: an answer is due by its date; the control check runs the day after.
    if (
      !endedWithoutDecision(complaint.status) &&
      recommendation.response === null &&
      !isAlertedAbout(complaint, recommendation.id)
    ) {
      specs.push({
        name: `${id}-${recommendation.id}-control`,
        at: dayAfter(recommendation.respondBy),
        target: 'deadline',
        input: { kind: 'recommendation-control', complaintId: id, subjectId: recommendation.id },
      });
    }
  }
  for (const alert of complaint.alerts) {
    if (alert.status === 'pending') specs.push(sendSchedule(id, alert.id, alert));
  }
  // A follow-up link asked for (access-links.ts) goes out like a notice, through the same outbox.
  for (const link of complaint.accessLinks ?? []) {
    if (link.status === 'pending') specs.push(sendSchedule(id, link.id, link));
  }
  return specs;
}

/** The calls that bring one plan of schedules to another. */
export interface PlanChanges {
  /** New names: created. */
  readonly create: readonly ScheduleSpec[];
  /** Names in both plans whose time or input moved: updated. */
  readonly update: readonly ScheduleSpec[];
  /** Names only in the old plan, not yet due: deleted (one already due has fired or is firing). */
  readonly remove: readonly string[];
}

const sameSchedule = (a: ScheduleSpec, b: ScheduleSpec): boolean =>
  a.at === b.at && a.target === b.target && JSON.stringify(a.input) === JSON.stringify(b.input);

/** What to create, update and delete to go from the schedules of one state to those of the next. */
export function planChanges(
  before: readonly ScheduleSpec[],
  after: readonly ScheduleSpec[],
  now: Instant,
): PlanChanges {
  const previous = new Map(before.map((spec) => [spec.name, spec]));
  const names = new Set(after.map((spec) => spec.name));
  return {
    create: after.filter((spec) => !previous.has(spec.name)),
    update: after.filter((spec) => {
      const old = previous.get(spec.name);
      return old !== undefined && !sameSchedule(old, spec);
    }),
    remove: before.filter((spec) => !names.has(spec.name) && spec.at > now).map((s) => s.name),
  };
}

/** The same, between two states of a complaint (none before it is filed). */
export function scheduleChanges(
  before: Complaint | undefined,
  after: Complaint,
  now: Instant,
): PlanChanges {
  return planChanges(before ? schedulesFor(before) : [], schedulesFor(after), now);
}

export function isEmpty(changes: PlanChanges): boolean {
  return changes.create.length + changes.update.length + changes.remove.length === 0;
}
