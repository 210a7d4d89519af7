/**
 * Getting notices to the applicant and alerts to officials (R9, R24): e-mails sent by the system
 * with their tries, bounces, paper letters an official dispatches, and a failed e-mail notice that
 * an official delivers by other means. A follow-up link asked for (access-links.ts) is sent the
 * same way, and recorded as a notice of kind `access_link` in the history.
 */

import type { IsoDate } from '../calendar/dates.js';
import { formatLegalInstant, type Instant } from '../time/legal-time.js';
import { requireAddresseeOfficial, requireSystem } from './access.js';
import type { AccessLink, Alert, Complaint, Delivery, Notice, Principal } from './complaint.js';
import { DomainError, validationFailed } from './errors.js';
import {
  alertsTo,
  findNotice,
  newAlert,
  raise,
  replaceById,
  type Change,
  type Context,
  record,
  isAlertedAbout,
} from './records.js';
import type { DispatchMethod } from './vocabulary.js';

/** R9: a letter went out (`…/dispatch`); R24: a failed e-mail notice was delivered (`…/delivery`). */
export interface DispatchRequest {
  readonly sentOn: IsoDate;
  readonly method: DispatchMethod;
  readonly trackingNumber?: string | undefined;
}

export interface OtherDeliveryRequest {
  readonly deliveredOn: IsoDate;
  readonly method: DispatchMethod;
  readonly trackingNumber?: string | undefined;
}

/** Who is alerted when a notice to the applicant fails for good (R24). */
interface FailureRecipients {
  /** For the addressee's alert and the authorized body's. */
  readonly alertIds: readonly [string, string];
  readonly authorizedBodyId: string;
}

export type DeliveryCommand =
  | {
      /** An e-mail (notice or alert) went out. */
      readonly type: 'recordDelivered';
      readonly principal: Principal;
      readonly messageId: string;
      readonly providerMessageId: string;
    }
  | ({
      /** An e-mail did not go out: try again at `retryAt`, or give up when it is null. */
      readonly type: 'recordDeliveryFailed';
      readonly principal: Principal;
      readonly messageId: string;
      readonly reason: string;
      readonly retryAt: Instant | null;
    } & FailureRecipients)
  | ({
      /** SES reported a permanent bounce or a complaint for an e-mail it had accepted. */
      readonly type: 'recordBounce';
      readonly principal: Principal;
      readonly messageId: string;
      readonly providerMessageId: string;
      readonly reason: string;
    } & FailureRecipients)
  | {
      readonly type: 'dispatchLetter';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: DispatchRequest;
    }
  | {
      readonly type: 'recordOtherDelivery';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: OtherDeliveryRequest;
    }
  | {
      readonly type: 'alertLetterNotDispatched';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly alertId: string;
    };

type CommandOf<T extends DeliveryCommand['type']> = Extract<DeliveryCommand, { type: T }>;

export type Message =
  | { readonly kind: 'notice'; readonly notice: Notice }
  | { readonly kind: 'alert'; readonly alert: Alert }
  | { readonly kind: 'link'; readonly link: AccessLink };

/** How the history names a follow-up link e-mail: a notice to the applicant of this kind. */
export const accessLinkKind = 'access_link';

/** An e-mail notice, an alert or a follow-up link: what the notice function delivers. */
export function findMessage(complaint: Complaint, messageId: string): Message | undefined {
  const notice = complaint.notices.find((n) => n.id === messageId && n.form === 'email');
  if (notice) return { kind: 'notice', notice };
  const alert = complaint.alerts.find((a) => a.id === messageId);
  if (alert) return { kind: 'alert', alert };
  const link = complaint.accessLinks?.find((l) => l.id === messageId);
  return link ? { kind: 'link', link } : undefined;
}

/** The e-mail's record: its status, tries and outcome. */
export function deliveryOf(message: Message): Notice | Alert | AccessLink {
  switch (message.kind) {
    case 'notice':
      return message.notice;
    case 'alert':
      return message.alert;
    case 'link':
      return message.link;
  }
}

function pendingMessage(complaint: Complaint, messageId: string): Message {
  const message = findMessage(complaint, messageId);
  if (!message)
    throw new DomainError('not-found', `No e-mail ${messageId} on complaint ${complaint.id}`);
  const status = deliveryOf(message).status;
  if (status !== 'pending')
    throw new DomainError('invalid-state', `E-mail ${messageId} is already ${status}`);
  return message;
}

