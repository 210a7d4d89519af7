/**
 * The local front door: an HTTP server on 127.0.0.1 that does what API Gateway does for the
 * catalog's routes: matches the route, checks an official's JWT on official routes (the Cognito
 * authorizer's job), and invokes the function's handler in-process with a REST proxy event (v1).
 * Unknown paths are 404 and known paths with another method 405, as problem+json.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { routes, type RouteName } from '../../functions/api/routes.js';
import { problem, type ApiHandler } from '../../functions/lib/http.js';
import type { FunctionDefinition } from '../catalog.js';
import { lambdaContext } from './lambda-context.js';
import { localAudience, localIssuer, type LocalIssuer } from './issuer.js';
import { listenOnLoopback } from './loopback.js';

export interface LocalFunction {
  readonly definition: FunctionDefinition;
  readonly handler: ApiHandler;
}

/**
 * Something the front door serves besides the API (the local sign-in, the web app's files): it
 * answers the request itself and resolves true, or resolves false without touching it. `url` has
 * the request's path and query; its origin is not the one the caller used (read the Host header).
 */
export type LocalPage = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<boolean>;

export interface LocalApi {
  readonly url: string;
  readonly server: Server;
  readonly close: () => Promise<void>;
}

/** The request body the front door will read at all (API Gateway's own limit is 10 MB). */
const maxReadBytes = 1024 * 1024;

interface CompiledRoute {
  readonly name: RouteName;
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameters: readonly string[];
  readonly fn: LocalFunction;
}

function compile(functions: readonly LocalFunction[]): CompiledRoute[] {
  return functions.flatMap((fn) =>
    fn.definition.routes.map((name) => {
      const { method, path } = routes[name];
      const parameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '([^/]+)')}$`);
      return { name, method, template: path, pattern, parameters, fn };
    }),
  );
}

function send(response: ServerResponse, result: APIGatewayProxyResult): void {
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  response.writeHead(result.statusCode, headers);
  response.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > maxReadBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function startLocalApi(options: {
  readonly port: number;
  readonly functions: readonly LocalFunction[];
  readonly issuer: LocalIssuer;
  /** Tried in order before the API's routes; the first that answers wins. */
  readonly pages?: readonly LocalPage[];
}): Promise<LocalApi> {
  const compiled = compile(options.functions);
  const keys = createLocalJWKSet({ keys: [...options.issuer.jwks.keys] });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    if (url.pathname === '/local/jwks.json') {
      send(response, {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.issuer.jwks),
      });
      return;
    }
    for (const page of options.pages ?? []) {
      if (await page(request, response, url)) return;
    }
    const onPath = compiled.filter((route) => route.pattern.test(url.pathname));
    if (onPath.length === 0) {
      send(response, problem('not-found', `No route ${method} ${url.pathname}`));
      return;
    }
    const route = onPath.find((candidate) => candidate.method === method);
    if (!route) {
      const allow = [...new Set(onPath.map((candidate) => candidate.method))].join(', ');
      send(
        response,
        problem('method-not-allowed', `${method} is not allowed on ${url.pathname}`, [], { allow }),
      );
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      send(response, problem('payload-too-large', 'The request body is too large'));
      return;
    }
    const headers: Record<string, string> = {};
    const multiValueHeaders: Record<string, string[]> = {};
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      const name = request.rawHeaders[i] ?? '';
      const value = request.rawHeaders[i + 1] ?? '';
      headers[name] = value;
      (multiValueHeaders[name] ??= []).push(value);
    }
    // The Cognito authorizer of official routes: no valid official token, no invocation.
    let claims: Record<string, string> | undefined;
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token !== undefined && !token.startsWith('ap.')) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: localIssuer,
          audience: localAudience,
        });
        claims = Object.fromEntries(
          Object.entries(payload).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(',') : String(value),
          ]),
        );
      } catch {
        claims = undefined;
      }
    }
    if (routes[route.name].access === 'official' && claims === undefined) {
      send(response, problem('unauthorized', 'This route needs an official’s valid token'));
      return;
    }
    const match = route.pattern.exec(url.pathname);
    let pathParameters: Record<string, string>;
    try {
      pathParameters = Object.fromEntries(
        route.parameters.map((name, i) => [name, decodeURIComponent(match?.[i + 1] ?? '')]),
      );
    } catch {
      send(response, problem('not-found', `No resource at ${url.pathname}`));
      return;
    }
    const queryStringParameters: Record<string, string> = {};
    const multiValueQueryStringParameters: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) {
      queryStringParameters[name] = value;
      (multiValueQueryStringParameters[name] ??= []).push(value);
    }
    const requestId = randomUUID();
    const event: APIGatewayProxyEvent = {
      resource: route.template,
      path: url.pathname,
      httpMethod: method,
      headers,
      multiValueHeaders,
      queryStringParameters: url.searchParams.size > 0 ? queryStringParameters : null,
      multiValueQueryStringParameters:
        url.searchParams.size > 0 ? multiValueQueryStringParameters : null,
      pathParameters: route.parameters.length > 0 ? pathParameters : null,
      stageVariables: null,
      body: body.byteLength > 0 ? body.toString('utf8') : null,
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        authorizer: claims ? { claims } : null,
        protocol: 'HTTP/1.1',
        httpMethod: method,
        identity: {
          accessKey: null,
          accountId: null,
          apiKey: null,
          apiKeyId: null,
          caller: null,
          clientCert: null,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          user: null,
          userAgent: request.headers['user-agent'] ?? null,
          userArn: null,
        },
        path: `/local${url.pathname}`,
        stage: 'local',
        requestId,
        requestTimeEpoch: Date.now(),
        resourceId: route.name,
        resourcePath: route.template,
      },
    };
    send(response, await route.fn.handler(event, lambdaContext(route.fn.definition, requestId)));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('local API: unhandled error', error);
      if (!response.headersSent) send(response, problem('internal', 'The local front door failed'));
    });
  });
  const port = await listenOnLoopback(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
