/** E-mail through SES (locally, aws-ses-v2-local at SES_ENDPOINT). */

import { createSesClient, SesMailer } from '../../../shared/adapters/ses/mailer.js';
import type { Mailer } from '../../../shared/ports.js';
import { requiredEnv } from '../dependencies.js';
import { traced } from './tracing.js';

export function mailerFromEnvironment(): Mailer {
  return new SesMailer(
    traced(createSesClient()),
    requiredEnv('SENDER_EMAIL'),
    process.env.SES_CONFIGURATION_SET || undefined,
  );
}