/** How an e-mail's record changes: a try, its outcome. */
type DeliveryUpdate = Omit<Delivery, 'nextAttemptAt'> & {
  readonly nextAttemptAt?: string;
  readonly status?: 'sent' | 'failed';
};

/** A delivery without its next try: settled, sent or failed. */
function settled<T extends Delivery>(delivery: T): Omit<T, 'nextAttemptAt'> {
  const { nextAttemptAt: _next, ...rest } = delivery;
  return rest;
}

/**
 * The complaint's notices, alerts or links with this e-mail updated; a settled one (sent, failed)
 * keeps no next try.
 */
function updated(
  complaint: Complaint,
  message: Message,
  update: DeliveryUpdate,
): Pick<Complaint, 'notices'> | Pick<Complaint, 'alerts'> | Pick<Complaint, 'accessLinks'> {
  const settle = update.status !== undefined;
  switch (message.kind) {
    case 'notice': {
      const notice = settle ? settled(message.notice) : message.notice;
      return { notices: replaceById(complaint.notices, { ...notice, ...update }) };
    }
    case 'alert': {
      const alert = settle ? settled(message.alert) : message.alert;
      return { alerts: replaceById(complaint.alerts, { ...alert, ...update }) };
    }
    case 'link': {
      const link = settle ? settled(message.link) : message.link;
      return { accessLinks: replaceById(complaint.accessLinks ?? [], { ...link, ...update }) };
    }
  }
}

const kindOf = (message: Message): string => {
  switch (message.kind) {
    case 'notice':
      return message.notice.kind;
    case 'alert':
      return message.alert.kind;
    case 'link':
      return accessLinkKind;
  }
};

/** The notice function records that an e-mail went out, with the provider's message id: once. */
export function recordDelivered(context: Context, command: CommandOf<'recordDelivered'>): Change {
  const { complaint, at } = context;
  requireSystem(command.principal, 'records deliveries');
  const message = pendingMessage(complaint, command.messageId);
  return record(
    context,
    updated(complaint, message, {
      sentAt: at,
      providerMessageId: command.providerMessageId,
      status: 'sent',
    }),
    message.kind === 'alert' ? 'alert_sent' : 'notice_sent',
    {
      messageId: command.messageId,
      providerMessageId: command.providerMessageId,
      kind: kindOf(message),
    },
  );
}

/**
 * A try failed: the e-mail stays pending with its next try due at `retryAt`; without one it is
 * failed, and for a notice to an applicant its owers are alerted (nothing is lost silently).
 */
export function recordDeliveryFailed(
  context: Context,
  command: CommandOf<'recordDeliveryFailed'>,
): Change {
  const { complaint } = context;
  requireSystem(command.principal, 'records deliveries');
  const message = pendingMessage(complaint, command.messageId);
  const before: Delivery = deliveryOf(message);
  const attempts = (before.attempts ?? 0) + 1;
  const details = { messageId: command.messageId, attempts, reason: command.reason };
  if (command.retryAt !== null) {
    const nextAttemptAt = formatLegalInstant(command.retryAt);
    return record(
      context,
      updated(complaint, message, { attempts, failureReason: command.reason, nextAttemptAt }),
      'delivery_attempt_failed',
      { ...details, nextAttemptAt },
    );
  }
  return failDelivery(
    context,
    message,
    { attempts, failureReason: command.reason },
    details,
    command,
  );
}

/**
 * An e-mail that will not arrive: failed. For a notice to an applicant, the addressee's officials
 * (who owe it, [S8]) and the authorized body are alerted, so that it is delivered another way (R24).
 * A follow-up link is owed by nobody (the applicant may ask again): it is failed, and no one alerted.
 */
function failDelivery(
  context: Context,
  message: Message,
  failed: { readonly attempts: number; readonly failureReason: string },
  details: Readonly<Record<string, string | number>>,
  recipients: FailureRecipients,
): Change {
  const { complaint, at } = context;
  const failedRecord = updated(complaint, message, { ...failed, status: 'failed' });
  if (message.kind === 'alert') return record(context, failedRecord, 'alert_failed', details);
  if (message.kind === 'link') {
    return record(context, failedRecord, 'notice_failed', { ...details, kind: accessLinkKind });
  }
  const { notice } = message;
  const alerts = alertsTo(
    [complaint.addressee.id, recipients.authorizedBodyId],
    recipients.alertIds,
    (id, recipient) => newAlert(id, 'notice_failed', recipient, notice.dueDate, notice.id, at),
  );
  return record(
    context,
    { ...failedRecord, alerts: [...complaint.alerts, ...alerts] },
    'notice_failed',
    {
      ...details,
      kind: notice.kind,
      alertIds: alerts.map((a) => a.id).join(','),
    },
  );
}

