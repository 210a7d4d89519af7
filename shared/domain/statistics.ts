/**
 * Statistics for the authorized body's control [S6.3]: per body and month, counters moved by each
 * change of a complaint (its state before and after) or of a recommendation. Pure: the stream
 * consumer applies what these return, once per change, and the statistics route reads them back.
 *
 * Every figure is counted in the month (Asia/Almaty) its event happened: received in the month of
 * registration, decided in the month of the decision, and so on. "Overdue now" is kept in the
 * month the complaint went overdue and taken back there when it leaves that state, so that the
 * months' sum is the number overdue today.
 */

import { addCalendarDays } from '../calendar/dates.js';
import { workingDaysBetween } from '../calendar/index.js';
import type { Complaint, Recommendation } from './complaint.js';
import type {
  DecisionOutcome,
  ExtensionReason,
  RecommendationOutcome,
  ReturnGround,
} from './vocabulary.js';
import {
  decisionOutcomes,
  extensionReasons,
  recommendationOutcomes,
  returnGrounds,
} from './vocabulary.js';

/** A complaint as the statistics see it: its own fields, without notices, alerts, recommendations. */
export type ComplaintFacts = Omit<Complaint, 'notices' | 'alerts' | 'recommendations'>;

/** `YYYY-MM`. */
export type Month = string;

export type CounterName =
  | 'received'
  | 'decidedTimely'
  | 'decidedLate'
  | `outcome_${DecisionOutcome}`
  | `decisionDays_${number}`
  | 'deemedRefusals'
  | 'overdueNow'
  | 'extended'
  | 'extendedDays'
  | `extendedReason_${ExtensionReason}`
  | 'forwardedTimely'
  | 'forwardedLate'
  | 'withdrawn'
  | `returned_${ReturnGround}`
  | 'recommendationsSent'
  | 'recommendationsAnsweredTimely'
  | 'recommendationsAnsweredLate'
  | `recommendation_${RecommendationOutcome}`;

/** What one change adds to one body's counters of one month. */
export interface CounterDelta {
  readonly bodyId: string;
  readonly month: Month;
  readonly counts: Readonly<Partial<Record<CounterName, number>>>;
}

/** Working days to a decision beyond this are counted together (a late decision is rare). */
export const maxDecisionDaysBucket = 60;

const monthOf = (dateOrInstant: string): Month => dateOrInstant.slice(0, 7);

/** Adds `counts` to the delta of (body, month), merging with what the same change already added. */
function collector() {
  const deltas = new Map<
    string,
    { bodyId: string; month: Month; counts: Record<string, number> }
  >();
  return {
    add(bodyId: string, month: Month, counts: Partial<Record<CounterName, number>>): void {
      const key = `${bodyId}#${month}`;
      const delta = deltas.get(key) ?? { bodyId, month, counts: {} };
      for (const [name, value] of Object.entries(counts)) {
        delta.counts[name] = (delta.counts[name] ?? 0) + (value ?? 0);
      }
      deltas.set(key, delta);
    },
    result(): CounterDelta[] {
      return [...deltas.values()]
        .map((delta) => ({
          ...delta,
          counts: Object.fromEntries(Object.entries(delta.counts).filter(([, v]) => v !== 0)),
        }))
        .filter((delta) => Object.keys(delta.counts).length > 0);
    },
  };
}

/** The month a complaint went overdue: the day after its due date (R11). */
function overdueMonth(complaint: Pick<ComplaintFacts, 'dueDate'>): Month {
  return monthOf(addCalendarDays(complaint.dueDate, 1));
}

/** What a complaint's change (before → after; none before it was filed) adds to the counters. */
export function complaintStatistics(
  before: ComplaintFacts | undefined,
  after: ComplaintFacts | undefined,
): CounterDelta[] {
  const deltas = collector();
  if (!after) return [];
  const body = after.addressee.id;
  if (!before) deltas.add(body, monthOf(after.registrationDate), { received: 1 });
  if (!before?.decision && after.decision) {
    const decision = after.decision;
    const days = Math.min(
      Math.max(0, workingDaysBetween(after.registrationDate, decision.decidedAt.slice(0, 10))),
      maxDecisionDaysBucket,
    );
    deltas.add(body, monthOf(decision.decidedAt), {
      [decision.timely ? 'decidedTimely' : 'decidedLate']: 1,
      [`outcome_${decision.outcome}`]: 1,
      [`decisionDays_${days}`]: 1,
    });
  }
  const wasOverdue = before?.status === 'overdue';
  const isOverdue = after.status === 'overdue';
  // R19: going overdue is a deemed refusal.
  if (!wasOverdue && isOverdue)
    deltas.add(body, overdueMonth(after), { deemedRefusals: 1, overdueNow: 1 });
  if (wasOverdue && !isOverdue) deltas.add(body, overdueMonth(after), { overdueNow: -1 });
  for (const extension of after.extensions.slice(before?.extensions.length ?? 0)) {
    deltas.add(body, monthOf(extension.grantedAt), {
      extended: 1,
      extendedDays: extension.workingDays,
      [`extendedReason_${extension.reason}`]: 1,
    });
  }
  if (!before?.forwarding && after.forwarding) {
    deltas.add(body, monthOf(after.forwarding.forwardedAt), {
      [after.forwarding.timely ? 'forwardedTimely' : 'forwardedLate']: 1,
    });
  }
  if (!before?.withdrawal && after.withdrawal)
    deltas.add(body, monthOf(after.withdrawal.withdrawnAt), { withdrawn: 1 });
  if (!before?.return && after.return) {
    deltas.add(body, monthOf(after.return.returnedAt), {
      [`returned_${after.return.ground}`]: 1,
    });
  }
  return deltas.result();
}

