/**
 * What the API answers: the domain's records shaped for the caller, in a stable field order.
 */

import type {
  Complaint,
  HistoryEvent,
  HistoryEventType,
  Notice,
  Principal,
} from '../../shared/domain/complaint.js';
import type { StoredComplaint } from '../../shared/ports.js';

const applicantHidden = new Set(['sub', 'failureReason']);
/** Events whose `reason` is the mail provider's own words: for officials, not applicants. */
const deliveryFailures = new Set<HistoryEventType>([
  'delivery_attempt_failed',
  'notice_failed',
  'alert_failed',
]);

function withoutProviderReason(event: HistoryEvent): HistoryEvent {
  if (!deliveryFailures.has(event.type)) return event;
  const { reason: _reason, ...details } = event.details;
  return { ...event, details };
}

/** R15: the whole complaint for those who may see it; applicants do not see officials' user ids. */
export function complaintView(stored: StoredComplaint, principal: Principal): unknown {
  const c = stored.complaint;
  const view = {
    id: c.id,
    registrationNumber: c.registrationNumber,
    status: c.status,
    channel: c.channel,
    addressee: c.addressee,
    applicant: c.applicant,
    subject: c.subject,
    text: c.text,
    appealOf: c.appealOf,
    receivedAt: c.receivedAt,
    acceptedBy: c.acceptedBy,
    registrationDate: c.registrationDate,
    reviewWorkingDays: c.reviewWorkingDays,
    dueDate: c.dueDate,
    dueDateProvisional: c.dueDateProvisional,
    extendedWorkingDays: c.extendedWorkingDays,
    extensions: c.extensions,
    forwardedFrom: c.forwardedFrom,
    forwardedTo: c.forwardedTo,
    forwarding: c.forwarding,
    withdrawal: c.withdrawal,
    return: c.return,
    notices: c.notices,
    decision: c.decision,
    findings: c.findings,
    recommendations: c.recommendations,
    filedBy: c.filedBy,
    version: c.version,
    history: stored.history,
  };
  if (principal.type !== 'applicant') return { ...view, alerts: c.alerts };
  // Alerts are the officials' own; officials' user ids and why an e-mail failed (the provider's
  // words) are not the applicant's business.
  return JSON.parse(
    JSON.stringify(
      { ...view, history: view.history.map(withoutProviderReason) },
      (key, value: unknown) => (applicantHidden.has(key) ? undefined : value),
    ),
  ) as unknown;
}

/** The answer to filing: the registration, and the access token, shown this once. */
export function filingView(complaint: Complaint, accessToken: string): Record<string, unknown> {
  return {
    id: complaint.id,
    registrationNumber: complaint.registrationNumber,
    status: complaint.status,
    channel: complaint.channel,
    addressee: complaint.addressee,
    receivedAt: complaint.receivedAt,
    acceptedBy: complaint.acceptedBy,
    registrationDate: complaint.registrationDate,
    reviewWorkingDays: complaint.reviewWorkingDays,
    dueDate: complaint.dueDate,
    dueDateProvisional: complaint.dueDateProvisional,
    extendedWorkingDays: complaint.extendedWorkingDays,
    forwardedFrom: complaint.forwardedFrom,
    forwardedTo: complaint.forwardedTo,
    accessToken,
  };
}

/** A notice as an action's answer names it. */
export function noticeView(notice: Notice): Record<string, unknown> {
  return {
    id: notice.id,
    kind: notice.kind,
    form: notice.form,
    dueDate: notice.dueDate,
    status: notice.status,
  };
}

export function complaintLocation(id: string): string {
  return `/v1/complaints/${id}`;
}
