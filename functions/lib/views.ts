/**
 * What the API answers: the domain's records shaped for the caller, in a stable field order.
 */

import type { Complaint, Principal } from '../../shared/domain/complaint.js';
import type { StoredComplaint } from '../../shared/ports.js';

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
    registrationDate: c.registrationDate,
    reviewWorkingDays: c.reviewWorkingDays,
    dueDate: c.dueDate,
    extendedWorkingDays: c.extendedWorkingDays,
    extensions: c.extensions,
    notices: c.notices,
    decision: c.decision,
    findings: c.findings,
    recommendations: c.recommendations,
    filedBy: c.filedBy,
    version: c.version,
    history: stored.history,
  };
  if (principal.type !== 'applicant') return { ...view, alerts: c.alerts };
  // Alerts are the officials' own; officials' user ids are not the applicant's business.
  return JSON.parse(
    JSON.stringify(view, (key, value: unknown) => (key === 'sub' ? undefined : value)),
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
    registrationDate: complaint.registrationDate,
    reviewWorkingDays: complaint.reviewWorkingDays,
    dueDate: complaint.dueDate,
    extendedWorkingDays: complaint.extendedWorkingDays,
    accessToken,
  };
}

export function complaintLocation(id: string): string {
  return `/v1/complaints/${id}`;
}
