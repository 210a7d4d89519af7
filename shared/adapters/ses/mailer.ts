/**
 * Mailer on SES (`@aws-sdk/client-ses`, SendEmail): text and HTML in UTF-8. Locally the same client
 * talks to aws-ses-v2-local (`SES_ENDPOINT`, region `aws-ses-v2-local`).
 */

import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Mail, Mailer } from '../../ports.js';

export function createSesClient(endpoint = process.env.SES_ENDPOINT): SESClient {
  return new SESClient(
    endpoint
      ? {
          endpoint,
          region: 'aws-ses-v2-local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : { region: process.env.AWS_REGION ?? 'eu-central-1' },
  );
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly sender: string,
    /** The configuration set whose event destinations report bounces and complaints. */
    private readonly configurationSet?: string,
  ) {}

  async send(mail: Mail): Promise<string> {
    const result = await this.client.send(
      new SendEmailCommand({
        Source: this.sender,
        Destination: { ToAddresses: [...mail.to] },
        Message: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: mail.html, Charset: 'UTF-8' },
          },
        },
        Tags: [
          { Name: 'complaint', Value: mail.tags.complaintId },
          { Name: 'message', Value: mail.tags.messageId },
        ],
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    if (!result.MessageId) throw new Error('SES answered without a message id');
    return result.MessageId;
  }
}
