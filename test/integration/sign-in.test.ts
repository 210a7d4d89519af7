/**
 * The local sign-in (infra/local/sign-in.ts), walked over HTTP as the web desk and a browser would:
 * the authorization-code flow with PKCE on Cognito's endpoints, the tokens it gives accepted by the
 * API of `startLocalStack`, and every refusal a real authorization server makes.
 */

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startLocalApi, type LocalApi } from '../../infra/local/api-server.js';
import {
  localAudience,
  localClientId,
  localIssuer,
  localIssuerAt,
  type LocalIssuer,
} from '../../infra/local/issuer.js';
import {
  codeLifetimeMs,
  signInPages,
  signInPaths,
  tokenLifetimeSeconds,
} from '../../infra/local/sign-in.js';
import { escapeHtml } from '../../shared/texts/notices.js';
import {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from '../../infra/local/stack.js';
import { bodyDirectory } from '../../shared/bodies/index.js';

/** Where the web desk runs in these tests (a dev server's origin) and where it takes the code. */
const desk = 'http://127.0.0.1:5173';
const redirectUri = `${desk}/signed-in`;
const agencyId = 'agency-civil-service';

interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorization request's parameters; `undefined` leaves one out. */
function authorizeParameters(
  challenge: string,
  overrides: Record<string, string | undefined> = {},
  redirect = redirectUri,
): URLSearchParams {
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: localClientId,
    redirect_uri: redirect,
    state: 'state-1234',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'openid',
    ...overrides,
  };
  return new URLSearchParams(
    Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The hidden fields of the sign-in form, as a browser would post them back. */
function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(unescapeHtml(match[1] ?? ''), unescapeHtml(match[2] ?? ''));
  }
  return fields;
}

function getPage(base: string, parameters: URLSearchParams): Promise<Response> {
  return fetch(`${base}${signInPaths.authorize}?${parameters.toString()}`, { redirect: 'manual' });
}

function postForm(
  base: string,
  path: string,
  form: URLSearchParams,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
  });
}

interface Choice {
  readonly role: 'body' | 'agency';
  readonly bodyId?: string;
}

/** The page, then the choice posted with the form's hidden fields: the redirect it answers. */
async function choose(
  base: string,
  parameters: URLSearchParams,
  choice: Choice,
  headers: Record<string, string> = {},
): Promise<Response> {
  const page = await getPage(base, parameters);
  expect(page.status).toBe(200);
  const form = hiddenFields(await page.text());
  form.set('role', choice.role);
  form.set('body_id', choice.bodyId ?? 'akimat-astana');
  return postForm(base, signInPaths.authorize, form, { origin: base, ...headers });
}

/** A fresh code for `choice`, with the verifier that goes with it. */
async function codeFor(
  base: string,
  choice: Choice = { role: 'body', bodyId: 'akimat-astana' },
  overrides: Record<string, string | undefined> = {},
  redirect = redirectUri,
): Promise<{ code: string; verifier: string; location: URL }> {
  const { verifier, challenge } = pkce();
  const answer = await choose(base, authorizeParameters(challenge, overrides, redirect), choice);
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  return { code: location.searchParams.get('code') ?? '', verifier, location };
}

function exchange(
  base: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postForm(base, signInPaths.token, new URLSearchParams(fields), headers);
}

function codeExchange(
  base: string,
  code: string,
  verifier: string,
  overrides: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  return exchange(
    base,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: localClientId,
      code_verifier: verifier,
      ...overrides,
    },
    headers,
  );
}

async function oauthError(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error?: string };
  return body.error ?? '';
}

async function verified(issuer: LocalIssuer, idToken: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(idToken, createLocalJWKSet({ keys: [...issuer.jwks.keys] }), {
    issuer: localIssuer,
    audience: localAudience,
    algorithms: ['RS256'],
  });
  return payload;
}

/** The redirect an authorization error answers, or fails the test if it is not one to the desk. */
function redirectedError(response: Response): URLSearchParams {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('code')).toBeNull();
  return location.searchParams;
}

/** An error page: HTML, 400, and no redirect anywhere. */
async function errorPage(response: Response, status = 400): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-type')).toContain('text/html');
  return response.text();
}

