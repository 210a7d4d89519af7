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
    name: `${messageId}-${message.attempts ?? 0}`,
    at: recordedInstant(message.nextAttemptAt ?? message.createdAt),
    target: 'notice',
    input: { complaintId, messageId },
  };
}

export function schedulesFor(complaint: Complaint): ScheduleSpec[] {
  const id = complaint.id;
  const specs: ScheduleSpec[] = [];
  if (complaint.status === 'under_review') {
    // R11: the reminder, unless already given for this due date, and the overdue check.
    if (!complaint.alerts.some((a) => a.kind === 'due_soon' && a.about === complaint.dueDate)) {
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
    } else if (!complaint.alerts.some((a) => a.subjectId === notice.id)) {
      // R9: a letter still waiting for dispatch after its due date alerts the body.
      specs.push({
        name: `${notice.id}-letter-due`,
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
      !complaint.alerts.some((a) => a.subjectId === recommendation.id)
    ) {
      specs.push({
        name: `${recommendation.id}-control`,
        at: dayAfter(recommendation.respondBy),
        target: 'deadline',
        input: { kind: 'recommendation-control', complaintId: id, subjectId: recommendation.id },
      });
    }
  }
  for (const alert of complaint.alerts) {
    if (alert.status === 'pending') specs.push(sendSchedule(id, alert.id, alert));
  }
  return specs;
}

/** What to create or update, and what to delete, to go from one state's schedules to another's. */
export function scheduleChanges(
  before: Complaint | undefined,
  after: Complaint,
  now: Instant,
): { readonly put: readonly ScheduleSpec[]; readonly remove: readonly string[] } {
  const previous = new Map((before ? schedulesFor(before) : []).map((spec) => [spec.name, spec]));
  const wanted = schedulesFor(after);
  const names = new Set(wanted.map((spec) => spec.name));
  return {
    put: wanted.filter((spec) => {
      const old = previous.get(spec.name);
      return !old || old.at !== spec.at || JSON.stringify(old.input) !== JSON.stringify(spec.input);
    }),
    // One already due has fired or is firing (and is deleted after completion): leave it be.
    remove: [...previous.values()]
      .filter((spec) => !names.has(spec.name) && spec.at > now)
      .map((spec) => spec.name),
  };
}
