/** Officials' tokens: verified against the published signing keys (Cognito, or the local issuer). */

import { createRemoteJWKSet } from 'jose';
import { createAuthenticator, type Authenticate } from '../auth.js';
import { requiredEnv } from '../dependencies.js';

export function authenticatorFromEnvironment(): Authenticate {
  return createAuthenticator({
    keys: createRemoteJWKSet(new URL(requiredEnv('JWKS_URL'))),
    issuer: requiredEnv('JWT_ISSUER'),
    audience: requiredEnv('JWT_AUDIENCE'),
  });
}
