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

export interface LocalIssuer {
  readonly jwks: { readonly keys: readonly JWK[] };
  sign(claims: OfficialClaims): Promise<string>;
}

export interface OfficialClaims {
  readonly bodyId: string;
  readonly authorizedBody?: boolean;
  readonly sub?: string;
  /** Seconds; one hour unless said otherwise. */
  readonly expiresIn?: number;
  /** Groups instead of the official ones (to test refusals). */
  readonly groups?: readonly string[];
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
    sign: ({ bodyId, authorizedBody = false, sub, expiresIn = 3600, groups }) =>
      new SignJWT({
        'custom:bodyId': bodyId,
        'cognito:groups':
          groups ?? (authorizedBody ? [officialGroup, authorizedBodyGroup] : [officialGroup]),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '' })
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setSubject(sub ?? `local-official-${bodyId}`)
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .sign(privateKey),
  };
}
