/**
 * The HTTP pipeline every API function shares (middy): find the route, refuse what is too large,
 * not JSON or not valid before any work is done, hand the route a typed request, and turn every
 * error into an `application/problem+json` answer (RFC 9457) with the API's slugs. An unexpected
 * error is logged without personal data and answered `internal`, with nothing of its internals.
 * Each invocation is traced (X-Ray, where tracing is on); an answered 4xx is not a fault.
 */

import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod';
import {
  DomainError,
  problemStatus,
  type FieldError,
  type ProblemSlug,
} from '../../shared/domain/errors.js';
import { idSchema, toFieldErrors } from '../../shared/validation/schemas.js';
import { routes, type RouteName, type RouteSpec } from '../api/routes.js';
import { tracingMiddleware } from './wiring/tracing.js';

/** Request bodies above this are refused with 413 before they are parsed. */
export const maxBodyBytes = 64 * 1024;

export interface HttpRequest<B, Q> {
  readonly route: RouteName;
  readonly body: B;
  readonly query: Q;
  readonly params: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** When the request arrived (epoch ms): the one clock reading the domain gets. */
  readonly now: number;
  readonly requestId: string;
  readonly context: Context;
}

export interface HttpResponse {
  readonly status: number;
  readonly body?: unknown;
  /** A text/html answer instead of JSON (printable letters). */
  readonly html?: string;
  /** Another text answer (CSV), offered as a file to save. */
  readonly text?: {
    readonly contentType: string;
    readonly body: string;
    readonly fileName: string;
  };
  readonly headers?: Readonly<Record<string, string>>;
}

type Routes = typeof routes;
type BodyOf<R extends RouteName> = Routes[R] extends { body: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
type QueryOf<R extends RouteName> = Routes[R] extends { query: infer S extends z.ZodType }
  ? z.output<S>
  : Record<string, never>;

export type RouteHandlers<N extends RouteName> = {
  readonly [R in N]: (request: HttpRequest<BodyOf<R>, QueryOf<R>>) => Promise<HttpResponse>;
};

export type ApiHandler = ((
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>) & {
  /** The routes this handler serves: the catalog is checked against it. */
  readonly routes: readonly RouteName[];
};

export const problemTitles: Readonly<Record<ProblemSlug, string>> = {
  'validation-failed': 'The request is not valid',
  unauthorized: 'Credentials are missing or not valid',
  forbidden: 'Not allowed for this caller',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'invalid-state': 'Not possible in the current state',
  'version-conflict': 'The resource has changed',
  'extension-not-allowed': 'The review period cannot be extended',
  'extension-limit-exceeded': 'The extension limit would be exceeded',
  'idempotency-conflict': 'The idempotency key was used with another request',
  'payload-too-large': 'The request body is too large',
  'unsupported-media-type': 'The request body must be JSON',
  'rate-limited': 'Too many requests',
  internal: 'Internal error',
};

export function problem(
  slug: ProblemSlug,
  detail: string,
  errors: readonly FieldError[] = [],
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyResult {
  const status = problemStatus[slug];
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...headers,
    },
    body: JSON.stringify({
      type: `urn:problem:${slug}`,
      title: problemTitles[slug],
      status,
      detail,
      ...(errors.length > 0 ? { errors } : {}),
    }),
  };
}

const emptyQuery = z.strictObject({});
const pathParameter = z.union([idSchema, z.string().regex(/^\d{4}$/)]);
const parsed = Symbol('parsed request');

interface ParsedEvent extends APIGatewayProxyEvent {
  [parsed]?: {
    route: RouteName;
    body: unknown;
    query: unknown;
    params: Record<string, string>;
    headers: Record<string, string>;
  };
}

/** 405 with Allow for a known path with another method; 404 for a path this function does not serve. */
function findRoute(event: APIGatewayProxyEvent, served: readonly RouteName[]): RouteName {
  const samePath = served.filter((name) => routes[name].path === event.resource);
  const match = samePath.find((name) => routes[name].method === event.httpMethod);
  if (match) return match;
  if (samePath.length > 0) {
    throw Object.assign(
      new DomainError(
        'method-not-allowed',
        `${event.httpMethod} is not allowed on ${event.resource}`,
      ),
      { allow: samePath.map((name) => routes[name].method).join(', ') },
    );
  }
  throw new DomainError('not-found', `No route ${event.httpMethod} ${event.path}`);
}

function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

function parseJsonBody(event: APIGatewayProxyEvent, headers: Record<string, string>): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBodyBytes) {
    throw new DomainError(
      'payload-too-large',
      `The body is ${bytes.byteLength} bytes; at most ${maxBodyBytes} are accepted`,
    );
  }
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new DomainError(
      'unsupported-media-type',
      'Send the body as JSON with Content-Type: application/json',
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new DomainError('validation-failed', 'The body is not valid JSON', [
      { path: '(body)', message: 'is not valid JSON' },
    ]);
  }
}

function validate(schema: z.ZodType, input: unknown, what: string): unknown {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new DomainError(
      'validation-failed',
      `The ${what} is not valid`,
      toFieldErrors(result.error),
    );
  return result.data;
}

function queryOf(event: APIGatewayProxyEvent): Record<string, string> {
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {}).filter(
    ([, values]) => (values?.length ?? 0) > 1,
  );
  if (repeated.length > 0) {
    throw new DomainError(
      'validation-failed',
      'The query is not valid',
      repeated.map(([name]) => ({ path: name, message: 'is given more than once' })),
    );
  }
  return Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

