/**
 * The small interfaces the handlers use to reach storage, so the domain and the handlers do not
 * depend on DynamoDB's shape. Implementations live in shared/adapters/.
 */

import type { IsoDate } from './calendar/dates.js';
import type { Body } from './domain/bodies.js';
import type { ScheduleSpec } from './domain/schedules.js';
import type { CounterDelta, Month } from './domain/statistics.js';
import type {
  Addressee,
  Channel,
  Complaint,
  ComplaintStatus,
  HistoryEvent,
} from './domain/complaint.js';

/**
 * What the table keeps of an applicant's access token: its SHA-256 (hex), and the complaint it
 * was issued for (a forwarded complaint is read with the original's token, R16).
 */
export interface IssuedToken {
  readonly hash: string;
  readonly issuedFor: string;
}

/**
 * A complaint's access tokens: the one issued at filing, and those issued since, one with each
 * follow-up link e-mailed (access links). Every one of them opens the complaint (R15).
 */
export interface StoredAccessToken extends IssuedToken {
  readonly later?: readonly IssuedToken[];
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

/** The stream consumer's confirmation that a complaint's schedules follow its plans (a chain). */
export interface Confirmation {
  readonly complaintId: string;
  readonly version: number;
  readonly plans: { readonly from: string; readonly to: string };
}

/** Something reconciliation looks at: a complaint whose schedules lag, or an e-mail still unsent. */
export interface AttentionEntry {
  readonly complaintId: string;
  /** The e-mail (notice or alert) still to send; null for a lagging complaint. */
  readonly messageId: string | null;
}

export interface ComplaintRepository {
  /**
   * R14: takes the next registration number of this body and year (an atomic counter: concurrent
   * filings never refuse each other). A filing that then fails leaves that number unused.
   */
  reserveRegistrationSequence(bodyId: string, year: number): Promise<number>;
  /** Writes a new complaint, its first event and its notices in one transaction. */
  file(filing: NewComplaint): Promise<void>;
  /** The complaint with its history, notices and recommendations, in one Query. */
  get(id: string): Promise<StoredComplaint | undefined>;
  /**
   * Writes a state change and its events in one transaction, only if the stored version is still
   * `previous.version`; otherwise throws a `version-conflict` DomainError.
   */
  save(previous: Complaint, next: Complaint, events: readonly HistoryEvent[]): Promise<void>;
  /**
   * R16: writes the forwarding of `previous` (as `save` does) and files the complaint it creates at
   * the receiving body, in one transaction; `version-conflict` when the original changed.
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
    kind: 'notice' | 'alert' | 'link',
    messageId: string,
    leaseUntil: number,
    now: number,
  ): Promise<boolean>;
  /**
   * The schedule calls of `version` are made: Scheduler now holds the plan `to` (as the META item
   * stores it). The stream consumer confirms on top of the plan it started `from`: when an earlier
   * change's calls were lost, the chain is broken and the complaint keeps lagging; reconciliation,
   * which read Scheduler itself, confirms with `from: null`. True when the complaint no longer lags
   * (no later change waits).
   */
  confirmSchedules(
    complaintId: string,
    version: number,
    plans: { readonly from: string | null; readonly to: string },
  ): Promise<boolean>;
  /** The same for many complaints (a batch of the stream): together when none is unusual. */
  confirmAll(confirmations: readonly Confirmation[]): Promise<void>;
  /** Complaints whose schedules lag since before `before` (epoch ms) (GSI3). */
  lagging(before: number): Promise<readonly AttentionEntry[]>;
  /** E-mails due to be sent before `before` (epoch ms) and still pending (GSI3). */
  unsent(before: number): Promise<readonly AttentionEntry[]>;
  /** R22: open complaints whose provisional due date is `date` (GSI2). */
  provisionalOn(date: IsoDate): Promise<readonly ProvisionalComplaint[]>;
  /** The complaint registered under this number (R14), if any: one read by key. */
  complaintIdOf(registrationNumber: string): Promise<string | undefined>;
  /**
   * Records a follow-up link asked for (`next` is `previous` with one more pending link e-mail),
   * with the plan of schedules that sends it, in one conditional transaction: `version-conflict`
   * when the complaint or its links changed since `previous` was read. With `undefined` (no match,
   * or today's links used up) it makes a write of the same shape to throwaway items instead, so
   * that neither the calls nor their kinds tell the two apart.
   */
  recordAccessLink(
    change: { readonly previous: Complaint; readonly next: Complaint } | undefined,
  ): Promise<void>;
  /**
   * Keeps a new access token of a complaint: its hash only. Written before the e-mail that carries
   * the token is sent, so that no token exists that would not open its complaint.
   */
  addAccessToken(complaintId: string, token: IssuedToken): Promise<void>;
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

/** One body's counters of one month, as stored. */
export interface StoredCounters {
  readonly bodyId: string;
  readonly month: Month;
  readonly counters: Readonly<Record<string, number>>;
}

/** The Agency's statistics: per-body, per-month counters kept from the table's stream. */
export interface StatisticsStore {
  /**
   * Adds stream records' deltas, each record once: a record delivered again (the stream is at
   * least once) changes nothing.
   */
  count(
    records: readonly { readonly recordId: string; readonly deltas: readonly CounterDelta[] }[],
  ): Promise<void>;
  /** The counters of these months, of one body, or of every body that has counters. */
  read(months: readonly Month[], bodyId?: string): Promise<readonly StoredCounters[]>;
}

export interface BodyDirectory {
  all(): Promise<readonly Body[]>;
  find(id: string): Promise<Body | undefined>;
}

/** One-time schedules (EventBridge Scheduler, or the local emulator). */
export interface Scheduler {
  /** Creates a schedule expected to be new; if it exists after all, updates it. */
  create(spec: ScheduleSpec): Promise<void>;
  /** Updates a schedule expected to exist; if it does not (it fired meanwhile), creates it. */
  update(spec: ScheduleSpec): Promise<void>;
  /** Deletes it; one that does not exist is already what was wanted. */
  remove(name: string): Promise<void>;
  /** The names of the schedules whose name starts with `prefix`. */
  list(prefix: string): Promise<readonly string[]>;
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
