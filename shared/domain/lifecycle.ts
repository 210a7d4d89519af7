/**
 * The complaint's lifecycle as pure functions `(state, command, now) → new state + events | error`
 * (R4–R15). A handler parses and authenticates, calls one of these, and persists what it returns
 * in one conditional write; nothing here reads a clock, a table or the network.
 */

import { type IsoDate } from '../calendar/dates.js';
import { addWorkingDays } from '../calendar/index.js';
import { formatLegalInstant, legalDate, type Instant } from '../time/legal-time.js';
import type {
  DecisionRequest,
  DispatchRequest,
  ExtensionRequest,
  FileComplaintRequest,
  RecommendationControlRequest,
  RecommendationResponseRequest,
} from '../validation/schemas.js';
import { bodyKindRules, maxExtensionWorkingDays, type Body, type BodyKind } from './bodies.js';
import type {
  Actor,
  Alert,
  AlertKind,
  Complaint,
  Delivery,
  HistoryEvent,
  HistoryEventType,
  Notice,
  NoticeKind,
  Principal,
  Recommendation,
} from './complaint.js';
import {
  dueDateOf,
  dueSoonAt,
  isPastDue,
  noticeDueDateOf,
  registrationDateOf,
} from './deadlines.js';
import { DomainError, validationFailed } from './errors.js';

export type Outcome =
  | { readonly ok: true; readonly complaint: Complaint; readonly events: readonly HistoryEvent[] }
  | { readonly ok: false; readonly error: DomainError };

/** A body as a command needs it: resolved from the directory by the caller. */
export type BodyRef = Pick<Body, 'id' | 'kind'>;

export interface FileCommand {
  readonly principal: Principal;
  readonly id: string;
  /** Used only when the complaint gets a registration notice (electronic channel). */
  readonly noticeId: string;
  /** R14: this complaint's place in its addressee's register for the registration year. */
  readonly registrationSequence: number;
  readonly request: FileComplaintRequest;
  readonly addressee: Body;
}

export type ComplaintCommand =
  | {
      readonly type: 'extend';
      readonly principal: Principal;
      readonly extensionId: string;
      readonly noticeId: string;
      readonly request: ExtensionRequest;
    }
  | {
      readonly type: 'decide';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: DecisionRequest;
    }
  | {
      readonly type: 'markOverdue';
      readonly principal: Principal;
      /** For the addressee's alert and the authorized body's. */
      readonly alertIds: readonly [string, string];
      readonly authorizedBodyId: string;
    }
  | { readonly type: 'remindDueSoon'; readonly principal: Principal; readonly alertId: string }
  | {
      readonly type: 'alertUnansweredRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly alertId: string;
      readonly authorizedBodyId: string;
    }
  | {
      readonly type: 'alertLetterNotDispatched';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly alertId: string;
    }
  | {
      /** An e-mail (notice or alert) went out. */
      readonly type: 'recordDelivered';
      readonly principal: Principal;
      readonly messageId: string;
      readonly providerMessageId: string;
    }
  | {
      /** An e-mail did not go out: try again at `retryAt`, or give up when it is null. */
      readonly type: 'recordDeliveryFailed';
      readonly principal: Principal;
      readonly messageId: string;
      readonly reason: string;
      readonly retryAt: Instant | null;
      /** For the alert that tells the authorized body a notice to an applicant failed. */
      readonly alertId: string;
      readonly authorizedBodyId: string;
    }
  | {
      /** SES reported a permanent bounce or a complaint for an e-mail it had accepted. */
      readonly type: 'recordBounce';
      readonly principal: Principal;
      readonly messageId: string;
      readonly providerMessageId: string;
      readonly reason: string;
      readonly alertId: string;
      readonly authorizedBodyId: string;
    }
  | {
      readonly type: 'dispatchLetter';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: DispatchRequest;
    }
  | {
      readonly type: 'recordFindings';
      readonly principal: Principal;
      readonly reasons: string;
      readonly violationFound: boolean;
      readonly body: BodyRef | null;
    }
  | {
      readonly type: 'sendRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly body: BodyRef;
      readonly measures: string;
      readonly respondBy: IsoDate;
    }
  | {
      readonly type: 'respondToRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly request: RecommendationResponseRequest;
    }
  | {
      readonly type: 'controlRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly request: RecommendationControlRequest;
    };

