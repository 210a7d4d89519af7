/**
 * Officials sign in with the authorization-code flow and PKCE (oauth4webapi): at Cognito's
 * managed login in AWS, at the local issuer's sign-in page under `npm start`. One code path; the
 * runtime config says where. The ID token (what the API's authorizer verifies) is kept in session
 * storage for this tab only.
 */

import * as oauth from 'oauth4webapi';
import { loadConfig, type DeskConfig } from '../config.js';

export interface Session {
  readonly idToken: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly sub: string;
  readonly bodyId: string;
  /** An official of the authorized body (the Agency). */
  readonly agency: boolean;
}

const sessionKey = 'desk.session';
const pendingKey = 'desk.sign-in';

function server({ signIn }: DeskConfig): oauth.AuthorizationServer {
  const { domain, issuer } = signIn;
  return {
    issuer,
    authorization_endpoint: `${domain}/oauth2/authorize`,
    token_endpoint: `${domain}/oauth2/token`,
  };
}

function client({ signIn }: DeskConfig): oauth.Client {
  return { client_id: signIn.clientId };
}

/**
 * Plain HTTP only for the local issuer on this machine. oauth4webapi marks its opt-in as
 * deprecated on purpose, to make it stand out; this is the one place that uses it.
 */
function requestOptions({ signIn }: DeskConfig): oauth.TokenEndpointRequestOptions {
  const { hostname, protocol } = new URL(signIn.domain);
  const local = protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost');
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above: the local issuer only
  return local ? { [oauth.allowInsecureRequests]: true } : {};
}

const redirectUri = () => `${location.origin}/desk/callback`;

export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(sessionKey);
  if (stored === null) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    if (session.expiresAt > Date.now() + 30_000) return session;
  } catch {
    // unreadable: signed out
  }
  sessionStorage.removeItem(sessionKey);
  return undefined;
}

/** Goes to the sign-in page; comes back to `/desk/callback`, then to `returnTo`. */
export async function signIn(returnTo: string): Promise<void> {
  const settings = await loadConfig();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, nonce, returnTo }));
  const url = new URL(server(settings).authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client(settings).client_id,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Finishes a sign-in on `/desk/callback`: the code for tokens; answers where to go next. */
export async function completeSignIn(): Promise<string> {
  const settings = await loadConfig();
  const pending = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  if (pending === null) throw new Error('No sign-in was started in this tab');
  const { verifier, state, nonce, returnTo } = JSON.parse(pending) as {
    verifier: string;
    state: string;
    nonce: string;
    returnTo: string;
  };
  const as = server(settings);
  const app = client(settings);
  const params = oauth.validateAuthResponse(as, app, new URL(location.href), state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    app,
    oauth.None(),
    params,
    redirectUri(),
    verifier,
    requestOptions(settings),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, app, response, {
    expectedNonce: nonce,
    requireIdToken: true,
  });
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims || result.id_token === undefined) throw new Error('No ID token');
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const session: Session = {
    idToken: result.id_token,
    expiresAt: claims.exp * 1000,
    sub: claims.sub,
    bodyId: typeof claims['custom:bodyId'] === 'string' ? claims['custom:bodyId'] : '',
    agency: groups.includes('authorized-body'),
  };
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
  // Only a path of this desk: never an address the callback's query could smuggle in.
  return returnTo.startsWith('/desk') ? returnTo : '/desk';
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(sessionKey);
  const { domain, clientId } = (await loadConfig()).signIn;
  const url = new URL(`${domain}/logout`);
  url.search = new URLSearchParams({
    client_id: clientId,
    logout_uri: `${location.origin}/`,
  }).toString();
  location.assign(url.toString());
}
