/**
 * The small interfaces the handlers use to reach storage, so the domain and the handlers do not
 * depend on DynamoDB's shape. Implementations live in shared/adapters/.
 */

import type { IsoDate } from './calendar/dates.js';
import type { Body } from './domain/bodies.js';
import type { ScheduleSpec } from './domain/schedules.js';
import type {
  Addressee,
  Channel,
  Complaint,
  ComplaintStatus,
  HistoryEvent,
} from './domain/complaint.js';

/**
 * What the table keeps of the applicant's access token: its SHA-256 (hex), and the complaint it
 * was issued for (a forwarded complaint is read with the original's token, R16).
 */
export interface StoredAccessToken {
  readonly hash: string;
  readonly issuedFor: string;
}

export interface StoredComplaint {
  readonly complaint: Complaint;
  /** R13: every event, oldest first. */
  readonly history: readonly HistoryEvent[];
  /** Null if no token was issued. */
  readonly accessToken: StoredAccessToken | null;
}

/** What a list shows of a complaint: no personal data, enough to choose what to open. */
export interface ComplaintSummary {
  readonly id: string;
  readonly registrationNumber: string;
  readonly status: ComplaintStatus;
  readonly channel: Channel;
  readonly addressee: Addressee;
  readonly receivedAt: string;
  readonly registrationDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly dueDateProvisional: boolean;
  readonly extendedWorkingDays: number;
}

export interface ComplaintListQuery {
  readonly bodyId: string;
  readonly status?: ComplaintStatus | undefined;
  /** Only complaints due strictly before this date. */
  readonly dueBefore?: IsoDate | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface NewComplaint {
  readonly complaint: Complaint;
  readonly events: readonly HistoryEvent[];
  readonly accessToken: StoredAccessToken | null;
}

/** R22: an open complaint whose due date is provisional, found by that due date. */
export interface ProvisionalComplaint {
  readonly id: string;
  readonly dueDate: IsoDate;
}

export interface ComplaintRepository {
  /**
   * R14: the registration sequence to try for the next complaint of this body and year: the last
   * one this process saw plus one (no read). Filing corrects it when another process was first.
   */
  nextRegistrationSequence(bodyId: string, year: number): number;
  /**
   * Writes a new complaint, its first event, its notices and the registration counter in one
   * transaction. Throws RegistrationSequenceTaken when the counter has moved on.
   */
  file(filing: NewComplaint): Promise<void>;
  /** The complaint with its history, notices and recommendations, in one Query. */
  get(id: string): Promise<StoredComplaint | undefined>;
  /**
   * Writes a state change and its events in one transaction, only if the stored version is still
   * `previous.version`; otherwise throws a `version-conflict` DomainError.
   */
  save(previous: Complaint, next: Complaint, events: readonly HistoryEvent[]): Promise<void>;
  /**
   * R16: writes the forwarding of `previous` (as `save` does) and files the complaint it creates
   * at the receiving body, in one transaction. Throws RegistrationSequenceTaken when the receiving
   * body's counter has moved on, `version-conflict` when the original changed.
   */
  forward(
    previous: Complaint,
    next: Complaint,
    events: readonly HistoryEvent[],
    forwarded: NewComplaint,
  ): Promise<void>;
  /** A body's complaints by due date, ascending (GSI1), paged. */
  list(query: ComplaintListQuery): Promise<Page<ComplaintSummary>>;
  /**
   * Takes the right to send a pending e-mail (notice or alert) until `leaseUntil`, unless another
   * process holds it: a notice fired twice is sent once. False when it is not ours to send.
   */
  claimDelivery(
    complaintId: string,
    kind: 'notice' | 'alert',
    messageId: string,
    leaseUntil: number,
    now: number,
  ): Promise<boolean>;
  /** Complaints with something open that falls due on `date`: open complaints, pending e-mails, unanswered recommendations (GSI2). */
  openOn(date: IsoDate): Promise<readonly string[]>;
  /** R22: open complaints whose provisional due date is `date` (GSI2). */
  provisionalOn(date: IsoDate): Promise<readonly ProvisionalComplaint[]>;
}

/** Thrown by `file` when another complaint took the sequence number: retry with `current + 1`. */
export class RegistrationSequenceTaken extends Error {
  override readonly name = 'RegistrationSequenceTaken';

  constructor(readonly current: number) {
    super(`Registration sequence taken; the counter is at ${current}`);
  }
}

/** R22: what the daily run remembers about keeping the calendar current. */
export interface CalendarUpkeep {
  /** The official calendar's last day when provisional due dates were last recounted; undefined before the first run. */
  recountedThrough(): Promise<IsoDate | undefined>;
  recordRecounted(end: IsoDate): Promise<void>;
  /** Takes the warning named `key`, once: false when it was given already. */
  claimWarning(key: string): Promise<boolean>;
  /** Gives a claimed warning back when it could not be sent, so that the next run sends it. */
  releaseWarning(key: string): Promise<void>;
}

export interface BodyDirectory {
  all(): Promise<readonly Body[]>;
  find(id: string): Promise<Body | undefined>;
}

/** One-time schedules (EventBridge Scheduler, or the local emulator). */
export interface Scheduler {
  /** Creates the schedule, or updates it if one of that name exists: safe to repeat. */
  put(spec: ScheduleSpec): Promise<void>;
  /** Deletes it; one that does not exist is already what was wanted. */
  remove(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
}

export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /**
   * Which complaint and message this is: SES returns them with bounce and complaint events, so a
   * bounce finds its notice without an index.
   */
  readonly tags: { readonly complaintId: string; readonly messageId: string };
}

/** Sends e-mail (SES, or the local SES); answers the provider's message id. */
export interface Mailer {
  send(mail: Mail): Promise<string>;
}

/** What the system counts (CloudWatch metrics in AWS; alarms and the dashboard read them). */
export type MetricName = 'ComplaintsFiled' | 'ComplaintsOverdue' | 'NoticesSent' | 'NoticesFailed';

/** What the system measures as a level, not a count. */
export type GaugeName =
  /** R22: days from today to the last day of the official calendar; an alarm watches it. */
  'CalendarDaysLeft';

export interface Metrics {
  count(name: MetricName): void;
  gauge(name: GaugeName, value: number): void;
}