/** R14: `<addressee id>/<year>/<six-digit sequence>`, e.g. `akimat-astana/2026/000042`. */
export function formatRegistrationNumber(bodyId: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `${bodyId}/${year}/${String(sequence).padStart(6, '0')}`;
}

/** R15: who may see a complaint. Everyone else is answered as if it did not exist. */
export function canView(principal: Principal, complaint: Complaint): boolean {
  switch (principal.type) {
    case 'anonymous':
      return false;
    case 'applicant':
      return principal.complaintId === complaint.id;
    case 'system':
      return true;
    case 'official':
      return (
        principal.authorizedBody ||
        principal.bodyId === complaint.addressee.id ||
        // A body that received a recommendation on it must see it to answer (R12).
        complaint.recommendations.some((r) => r.bodyId === principal.bodyId)
      );
  }
}

export function actorOf(principal: Principal): Actor {
  switch (principal.type) {
    case 'anonymous':
    case 'applicant':
      return { type: 'applicant' };
    case 'official':
      return { type: 'official', sub: principal.sub, bodyId: principal.bodyId };
    case 'system':
      return { type: 'system', process: principal.process };
  }
}

/** R4, R5, R14: registers a new complaint; an electronic one gets its receipt notice at once. */
export function fileComplaint(command: FileCommand, now: Instant): Outcome {
  return attempt(() => {
    const { request, addressee, principal } = command;
    if (request.addresseeId !== addressee.id) {
      throw new RangeError('The addressee does not match the request');
    }
    if (request.channel === 'paper') {
      // A paper complaint is entered by an official of the body that received it.
      if (principal.type !== 'official') {
        throw new DomainError(
          'unauthorized',
          'A paper complaint is registered by an official of its addressee',
        );
      }
      if (principal.bodyId !== addressee.id) {
        throw new DomainError(
          'forbidden',
          'An official registers paper complaints for their own body only',
        );
      }
    }
    const today = legalDate(now);
    if (request.subject.occurredOn > today) {
      throw validationFailed('The complaint is not valid', [
        { path: 'subject.occurredOn', message: 'must not be in the future' },
      ]);
    }
    if (request.appealOf !== undefined && addressee.kind !== 'authorized_body') {
      throw validationFailed('The complaint is not valid', [
        {
          path: 'appealOf',
          message: 'only a complaint to the authorized body may name an earlier complaint (R12)',
        },
      ]);
    }
    const registrationDate = registrationDateOf(now, addressee.workingHoursEnd);
    const at = formatLegalInstant(now);
    const actor = actorOf(principal);
    const notices: Notice[] =
      request.channel === 'electronic'
        ? [newNotice(command.noticeId, 'registration', request, registrationDate, at)]
        : [];
    const complaint: Complaint = {
      id: command.id,
      registrationNumber: formatRegistrationNumber(
        addressee.id,
        Number(registrationDate.slice(0, 4)),
        command.registrationSequence,
      ),
      channel: request.channel,
      status: 'under_review',
      addressee: { id: addressee.id, kind: addressee.kind, name: addressee.name },
      applicant: request.applicant,
      subject: request.subject,
      text: request.text,
      appealOf: request.appealOf ?? null,
      receivedAt: at,
      registrationDate,
      reviewWorkingDays: bodyKindRules[addressee.kind].reviewWorkingDays,
      dueDate: dueDateOf(registrationDate, addressee.kind),
      extendedWorkingDays: 0,
      extensions: [],
      notices,
      decision: null,
      findings: null,
      recommendations: [],
      alerts: [],
      filedBy: actor,
      version: 1,
    };
    return {
      complaint,
      events: [
        event('filed', at, actor, 1, {
          channel: complaint.channel,
          registrationDate,
          dueDate: complaint.dueDate,
          noticeId: notices[0]?.id ?? null,
        }),
      ],
    };
  });
}

