/**
 * The local stand-in for Cognito: an RSA key pair kept under `.local/issuer/`, its JWKS, and ID
 * tokens with the claims Cognito gives officials (`sub`, `custom:bodyId`, `cognito:groups`).
 * Handlers verify these exactly as they verify Cognito's, only against another JWKS URL.
 */

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { authorizedBodyGroup, officialGroup } from '../../functions/lib/auth.js';

export const localIssuer = 'urn:complaint-desk:local-issuer';
export const localAudience = 'complaint-desk-local';
/**
 * The one app client of the local sign-in (`sign-in.ts`). Cognito puts the app client id in the ID
 * token's `aud` and the API checks `aud` against JWT_AUDIENCE (the client id in AWS), so locally
 * the client id is the local audience too.
 */
export const localClientId = localAudience;

export interface LocalIssuer {
  readonly jwks: { readonly keys: readonly JWK[] };
  sign(claims: OfficialClaims): Promise<string>;
  /** An access token as Cognito's hosted UI gives next to the ID token (the API reads only the latter). */
  signAccess(claims: AccessClaims): Promise<string>;
}

/**
 * Cognito's access token: no `aud` (so the API, which checks the audience, refuses it, as in AWS),
 * `client_id`, `scope` and `token_use: 'access'`.
 */
export interface AccessClaims {
  readonly sub: string;
  readonly clientId: string;
  readonly groups: readonly string[];
  readonly scope: string;
  /** Seconds; one hour unless said otherwise. */
  readonly expiresIn?: number;
}

export interface OfficialClaims {
  readonly bodyId: string;
  readonly authorizedBody?: boolean;
  readonly sub?: string;
  /** Seconds; one hour unless said otherwise. */
  readonly expiresIn?: number;
  /** Groups instead of the official ones (to test refusals). */
  readonly groups?: readonly string[];
  /** OpenID Connect's `nonce`, echoed from the authorization request when it carried one. */
  readonly nonce?: string;
}

interface StoredKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

async function newKey(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** The issuer whose key lives in `directory` (created on first use), or an in-memory one. */
export async function localIssuerAt(directory?: string): Promise<LocalIssuer> {
  let key: StoredKey;
  if (directory === undefined) {
    key = await newKey();
  } else {
    const file = path.join(directory, 'key.json');
    try {
      key = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch {
      key = await newKey();
      await mkdir(directory, { recursive: true });
      await writeFile(file, JSON.stringify(key), { mode: 0o600 });
    }
  }
  const privateKey = await importJWK(key.privateJwk, 'RS256');
  return {
    jwks: { keys: [key.publicJwk] },
    sign: ({ bodyId, authorizedBody = false, sub, expiresIn = 3600, groups, nonce }) =>
      new SignJWT({
        'custom:bodyId': bodyId,
        'cognito:groups':
          groups ?? (authorizedBody ? [officialGroup, authorizedBodyGroup] : [officialGroup]),
        token_use: 'id',
        ...(nonce === undefined ? {} : { nonce }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '' })
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setSubject(sub ?? `local-official-${bodyId}`)
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .sign(privateKey),
    signAccess: ({ sub, clientId, groups, scope, expiresIn = 3600 }) =>
      new SignJWT({
        'cognito:groups': [...groups],
        token_use: 'access',
        client_id: clientId,
        scope,
      })
        .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '' })
        .setIssuer(localIssuer)
        .setSubject(sub)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .sign(privateKey),
  };
}
