/**
 * The complaint and everything recorded on it, as the domain sees it (no storage concerns).
 */

import type { IsoDate } from '../calendar/dates.js';
import type { Language, LocalizedText } from '../localized.js';
import type {
  ApplicantInput,
  Channel,
  ComplaintStatus,
  DecisionOutcome,
  ExtensionReason,
  SubjectInput,
} from '../validation/schemas.js';
import type { BodyKind } from './bodies.js';

export type {
  Channel,
  ComplaintStatus,
  DecisionOutcome,
  ExtensionReason,
} from '../validation/schemas.js';

/** Who acts, as resolved from the request's credentials (R15). */
export type Principal =
  /** No credentials: may file an electronic complaint and read public data. */
  | { readonly type: 'anonymous' }
  /** The holder of a complaint's access token: sees that complaint only. */
  | { readonly type: 'applicant'; readonly complaintId: string }
  | {
      readonly type: 'official';
      readonly sub: string;
      readonly bodyId: string;
      /** In the `authorized-body` group: sees every complaint, for control [S6]. */
      readonly authorizedBody: boolean;
    }
  /** The system's own processes: deadlines, notices, reconciliation. */
  | { readonly type: 'system'; readonly process: string };

/** Who did something, as history records it (R13): no token, no personal data. */
export type Actor =
  | { readonly type: 'applicant' }
  | { readonly type: 'official'; readonly sub: string; readonly bodyId: string }
  | { readonly type: 'system'; readonly process: string };

export type Applicant = ApplicantInput;
export type Subject = SubjectInput;

export interface Addressee {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: LocalizedText;
}

export interface Extension {
  readonly id: string;
  readonly workingDays: number;
  readonly reason: ExtensionReason;
  readonly explanation: string;
  readonly previousDueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** ISO instant with the legal offset. */
  readonly grantedAt: string;
  readonly grantedBy: Actor;
  readonly noticeId: string;
}

export type NoticeKind = 'registration' | 'extension' | 'decision';
/** R9: e-mail for an electronic complaint, a printable letter for a paper one. */
export type NoticeForm = 'email' | 'letter';
export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'dispatched';
export type DispatchMethod = 'post' | 'courier' | 'in_person';

/** How far an e-mail (a notice or an alert) has got: tries so far and when the next is due. */
export interface Delivery {
  /** Failed tries so far; absent before the first. */
  readonly attempts?: number;
  /** When the next try is due, after a failed one (ISO instant). */
  readonly nextAttemptAt?: string;
  readonly sentAt?: string;
  readonly providerMessageId?: string;
  readonly failureReason?: string;
}

export interface Notice extends Delivery {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly form: NoticeForm;
  readonly language: Language;
  /** R9: 3 working days from the day of the change that caused it. */
  readonly dueDate: IsoDate;
  readonly status: NoticeStatus;
  readonly createdAt: string;
  readonly dispatch?: {
    readonly sentOn: IsoDate;
    readonly method: DispatchMethod;
    readonly trackingNumber?: string;
    readonly by: Actor;
  };
}

/** What officials are alerted of (R9, R11, R12), in Kazakh and Russian at once. */
export type AlertKind =
  'due_soon' | 'overdue' | 'recommendation_unanswered' | 'letter_not_dispatched' | 'notice_failed';

/** An e-mail to the officials of one or more bodies, kept like a notice: sent once, or failed. */
export interface Alert extends Delivery {
  readonly id: string;
  readonly kind: AlertKind;
  /** The body whose officials are told: one alert per body, each sent (or failed) on its own. */
  readonly recipient: string;
  /** The date the alert is about: the due date, a recommendation's or a letter's date. */
  readonly about: IsoDate;
  /** The notice or recommendation it is about, if any. */
  readonly subjectId: string | null;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly createdAt: string;
}

export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly text: string;
  readonly decidedAt: string;
  readonly decidedBy: Actor;
  /** Decided on or before the due date. */
  readonly timely: boolean;
  readonly noticeId: string;
}

export interface Findings {
  readonly reasons: string;
  readonly violationFound: boolean;
  /** The body found not to comply, when one was. */
  readonly bodyId: string | null;
  readonly recordedAt: string;
  readonly recordedBy: Actor;
}

export type RecommendationOutcome = 'implemented' | 'partially_implemented' | 'declined';

export interface Recommendation {
  readonly id: string;
  readonly bodyId: string;
  readonly measures: string;
  readonly respondBy: IsoDate;
  readonly sentAt: string;
  readonly sentBy: Actor;
  readonly response: {
    readonly outcome: RecommendationOutcome;
    readonly text: string;
    readonly respondedAt: string;
    readonly respondedBy: Actor;
    /** Answered on or before `respondBy`. */
    readonly timely: boolean;
  } | null;
  /** [S6.3]: the authorized body's verdict on timeliness and completeness. */
  readonly control: {
    readonly complete: boolean;
    readonly timely: boolean;
    readonly text: string;
    readonly recordedAt: string;
    readonly recordedBy: Actor;
  } | null;
}

export interface Complaint {
  readonly id: string;
  /** R14: unique, in order per addressee and year. */
  readonly registrationNumber: string;
  readonly channel: Channel;
  readonly status: ComplaintStatus;
  readonly addressee: Addressee;
  readonly applicant: Applicant;
  readonly subject: Subject;
  readonly text: string;
  /** R12: the earlier complaint whose decision this one disputes. */
  readonly appealOf: string | null;
  /** R4: the receipt instant as it happened, with the legal offset. */
  readonly receivedAt: string;
  readonly registrationDate: IsoDate;
  readonly reviewWorkingDays: number;
  readonly dueDate: IsoDate;
  readonly extendedWorkingDays: number;
  readonly extensions: readonly Extension[];
  readonly notices: readonly Notice[];
  readonly decision: Decision | null;
  readonly findings: Findings | null;
  readonly recommendations: readonly Recommendation[];
  /** Alerts to officials (never shown to the applicant). */
  readonly alerts: readonly Alert[];
  readonly filedBy: Actor;
  /** Optimistic-locking version: 1 at filing, +1 on every change. */
  readonly version: number;
}

export type HistoryEventType =
  | 'filed'
  | 'extended'
  | 'decided'
  | 'marked_overdue'
  | 'notice_sent'
  | 'notice_failed'
  | 'delivery_attempt_failed'
  | 'alert_raised'
  | 'alert_sent'
  | 'alert_failed'
  | 'notice_dispatched'
  | 'findings_recorded'
  | 'recommendation_sent'
  | 'recommendation_answered'
  | 'recommendation_controlled';

/** R13: one entry of the append-only history: who, what, when. */
export interface HistoryEvent {
  readonly type: HistoryEventType;
  readonly at: string;
  readonly actor: Actor;
  /** The version of the complaint this event produced. */
  readonly version: number;
  /** What changed, without personal data (ids, dates, outcomes, counts). */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}
