/**
 * The notice function, fired by a one-time schedule for each e-mail (R9–R12, R16–R19, R24): sends
 * one pending notice to the applicant, one alert to officials, or one follow-up link asked for,
 * through SES, then records it sent with the provider's message id. A claim on the item first makes
 * a double firing send once. A failed try stays pending with its next try scheduled; after the last
 * it is failed, and a failed notice to an applicant alerts the addressee (who owes it) and the
 * authorized body (R24).
 *
 * The receipt and every link e-mail carry the web desk's follow-up link with a new access token,
 * minted here, once the e-mail is ours to send: its hash is stored before the e-mail goes out (a
 * token that exists opens its complaint), the token itself only ever goes into the e-mail. A retry
 * mints another one; the earlier, never delivered, opens the complaint too and is known to no one.
 */

import * as z from 'zod';
import { carriesFollowUpLink, followUpLink } from '../../shared/domain/access-links.js';
import { deliveryOf, findMessage, type Message } from '../../shared/domain/delivery.js';
import type { Complaint } from '../../shared/domain/complaint.js';
import type { Language } from '../../shared/localized.js';
import { accessLinkEmail, applicantEmail, officialAlertEmail } from '../../shared/texts/emails.js';
import type { Mail } from '../../shared/ports.js';
import { parseInstant, recordedInstant } from '../../shared/time/legal-time.js';
import { idSchema } from '../../shared/validation/schemas.js';
import { authorizedBodyId, createBackgroundHandler } from '../lib/background.js';
import { changeAsSystem } from '../lib/changes.js';
import { newAccessToken } from '../lib/auth.js';
import { environmentDependencies, requiredEnv, type Dependencies } from '../lib/dependencies.js';
import { textContext } from '../lib/directory.js';
import { claimLeaseMs } from '../lib/leases.js';
import { mailerFromEnvironment } from '../lib/wiring/mailer.js';

export const noticeInputSchema = z.strictObject({ complaintId: idSchema, messageId: idSchema });

/** How long an alert to officials keeps being retried before it is given up as failed. */
export const alertRetryWindowMs = 3 * 24 * 60 * 60 * 1_000;

const recordAttempts = 3;

type Needs = Pick<
  Dependencies,
  | 'repository'
  | 'directory'
  | 'mailer'
  | 'retryDelaysSeconds'
  | 'logger'
  | 'metrics'
  | 'clock'
  | 'newId'
> & {
  /** The web desk the follow-up link points to; by default `WEB_DESK_URL`. */
  readonly webDeskUrl?: () => string;
};

export type NoticeOutcome =
  | { readonly outcome: 'sent'; readonly providerMessageId: string }
  | {
      readonly outcome:
        'retry-scheduled' | 'failed' | 'nothing-to-do' | 'claimed-elsewhere' | 'not-yet-due';
    };

/** Why a send failed, in words for officials: never the provider's internals (addresses, hosts). */
export function failureReasonOf(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'MessageRejected' || name === 'MailFromDomainNotVerifiedException')
    return 'The mail service refused the message';
  if (name === 'ThrottlingException' || name === 'Throttling' || name === 'LimitExceededException')
    return 'The mail service was busy';
  if (name === 'AccountSendingPausedException' || name === 'ConfigurationSetSendingPausedException')
    return 'Sending is paused for this account';
  return 'The mail service could not be reached';
}

