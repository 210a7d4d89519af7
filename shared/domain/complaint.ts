/**
 * The complaint and everything recorded on it, as the domain sees it (no storage concerns).
 */

import type { IsoDate } from '../calendar/dates.js';
import type { Language, LocalizedText } from '../localized.js';
import type { BodyKind } from './bodies.js';
import type {
  Channel,
  ComplaintStatus,
  DecisionOutcome,
  DispatchMethod,
  ExtensionReason,
  RecommendationOutcome,
  ReturnGround,
  SubjectType,
} from './vocabulary.js';

export type {
  Channel,
  ComplaintStatus,
  DecisionOutcome,
  DispatchMethod,
  ExtensionReason,
  RecommendationOutcome,
  ReturnGround,
} from './vocabulary.js';

/** Who acts, as resolved from the request's credentials (R15). */
export type Principal =
  /** No credentials: may file an electronic complaint and read public data. */
  | { readonly type: 'anonymous' }
  /** The holder of a complaint's access token: sees that complaint (and where it was forwarded). */
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

interface ApplicantCommon {
  readonly name: string;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly postalAddress?: string | undefined;
  /** The language of the notices (kk or ru). */
  readonly language: Language;
}

/** The applicant: a person with an IIN or an organisation with a BIN (same check digit). */
export type Applicant =
  | (ApplicantCommon & { readonly type: 'individual'; readonly iin: string })
  | (ApplicantCommon & { readonly type: 'legal_entity'; readonly bin: string });

/** What is appealed [S1]: a decision, an action or an inaction, of whom, about which service. */
export interface Subject {
  readonly type: SubjectType;
  readonly service: string;
  readonly respondent: string;
  readonly occurredOn: IsoDate;
}

export interface Addressee {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: LocalizedText;
}

