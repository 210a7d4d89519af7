/**
 * The local SES keeps the latest e-mails, not every one it was ever sent: `GET /store` and the
 * viewer still show what came last.
 */

import { SendEmailCommand } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.js';
import { receivedEmails, startLocalSes } from '../../infra/local/ses.js';
import { createSesClient } from '../../shared/adapters/ses/mailer.js';

describe('the local SES', () => {
  it('keeps only the latest `keep` e-mails; the store and the viewer still answer', async () => {
    const ses = await startLocalSes(await freePort(), { keep: 3, trimEveryMs: 20 });
    const client = createSesClient(ses.url);
    try {
      const to = `keep-${String(Date.now())}@example.kz`;
      for (let i = 1; i <= 5; i++) {
        await client.send(
          new SendEmailCommand({
            Source: 'complaints@notify.complaints.example',
            Destination: { ToAddresses: [to] },
            Message: { Subject: { Data: `message ${String(i)}` }, Body: { Text: { Data: 'x' } } },
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const kept = (await receivedEmails(ses.url)).filter((email) =>
        email.destination.to.includes(to),
      );
      expect(kept.map((email) => email.subject)).toEqual(['message 3', 'message 4', 'message 5']);
      expect((await fetch(ses.url)).status).toBe(200);
    } finally {
      client.destroy();
      await ses.close();
    }
  });
});
