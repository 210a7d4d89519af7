/**
 * The local stand-in for the Cognito user pool's managed login: the same endpoints and parameters
 * (`/oauth2/authorize`, `/oauth2/token`, `/oauth2/revoke`, `/logout`) with the authorization-code
 * grant and PKCE (S256), so the web desk has one code path and only the base URL differs. Instead
 * of a password, the sign-in page asks which body the official belongs to and whether they are an
 * Agency official; the tokens are the local issuer's. Codes and refresh tokens live in memory: a
 * restart invalidates them. Never deployed (nothing outside `infra/local/` imports it).
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizedBodyGroup, officialGroup } from '../../functions/lib/auth.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import type { Body, BodyKind } from '../../shared/domain/bodies.js';
// Everything the page echoes goes through it: text and attribute values alike.
import { escapeHtml } from '../../shared/texts/notices.js';
import type { LocalPage } from './api-server.js';
import { localClientId, type LocalIssuer } from './issuer.js';

export const signInPaths = {
  authorize: '/oauth2/authorize',
  token: '/oauth2/token',
  revoke: '/oauth2/revoke',
  logout: '/logout',
  stylesheet: '/local/sign-in.css',
} as const;

/** An authorization code is good for this long, once. */
export const codeLifetimeMs = 5 * 60_000;
/** The ID and access tokens' lifetime, as the user pool client's (one hour). */
export const tokenLifetimeSeconds = 3600;
/** The refresh token's lifetime, as the user pool client's (one day). */
export const refreshLifetimeMs = 24 * 3600_000;

export interface SignInOptions {
  readonly issuer: LocalIssuer;
  /**
   * Origins (`http://127.0.0.1:3000`) whose URLs may be a `redirect_uri` or `logout_uri`, and which
   * the token endpoint answers CORS for. Any path on them is allowed (Cognito wants exact URLs; the
   * local desk's routes are not fixed yet).
   */
  readonly allowedRedirectOrigins: readonly string[];
  /** The clock codes and refresh tokens expire by (milliseconds); tests move it. */
  readonly now?: () => number;
}

/** The scopes the user pool client would allow; `openid` must be among those asked for. */
const knownScopes = new Set(['openid', 'email', 'profile', 'aws.cognito.signin.user.admin']);
/** RFC 6749's VSCHAR, for `state` and `nonce`: printable ASCII, bounded. */
const visibleText = /^[\x20-\x7E]{1,1024}$/;
/** A S256 challenge: base64url of a SHA-256, no padding (RFC 7636). */
const s256Challenge = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636's code_verifier. */
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;
const maxFormBytes = 16 * 1024;
/** The sign-in form's own fields, apart from the authorization request's. */
const formFields = new Set(['role', 'body_id']);

interface AuthorizationRequest {
  readonly redirectUri: string;
  readonly state: string;
  readonly challenge: string;
  readonly scope: string;
  readonly nonce: string | undefined;
  /** Every parameter as received, carried through the form in hidden fields. */
  readonly parameters: ReadonlyMap<string, string>;
}

interface Grant {
  readonly clientId: string;
  readonly bodyId: string;
  readonly authorizedBody: boolean;
  readonly scope: string;
  readonly expiresAt: number;
}

interface IssuedCode extends Grant {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | undefined;
}

/** Why an authorization request fails: shown on a page (no trusted redirect), or redirected. */
type AuthorizationFailure =
  | { readonly kind: 'page'; readonly error: string; readonly description: string }
  | {
      readonly kind: 'redirect';
      readonly redirectUri: string;
      readonly error: string;
      readonly description: string;
      readonly state: string | undefined;
    };

type TokenAnswer =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly error: OAuthError; readonly description: string };

type OAuthError = 'invalid_request' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_client';