/** R20: who accepted a paper complaint over the counter. */
export interface AcceptedBy {
  readonly name: string;
  readonly position: string;
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

export const noticeKinds = [
  'registration',
  'extension',
  'decision',
  'forwarding',
  'withdrawal',
  'return',
  'deemed_refusal',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];
/** R9: e-mail for an electronic complaint, a printable letter for a paper one. */
export const noticeForms = ['email', 'letter'] as const;
export type NoticeForm = (typeof noticeForms)[number];
export const noticeStatuses = [
  'pending',
  'sent',
  'failed',
  'dispatched',
  'delivered_otherwise',
] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/** How far an e-mail (a notice or an alert) has got: tries so far and when the next is due. */
/** Where an alert or a follow-up link e-mail stands (a notice has more: letters, other ways). */
export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface Delivery {
  /** Failed tries so far; absent before the first. */
  readonly attempts?: number;
  /** When the next try is due, after a failed one (ISO instant). */
  readonly nextAttemptAt?: string;
  readonly sentAt?: string;
  readonly providerMessageId?: string;
  readonly failureReason?: string;
}

/** A letter sent by hand (R9), or a failed e-mail notice delivered another way (R24). */
export interface ManualDelivery {
  readonly method: DispatchMethod;
  readonly trackingNumber?: string;
  readonly by: Actor;
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
  /** R9: a letter marked dispatched. */
  readonly dispatch?: ManualDelivery & { readonly sentOn: IsoDate };
  /** R24: a failed e-mail delivered by other means, and whether that was within its term. */
  readonly otherDelivery?: ManualDelivery & {
    readonly deliveredOn: IsoDate;
    readonly timely: boolean;
  };
}

/** What officials are alerted of (R9, R11, R12, R16, R24), in Kazakh and Russian at once. */
export const alertKinds = [
  'due_soon',
  'overdue',
  'recommendation_unanswered',
  'letter_not_dispatched',
  'notice_failed',
  'forwarded_late',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** An e-mail to the officials of one body, kept like a notice: sent once, or failed. */
export interface Alert extends Delivery {
  readonly id: string;
  readonly kind: AlertKind;
  /** The body whose officials are told: one alert per body, each sent (or failed) on its own. */
  readonly recipient: string;
  /** The date the alert is about: the due date, a recommendation's or a notice's date. */
  readonly about: IsoDate;
  /** The notice or recommendation it is about, if any. */
  readonly subjectId: string | null;
  readonly status: DeliveryStatus;
  readonly createdAt: string;
}
/** A follow-up link e-mailed on request: an outbox entry of the complaint, sent once. */
export interface AccessLink extends Delivery {
  readonly id: string;
  /** The complaint's notice language: the e-mail's, and the web desk's (`lang=`). */
  readonly language: Language;
  readonly status: DeliveryStatus;
  /** When it was asked for (ISO instant with the legal offset): the day it counts against. */
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

/** R16: the complaint went to the competent body. */
export interface Forwarding {
  readonly toBodyId: string;
  readonly toComplaintId: string;
  readonly toRegistrationNumber: string;
  /** The forwarded complaint's registration and due date at the receiving body. */
  readonly toRegistrationDate: IsoDate;
  readonly toDueDate: IsoDate;
  readonly explanation: string;
  readonly forwardedAt: string;
  readonly forwardedBy: Actor;
  /** 3 working days from registration (APPC art. 65). */
  readonly dueDate: IsoDate;
  readonly timely: boolean;
  readonly noticeId: string;
}

/** R17: the applicant withdrew the complaint. */
export interface Withdrawal {
  readonly reason: string | null;
  /** For a paper complaint: the day the written statement was received. */
  readonly statementReceivedOn: IsoDate | null;
  readonly withdrawnAt: string;
  readonly withdrawnBy: Actor;
  readonly noticeId: string;
}

/** R18: the complaint cannot be considered, and goes back with its ground. */
export interface Return {
  readonly ground: ReturnGround;
  readonly explanation: string;
  /** For `repeated`: the decided complaint it repeats, and its number (the notice states it). */
  readonly repeatedOf: string | null;
  readonly repeatedRegistrationNumber: string | null;
  readonly returnedAt: string;
  readonly returnedBy: Actor;
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
  /** [S6.3], R23: the authorized body's verdict on timeliness (from the dates) and completeness. */
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
  /** R12, R19: the earlier complaint (decided, or overdue) whose outcome this one disputes. */
  readonly appealOf: string | null;
  /** R4, R20: the receipt instant as it happened, with the legal offset. */
  readonly receivedAt: string;
  /** R20: who accepted a paper complaint; null for electronic and forwarded ones. */
  readonly acceptedBy: AcceptedBy | null;
  readonly registrationDate: IsoDate;
  readonly reviewWorkingDays: number;
  readonly dueDate: IsoDate;
  /** R22: the due date lies past the official calendar and may move when its year is added. */
  readonly dueDateProvisional: boolean;
  readonly extendedWorkingDays: number;
  readonly extensions: readonly Extension[];
  /** R16: the complaint this one was forwarded from, and the one it was forwarded to. */
  readonly forwardedFrom: string | null;
  readonly forwardedTo: string | null;
  readonly forwarding: Forwarding | null;
  readonly withdrawal: Withdrawal | null;
  readonly return: Return | null;
  readonly notices: readonly Notice[];
  readonly decision: Decision | null;
  readonly findings: Findings | null;
  readonly recommendations: readonly Recommendation[];
  /** Alerts to officials (never shown to the applicant). */
  readonly alerts: readonly Alert[];
  /**
   * Follow-up links e-mailed on request (access-links.ts): outbox entries, not notices of R9, and
   * not shown in the complaint; the history records each one sent. Absent: none asked for.
   */
  readonly accessLinks?: readonly AccessLink[];
  readonly filedBy: Actor;
  /** Optimistic-locking version: 1 at filing, +1 on every change. */
  readonly version: number;
}

export const historyEventTypes = [
  'filed',
  'extended',
  'decided',
  'marked_overdue',
  'forwarded',
  'withdrawn',
  'returned',
  'due_date_recomputed',
  'notice_sent',
  'notice_failed',
  'notice_delivered_otherwise',
  'delivery_attempt_failed',
  'alert_raised',
  'alert_sent',
  'alert_failed',
  'notice_dispatched',
  'findings_recorded',
  'recommendation_sent',
  'recommendation_answered',
  'recommendation_controlled',
] as const;
export type HistoryEventType = (typeof historyEventTypes)[number];

/** History events whose `reason` is the mail provider's own words: officials see it, applicants not. */
export const providerReasonEvents: readonly HistoryEventType[] = [
  'delivery_attempt_failed',
  'notice_failed',
  'alert_failed',
];

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

/** The identifier (IIN or BIN) that says two complaints are the same applicant's. */
export function applicantIdentifier(applicant: Applicant): string {
  return applicant.type === 'individual' ? applicant.iin : applicant.bin;
}
