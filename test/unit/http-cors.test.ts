/**
 * CORS on the functions' own answers: the gateway answers preflights in AWS, but a browser also
 * needs the origin named on every answer, problems included, or the page cannot read it.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalog.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { corsOriginsFrom, createHttpHandler } from '../../functions/lib/http.js';

const definition = functions[0];
if (!definition) throw new Error('The catalog is empty');
const logger = new Logger({ serviceName: 'cors-test', logLevel: 'SILENT' });

const handler = (corsOrigins: readonly string[]) =>
  createHttpHandler(
    { listBodies: () => Promise.resolve({ status: 200, body: { items: [] } }) },
    { logger, corsOrigins },
  );

function get(path: string, headers: Record<string, string>): APIGatewayProxyEvent {
  return {
    resource: path,
    path,
    httpMethod: 'GET',
    headers,
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {} as APIGatewayProxyEvent['requestContext'],
  };
}

const call = async (
  corsOrigins: readonly string[],
  path: string,
  headers: Record<string, string>,
): Promise<APIGatewayProxyResult> =>
  await handler(corsOrigins)(get(path, headers), lambdaContext(definition, 'request-1'));

describe('CORS headers on answers', () => {
  const desk = 'https://desk.gov.kz';

  it('an allowed origin is named on a success, with Vary: Origin and the headers a page may read', async () => {
    const answer = await call([desk, 'https://other.gov.kz'], '/v1/bodies', { Origin: desk });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': desk,
      'access-control-expose-headers': 'ETag, Location, Retry-After, Allow',
      vary: 'Origin',
    });
  });

  it('and on a problem answer', async () => {
    const answer = await call([desk], '/v1/nowhere', { origin: desk });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers?.['content-type']).toBe('application/problem+json');
    expect(answer.headers?.['access-control-allow-origin']).toBe(desk);
  });

  it('another origin, no origin, or no CORS configured: no CORS header at all', async () => {
    for (const [origins, headers] of [
      [[desk], { origin: 'https://evil.example' }],
      [[desk], {}],
      [[], { origin: desk }],
    ] as const) {
      const answer = await call(origins, '/v1/bodies', headers);
      expect(answer.statusCode).toBe(200);
      expect(
        Object.keys(answer.headers ?? {}).filter((name) => name.startsWith('access-control')),
      ).toEqual([]);
    }
  });

  it('CORS_ORIGINS is read as a comma-separated list, blanks ignored', () => {
    expect(corsOriginsFrom(' https://a.kz, ,https://b.kz ')).toEqual([
      'https://a.kz',
      'https://b.kz',
    ]);
    expect(corsOriginsFrom('')).toEqual([]);
    expect(corsOriginsFrom(undefined)).toEqual([]);
  });
});