describe('the local sign-in on its own front door', () => {
  let issuer: LocalIssuer;
  let server: LocalApi;
  let base: string;
  let clock = Date.now();

  beforeAll(async () => {
    issuer = await localIssuerAt();
    server = await startLocalApi({
      port: 0,
      functions: [],
      issuer,
      pages: [
        signInPages({
          issuer,
          allowedRedirectOrigins: [desk, 'http://localhost:5173'],
          now: () => clock,
        }),
      ],
    });
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    clock = Date.now();
  });

  it('shows a sign-in page: a form with every body of the directory, accessible, in kk and ru', async () => {
    const { challenge } = pkce();
    const parameters = authorizeParameters(challenge);
    const page = await getPage(base, parameters);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html>\s*<html lang="kk">/);
    expect(html).toContain(`<form method="post" action="${signInPaths.authorize}">`);
    expect(html).toContain('<label class="field" for="body">');
    expect(html).toContain('<select id="body" name="body_id"');
    expect(html).toContain('<label for="role-body">');
    expect(html).toContain('<label for="role-agency">');
    expect(html).toContain('<span lang="ru">');
    expect(html).toContain('<optgroup label="Уәкілетті орган / Уполномоченный орган">');
    const options = [...html.matchAll(/<option value="([^"]+)">/g)].map((match) => match[1]);
    expect(options.sort()).toEqual(bodyDirectory.map((body) => body.id).sort());
    const akimat = bodyDirectory.find((body) => body.id === 'akimat-astana');
    expect(html).toContain(escapeHtml(`${akimat?.name.kk ?? '?'} — ${akimat?.name.ru ?? '?'}`));
    // The original request rides along, every parameter once.
    expect([...hiddenFields(html)].sort()).toEqual([...parameters].sort());
  });

  it('has no inline script or style: the page passes a CSP without unsafe-inline', async () => {
    const { challenge } = pkce();
    const page = await getPage(base, authorizeParameters(challenge));
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`form-action 'self' ${desk}`);
    expect(csp).not.toContain('unsafe-inline');
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(href).toBe(signInPaths.stylesheet);
    const css = await fetch(`${base}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain(':focus-visible');
    const failure = await fetch(`${base}${signInPaths.authorize}`);
    const errorHtml = await errorPage(failure);
    expect(errorHtml).not.toMatch(/<script|\sstyle\s*=|<style/i);
  });

  it('walks the flow: choice → code and the same state → tokens for that body', async () => {
    const { verifier, challenge } = pkce();
    const parameters = authorizeParameters(challenge, {
      state: 'xyz/+= ?&',
      nonce: 'n-0S6_WzA2Mj',
    });
    const answer = await choose(base, parameters, { role: 'body', bodyId: 'akimat-astana' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz/+= ?&');
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const tokens = await codeExchange(base, code, verifier, {}, { origin: desk });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('content-type')).toContain('application/json');
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.headers.get('access-control-allow-origin')).toBe(desk);
    const body = (await tokens.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type'].sort(),
    );
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(tokenLifetimeSeconds);
    const claims = await verified(issuer, String(body.id_token));
    expect(claims['custom:bodyId']).toBe('akimat-astana');
    expect(claims['cognito:groups']).toEqual(['official']);
    expect(claims.token_use).toBe('id');
    expect(claims.nonce).toBe('n-0S6_WzA2Mj');
    expect(claims.sub).toBe('local-official-akimat-astana');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(tokenLifetimeSeconds);
    // The access token is Cognito's kind: no audience, so the API (which checks it) refuses it.
    const access = decodeJwt(String(body.access_token));
    expect(access.token_use).toBe('access');
    expect(access.client_id).toBe(localClientId);
    expect(access.aud).toBeUndefined();
  });

  it('gives an Agency official the authorized body and its group, whatever body was selected', async () => {
    const { code, verifier } = await codeFor(base, { role: 'agency', bodyId: 'akimat-astana' });
    const body = (await (await codeExchange(base, code, verifier)).json()) as { id_token: string };
    const claims = await verified(issuer, body.id_token);
    expect(claims['custom:bodyId']).toBe(agencyId);
    expect(claims['cognito:groups']).toEqual(['official', 'authorized-body']);
  });

  it('uses a code once', async () => {
    const { code, verifier } = await codeFor(base);
    expect((await codeExchange(base, code, verifier)).status).toBe(200);
    expect(await oauthError(await codeExchange(base, code, verifier))).toBe('invalid_grant');
  });

  it('lets a code expire after 5 minutes', async () => {
    const early = await codeFor(base);
    const late = await codeFor(base);
    clock += codeLifetimeMs - 1_000;
    expect((await codeExchange(base, early.code, early.verifier)).status).toBe(200);
    clock += 1_001;
    expect(await oauthError(await codeExchange(base, late.code, late.verifier))).toBe(
      'invalid_grant',
    );
  });

  it('binds the code to the PKCE challenge: a wrong verifier burns it, a missing one is invalid', async () => {
    const { code, verifier } = await codeFor(base);
    expect(await oauthError(await codeExchange(base, code, verifier, { code_verifier: '' }))).toBe(
      'invalid_request',
    );
    expect(
      await oauthError(
        await exchange(base, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: localClientId,
        }),
      ),
    ).toBe('invalid_request');
    expect(
      await oauthError(
        await codeExchange(base, code, verifier, { code_verifier: pkce().verifier }),
      ),
    ).toBe('invalid_grant');
    // The right verifier comes too late: the code was used up.
    expect(await oauthError(await codeExchange(base, code, verifier))).toBe('invalid_grant');
  });

  it('binds the code to its redirect_uri and its client', async () => {
    const first = await codeFor(base);
    expect(
      await oauthError(
        await codeExchange(base, first.code, first.verifier, { redirect_uri: `${desk}/elsewhere` }),
      ),
    ).toBe('invalid_grant');
    expect(await oauthError(await codeExchange(base, first.code, first.verifier))).toBe(
      'invalid_grant',
    );
    const second = await codeFor(base);
    expect(
      await oauthError(
        await codeExchange(base, second.code, second.verifier, { client_id: 'another-client' }),
      ),
    ).toBe('invalid_client');
    const localhost = await codeFor(base, undefined, {}, 'http://localhost:5173/cb?x=1');
    expect(localhost.location.searchParams.get('x')).toBe('1');
    expect(
      (
        await codeExchange(base, localhost.code, localhost.verifier, {
          redirect_uri: 'http://localhost:5173/cb?x=1',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses PKCE other than S256 and a missing or malformed challenge', async () => {
    const { verifier, challenge } = pkce();
    const plain = await getPage(
      base,
      authorizeParameters(verifier, { code_challenge_method: 'plain' }),
    );
    expect(redirectedError(plain).get('error')).toBe('invalid_request');
    expect(redirectedError(plain).get('state')).toBe('state-1234');
    for (const overrides of [
      { code_challenge_method: undefined },
      { code_challenge: undefined },
      { code_challenge: 'too-short' },
      { code_challenge: `${challenge.slice(0, 42)}=` },
    ]) {
      const answer = await getPage(base, authorizeParameters(challenge, overrides));
      expect(redirectedError(answer).get('error')).toBe('invalid_request');
    }
  });

  it('refuses a missing or invalid state, an unknown response_type and scopes without openid', async () => {
    const { challenge } = pkce();
    for (const state of [undefined, '', 'line\nbreak', 'x'.repeat(1025), 'ставка']) {
      const answer = await getPage(base, authorizeParameters(challenge, { state }));
      const parameters = redirectedError(answer);
      expect(parameters.get('error')).toBe('invalid_request');
      expect(parameters.get('state')).toBeNull();
    }
    const token = await getPage(base, authorizeParameters(challenge, { response_type: 'token' }));
    expect(redirectedError(token).get('error')).toBe('unsupported_response_type');
    const email = await getPage(base, authorizeParameters(challenge, { scope: 'email' }));
    expect(redirectedError(email).get('error')).toBe('invalid_scope');
  });

  it('never redirects to a redirect_uri off the allow-list, nor for an unknown client', async () => {
    const { challenge } = pkce();
    for (const redirect of [
      'http://evil.example/cb',
      'http://127.0.0.1:5174/cb',
      'https://127.0.0.1:5173/cb',
      'http://user@127.0.0.1:5173/cb',
      `${redirectUri}#fragment`,
      '/signed-in',
      'javascript:alert(1)',
    ]) {
      const html = await errorPage(
        await getPage(base, authorizeParameters(challenge, {}, redirect)),
      );
      expect(html).toContain('redirect_mismatch');
    }
    await errorPage(
      await getPage(base, authorizeParameters(challenge, { redirect_uri: undefined })),
    );
    const client = await getPage(base, authorizeParameters(challenge, { client_id: 'evil' }));
    expect(await errorPage(client)).toContain('invalid_client');
    const twice = authorizeParameters(challenge);
    twice.append('redirect_uri', 'http://evil.example/cb');
    await errorPage(await getPage(base, twice));
  });

  it('checks the posted form again: a tampered redirect_uri, an unknown body, another origin', async () => {
    const { challenge } = pkce();
    const page = await getPage(base, authorizeParameters(challenge));
    const form = hiddenFields(await page.text());
    form.set('role', 'body');
    form.set('body_id', 'akimat-astana');

    const tampered = new URLSearchParams(form);
    tampered.set('redirect_uri', 'http://evil.example/cb');
    await errorPage(await postForm(base, signInPaths.authorize, tampered, { origin: base }));

    const unknown = new URLSearchParams(form);
    unknown.set('body_id', 'no-such-body');
    const again = await errorPage(
      await postForm(base, signInPaths.authorize, unknown, { origin: base }),
    );
    expect(again).toContain('role="alert"');
    expect(again).toContain('<form method="post"');

    const noRole = new URLSearchParams(form);
    noRole.delete('role');
    await errorPage(await postForm(base, signInPaths.authorize, noRole, { origin: base }));

    // Login CSRF: a form another site posts is refused, before any code is made.
    await errorPage(
      await postForm(base, signInPaths.authorize, form, { origin: 'http://evil.example' }),
      403,
    );
    expect((await postForm(base, signInPaths.authorize, form, { origin: base })).status).toBe(302);
  });

  it('escapes everything the page echoes', async () => {
    const { challenge } = pkce();
    const hostile = `"><script>alert('x')</script><b style="x">`;
    const page = await getPage(
      base,
      authorizeParameters(
        challenge,
        { state: hostile, extra: hostile },
        `${desk}/cb?q=${encodeURIComponent(hostile)}`,
      ),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b style');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(hiddenFields(html).get('state')).toBe(hostile);
    expect(hiddenFields(html).get('extra')).toBe(hostile);
  });

  it('answers the token endpoint’s errors as OAuth does', async () => {
    const { code, verifier } = await codeFor(base);
    expect(
      await oauthError(
        await exchange(base, { grant_type: 'password', client_id: localClientId, code }),
      ),
    ).toBe('unsupported_grant_type');
    expect(await oauthError(await exchange(base, { client_id: localClientId, code }))).toBe(
      'invalid_request',
    );
    expect(await oauthError(await codeExchange(base, 'no-such-code', verifier))).toBe(
      'invalid_grant',
    );
    const json = await fetch(`${base}${signInPaths.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code, code_verifier: verifier }),
    });
    expect(await oauthError(json)).toBe('invalid_request');
    const repeated = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: localClientId,
      code_verifier: verifier,
    });
    repeated.append('code', code);
    expect(await oauthError(await postForm(base, signInPaths.token, repeated))).toBe(
      'invalid_request',
    );
    const get = await fetch(`${base}${signInPaths.token}`);
    expect(get.status).toBe(405);
    // None of these used the code up.
    expect((await codeExchange(base, code, verifier)).status).toBe(200);
  });

  it('answers CORS for the allowed origins only', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${base}${signInPaths.token}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');
    const refused = await preflight('http://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const { code, verifier } = await codeFor(base);
    const evil = await codeExchange(base, code, verifier, {}, { origin: 'http://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('vary')).toContain('Origin');
    const failed = await codeExchange(base, 'no-such-code', verifier, {}, { origin: desk });
    expect(failed.headers.get('access-control-allow-origin')).toBe(desk);
  });

  it('refreshes tokens with the refresh token until it is revoked', async () => {
    const { code, verifier } = await codeFor(base, { role: 'body', bodyId: 'ministry-justice' });
    const first = (await (await codeExchange(base, code, verifier)).json()) as {
      refresh_token: string;
    };
    const refresh = (): Promise<Response> =>
      exchange(base, {
        grant_type: 'refresh_token',
        client_id: localClientId,
        refresh_token: first.refresh_token,
      });
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as Record<string, unknown>;
    expect(body.refresh_token).toBeUndefined();
    expect((await verified(issuer, String(body.id_token)))['custom:bodyId']).toBe(
      'ministry-justice',
    );
    const revoked = await postForm(
      base,
      signInPaths.revoke,
      new URLSearchParams({ token: first.refresh_token, client_id: localClientId }),
    );
    expect(revoked.status).toBe(200);
    expect(await oauthError(await refresh())).toBe('invalid_grant');
  });

  it('logs out to an allowed logout_uri only', async () => {
    const logout = (parameters: Record<string, string>): Promise<Response> =>
      fetch(`${base}${signInPaths.logout}?${new URLSearchParams(parameters).toString()}`, {
        redirect: 'manual',
      });
    const done = await logout({ client_id: localClientId, logout_uri: `${desk}/signed-out` });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`${desk}/signed-out`);
    await errorPage(await logout({ client_id: localClientId, logout_uri: 'http://evil.example/' }));
    await errorPage(await logout({ client_id: localClientId }));
    await errorPage(await logout({ client_id: 'evil', logout_uri: `${desk}/signed-out` }));
  });

  it('leaves other paths to the API', async () => {
    const answer = await fetch(`${base}/oauth2/userInfo`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the sign-in that npm start serves', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    // Built from a variable: the web desk's build is not what this test is about, and stacks
    // without that option simply ignore it.
    const options: LocalStackOptions = {
      port: 0,
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      tableName: `sign-in-${randomUUID()}`,
      logLevel: 'SILENT',
      ...{ webDesk: false },
    };
    stack = await startLocalStack(options);
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function idTokenFor(choice: Choice): Promise<string> {
    const callback = `${stack.apiUrl}/signed-in`;
    const { code, verifier } = await codeFor(stack.apiUrl, choice, {}, callback);
    const answer = await codeExchange(stack.apiUrl, code, verifier, { redirect_uri: callback });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { id_token: string }).id_token;
  }

  function list(addresseeId: string, token: string): Promise<Response> {
    return fetch(`${stack.apiUrl}/v1/complaints?addresseeId=${addresseeId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it('returns to its own origin, as 127.0.0.1 and as localhost, and to no other port', async () => {
    const { challenge } = pkce();
    const port = new URL(stack.apiUrl).port;
    for (const origin of [stack.apiUrl, `http://localhost:${port}`]) {
      expect(
        (await getPage(stack.apiUrl, authorizeParameters(challenge, {}, `${origin}/`))).status,
      ).toBe(200);
    }
    const other = `http://127.0.0.1:${String(Number(port) + 1)}/`;
    await errorPage(await getPage(stack.apiUrl, authorizeParameters(challenge, {}, other)));
  });

  it('gives an ID token the API accepts on an official route, for that body only', async () => {
    const official = await idTokenFor({ role: 'body', bodyId: 'akimat-astana' });
    const own = await list('akimat-astana', official);
    expect(own.status).toBe(200);
    expect(await own.json()).toHaveProperty('items');
    expect((await list('ministry-justice', official)).status).toBe(403);

    const agency = await idTokenFor({ role: 'agency' });
    expect((await list('ministry-justice', agency)).status).toBe(200);
  });

  it('gives an access token the API refuses, as API Gateway and the handlers do in AWS', async () => {
    const callback = `${stack.apiUrl}/signed-in`;
    const { code, verifier } = await codeFor(stack.apiUrl, undefined, {}, callback);
    const answer = await codeExchange(stack.apiUrl, code, verifier, { redirect_uri: callback });
    const { access_token: accessToken } = (await answer.json()) as { access_token: string };
    expect((await list('akimat-astana', accessToken)).status).toBe(401);
  });
});
