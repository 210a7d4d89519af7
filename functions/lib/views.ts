/**
 * What the API answers: the domain's records shaped for the caller, in a stable field order, each
 * typed by its response schema (shared/validation/responses.ts), which the tests check answers
 * against at run time.
 */

import {
  providerReasonEvents,
  type Actor,
  type Complaint,
  type HistoryEvent,
  type Notice,
  type Principal,
  type Recommendation,
} from '../../shared/domain/complaint.js';
import type { StoredComplaint } from '../../shared/ports.js';
import type {
  ApplicantActorView,
  ApplicantComplaintView,
  ApplicantHistoryEventView,
  ApplicantNoticeView,
  ApplicantRecommendationView,
  ComplaintView,
  ComplaintViewForCaller,
  ExtensionAnswer,
  FilingView,
  FindingsView,
  ForwardingAnswer,
  NoticeSummary,
  NoticeView,
  RecommendationView,
  SentRecommendation,
} from '../../shared/validation/responses.js';

/** R15: the whole complaint for those who may see it; the applicant's own view leaves out what is officials'. */
export function complaintView(
  stored: StoredComplaint,
  principal: Principal,
): ComplaintViewForCaller {
  return principal.type === 'applicant'
    ? applicantComplaintView(stored)
    : officialComplaintView(stored);
}

/** Everything recorded on the complaint, alerts to officials included. */
export function officialComplaintView(stored: StoredComplaint): ComplaintView {
  const c = stored.complaint;
  return {
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
    extensions: [...c.extensions],
    forwardedFrom: c.forwardedFrom,
    forwardedTo: c.forwardedTo,
    forwarding: c.forwarding,
    withdrawal: c.withdrawal,
    return: c.return,
    notices: [...c.notices],
    decision: c.decision,
    findings: c.findings,
    recommendations: [...c.recommendations],
    filedBy: c.filedBy,
    version: c.version,
    history: [...stored.history],
    alerts: [...c.alerts],
  };
}

/**
 * The applicant's view: the officials' without alerts (the officials' own), officials' user ids,
 * a notice's failure reason or a delivery failure's reason (the mail provider's words). Fields are
 * replaced where they stand, so the answer keeps the officials' field order.
 */
export function applicantComplaintView(stored: StoredComplaint): ApplicantComplaintView {
  const c = stored.complaint;
  const { alerts: _alerts, ...shared } = officialComplaintView(stored);
  return {
    ...shared,
    extensions: c.extensions.map((e) => ({ ...e, grantedBy: applicantActor(e.grantedBy) })),
    forwarding: c.forwarding && {
      ...c.forwarding,
      forwardedBy: applicantActor(c.forwarding.forwardedBy),
    },
    withdrawal: c.withdrawal && {
      ...c.withdrawal,
      withdrawnBy: applicantActor(c.withdrawal.withdrawnBy),
    },
    return: c.return && { ...c.return, returnedBy: applicantActor(c.return.returnedBy) },
    notices: c.notices.map(applicantNotice),
    decision: c.decision && { ...c.decision, decidedBy: applicantActor(c.decision.decidedBy) },
    findings: c.findings && { ...c.findings, recordedBy: applicantActor(c.findings.recordedBy) },
    recommendations: c.recommendations.map(applicantRecommendation),
    filedBy: applicantActor(c.filedBy),
    history: stored.history.map(applicantEvent),
  };
}

/** Officials by their body, without their user id. */
function applicantActor(actor: Actor): ApplicantActorView {
  if (actor.type !== 'official') return actor;
  const { sub: _sub, ...seen } = actor;
  return seen;
}

function applicantNotice(notice: Notice): ApplicantNoticeView {
  const { failureReason: _failureReason, ...seen } = notice;
  return {
    ...seen,
    ...(seen.dispatch && { dispatch: { ...seen.dispatch, by: applicantActor(seen.dispatch.by) } }),
    ...(seen.otherDelivery && {
      otherDelivery: { ...seen.otherDelivery, by: applicantActor(seen.otherDelivery.by) },
    }),
  };
}