/** Applies one command to a complaint. The returned complaint has `version + 1`. */
export function applyCommand(
  complaint: Complaint,
  command: ComplaintCommand,
  now: Instant,
): Outcome {
  return attempt(() => {
    if (!canView(command.principal, complaint)) throw notFound(complaint.id);
    const context: Context = {
      complaint,
      now,
      today: legalDate(now),
      at: formatLegalInstant(now),
      actor: actorOf(command.principal),
      version: complaint.version + 1,
    };
    switch (command.type) {
      case 'extend':
        return extend(context, command);
      case 'decide':
        return decide(context, command);
      case 'markOverdue':
        return markOverdue(context, command);
      case 'remindDueSoon':
        return remindDueSoon(context, command);
      case 'alertUnansweredRecommendation':
        return alertUnansweredRecommendation(context, command);
      case 'alertLetterNotDispatched':
        return alertLetterNotDispatched(context, command);
      case 'recordDelivered':
        return recordDelivered(context, command);
      case 'recordDeliveryFailed':
        return recordDeliveryFailed(context, command);
      case 'recordBounce':
        return recordBounce(context, command);
      case 'dispatchLetter':
        return dispatchLetter(context, command);
      case 'recordFindings':
        return recordFindings(context, command);
      case 'sendRecommendation':
        return sendRecommendation(context, command);
      case 'respondToRecommendation':
        return respondToRecommendation(context, command);
      case 'controlRecommendation':
        return controlRecommendation(context, command);
    }
  });
}

interface Context {
  readonly complaint: Complaint;
  readonly now: Instant;
  readonly today: IsoDate;
  readonly at: string;
  readonly actor: Actor;
  readonly version: number;
}

type Change = { complaint: Complaint; events: HistoryEvent[] };
type CommandOf<T extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: T }>;

/** R6–R9: extends the review period and creates the extension notice. */
function extend(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'extend'>,
): Change {
  requireAddresseeOfficial(command.principal, complaint, 'extend its review period');
  // R6: only kinds the law names in [S7] may extend.
  if (!bodyKindRules[complaint.addressee.kind].mayExtend) {
    throw new DomainError(
      'extension-not-allowed',
      `A body of kind ${complaint.addressee.kind} may not extend a review period (R6)`,
    );
  }
  // R6: only while still under review and not past its current due date.
  if (complaint.status !== 'under_review' || today > complaint.dueDate) {
    throw new DomainError(
      'extension-not-allowed',
      complaint.status === 'decided'
        ? 'The complaint is decided; its review period cannot be extended (R6)'
        : `The review period ended on ${complaint.dueDate}; it can no longer be extended (R6)`,
    );
  }
  const { workingDays, reason, explanation } = command.request;
  // R8: at most 10 working days in total; a request that would pass it is refused whole.
  const total = complaint.extendedWorkingDays + workingDays;
  if (total > maxExtensionWorkingDays) {
    throw new DomainError(
      'extension-limit-exceeded',
      `Extensions may add at most ${maxExtensionWorkingDays} working days in total (R8): ${complaint.extendedWorkingDays} already granted, ${workingDays} requested`,
    );
  }
  const dueDate = addWorkingDays(complaint.dueDate, workingDays);
  // R9: the applicant is told of every extension, with its reasons, within 3 working days.
  const notice = newNotice(command.noticeId, 'extension', complaint, today, at);
  return {
    complaint: {
      ...complaint,
      dueDate,
      extendedWorkingDays: total,
      extensions: [
        ...complaint.extensions,
        {
          id: command.extensionId,
          workingDays,
          reason,
          explanation,
          previousDueDate: complaint.dueDate,
          dueDate,
          grantedAt: at,
          grantedBy: actor,
          noticeId: notice.id,
        },
      ],
      notices: [...complaint.notices, notice],
      version,
    },
    events: [
      event('extended', at, actor, version, {
        extensionId: command.extensionId,
        workingDays,
        reason,
        previousDueDate: complaint.dueDate,
        dueDate,
        extendedWorkingDays: total,
        noticeId: notice.id,
      }),
    ],
  };
}