const kindNames: Readonly<Record<BodyKind, { readonly kk: string; readonly ru: string }>> = {
  authorized_body: { kk: 'Уәкілетті орган', ru: 'Уполномоченный орган' },
  central_state_body: {
    kk: 'Орталық мемлекеттік органдар',
    ru: 'Центральные государственные органы',
  },
  local_executive_body: { kk: 'Жергілікті атқарушы органдар', ru: 'Местные исполнительные органы' },
  akim: { kk: 'Әкімдер', ru: 'Акимы' },
  service_provider: { kk: 'Көрсетілетін қызметті берушілер', ru: 'Услугодатели' },
  public_service_center: {
    kk: 'Халыққа қызмет көрсету орталықтары',
    ru: 'Центры обслуживания населения',
  },
};

const stylesheet = `:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: #f4f6f8; color: #1b1f24; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff;
  border: 1px solid #d0d7de; border-radius: 8px; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.subtitle { margin: 0 0 1.5rem; color: #57606a; }
fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 1rem; padding: .75rem 1rem; }
legend, label.field { font-weight: 600; }
label.field { display: block; margin: 0 0 .25rem; }
.choice { margin: .25rem 0; }
.hint, .return { color: #57606a; font-size: .9rem; }
.hint { display: block; margin-top: .25rem; }
.return { overflow-wrap: anywhere; }
select { width: 100%; max-width: 100%; padding: .4rem; font: inherit; }
button { margin-top: 1rem; padding: .5rem 1.25rem; font: inherit; font-weight: 600; color: #fff;
  background: #0b5cad; border: 0; border-radius: 6px; cursor: pointer; }
button:hover { background: #084a8c; }
:focus-visible { outline: 3px solid #bf5700; outline-offset: 2px; }
.error { padding: .75rem 1rem; border-left: 4px solid #b3261e; background: #fdecea; }
`;

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The parameters, each once (RFC 6749 §3.1: a repeated parameter is an invalid request). */
function singleValued(parameters: URLSearchParams): Map<string, string> | undefined {
  const values = new Map<string, string>();
  for (const [name, value] of parameters) {
    if (values.has(name)) return undefined;
    values.set(name, value);
  }
  return values;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the answer can still be written on the connection.
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size <= maxFormBytes) chunks.push(buffer);
  }
  return size > maxFormBytes
    ? undefined
    : new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function isForm(request: IncomingMessage): boolean {
  return /^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers['content-type'] ?? '');
}

function sortedBodies(bodies: readonly Body[]): Map<BodyKind, Body[]> {
  const groups = new Map<BodyKind, Body[]>();
  for (const kind of Object.keys(kindNames) as BodyKind[]) groups.set(kind, []);
  for (const body of bodies) groups.get(body.kind)?.push(body);
  for (const list of groups.values()) list.sort((a, b) => a.name.kk.localeCompare(b.name.kk, 'kk'));
  return groups;
}