/**
 * SES reported a permanent bounce or a complaint for an e-mail it had accepted: the e-mail did not
 * reach its reader, so it is failed as if every try had failed (R24). Once per e-mail.
 */
export function recordBounce(context: Context, command: CommandOf<'recordBounce'>): Change {
  requireSystem(command.principal, 'records bounces');
  const message = findMessage(context.complaint, command.messageId);
  if (!message)
    throw new DomainError(
      'not-found',
      `No e-mail ${command.messageId} on complaint ${context.complaint.id}`,
    );
  const delivery = deliveryOf(message);
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

/** A date an official gives for a delivery: not before the notice existed, not after today. */
function requireDeliveryDate(notice: Notice, date: IsoDate, today: IsoDate, path: string): void {
  const created = notice.createdAt.slice(0, 10);
  if (date > today || date < created) {
    throw validationFailed('The delivery is not valid', [
      { path, message: `must be between ${created} and today (${today})` },
    ]);
  }
}

/** R9: an official records that a paper letter went out, and how. */
export function dispatchLetter(context: Context, command: CommandOf<'dispatchLetter'>): Change {
  const { complaint, today, actor } = context;
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
  requireDeliveryDate(notice, sentOn, today, 'sentOn');
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
  return record(
    context,
    { notices: replaceById(complaint.notices, updated) },
    'notice_dispatched',
    {
      noticeId: notice.id,
      sentOn,
      method,
      timely: sentOn <= notice.dueDate,
    },
  );
}

/**
 * R24: an e-mail notice that failed for good was delivered by other means (post, courier, in
 * person): that satisfies the notice, and whether it was within its term is recorded.
 */
export function recordOtherDelivery(
  context: Context,
  command: CommandOf<'recordOtherDelivery'>,
): Change {
  const { complaint, today, actor } = context;
  requireAddresseeOfficial(command.principal, complaint, 'record how its notices were delivered');
  const notice = findNotice(complaint, command.noticeId);
  if (notice.form !== 'email' || notice.status !== 'failed') {
    throw new DomainError(
      'invalid-state',
      notice.form === 'email'
        ? `The notice is ${notice.status}, not failed: only a failed e-mail is delivered another way (R24)`
        : 'A letter is marked dispatched (…/dispatch), not delivered another way',
    );
  }
  const { deliveredOn, method, trackingNumber } = command.request;
  requireDeliveryDate(notice, deliveredOn, today, 'deliveredOn');
  const timely = deliveredOn <= notice.dueDate;
  const updated: Notice = {
    ...notice,
    status: 'delivered_otherwise',
    otherDelivery: {
      deliveredOn,
      method,
      ...(trackingNumber === undefined ? {} : { trackingNumber }),
      by: actor,
      timely,
    },
  };
  return record(
    context,
    { notices: replaceById(complaint.notices, updated) },
    'notice_delivered_otherwise',
    {
      noticeId: notice.id,
      kind: notice.kind,
      deliveredOn,
      method,
      timely,
    },
  );
}

/** R9: a letter not dispatched within its 3 working days alerts the addressee, once. */
export function alertLetterNotDispatched(
  context: Context,
  command: CommandOf<'alertLetterNotDispatched'>,
): Change {
  const { complaint, today, at } = context;
  requireSystem(command.principal, 'watches letters');
  const notice = findNotice(complaint, command.noticeId);
  const alerted = isAlertedAbout(complaint, notice.id);
  if (
    notice.form !== 'letter' ||
    notice.status !== 'pending' ||
    today <= notice.dueDate ||
    alerted
  ) {
    throw new DomainError('invalid-state', `Letter ${notice.id} needs no alert`);
  }
  return raise(
    context,
    newAlert(
      command.alertId,
      'letter_not_dispatched',
      complaint.addressee.id,
      notice.dueDate,
      notice.id,
      at,
    ),
  );
}