/** R10: records the decision and the notice that tells the applicant. */
function decide(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'decide'>,
): Change {
  requireAddresseeOfficial(command.principal, complaint, 'decide it');
  if (complaint.decision !== null) {
    throw new DomainError(
      'invalid-state',
      'The complaint is already decided; a decision is final (R10)',
    );
  }
  const notice = newNotice(command.noticeId, 'decision', complaint, today, at);
  const timely = today <= complaint.dueDate;
  return {
    complaint: {
      ...complaint,
      status: 'decided',
      decision: {
        outcome: command.request.outcome,
        text: command.request.text,
        decidedAt: at,
        decidedBy: actor,
        timely,
        noticeId: notice.id,
      },
      notices: [...complaint.notices, notice],
      version,
    },
    events: [
      event('decided', at, actor, version, {
        outcome: command.request.outcome,
        timely,
        noticeId: notice.id,
      }),
    ],
  };
}

/** R11: a complaint not decided by the end of its due date becomes overdue; its body and the authorized body are alerted. */
function markOverdue(
  { complaint, now, at, actor, version }: Context,
  command: CommandOf<'markOverdue'>,
): Change {
  requireSystem(command.principal, 'marks a complaint overdue');
  if (complaint.status !== 'under_review' || !isPastDue(complaint.dueDate, now)) {
    throw new DomainError(
      'invalid-state',
      `The complaint is ${complaint.status} and due ${complaint.dueDate}: not overdue`,
    );
  }
  // The addressee and the authorized body, each alerted on its own (once when they are the same).
  const recipients = [...new Set([complaint.addressee.id, command.authorizedBodyId])];
  const alerts = recipients.map((recipient, i) =>
    newAlert(command.alertIds[i] ?? '', 'overdue', recipient, complaint.dueDate, null, at),
  );
  return {
    complaint: {
      ...complaint,
      status: 'overdue',
      alerts: [...complaint.alerts, ...alerts],
      version,
    },
    events: [
      event('marked_overdue', at, actor, version, {
        dueDate: complaint.dueDate,
        alertIds: alerts.map((a) => a.id).join(','),
      }),
    ],
  };
}

/** R11: the addressee's officials are reminded one working day before the due date, once per due date. */
function remindDueSoon(
  { complaint, now, at, actor, version }: Context,
  command: CommandOf<'remindDueSoon'>,
): Change {
  requireSystem(command.principal, 'sends reminders');
  const reminded = complaint.alerts.some(
    (a) => a.kind === 'due_soon' && a.about === complaint.dueDate,
  );
  // A firing for a due date since moved by an extension comes too early for the new one.
  if (
    complaint.status !== 'under_review' ||
    reminded ||
    now < dueSoonAt(complaint.dueDate) ||
    isPastDue(complaint.dueDate, now)
  ) {
    throw new DomainError(
      'invalid-state',
      `No reminder is due for ${complaint.id} (${complaint.status}, due ${complaint.dueDate})`,
    );
  }
  const alert = newAlert(
    command.alertId,
    'due_soon',
    complaint.addressee.id,
    complaint.dueDate,
    null,
    at,
  );
  return raise(complaint, alert, at, actor, version);
}

/** R12: a recommendation not answered by its date alerts the authorized body, once. */
function alertUnansweredRecommendation(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'alertUnansweredRecommendation'>,
): Change {
  requireSystem(command.principal, 'controls recommendations');
  const recommendation = findRecommendation(complaint, command.recommendationId);
  const alerted = complaint.alerts.some((a) => a.subjectId === recommendation.id);
  if (recommendation.response !== null || today <= recommendation.respondBy || alerted) {
    throw new DomainError('invalid-state', `Recommendation ${recommendation.id} needs no alert`);
  }
  const alert = newAlert(
    command.alertId,
    'recommendation_unanswered',
    command.authorizedBodyId,
    recommendation.respondBy,
    recommendation.id,
    at,
  );
  return raise(complaint, alert, at, actor, version);
}

