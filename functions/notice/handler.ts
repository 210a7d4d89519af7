/**
 * The notice function, fired by a one-time schedule for each e-mail (R9, R10, R11, R12): sends one
 * pending notice to the applicant, or one alert to officials, through SES, then records it sent
 * with the provider's message id. A claim on the item first makes a double firing send once. A
 * failed try stays pending with its next try scheduled; after the last it is failed, and a failed
 * notice to an applicant alerts the authorized body.
 */

import * as z from 'zod';
import { findMessage, type Message } from '../../shared/domain/lifecycle.js';
import type { Complaint } from '../../shared/domain/complaint.js';
import { applicantEmail, officialAlertEmail } from '../../shared/texts/emails.js';
import type { Mail } from '../../shared/ports.js';
import { parseInstant } from '../../shared/time/legal-time.js';
import { idSchema } from '../../shared/validation/schemas.js';
import { authorizedBodyId, createBackgroundHandler } from '../lib/background.js';
import { changeAsSystem } from '../lib/changes.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';
import { mailerFromEnvironment } from '../lib/wiring/mailer.js';

export const noticeInputSchema = z.strictObject({ complaintId: idSchema, messageId: idSchema });

/** How long a claim holds: longer than a send takes, short enough to retry soon after a crash. */
export const claimLeaseMs = 60_000;

type Needs = Pick<
  Dependencies,
  | 'repository'
  | 'directory'
  | 'scheduler'
  | 'mailer'
  | 'retryDelaysSeconds'
  | 'logger'
  | 'metrics'
  | 'clock'
  | 'newId'
>;

export type NoticeOutcome =
  | { readonly outcome: 'sent'; readonly providerMessageId: string }
  | {
      readonly outcome:
        'retry-scheduled' | 'failed' | 'nothing-to-do' | 'claimed-elsewhere' | 'not-yet-due';
    };

export function createNoticeHandler(dependencies: Needs) {
  const compose = async (complaint: Complaint, message: Message): Promise<Mail | undefined> => {
    if (message.kind === 'notice') {
      const email = complaint.applicant.email;
      const tags = { complaintId: complaint.id, messageId: message.notice.id };
      return email === undefined
        ? undefined
        : { to: [email], tags, ...applicantEmail(complaint, message.notice) };
    }
    const body = await dependencies.directory.find(message.alert.recipient);
    const tags = { complaintId: complaint.id, messageId: message.alert.id };
    return body
      ? { to: [body.notificationEmail], tags, ...officialAlertEmail(complaint, message.alert) }
      : undefined;
  };

  return createBackgroundHandler(
    noticeInputSchema,
    dependencies.logger,
    async (input): Promise<NoticeOutcome> => {
      const { repository, logger } = dependencies;
      const now = dependencies.clock();
      const stored = await repository.get(input.complaintId);
      const message = stored ? findMessage(stored.complaint, input.messageId) : undefined;
      const delivery = message?.kind === 'notice' ? message.notice : message?.alert;
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
      const mail = await compose(stored.complaint, message);
      let failure: string;
      if (mail) {
        try {
          const providerMessageId = await dependencies.mailer.send(mail);
          const recorded = await changeAsSystem(
            dependencies,
            input.complaintId,
            () => ({
              type: 'recordDelivered',
              principal,
              messageId: input.messageId,
              providerMessageId,
            }),
            now,
          );
          if (!recorded.changed)
            logger.warn('Sent, but not recorded', {
              messageId: input.messageId,
              reason: recorded.reason,
            });
          logger.info('E-mail sent', {
            complaintId: input.complaintId,
            messageId: input.messageId,
            providerMessageId,
          });
          dependencies.metrics.count('NoticesSent');
          return { outcome: 'sent', providerMessageId };
        } catch (error) {
          failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      } else {
        failure = 'No address to send to';
      }
      const attempts = (delivery.attempts ?? 0) + 1;
      const delay = mail ? dependencies.retryDelaysSeconds[attempts - 1] : undefined;
      const retryAt = delay === undefined ? null : now + delay * 1000;
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
          alertId: dependencies.newId(),
          authorizedBodyId: agency,
        }),
        now,
      );
      logger.warn('E-mail not sent', {
        complaintId: input.complaintId,
        messageId: input.messageId,
        attempts,
        failure,
        retry: retryAt !== null,
      });
      if (retryAt === null) dependencies.metrics.count('NoticesFailed');
      return { outcome: retryAt === null ? 'failed' : 'retry-scheduled' };
    },
  );
}

export const handler = createNoticeHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment, mailer: mailerFromEnvironment }),
);