export function signInPages(options: SignInOptions): LocalPage {
  const now = options.now ?? Date.now;
  const allowedOrigins = new Set(
    options.allowedRedirectOrigins.map((origin) => new URL(origin).origin),
  );
  const agency = bodyDirectory.find((body) => body.kind === 'authorized_body');
  if (!agency) throw new Error('The body directory has no authorized body');
  const bodiesById = new Map(bodyDirectory.map((body) => [body.id, body]));
  const grouped = sortedBodies(bodyDirectory);
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, Grant>();

  /** An allowed redirect or logout URL, or undefined: the origin is on the list, no fragment, no user. */
  const allowedUrl = (value: string | undefined): URL | undefined => {
    if (value === undefined || value.includes('#')) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    if (url.username !== '' || url.password !== '') return undefined;
    return allowedOrigins.has(url.origin) ? url : undefined;
  };

  const forget = (store: Map<string, { readonly expiresAt: number }>): void => {
    const at = now();
    for (const [key, entry] of store) if (entry.expiresAt < at) store.delete(key);
  };

  const checkAuthorization = (
    received: URLSearchParams,
  ): AuthorizationRequest | AuthorizationFailure => {
    const parameters = singleValued(received);
    if (!parameters) {
      return { kind: 'page', error: 'invalid_request', description: 'A parameter is repeated.' };
    }
    if (parameters.get('client_id') !== localClientId) {
      return { kind: 'page', error: 'invalid_client', description: 'Unknown client_id.' };
    }
    const redirectUri = parameters.get('redirect_uri');
    if (redirectUri === undefined || !allowedUrl(redirectUri)) {
      return {
        kind: 'page',
        error: 'redirect_mismatch',
        description: 'The redirect_uri is not one this client may use.',
      };
    }
    const rawState = parameters.get('state');
    const state = rawState !== undefined && visibleText.test(rawState) ? rawState : undefined;
    const refuse = (error: string, description: string): AuthorizationFailure => ({
      kind: 'redirect',
      redirectUri,
      error,
      description,
      state,
    });
    const responseType = parameters.get('response_type');
    if (responseType === undefined) return refuse('invalid_request', 'response_type is missing.');
    if (responseType !== 'code') {
      return refuse('unsupported_response_type', 'Only response_type=code is supported.');
    }
    if (state === undefined) return refuse('invalid_request', 'state is missing or not valid.');
    if (parameters.get('code_challenge_method') !== 'S256') {
      return refuse('invalid_request', 'PKCE with code_challenge_method=S256 is required.');
    }
    const challenge = parameters.get('code_challenge');
    if (challenge === undefined || !s256Challenge.test(challenge)) {
      return refuse('invalid_request', 'code_challenge is missing or not an S256 challenge.');
    }
    const scopes = (parameters.get('scope') ?? 'openid').split(' ').filter((s) => s !== '');
    if (!scopes.includes('openid') || scopes.some((scope) => !knownScopes.has(scope))) {
      return refuse('invalid_scope', 'The scope must include openid and only known scopes.');
    }
    const nonce = parameters.get('nonce');
    if (nonce !== undefined && !visibleText.test(nonce)) {
      return refuse('invalid_request', 'nonce is not valid.');
    }
    return { redirectUri, state, challenge, scope: scopes.join(' '), nonce, parameters };
  };

  const writeHtml = (
    response: ServerResponse,
    status: number,
    html: string,
    formTarget?: string,
  ): void => {
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // No inline script or style anywhere: the page must pass the desk's own CSP as it is.
      'content-security-policy': [
        "default-src 'none'",
        "style-src 'self'",
        `form-action ${formTarget === undefined ? "'none'" : `'self' ${formTarget}`}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // Not no-referrer: with it a browser posts the form with `Origin: null`, which the CSRF check refuses.
      'referrer-policy': 'same-origin',
    });
    response.end(html);
  };

  const layout = (title: string, content: string): string => `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${signInPaths.stylesheet}">
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;

  const errorPage = (
    response: ServerResponse,
    status: number,
    error: string,
    description: string,
  ) => {
    writeHtml(
      response,
      status,
      layout(
        'Қате · Ошибка',
        `<h1>Қате <span lang="ru">/ Ошибка</span></h1>
<p class="subtitle" lang="en">The sign-in request cannot be served.</p>
<p class="error" role="alert"><code>${escapeHtml(error)}</code>: <span lang="en">${escapeHtml(description)}</span></p>`,
      ),
    );
  };

  const signInPage = (
    response: ServerResponse,
    request: AuthorizationRequest,
    status: number,
    problem?: string,
  ): void => {
    const hidden = [...request.parameters]
      .filter(([name]) => !formFields.has(name))
      .map(
        ([name, value]) =>
          `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
      )
      .join('\n');
    const groups = [...grouped]
      .filter(([, bodies]) => bodies.length > 0)
      .map(
        ([kind, bodies]) =>
          `<optgroup label="${escapeHtml(`${kindNames[kind].kk} / ${kindNames[kind].ru}`)}">
${bodies
  .map(
    (body) =>
      `<option value="${escapeHtml(body.id)}">${escapeHtml(`${body.name.kk} — ${body.name.ru}`)}</option>`,
  )
  .join('\n')}
</optgroup>`,
      )
      .join('\n');
    const returnOrigin = new URL(request.redirectUri).origin;
    writeHtml(
      response,
      status,
      layout(
        'Кіру · Вход',
        `<h1>Лауазымды тұлғаның кіруі <span lang="ru">/ Вход должностного лица</span></h1>
<p class="subtitle" lang="en">Official sign-in: the local issuer of npm start, no password (never deployed)</p>
${problem === undefined ? '' : `<p class="error" role="alert">${escapeHtml(problem)}</p>\n`}<form method="post" action="${signInPaths.authorize}">
${hidden}
<fieldset>
<legend>Рөл <span lang="ru">/ Роль</span> <span lang="en">(role)</span></legend>
<div class="choice"><input type="radio" id="role-body" name="role" value="body" checked>
<label for="role-body">Төменде таңдалған органның лауазымды тұлғасы <span lang="ru">/ Должностное лицо органа, выбранного ниже</span></label></div>
<div class="choice"><input type="radio" id="role-agency" name="role" value="agency">
<label for="role-agency">Агенттіктің лауазымды тұлғасы, уәкілетті орган <span lang="ru">/ Должностное лицо Агентства, уполномоченный орган</span></label></div>
</fieldset>
<p>
<label class="field" for="body">Орган <span lang="en">(body)</span></label>
<select id="body" name="body_id" aria-describedby="body-hint">
<option value="">— Таңдаңыз / Выберите —</option>
${groups}
</select>
<span class="hint" id="body-hint">Агенттік үшін ескерілмейді. <span lang="ru">Для Агентства не учитывается.</span></span>
</p>
<p class="return">Қайту <span lang="ru">/ Возврат</span>: <code>${escapeHtml(request.redirectUri)}</code></p>
<button type="submit">Кіру <span lang="ru">/ Войти</span></button>
</form>`,
      ),
      returnOrigin,
    );
  };

  const redirect = (response: ServerResponse, location: URL): void => {
    response.writeHead(302, { location: location.href, 'cache-control': 'no-store' });
    response.end();
  };

  const answerAuthorizationFailure = (
    response: ServerResponse,
    failure: AuthorizationFailure,
  ): void => {
    if (failure.kind === 'page') {
      errorPage(response, 400, failure.error, failure.description);
      return;
    }
    const location = new URL(failure.redirectUri);
    location.searchParams.set('error', failure.error);
    location.searchParams.set('error_description', failure.description);
    if (failure.state !== undefined) location.searchParams.set('state', failure.state);
    redirect(response, location);
  };

  const authorize = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> => {
    if (request.method === 'GET') {
      const checked = checkAuthorization(url.searchParams);
      if ('kind' in checked) answerAuthorizationFailure(response, checked);
      else signInPage(response, checked, 200);
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'GET, POST');
      errorPage(response, 405, 'invalid_request', 'Use GET or POST.');
      return;
    }
    // A form posted from another site (login CSRF) is refused; browsers always send Origin on POST.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) {
      await readForm(request);
      errorPage(response, 403, 'invalid_request', 'The form was posted from another origin.');
      return;
    }
    const form = isForm(request) ? await readForm(request) : undefined;
    if (!form) {
      errorPage(response, 400, 'invalid_request', 'Post the sign-in form.');
      return;
    }
    const fields = singleValued(form);
    if (!fields) {
      errorPage(response, 400, 'invalid_request', 'A parameter is repeated.');
      return;
    }
    const role = fields.get('role');
    const bodyId = fields.get('body_id');
    const authorization = new URLSearchParams(
      [...fields].filter(([name]) => !formFields.has(name)),
    );
    const checked = checkAuthorization(authorization);
    if ('kind' in checked) {
      answerAuthorizationFailure(response, checked);
      return;
    }
    const chosen =
      role === 'agency' ? agency : role === 'body' ? bodiesById.get(bodyId ?? '') : undefined;
    if (!chosen) {
      signInPage(
        response,
        checked,
        400,
        'Тізімнен орган мен рөлді таңдаңыз. / Выберите орган и роль из списка.',
      );
      return;
    }
    forget(codes);
    const code = base64url(randomBytes(32));
    codes.set(code, {
      clientId: localClientId,
      redirectUri: checked.redirectUri,
      challenge: checked.challenge,
      nonce: checked.nonce,
      scope: checked.scope,
      bodyId: chosen.id,
      authorizedBody: chosen.id === agency.id,
      expiresAt: now() + codeLifetimeMs,
    });
    const location = new URL(checked.redirectUri);
    location.searchParams.set('code', code);
    location.searchParams.set('state', checked.state);
    redirect(response, location);
  };

  /** CORS for the token and revoke endpoints: the allowed origins only, never `*`. */
  const corsHeaders = (request: IncomingMessage): Record<string, string> => {
    const origin = request.headers.origin;
    return origin !== undefined && allowedOrigins.has(origin)
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : { vary: 'Origin' };
  };

  const writeJson = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: Record<string, unknown> | undefined,
  ): void => {
    response.writeHead(status, {
      ...corsHeaders(request),
      'cache-control': 'no-store',
      pragma: 'no-cache',
      ...(body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
    });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const oauthError = (
    request: IncomingMessage,
    response: ServerResponse,
    error: OAuthError,
    description: string,
  ): void => {
    writeJson(request, response, 400, { error, error_description: description });
  };

  /**
   * The start of a token or revoke request: preflight, method, form and client. Undefined when it
   * has been answered already.
   */
  const clientForm = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<Map<string, string> | undefined> => {
    if (request.method === 'OPTIONS') {
      const allowed = 'access-control-allow-origin' in corsHeaders(request);
      response.writeHead(allowed ? 204 : 403, {
        ...corsHeaders(request),
        ...(allowed
          ? {
              'access-control-allow-methods': 'POST',
              'access-control-allow-headers': 'content-type, authorization',
              'access-control-max-age': '600',
            }
          : {}),
      });
      response.end();
      return undefined;
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST, OPTIONS');
      writeJson(request, response, 405, {
        error: 'invalid_request',
        error_description: 'Use POST.',
      });
      return undefined;
    }
    const form = isForm(request) ? await readForm(request) : undefined;
    const parameters = form && singleValued(form);
    if (!parameters) {
      oauthError(
        request,
        response,
        'invalid_request',
        'Send application/x-www-form-urlencoded parameters, each once.',
      );
      return undefined;
    }
    return parameters;
  };

  const tokens = async (
    grant: Grant,
    nonce: string | undefined,
  ): Promise<Record<string, unknown>> => {
    const sub = `local-official-${grant.bodyId}`;
    return {
      id_token: await options.issuer.sign({
        bodyId: grant.bodyId,
        authorizedBody: grant.authorizedBody,
        sub,
        expiresIn: tokenLifetimeSeconds,
        ...(nonce === undefined ? {} : { nonce }),
      }),
      access_token: await options.issuer.signAccess({
        sub,
        clientId: grant.clientId,
        groups: grant.authorizedBody ? [officialGroup, authorizedBodyGroup] : [officialGroup],
        scope: grant.scope,
        expiresIn: tokenLifetimeSeconds,
      }),
      token_type: 'Bearer',
      expires_in: tokenLifetimeSeconds,
    };
  };

  /** The token endpoint's answer to a well-formed request: tokens, or an OAuth error. */
  const exchange = async (parameters: ReadonlyMap<string, string>): Promise<TokenAnswer> => {
    const refuse = (error: OAuthError, description: string): TokenAnswer => ({
      ok: false,
      error,
      description,
    });
    const grantType = parameters.get('grant_type');
    if (grantType === undefined) return refuse('invalid_request', 'grant_type is missing.');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return refuse('unsupported_grant_type', 'Use authorization_code or refresh_token.');
    }
    const clientId = parameters.get('client_id');
    if (clientId === undefined) return refuse('invalid_request', 'client_id is missing.');
    if (clientId !== localClientId) return refuse('invalid_client', 'Unknown client_id.');

    if (grantType === 'refresh_token') {
      const presented = parameters.get('refresh_token');
      if (presented === undefined) return refuse('invalid_request', 'refresh_token is missing.');
      forget(refreshTokens);
      const grant = refreshTokens.get(presented);
      if (!grant || grant.clientId !== clientId) {
        return refuse('invalid_grant', 'The refresh token is not valid.');
      }
      // As Cognito without rotation: new ID and access tokens, the same refresh token.
      return { ok: true, body: await tokens(grant, undefined) };
    }

    const code = parameters.get('code');
    const redirectUri = parameters.get('redirect_uri');
    const verifier = parameters.get('code_verifier');
    if (code === undefined || redirectUri === undefined || verifier === undefined) {
      return refuse('invalid_request', 'code, redirect_uri and code_verifier are required.');
    }
    if (!verifierPattern.test(verifier)) {
      return refuse('invalid_request', 'code_verifier is not a valid PKCE verifier.');
    }
    const issued = codes.get(code);
    // Single use: the first presentation consumes the code, whatever its outcome.
    codes.delete(code);
    if (!issued || issued.expiresAt < now()) {
      return refuse('invalid_grant', 'The code is not valid, was used or has expired.');
    }
    if (issued.clientId !== clientId || issued.redirectUri !== redirectUri) {
      return refuse('invalid_grant', 'The code was issued to another client or redirect_uri.');
    }
    const computed = base64url(createHash('sha256').update(verifier).digest());
    if (!sameText(computed, issued.challenge)) {
      return refuse('invalid_grant', 'The code_verifier does not match the code_challenge.');
    }
    forget(refreshTokens);
    const refreshToken = base64url(randomBytes(32));
    refreshTokens.set(refreshToken, {
      clientId: issued.clientId,
      bodyId: issued.bodyId,
      authorizedBody: issued.authorizedBody,
      scope: issued.scope,
      expiresAt: now() + refreshLifetimeMs,
    });
    return {
      ok: true,
      body: { ...(await tokens(issued, issued.nonce)), refresh_token: refreshToken },
    };
  };

  const token = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parameters = await clientForm(request, response);
    if (!parameters) return;
    const answer = await exchange(parameters);
    if (answer.ok) writeJson(request, response, 200, answer.body);
    else oauthError(request, response, answer.error, answer.description);
  };

  /** Cognito's revocation: a refresh token stops working; an unknown one is no error. */
  const revoke = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parameters = await clientForm(request, response);
    if (!parameters) return;
    const presented = parameters.get('token');
    const clientId = parameters.get('client_id');
    if (presented === undefined || clientId === undefined) {
      oauthError(request, response, 'invalid_request', 'token and client_id are required.');
      return;
    }
    if (clientId !== localClientId) {
      oauthError(request, response, 'invalid_client', 'Unknown client_id.');
      return;
    }
    if (refreshTokens.get(presented)?.clientId === clientId) refreshTokens.delete(presented);
    writeJson(request, response, 200, undefined);
  };

  const logout = (request: IncomingMessage, response: ServerResponse, url: URL): void => {
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      errorPage(response, 405, 'invalid_request', 'Use GET.');
      return;
    }
    const parameters = singleValued(url.searchParams);
    if (!parameters) {
      errorPage(response, 400, 'invalid_request', 'A parameter is repeated.');
      return;
    }
    if (parameters.get('client_id') !== localClientId) {
      errorPage(response, 400, 'invalid_client', 'Unknown client_id.');
      return;
    }
    const target = allowedUrl(parameters.get('logout_uri'));
    if (!target) {
      errorPage(response, 400, 'invalid_request', 'The logout_uri is not one this client may use.');
      return;
    }
    // No session to end here: the local sign-in keeps none, and asks again every time.
    redirect(response, target);
  };

  return async (request, response, url) => {
    switch (url.pathname) {
      case signInPaths.authorize:
        await authorize(request, response, url);
        return true;
      case signInPaths.token:
        await token(request, response);
        return true;
      case signInPaths.revoke:
        await revoke(request, response);
        return true;
      case signInPaths.logout:
        logout(request, response, url);
        return true;
      case signInPaths.stylesheet:
        response.writeHead(200, {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        });
        response.end(stylesheet);
        return true;
      default:
        return false;
    }
  };
}