/** R9: a letter not dispatched within its 3 working days alerts the addressee, once. */
function alertLetterNotDispatched(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'alertLetterNotDispatched'>,
): Change {
  requireSystem(command.principal, 'watches letters');
  const notice = findNotice(complaint, command.noticeId);
  const alerted = complaint.alerts.some((a) => a.subjectId === notice.id);
  if (
    notice.form !== 'letter' ||
    notice.status !== 'pending' ||
    today <= notice.dueDate ||
    alerted
  ) {
    throw new DomainError('invalid-state', `Letter ${notice.id} needs no alert`);
  }
  const alert = newAlert(
    command.alertId,
    'letter_not_dispatched',
    complaint.addressee.id,
    notice.dueDate,
    notice.id,
    at,
  );
  return raise(complaint, alert, at, actor, version);
}

export type Message =
  | { readonly kind: 'notice'; readonly notice: Notice }
  | { readonly kind: 'alert'; readonly alert: Alert };

/** An e-mail notice or an alert: what the notice function delivers. */
export function findMessage(complaint: Complaint, messageId: string): Message | undefined {
  const notice = complaint.notices.find((n) => n.id === messageId && n.form === 'email');
  if (notice) return { kind: 'notice', notice };
  const alert = complaint.alerts.find((a) => a.id === messageId);
  return alert ? { kind: 'alert', alert } : undefined;
}

function pendingMessage(complaint: Complaint, messageId: string): Message {
  const message = findMessage(complaint, messageId);
  if (!message)
    throw new DomainError('not-found', `No e-mail ${messageId} on complaint ${complaint.id}`);
  const status = message.kind === 'notice' ? message.notice.status : message.alert.status;
  if (status !== 'pending')
    throw new DomainError('invalid-state', `E-mail ${messageId} is already ${status}`);
  return message;
}

/** The notice function records that an e-mail went out, with the provider's message id: once. */
function recordDelivered(
  { complaint, at, actor, version }: Context,
  command: CommandOf<'recordDelivered'>,
): Change {
  requireSystem(command.principal, 'records deliveries');
  const message = pendingMessage(complaint, command.messageId);
  const delivered = { sentAt: at, providerMessageId: command.providerMessageId };
  const details = { messageId: command.messageId, providerMessageId: command.providerMessageId };
  if (message.kind === 'notice') {
    const { nextAttemptAt: _next, ...notice } = message.notice;
    return {
      complaint: {
        ...complaint,
        notices: replaceById(complaint.notices, { ...notice, ...delivered, status: 'sent' }),
        version,
      },
      events: [event('notice_sent', at, actor, version, { ...details, kind: notice.kind })],
    };
  }
  const { nextAttemptAt: _next, ...alert } = message.alert;
  return {
    complaint: {
      ...complaint,
      alerts: replaceById(complaint.alerts, { ...alert, ...delivered, status: 'sent' }),
      version,
    },
    events: [event('alert_sent', at, actor, version, { ...details, kind: alert.kind })],
  };
}

/**
 * A try failed: the e-mail stays pending with its next try due at `retryAt`; without one it is
 * failed, and for a notice to an applicant the authorized body is alerted (nothing is lost silently).
 */
function recordDeliveryFailed(
  { complaint, at, actor, version }: Context,
  command: CommandOf<'recordDeliveryFailed'>,
): Change {
  requireSystem(command.principal, 'records deliveries');
  const message = pendingMessage(complaint, command.messageId);
  const before: Delivery = message.kind === 'notice' ? message.notice : message.alert;
  const attempts = (before.attempts ?? 0) + 1;
  const details = { messageId: command.messageId, attempts, reason: command.reason };
  if (command.retryAt !== null) {
    const retry = {
      attempts,
      failureReason: command.reason,
      nextAttemptAt: formatLegalInstant(command.retryAt),
    };
    const next =
      message.kind === 'notice'
        ? { ...complaint, notices: replaceById(complaint.notices, { ...message.notice, ...retry }) }
        : { ...complaint, alerts: replaceById(complaint.alerts, { ...message.alert, ...retry }) };
    return {
      complaint: { ...next, version },
      events: [
        event('delivery_attempt_failed', at, actor, version, {
          ...details,
          nextAttemptAt: retry.nextAttemptAt,
        }),
      ],
    };
  }
  return failDelivery(
    { complaint, at, actor, version },
    message,
    { attempts, failureReason: command.reason },
    details,
    command,
  );
}