function applicantRecommendation(recommendation: Recommendation): ApplicantRecommendationView {
  const { response, control } = recommendation;
  return {
    ...recommendation,
    sentBy: applicantActor(recommendation.sentBy),
    response: response && { ...response, respondedBy: applicantActor(response.respondedBy) },
    control: control && { ...control, recordedBy: applicantActor(control.recordedBy) },
  };
}

function applicantEvent(event: HistoryEvent): ApplicantHistoryEventView {
  const actor = applicantActor(event.actor);
  if (!providerReasonEvents.includes(event.type)) return { ...event, actor };
  const { reason: _reason, ...details } = event.details;
  return { ...event, actor, details };
}

/** The answer to filing: the registration, and the access token, shown this once. */
export function filingView(complaint: Complaint, accessToken: string): FilingView {
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
export function noticeView(notice: Notice): NoticeSummary {
  return {
    id: notice.id,
    kind: notice.kind,
    form: notice.form,
    dueDate: notice.dueDate,
    status: notice.status,
  };
}

/**
 * What an act just recorded, found on the new state: the command succeeded, so it is there; its
 * absence is a bug, not the caller's fault.
 */
function recorded<T>(value: T | null | undefined, what: string, complaint: Complaint): T {
  if (value === null || value === undefined) {
    throw new Error(`${what} is not on complaint ${complaint.id} after recording it`);
  }
  return value;
}

/** `POST …/extensions`: the new due date and the notice of the extension (R6–R9). */
export function extensionAnswer(next: Complaint): ExtensionAnswer {
  const extension = recorded(next.extensions.at(-1), 'The extension', next);
  const notice = recorded(
    next.notices.find((n) => n.id === extension.noticeId),
    `Notice ${extension.noticeId}`,
    next,
  );
  return {
    id: extension.id,
    dueDate: next.dueDate,
    dueDateProvisional: next.dueDateProvisional,
    extendedWorkingDays: next.extendedWorkingDays,
    notice: noticeView(notice),
  };
}

/** `POST …/forwarding` (R16): the complaint as registered at the receiving body, and the notice. */
export function forwardingAnswer(next: Complaint): ForwardingAnswer {
  const forwarding = recorded(next.forwarding, 'The forwarding', next);
  const notice = recorded(
    next.notices.find((n) => n.id === forwarding.noticeId),
    `Notice ${forwarding.noticeId}`,
    next,
  );
  return {
    forwardedTo: {
      id: forwarding.toComplaintId,
      registrationNumber: forwarding.toRegistrationNumber,
      addresseeId: forwarding.toBodyId,
      registrationDate: forwarding.toRegistrationDate,
      dueDate: forwarding.toDueDate,
    },
    notice: noticeView(notice),
    timely: forwarding.timely,
  };
}

/** A letter dispatched (R9) or a notice delivered another way (R24): the whole notice. */
export function noticeAnswer(next: Complaint, noticeId: string): NoticeView {
  return recorded(
    next.notices.find((n) => n.id === noticeId),
    `Notice ${noticeId}`,
    next,
  );
}

/** `POST …/findings` (R12). */
export function findingsAnswer(next: Complaint): FindingsView {
  return recorded(next.findings, 'The findings', next);
}

/** A recommendation's answer or control (R12, R23): the whole recommendation. */
export function recommendationAnswer(
  next: Complaint,
  recommendationId: string,
): RecommendationView {
  return recorded(
    next.recommendations.find((r) => r.id === recommendationId),
    `Recommendation ${recommendationId}`,
    next,
  );
}

/** `POST …/recommendations` (R12): the recommendation, led by its id. */
export function sentRecommendationAnswer(
  next: Complaint,
  recommendationId: string,
): SentRecommendation {
  return { recommendationId, ...recommendationAnswer(next, recommendationId) };
}

export function complaintLocation(id: string): string {
  return `/v1/complaints/${id}`;
}
