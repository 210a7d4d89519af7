/**
 * The OpenAPI 3.1 document of the API (`GET /v1/openapi.json`), generated from the route table and
 * the same zod schemas that validate requests, so the description and the checks cannot drift.
 */

import * as z from 'zod';
import { routes, type RouteSpec } from '../api/routes.js';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return rest;
}

function queryParameters(schema: z.ZodType | undefined): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function operation(name: string, spec: RouteSpec): JsonObject {
  const content = {
    ...(spec.produces === 'text/html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : { 'application/json': { schema: { type: 'object' } } }),
    ...(spec.alsoProduces === undefined
      ? {}
      : { [spec.alsoProduces]: { schema: { type: 'string' } } }),
  };
  return {
    operationId: name,
    summary: spec.summary,
    ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    parameters: [...pathParameters(spec.path), ...queryParameters(spec.query)],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body) } },
          },
        }
      : {}),
    responses: {
      [String(spec.success)]: { description: spec.success === 201 ? 'Created' : 'OK', content },
      default: {
        description: 'A problem (RFC 9457), with the slug in `type` as urn:problem:<slug>',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    },
  };
}

let document: JsonObject | undefined;

export function openApiDocument(): JsonObject {
  if (document) return document;
  const paths: Record<string, JsonObject> = {};
  for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation(name, spec) };
  }
  document = {
    openapi: '3.1.0',
    info: {
      title: 'Complaint desk for Kazakhstan’s public services',
      version: '1.0.0',
      description:
        'Appeals against decisions, actions and inaction of public service providers, reviewed within the legal deadlines.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An official’s JWT, or the applicant’s access token given at filing',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string', examples: ['urn:problem:validation-failed'] },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
  return document;
}