/**
 * An e-mail that will not arrive: failed, and for a notice to an applicant the authorized body is
 * alerted, so that an official sends it another way (R9).
 */
function failDelivery(
  { complaint, at, actor, version }: Pick<Context, 'complaint' | 'at' | 'actor' | 'version'>,
  message: Message,
  failed: { readonly attempts: number; readonly failureReason: string },
  details: Readonly<Record<string, string | number>>,
  recipients: { readonly alertId: string; readonly authorizedBodyId: string },
): Change {
  if (message.kind === 'alert') {
    const { nextAttemptAt: _next, ...alert } = message.alert;
    return {
      complaint: {
        ...complaint,
        alerts: replaceById(complaint.alerts, { ...alert, ...failed, status: 'failed' }),
        version,
      },
      events: [event('alert_failed', at, actor, version, details)],
    };
  }
  const { nextAttemptAt: _next, ...notice } = message.notice;
  const alert = newAlert(
    recipients.alertId,
    'notice_failed',
    recipients.authorizedBodyId,
    notice.dueDate,
    notice.id,
    at,
  );
  return {
    complaint: {
      ...complaint,
      notices: replaceById(complaint.notices, { ...notice, ...failed, status: 'failed' }),
      alerts: [...complaint.alerts, alert],
      version,
    },
    events: [
      event('notice_failed', at, actor, version, {
        ...details,
        kind: notice.kind,
        alertId: alert.id,
      }),
    ],
  };
}

/**
 * SES reported a permanent bounce or a complaint for an e-mail it had accepted: the e-mail did not
 * reach its reader, so it is failed as if every try had failed (R9). Once per e-mail.
 */
function recordBounce(context: Context, command: CommandOf<'recordBounce'>): Change {
  requireSystem(command.principal, 'records bounces');
  const message = findMessage(context.complaint, command.messageId);
  if (!message)
    throw new DomainError(
      'not-found',
      `No e-mail ${command.messageId} on complaint ${context.complaint.id}`,
    );
  const delivery = message.kind === 'notice' ? message.notice : message.alert;
  if (delivery.status !== 'sent' || delivery.providerMessageId !== command.providerMessageId) {
    throw new DomainError(
      'invalid-state',
      `E-mail ${command.messageId} is ${delivery.status}, not sent as ${command.providerMessageId}`,
    );
  }
  const attempts = (delivery.attempts ?? 0) + 1;
  return failDelivery(
    context,
    message,
    { attempts, failureReason: command.reason },
    { messageId: command.messageId, attempts, reason: command.reason },
    command,
  );
}

/** R9: an official records that a paper letter went out, and how. */
function dispatchLetter(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'dispatchLetter'>,
): Change {
  requireAddresseeOfficial(command.principal, complaint, 'dispatch its letters');
  const notice = findNotice(complaint, command.noticeId);
  if (notice.form !== 'letter') {
    throw new DomainError(
      'invalid-state',
      'An e-mail notice is sent by the system, not dispatched',
    );
  }
  if (notice.status !== 'pending') {
    throw new DomainError('invalid-state', `The letter is already ${notice.status}`);
  }
  const { sentOn, method, trackingNumber } = command.request;
  if (sentOn > today || sentOn < notice.createdAt.slice(0, 10)) {
    throw validationFailed('The dispatch is not valid', [
      {
        path: 'sentOn',
        message: `must be between ${notice.createdAt.slice(0, 10)} and today (${today})`,
      },
    ]);
  }
  const updated: Notice = {
    ...notice,
    status: 'dispatched',
    dispatch: {
      sentOn,
      method,
      ...(trackingNumber === undefined ? {} : { trackingNumber }),
      by: actor,
    },
  };
  return {
    complaint: { ...complaint, notices: replaceById(complaint.notices, updated), version },
    events: [
      event('notice_dispatched', at, actor, version, {
        noticeId: notice.id,
        sentOn,
        method,
        timely: sentOn <= notice.dueDate,
      }),
    ],
  };
}