export function createNoticeHandler(dependencies: Needs) {
  const webDeskUrl = dependencies.webDeskUrl ?? (() => requiredEnv('WEB_DESK_URL'));

  /**
   * A follow-up link with a new access token of the complaint: the hash is kept first, so that the
   * e-mail never carries a token that does not open the complaint. Nothing of it is logged.
   */
  const mintFollowUpLink = async (complaint: Complaint, language: Language): Promise<string> => {
    const { token, hash } = newAccessToken(complaint.id);
    await dependencies.repository.addAccessToken(complaint.id, { hash, issuedFor: complaint.id });
    return followUpLink(webDeskUrl(), language, token);
  };

  /** The e-mail as it reads today: a notice sent after its due date does not claim to be in time. */
  const compose = async (
    complaint: Complaint,
    message: Message,
    now: number,
  ): Promise<Mail | undefined> => {
    const context = await textContext(dependencies.directory, now);
    if (message.kind === 'link') {
      const email = complaint.applicant.email;
      if (email === undefined) return undefined;
      const link = await mintFollowUpLink(complaint, message.link.language);
      const tags = { complaintId: complaint.id, messageId: message.link.id };
      return { to: [email], tags, ...accessLinkEmail(complaint, message.link, link) };
    }
    if (message.kind === 'notice') {
      const email = complaint.applicant.email;
      if (email === undefined) return undefined;
      const { notice } = message;
      const link = carriesFollowUpLink(notice)
        ? await mintFollowUpLink(complaint, notice.language)
        : undefined;
      const tags = { complaintId: complaint.id, messageId: notice.id };
      return { to: [email], tags, ...applicantEmail(complaint, notice, context, link) };
    }
    const body = await dependencies.directory.find(message.alert.recipient);
    const tags = { complaintId: complaint.id, messageId: message.alert.id };
    return body
      ? {
          to: [body.notificationEmail],
          tags,
          ...officialAlertEmail(complaint, message.alert, context),
        }
      : undefined;
  };

  /**
   * Records a sent e-mail, retrying what DynamoDB may throw for a moment. If it still cannot, the
   * error goes up with the e-mail claimed and pending: the one case where it may go out twice.
   */
  const recordSent = async (
    input: { complaintId: string; messageId: string },
    providerMessageId: string,
    now: number,
  ): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await changeAsSystem(
          dependencies,
          input.complaintId,
          () => ({
            type: 'recordDelivered',
            principal: { type: 'system', process: 'notice' },
            messageId: input.messageId,
            providerMessageId,
          }),
          now,
        );
        if (!recorded.changed)
          dependencies.logger.warn('Sent, but not recorded', {
            messageId: input.messageId,
            reason: recorded.reason,
          });
        return;
      } catch (error) {
        if (attempt >= recordAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  };

  /**
   * When to try again, or null to give up. An alert to officials keeps trying at the last delay for
   * days (it may be the only word of an overdue complaint); a notice to an applicant gives up after
   * the last delay, and officials are alerted to send it another way. A delay of a minute or more is
   * rounded up to a whole minute: EventBridge Scheduler fires with 60-second precision, and must not
   * fire a retry before its time.
   */
  const nextTryAt = (message: Message, attempts: number, now: number): number | null => {
    const delays = dependencies.retryDelaysSeconds;
    let delay = delays[attempts - 1];
    if (
      delay === undefined &&
      message.kind === 'alert' &&
      now - recordedInstant(message.alert.createdAt) < alertRetryWindowMs
    ) {
      delay = delays.at(-1);
    }
    if (delay === undefined) return null;
    const unit = delay >= 60 ? 60_000 : 1_000;
    return Math.ceil((now + delay * 1_000) / unit) * unit;
  };

  return createBackgroundHandler(
    noticeInputSchema,
    dependencies.logger,
    async (input): Promise<NoticeOutcome> => {
      const { repository, logger } = dependencies;
      const now = dependencies.clock();
      const stored = await repository.get(input.complaintId);
      const message = stored ? findMessage(stored.complaint, input.messageId) : undefined;
      const delivery = message === undefined ? undefined : deliveryOf(message);
      if (!stored || !message || delivery?.status !== 'pending')
        return { outcome: 'nothing-to-do' };
      // A firing for an earlier try, while the next one is not due yet: that one will come.
      const nextTry =
        delivery.nextAttemptAt === undefined ? undefined : parseInstant(delivery.nextAttemptAt);
      if (nextTry !== undefined && nextTry > now + 1_000) return { outcome: 'not-yet-due' };
      if (
        !(await repository.claimDelivery(
          input.complaintId,
          message.kind,
          input.messageId,
          now + claimLeaseMs,
          now,
        ))
      ) {
        return { outcome: 'claimed-elsewhere' };
      }
      const principal = { type: 'system', process: 'notice' } as const;
      const mail = await compose(stored.complaint, message, now);
      let failure = 'No address to send to';
      let cause: string | undefined;
      if (mail) {
        let providerMessageId: string | undefined;
        try {
          providerMessageId = await dependencies.mailer.send(mail);
        } catch (error) {
          // The record keeps a reason an official can act on. The provider's message may name the
          // address (personal data): only the error's name goes to the log.
          failure = failureReasonOf(error);
          cause = error instanceof Error ? error.name : 'unknown';
        }
        if (providerMessageId !== undefined) {
          // SES has it: whatever happens now, it is never a failed send, and is not sent again.
          await recordSent(input, providerMessageId, now);
          logger.info('E-mail sent', {
            complaintId: input.complaintId,
            messageId: input.messageId,
            providerMessageId,
          });
          dependencies.metrics.count('NoticesSent');
          return { outcome: 'sent', providerMessageId };
        }
      }
      const attempts = (delivery.attempts ?? 0) + 1;
      const retryAt = mail ? nextTryAt(message, attempts, now) : null;
      const agency = await authorizedBodyId(dependencies.directory);
      await changeAsSystem(
        dependencies,
        input.complaintId,
        () => ({
          type: 'recordDeliveryFailed',
          principal,
          messageId: input.messageId,
          reason: failure,
          retryAt,
          alertIds: [dependencies.newId(), dependencies.newId()],
          authorizedBodyId: agency,
        }),
        now,
      );
      logger.warn('E-mail not sent', {
        complaintId: input.complaintId,
        messageId: input.messageId,
        attempts,
        failure,
        cause,
        retry: retryAt !== null,
      });
      if (retryAt === null) dependencies.metrics.count('NoticesFailed');
      return { outcome: retryAt === null ? 'failed' : 'retry-scheduled' };
    },
  );
}

export const handler = createNoticeHandler(
  environmentDependencies({ mailer: mailerFromEnvironment }),
);
