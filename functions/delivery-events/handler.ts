/**
 * SES's bounce and complaint events (a configuration set publishes them to SNS): an e-mail SES had
 * accepted did not reach its reader, so its notice is marked failed and the addressee (who owes it)
 * and the authorized body are alerted, so that it is delivered another way (R24). The e-mail's tags name its complaint and message.
 */

import * as z from 'zod';
import { changeAsSystem } from '../lib/changes.js';
import { authorizedBodyId, createBackgroundHandler } from '../lib/background.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';

const snsEventSchema = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })).min(1),
});

const tag = z.array(z.string()).min(1);

/** The parts of an SES event this function reads; SES sends more. */
const sesEventSchema = z.object({
  eventType: z.string(),
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional() }).optional(),
  complaint: z.object({ complaintFeedbackType: z.string().optional() }).optional(),
  reject: z.object({ reason: z.string().optional() }).optional(),
  mail: z.object({
    messageId: z.string(),
    tags: z.object({ complaint: tag, message: tag }).loose(),
  }),
});

type SesEvent = z.output<typeof sesEventSchema>;

/** Why the e-mail failed, or undefined when the event is no failure (a transient bounce retries). */
export function failureOf(event: SesEvent): string | undefined {
  switch (event.eventType) {
    case 'Bounce':
      return event.bounce?.bounceType === 'Permanent'
        ? `Bounced: ${event.bounce.bounceSubType ?? 'General'}`
        : undefined;
    case 'Complaint':
      return `Marked as spam by the recipient: ${event.complaint?.complaintFeedbackType ?? 'unspecified'}`;
    case 'Reject':
      return `Rejected by SES: ${event.reject?.reason ?? 'unspecified'}`;
    default:
      return undefined;
  }
}

type Needs = Pick<
  Dependencies,
  'repository' | 'directory' | 'logger' | 'metrics' | 'clock' | 'newId'
>;

export interface DeliveryEventsOutcome {
  readonly failed: number;
  readonly ignored: number;
}

export function createDeliveryEventsHandler(dependencies: Needs) {
  return createBackgroundHandler(
    snsEventSchema,
    dependencies.logger,
    async (input): Promise<DeliveryEventsOutcome> => {
      const { logger } = dependencies;
      let failed = 0;
      let ignored = 0;
      for (const record of input.Records) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(record.Sns.Message);
        } catch {
          parsed = undefined;
        }
        const event = sesEventSchema.safeParse(parsed);
        const reason = event.success ? failureOf(event.data) : undefined;
        if (!event.success || reason === undefined) {
          // Not ours (no tags), or not a failure: nothing to record.
          ignored++;
          continue;
        }
        const { mail } = event.data;
        const complaintId = mail.tags.complaint[0] ?? '';
        const messageId = mail.tags.message[0] ?? '';
        const agency = await authorizedBodyId(dependencies.directory);
        const result = await changeAsSystem(
          dependencies,
          complaintId,
          () => ({
            type: 'recordBounce',
            principal: { type: 'system', process: 'delivery-events' },
            messageId,
            providerMessageId: mail.messageId,
            reason,
            alertIds: [dependencies.newId(), dependencies.newId()],
            authorizedBodyId: agency,
          }),
          dependencies.clock(),
        );
        if (result.changed) {
          failed++;
          dependencies.metrics.count('NoticesFailed');
          logger.warn('E-mail bounced', { complaintId, messageId, reason });
        } else {
          // A repeated event (SNS delivers at least once), or an e-mail already failed.
          ignored++;
          logger.info('Bounce changes nothing', { complaintId, messageId, reason: result.reason });
        }
      }
      return { failed, ignored };
    },
  );
}

export const handler = createDeliveryEventsHandler(environmentDependencies());