/** R12, [S6.1]: the authorized body's findings on the reasons for dissatisfaction, once. */
function recordFindings(
  { complaint, at, actor, version }: Context,
  command: CommandOf<'recordFindings'>,
): Change {
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'record findings');
  if (complaint.findings !== null) {
    throw new DomainError('invalid-state', 'Findings are already recorded on this complaint');
  }
  if (command.violationFound && command.body === null) {
    throw validationFailed('The findings are not valid', [
      {
        path: 'bodyId',
        message: 'is required when violationFound is true: the body that did not comply',
      },
    ]);
  }
  return {
    complaint: {
      ...complaint,
      findings: {
        reasons: command.reasons,
        violationFound: command.violationFound,
        bodyId: command.body?.id ?? null,
        recordedAt: at,
        recordedBy: actor,
      },
      version,
    },
    events: [
      event('findings_recorded', at, actor, version, {
        violationFound: command.violationFound,
        bodyId: command.body?.id ?? null,
      }),
    ],
  };
}

/** R12, [S6.2]: a recommendation to a body found not to comply, with a date to answer by. */
function sendRecommendation(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'sendRecommendation'>,
): Change {
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'send recommendations');
  if (complaint.findings?.violationFound !== true) {
    throw new DomainError(
      'invalid-state',
      'A recommendation follows findings of non-compliance (R12): record them first',
    );
  }
  if (!mayReceiveRecommendations(command.body.kind)) {
    throw validationFailed('The recommendation is not valid', [
      {
        path: 'bodyId',
        message: `a body of kind ${command.body.kind} does not receive recommendations (R1, [S6.2])`,
      },
    ]);
  }
  if (command.respondBy <= today) {
    throw validationFailed('The recommendation is not valid', [
      { path: 'respondBy', message: `must be after today (${today})` },
    ]);
  }
  const recommendation: Recommendation = {
    id: command.recommendationId,
    bodyId: command.body.id,
    measures: command.measures,
    respondBy: command.respondBy,
    sentAt: at,
    sentBy: actor,
    response: null,
    control: null,
  };
  return {
    complaint: {
      ...complaint,
      recommendations: [...complaint.recommendations, recommendation],
      version,
    },
    events: [
      event('recommendation_sent', at, actor, version, {
        recommendationId: recommendation.id,
        bodyId: recommendation.bodyId,
        respondBy: recommendation.respondBy,
      }),
    ],
  };
}

/** R12: the recommended body answers, once; whether it answered in time is recorded. */
function respondToRecommendation(
  { complaint, today, at, actor, version }: Context,
  command: CommandOf<'respondToRecommendation'>,
): Change {
  const recommendation = findRecommendation(complaint, command.recommendationId);
  if (command.principal.type !== 'official' || command.principal.bodyId !== recommendation.bodyId) {
    throw new DomainError('forbidden', 'Only the recommended body answers its recommendation');
  }
  if (recommendation.response !== null) {
    throw new DomainError('invalid-state', 'The recommendation is already answered');
  }
  const timely = today <= recommendation.respondBy;
  const updated: Recommendation = {
    ...recommendation,
    response: { ...command.request, respondedAt: at, respondedBy: actor, timely },
  };
  return {
    complaint: {
      ...complaint,
      recommendations: replaceById(complaint.recommendations, updated),
      version,
    },
    events: [
      event('recommendation_answered', at, actor, version, {
        recommendationId: recommendation.id,
        outcome: command.request.outcome,
        timely,
      }),
    ],
  };
}

