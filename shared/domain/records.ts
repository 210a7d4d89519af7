/**
 * What every command shares: the context it runs in, the change it returns, and the records it
 * adds (notices, alerts, history events). Pure: time and ids come in as values.
 */

import type { IsoDate } from '../calendar/dates.js';
import type { Instant } from '../time/legal-time.js';
import type {
  Actor,
  Alert,
  AlertKind,
  Complaint,
  HistoryEvent,
  HistoryEventType,
  Notice,
  NoticeKind,
  Recommendation,
} from './complaint.js';
import { noticeDueDateOf } from './deadlines.js';
import { DomainError } from './errors.js';

/** A complaint created by a command (a forwarding registers one at the receiving body, R16). */
export interface Created {
  readonly complaint: Complaint;
  readonly events: readonly HistoryEvent[];
}

export type Outcome =
  | {
      readonly ok: true;
      readonly complaint: Complaint;
      readonly events: readonly HistoryEvent[];
      /** Another complaint the command created, written in the same transaction. */
      readonly created?: Created;
    }
  | { readonly ok: false; readonly error: DomainError };

/** What a command sees: the complaint, the instant, and who acts. */
export interface Context {
  readonly complaint: Complaint;
  readonly now: Instant;
  /** The legal date of `now`. */
  readonly today: IsoDate;
  /** `now` with the legal offset. */
  readonly at: string;
  readonly actor: Actor;
  /** The version the change produces. */
  readonly version: number;
}

export interface Change {
  readonly complaint: Complaint;
  readonly events: HistoryEvent[];
  readonly created?: Created;
}

export function event(
  type: HistoryEventType,
  at: string,
  actor: Actor,
  version: number,
  details: HistoryEvent['details'],
): HistoryEvent {
  return { type, at, actor, version, details };
}

export function newNotice(
  id: string,
  kind: NoticeKind,
  complaint: Pick<Complaint, 'channel' | 'applicant'>,
  causedOn: IsoDate,
  at: string,
): Notice {
  return {
    id,
    kind,
    // R9: the answer goes back the way the complaint came.
    form: complaint.channel === 'electronic' ? 'email' : 'letter',
    language: complaint.applicant.language,
    dueDate: noticeDueDateOf(causedOn),
    status: 'pending',
    createdAt: at,
  };
}

export function newAlert(
  id: string,
  kind: AlertKind,
  recipient: string,
  about: IsoDate,
  subjectId: string | null,
  at: string,
): Alert {
  return { id, kind, recipient, about, subjectId, status: 'pending', createdAt: at };
}

/** One alert per body: the addressee and the authorized body, once when they are the same. */
export function alertsTo(
  recipients: readonly string[],
  ids: readonly string[],
  make: (id: string, recipient: string) => Alert,
): Alert[] {
  return [...new Set(recipients)].map((recipient, i) => make(ids[i] ?? '', recipient));
}

/**
 * Whether officials were alerted about this notice or recommendation already: each is alerted of
 * once, and a check is no longer scheduled for it (the command and its schedule agree).
 */
export function isAlertedAbout(complaint: Pick<Complaint, 'alerts'>, subjectId: string): boolean {
  return complaint.alerts.some((alert) => alert.subjectId === subjectId);
}

/** R11: whether the addressee was reminded of the current due date (once per due date). */
export function isRemindedOfDueDate(complaint: Pick<Complaint, 'alerts' | 'dueDate'>): boolean {
  return complaint.alerts.some(
    (alert) => alert.kind === 'due_soon' && alert.about === complaint.dueDate,
  );
}

/** A change of the complaint's own fields, with the one history event that records it (R13). */
export function record(
  { complaint, at, actor, version }: Pick<Context, 'complaint' | 'at' | 'actor' | 'version'>,
  patch: Partial<Omit<Complaint, 'version'>>,
  type: HistoryEventType,
  details: HistoryEvent['details'],
): Change {
  return {
    complaint: { ...complaint, ...patch, version },
    events: [event(type, at, actor, version, details)],
  };
}

/** Adds alerts to a complaint with their history event. */
export function raise(
  context: Pick<Context, 'complaint' | 'at' | 'actor' | 'version'>,
  alert: Alert,
): Change {
  return record(context, { alerts: [...context.complaint.alerts, alert] }, 'alert_raised', {
    alertId: alert.id,
    kind: alert.kind,
    about: alert.about,
    subjectId: alert.subjectId,
  });
}

export function findNotice(complaint: Complaint, noticeId: string): Notice {
  const notice = complaint.notices.find((n) => n.id === noticeId);
  if (!notice)
    throw new DomainError('not-found', `No notice ${noticeId} on complaint ${complaint.id}`);
  return notice;
}

export function findRecommendation(complaint: Complaint, recommendationId: string): Recommendation {
  const recommendation = complaint.recommendations.find((r) => r.id === recommendationId);
  if (!recommendation) {
    throw new DomainError(
      'not-found',
      `No recommendation ${recommendationId} on complaint ${complaint.id}`,
    );
  }
  return recommendation;
}

export function replaceById<T extends { readonly id: string }>(
  items: readonly T[],
  updated: T,
): T[] {
  return items.map((item) => (item.id === updated.id ? updated : item));
}

/**
 * Runs a command, turning a domain error (a refusal, a date past the calendar) into a value; any
 * other error is a bug and goes up.
 */
export function attempt(run: () => Change): Outcome {
  try {
    const { complaint, events, created } = run();
    return created ? { ok: true, complaint, events, created } : { ok: true, complaint, events };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
