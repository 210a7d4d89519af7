/**
 * Who is calling (R15). Two kinds of credential arrive as `Authorization: Bearer …`:
 * - an applicant's access token, `ap.<complaintId>.<secret>`: 256 random bits, shown once at filing
 *   and stored only as its SHA-256, compared in constant time once the complaint is read;
 * - an official's JWT (Cognito in AWS, the local issuer on a laptop), verified with jose against the
 *   configured JWKS, issuer and audience, carrying `sub`, `custom:bodyId` and `cognito:groups`.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../shared/domain/complaint.js';
import { DomainError } from '../../shared/domain/errors.js';
import type { StoredAccessToken } from '../../shared/ports.js';
import { idSchema } from '../../shared/validation/schemas.js';

export type Credentials =
  | { readonly type: 'none' }
  | { readonly type: 'applicant-token'; readonly complaintId: string; readonly token: string }
  | { readonly type: 'official'; readonly principal: Extract<Principal, { type: 'official' }> };

export interface JwtSettings {
  readonly keys: JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Credentials>;

const applicantTokenPattern = /^ap\.([A-Za-z0-9_-]{1,128})\.([A-Za-z0-9_-]{43})$/;

export const officialGroup = 'official';
export const authorizedBodyGroup = 'authorized-body';

/** A new access token for a complaint and the hash that is all the table keeps of it. */
export function newAccessToken(complaintId: string): { token: string; hash: string } {
  const token = `ap.${complaintId}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function unauthorized(detail: string): DomainError {
  return new DomainError('unauthorized', detail);
}

export function createAuthenticator(jwt: JwtSettings): Authenticate {
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { type: 'none' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (token === undefined) throw unauthorized('Use Authorization: Bearer <token>');
    const applicant = applicantTokenPattern.exec(token);
    if (applicant?.[1] !== undefined)
      return { type: 'applicant-token', complaintId: applicant[1], token };
    try {
      const { payload } = await jwtVerify(token, jwt.keys, {
        issuer: jwt.issuer,
        audience: jwt.audience,
        algorithms: ['RS256'],
      });
      const groups = payload['cognito:groups'];
      const bodyId = payload['custom:bodyId'];
      const inGroup = (group: string): boolean => Array.isArray(groups) && groups.includes(group);
      if (
        typeof payload.sub !== 'string' ||
        typeof bodyId !== 'string' ||
        !idSchema.safeParse(bodyId).success
      ) {
        throw unauthorized('The token does not name an official and their body');
      }
      if (!inGroup(officialGroup)) throw unauthorized('The token is not an official’s');
      return {
        type: 'official',
        principal: {
          type: 'official',
          sub: payload.sub,
          bodyId,
          authorizedBody: inGroup(authorizedBodyGroup),
        },
      };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof joseErrors.JOSEError) {
        throw unauthorized(
          error instanceof joseErrors.JWTExpired
            ? 'The token has expired'
            : 'The token is not valid for this API',
        );
      }
      throw error;
    }
  };
}

/**
 * The principal behind credentials, for one complaint: an applicant's token counts only for the
 * complaint it was issued for (or one forwarded from it, which keeps its hash, R16) and only if
 * its hash matches one the complaint keeps (the filing's, or one a follow-up link carried);
 * otherwise the caller is no one (R15).
 */
export function principalFor(
  credentials: Credentials,
  complaint?: { readonly id: string; readonly accessToken: StoredAccessToken | null },
): Principal {
  switch (credentials.type) {
    case 'none':
      return { type: 'anonymous' };
    case 'official':
      return credentials.principal;
    case 'applicant-token': {
      const issued = complaint?.accessToken;
      if (!complaint || !issued) return { type: 'anonymous' };
      const presented = Buffer.from(hashToken(credentials.token), 'hex');
      // Every candidate is compared, in constant time each: which one matched shows nowhere.
      let matched = false;
      for (const candidate of [issued, ...(issued.later ?? [])]) {
        if (candidate.issuedFor !== credentials.complaintId) continue;
        const stored = Buffer.from(candidate.hash, 'hex');
        const same = presented.length === stored.length && timingSafeEqual(presented, stored);
        matched = same || matched;
      }
      return matched ? { type: 'applicant', complaintId: complaint.id } : { type: 'anonymous' };
    }
  }
}

/** For routes only officials may call: no credentials is 401; an applicant's token is not enough. */
export function requireOfficial(
  credentials: Credentials,
): Extract<Principal, { type: 'official' }> {
  if (credentials.type === 'official') return credentials.principal;
  throw unauthorized('This needs an official’s token');
}