function requestParser(
  served: readonly RouteName[],
): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  return {
    before: ({ event }) => {
      const route = findRoute(event, served);
      const spec: RouteSpec = routes[route];
      const headers = lowerCaseHeaders(event);
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
        // A malformed id names nothing that could exist.
        if (value === undefined || !pathParameter.safeParse(value).success) {
          throw new DomainError('not-found', `No resource at ${event.path}`);
        }
        params[name] = value;
      }
      const body = spec.body
        ? validate(spec.body, parseJsonBody(event, headers), 'body')
        : undefined;
      const query = validate(spec.query ?? emptyQuery, queryOf(event), 'query');
      event[parsed] = { route, body, query, params, headers };
    },
  };
}

function problemResponses(logger: Logger): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  return {
    onError: (request) => {
      const { error } = request;
      if (error instanceof DomainError) {
        const allow = (error as DomainError & { allow?: string }).allow;
        const headers = {
          ...(allow ? { allow } : {}),
          ...(error.slug === 'rate-limited' ? { 'retry-after': '1' } : {}),
        };
        request.response = problem(error.slug, error.detail, error.errors, headers);
        return;
      }
      // No request body, headers or domain data in the log: only what the error itself says.
      logger.error('Unexpected error', {
        error: error ?? undefined,
        route: request.event.resource,
      });
      request.response = problem(
        'internal',
        `An unexpected error occurred; it has been logged under request id ${request.context.awsRequestId}`,
      );
    },
  };
}

/** The origins `CORS_ORIGINS` names (comma-separated); none: no CORS headers at all. */
export function corsOriginsFrom(value: string | undefined): readonly string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

/**
 * The gateway answers preflights; the answers themselves must name the origin too, or a browser
 * hides them from the page. Only an origin the stage allows is echoed; `Vary` keeps caches honest.
 */
function corsHeaders(
  allowed: readonly string[],
): MiddlewareObj<ParsedEvent, APIGatewayProxyResult> {
  const addHeaders = (request: {
    event: ParsedEvent;
    response: APIGatewayProxyResult | null | undefined;
  }): void => {
    const { response } = request;
    if (allowed.length === 0 || !response) return;
    const { origin } = lowerCaseHeaders(request.event);
    if (origin === undefined || !allowed.includes(origin)) return;
    response.headers = {
      ...response.headers,
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'ETag, Location, Retry-After, Allow',
      vary: 'Origin',
    };
  };
  return { after: addHeaders, onError: addHeaders };
}

function toResult(response: HttpResponse): APIGatewayProxyResult {
  if (response.text !== undefined) {
    return {
      statusCode: response.status,
      headers: {
        'content-type': response.text.contentType,
        'content-disposition': `attachment; filename="${response.text.fileName}"`,
        'cache-control': 'no-store',
        ...response.headers,
      },
      body: response.text.body,
    };
  }
  if (response.html !== undefined) {
    return {
      statusCode: response.status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...response.headers,
      },
      body: response.html,
    };
  }
  return {
    statusCode: response.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...response.headers,
    },
    body: response.body === undefined ? '' : JSON.stringify(response.body),
  };
}

/** One Lambda handler serving the given routes through the shared pipeline. */
export function createHttpHandler<N extends RouteName>(
  handlers: RouteHandlers<N>,
  options: {
    readonly logger: Logger;
    readonly clock?: () => number;
    /** Origins allowed by CORS; by default `CORS_ORIGINS`'s. */
    readonly corsOrigins?: readonly string[];
  },
): ApiHandler {
  const served = Object.keys(handlers) as N[];
  const clock = options.clock ?? Date.now;
  const corsOrigins = options.corsOrigins ?? corsOriginsFrom(process.env.CORS_ORIGINS);
  const dispatch = async (event: ParsedEvent, context: Context): Promise<APIGatewayProxyResult> => {
    const request = event[parsed];
    if (!request) throw new Error('The request was not parsed');
    const handle = handlers[request.route as N] as (
      request: HttpRequest<unknown, unknown>,
    ) => Promise<HttpResponse>;
    return toResult(
      await handle({ ...request, now: clock(), requestId: context.awsRequestId, context }),
    );
  };
  const handler = middy<ParsedEvent, APIGatewayProxyResult>()
    // First, so its subsegment spans the whole pipeline; a 4xx answer is the caller's, not a fault.
    .use(
      tracingMiddleware<ParsedEvent, APIGatewayProxyResult>(
        (error) => !(error instanceof DomainError) || problemStatus[error.slug] >= 500,
      ),
    )
    .use(injectLambdaContext(options.logger, { resetKeys: true }))
    // Registered before the problem answers, so it also runs after them on an error.
    .use(corsHeaders(corsOrigins))
    .use(problemResponses(options.logger))
    .use(requestParser(served))
    .handler(dispatch);
  return Object.assign((event: APIGatewayProxyEvent, context: Context) => handler(event, context), {
    routes: served,
  });
}

/** The `ETag` of a complaint version, and the check of a client's `If-Match` against it. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function requireMatchingVersion(
  headers: Readonly<Record<string, string>>,
  version: number,
): void {
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined || ifMatch === '*') return;
  const expected = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!expected.includes(etagOf(version))) {
    throw new DomainError(
      'version-conflict',
      `The complaint is at version ${version}, not ${ifMatch}`,
    );
  }
}