/** What a recommendation's change adds, to the recommended body's counters (R12). */
export function recommendationStatistics(
  before: Recommendation | undefined,
  after: Recommendation | undefined,
): CounterDelta[] {
  const deltas = collector();
  if (!after) return [];
  if (!before) deltas.add(after.bodyId, monthOf(after.sentAt), { recommendationsSent: 1 });
  if (!before?.response && after.response) {
    deltas.add(after.bodyId, monthOf(after.response.respondedAt), {
      [after.response.timely ? 'recommendationsAnsweredTimely' : 'recommendationsAnsweredLate']: 1,
      [`recommendation_${after.response.outcome}`]: 1,
    });
  }
  return deltas.result();
}

/** One body's figures for one month, as `GET /v1/statistics` answers them. */
export interface MonthFigures {
  readonly bodyId: string;
  readonly month: Month;
  readonly received: number;
  readonly decided: { readonly timely: number; readonly late: number };
  readonly outcomes: Readonly<Record<DecisionOutcome, number>>;
  readonly medianWorkingDaysToDecision: number | null;
  readonly overdueNow: number;
  readonly deemedRefusals: number;
  readonly extended: {
    readonly count: number;
    readonly workingDays: number;
    readonly byReason: Readonly<Record<ExtensionReason, number>>;
  };
  readonly forwarded: { readonly timely: number; readonly late: number };
  readonly withdrawn: number;
  readonly returned: Readonly<Record<ReturnGround, number>>;
  readonly recommendations: {
    readonly sent: number;
    readonly answeredTimely: number;
    readonly answeredLate: number;
    readonly outcomes: Readonly<Record<RecommendationOutcome, number>>;
  };
}

const byKey = <K extends string>(
  keys: readonly K[],
  count: (key: K) => number,
): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, count(key)])) as Record<K, number>;

/** The median of a histogram `days → count`; the lower middle for an even total. */
export function medianOf(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(days) ?? 0;
    if (seen * 2 >= total) return days;
  }
  return null;
}

/** The counters of one body and month, read back as figures. */
export function figuresOf(
  bodyId: string,
  month: Month,
  counters: Readonly<Record<string, number>>,
): MonthFigures {
  const count = (name: string): number => counters[name] ?? 0;
  const histogram = new Map<number, number>();
  for (const [name, value] of Object.entries(counters)) {
    if (name.startsWith('decisionDays_')) histogram.set(Number(name.slice(13)), value);
  }
  return {
    bodyId,
    month,
    received: count('received'),
    decided: { timely: count('decidedTimely'), late: count('decidedLate') },
    outcomes: byKey(decisionOutcomes, (o) => count(`outcome_${o}`)),
    medianWorkingDaysToDecision: medianOf(histogram),
    overdueNow: count('overdueNow'),
    deemedRefusals: count('deemedRefusals'),
    extended: {
      count: count('extended'),
      workingDays: count('extendedDays'),
      byReason: byKey(extensionReasons, (r) => count(`extendedReason_${r}`)),
    },
    forwarded: { timely: count('forwardedTimely'), late: count('forwardedLate') },
    withdrawn: count('withdrawn'),
    returned: byKey(returnGrounds, (g) => count(`returned_${g}`)),
    recommendations: {
      sent: count('recommendationsSent'),
      answeredTimely: count('recommendationsAnsweredTimely'),
      answeredLate: count('recommendationsAnsweredLate'),
      outcomes: byKey(recommendationOutcomes, (o) => count(`recommendation_${o}`)),
    },
  };
}

/** The months from `from` to `to`, both included (`YYYY-MM`). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${String(year)}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** One CSV row per body and month, the figures flattened into named columns. */
export function statisticsCsv(rows: readonly MonthFigures[]): string {
  const columns: [string, (row: MonthFigures) => string | number | null][] = [
    ['body_id', (r) => r.bodyId],
    ['month', (r) => r.month],
    ['received', (r) => r.received],
    ['decided_timely', (r) => r.decided.timely],
    ['decided_late', (r) => r.decided.late],
    ...decisionOutcomes.map((o): [string, (r: MonthFigures) => number] => [
      `outcome_${o}`,
      (r) => r.outcomes[o],
    ]),
    ['median_working_days_to_decision', (r) => r.medianWorkingDaysToDecision],
    ['overdue_now', (r) => r.overdueNow],
    ['deemed_refusals', (r) => r.deemedRefusals],
    ['extended', (r) => r.extended.count],
    ['extended_working_days', (r) => r.extended.workingDays],
    ...extensionReasons.map((x): [string, (r: MonthFigures) => number] => [
      `extended_${x}`,
      (r) => r.extended.byReason[x],
    ]),
    ['forwarded_timely', (r) => r.forwarded.timely],
    ['forwarded_late', (r) => r.forwarded.late],
    ['withdrawn', (r) => r.withdrawn],
    ...returnGrounds.map((g): [string, (r: MonthFigures) => number] => [
      `returned_${g}`,
      (r) => r.returned[g],
    ]),
    ['recommendations_sent', (r) => r.recommendations.sent],
    ['recommendations_answered_timely', (r) => r.recommendations.answeredTimely],
    ['recommendations_answered_late', (r) => r.recommendations.answeredLate],
    ...recommendationOutcomes.map((o): [string, (r: MonthFigures) => number] => [
      `recommendations_${o}`,
      (r) => r.recommendations.outcomes[o],
    ]),
  ];
  const cell = (value: string | number | null): string => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.map(([name]) => name).join(','),
    ...rows.map((row) => columns.map(([, value]) => cell(value(row))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
