/**
 * The web desk's security headers, one definition for CloudFront's response headers policy and
 * for `npm start`, so the laptop enforces what the cloud does: a CSP with no 'unsafe-inline' (the
 * build emits no inline script or style), no framing, HTTPS remembered (in AWS), no referrer
 * leaving the desk.
 */

import { createHash } from 'node:crypto';
import { couponStyles, letterStyles } from '../shared/texts/notices.js';

/**
 * The printable letter and coupon (served by the API, printed from the desk in a window that
 * inherits the desk's CSP) carry one inline style block each: allowed by hash, nothing else is.
 */
export const printStyleHashes = [letterStyles, couponStyles].map(
  (styles) => `'sha256-${createHash('sha256').update(styles).digest('base64')}'`,
);

export interface DeskOrigins {
  /** The API's origin, when it is not the desk's own (API Gateway in AWS). */
  readonly api?: string;
  /** The sign-in domain's origin (Cognito's managed login in AWS; the desk's own locally). */
  readonly signIn?: string;
}

export function contentSecurityPolicy(origins: DeskOrigins = {}): string {
  const extra = (origin: string | undefined) => (origin === undefined ? '' : ` ${origin}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${printStyleHashes.join(' ')}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${extra(origins.api)}${extra(origins.signIn)}`,
    `form-action 'self'${extra(origins.signIn)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every answer of the desk carries (HSTS only where it is served over HTTPS). */
export function deskHeaders(origins: DeskOrigins = {}, https = false): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(https
      ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' }
      : {}),
  };
}