/** R12, [S6.3]: the authorized body's control of timeliness (computed) and completeness (judged). */
function controlRecommendation(
  { complaint, at, actor, version }: Context,
  command: CommandOf<'controlRecommendation'>,
): Change {
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'control recommendations');
  const recommendation = findRecommendation(complaint, command.recommendationId);
  if (recommendation.control !== null) {
    throw new DomainError('invalid-state', 'The recommendation is already controlled');
  }
  // Timely only if the body answered by its date; no answer is never timely.
  const timely = recommendation.response?.timely ?? false;
  const updated: Recommendation = {
    ...recommendation,
    control: {
      complete: command.request.complete,
      timely,
      text: command.request.text,
      recordedAt: at,
      recordedBy: actor,
    },
  };
  return {
    complaint: {
      ...complaint,
      recommendations: replaceById(complaint.recommendations, updated),
      version,
    },
    events: [
      event('recommendation_controlled', at, actor, version, {
        recommendationId: recommendation.id,
        complete: command.request.complete,
        timely,
      }),
    ],
  };
}

export function mayReceiveRecommendations(kind: BodyKind): boolean {
  return bodyKindRules[kind].mayReceiveRecommendations;
}

/** R12: a recommendation still unanswered after its date alerts the authorized body. */
export function isRecommendationOverdue(recommendation: Recommendation, now: Instant): boolean {
  return recommendation.response === null && legalDate(now) > recommendation.respondBy;
}

function requireSystem(principal: Principal, action: string): void {
  if (principal.type !== 'system') throw new DomainError('forbidden', `Only the system ${action}`);
}

function newAlert(
  id: string,
  kind: AlertKind,
  recipient: string,
  about: IsoDate,
  subjectId: string | null,
  at: string,
): Alert {
  return {
    id,
    kind,
    recipient,
    about,
    subjectId,
    status: 'pending',
    createdAt: at,
  };
}

function raise(
  complaint: Complaint,
  alert: Alert,
  at: string,
  actor: Actor,
  version: number,
): Change {
  return {
    complaint: { ...complaint, alerts: [...complaint.alerts, alert], version },
    events: [
      event('alert_raised', at, actor, version, {
        alertId: alert.id,
        kind: alert.kind,
        about: alert.about,
        subjectId: alert.subjectId,
      }),
    ],
  };
}

function requireAddresseeOfficial(
  principal: Principal,
  complaint: Complaint,
  action: string,
): void {
  if (principal.type !== 'official' || principal.bodyId !== complaint.addressee.id) {
    throw new DomainError('forbidden', `Only an official of the addressee body may ${action}`);
  }
}

function requireAuthorizedBodyOnOwnComplaint(
  principal: Principal,
  complaint: Complaint,
  action: string,
): void {
  if (principal.type !== 'official' || !principal.authorizedBody) {
    throw new DomainError('forbidden', `Only an official of the authorized body may ${action}`);
  }
  if (complaint.addressee.kind !== 'authorized_body') {
    throw new DomainError(
      'invalid-state',
      `Only a complaint to the authorized body carries findings and recommendations (R12); this one is to ${complaint.addressee.id}`,
    );
  }
}

function newNotice(
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

function findNotice(complaint: Complaint, noticeId: string): Notice {
  const notice = complaint.notices.find((n) => n.id === noticeId);
  if (!notice)
    throw new DomainError('not-found', `No notice ${noticeId} on complaint ${complaint.id}`);
  return notice;
}

function findRecommendation(complaint: Complaint, recommendationId: string): Recommendation {
  const recommendation = complaint.recommendations.find((r) => r.id === recommendationId);
  if (!recommendation) {
    throw new DomainError(
      'not-found',
      `No recommendation ${recommendationId} on complaint ${complaint.id}`,
    );
  }
  return recommendation;
}

function replaceById<T extends { readonly id: string }>(items: readonly T[], updated: T): T[] {
  return items.map((item) => (item.id === updated.id ? updated : item));
}

function notFound(id: string): DomainError {
  return new DomainError('not-found', `No complaint ${id}`);
}

function event(
  type: HistoryEventType,
  at: string,
  actor: Actor,
  version: number,
  details: HistoryEvent['details'],
): HistoryEvent {
  return { type, at, actor, version, details };
}

/** Runs a decision, turning a domain error (including a date past the known calendar) into a value. */
function attempt(run: () => Change): Outcome {
  try {
    const { complaint, events } = run();
    return { ok: true, complaint, events };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
