/**
 * The OpenAPI 3.1 document of the API (`GET /v1/openapi.json`), generated from the route table,
 * the same zod schemas that validate requests and the response schemas the views are typed by and
 * the tests check answers against, so the description and the code cannot drift.
 */

import * as z from 'zod';
import * as answers from '../../shared/validation/responses.js';
import { responseOf } from '../api/route-responses.js';
import { routes, type RouteName, type RouteSpec } from '../api/routes.js';

type JsonObject = Record<string, unknown>;

/**
 * The response schemas the document names in `components.schemas`, under the names of their
 * TypeScript types (what the web front end imports): a schema used in several places, such as
 * the complaint view or an actor, is described once and referenced by `$ref`.
 */
const namedAnswers: Readonly<Record<string, z.ZodType>> = {
  LocalizedTextView: answers.localizedTextSchema,
  BodyView: answers.bodyViewSchema,
  BodyList: answers.bodyListSchema,
  DueDateAnswer: answers.dueDateAnswerSchema,
  CalendarYearView: answers.calendarYearSchema,
  ActorView: answers.actorViewSchema,
  ApplicantActorView: answers.applicantActorViewSchema,
  AddresseeView: answers.addresseeViewSchema,
  ApplicantView: answers.applicantViewSchema,
  SubjectView: answers.subjectViewSchema,
  AcceptedByView: answers.acceptedByViewSchema,
  NoticeView: answers.noticeViewSchema,
  ApplicantNoticeView: answers.applicantNoticeViewSchema,
  NoticeSummary: answers.noticeSummarySchema,
  AlertView: answers.alertViewSchema,
  ExtensionView: answers.extensionViewSchema,
  DecisionView: answers.decisionViewSchema,
  ForwardingView: answers.forwardingViewSchema,
  WithdrawalView: answers.withdrawalViewSchema,
  ReturnView: answers.returnViewSchema,
  FindingsView: answers.findingsViewSchema,
  RecommendationView: answers.recommendationViewSchema,
  HistoryEventView: answers.historyEventViewSchema,
  ApplicantExtensionView: answers.applicantExtensionViewSchema,
  ApplicantDecisionView: answers.applicantDecisionViewSchema,
  ApplicantForwardingView: answers.applicantForwardingViewSchema,
  ApplicantWithdrawalView: answers.applicantWithdrawalViewSchema,
  ApplicantReturnView: answers.applicantReturnViewSchema,
  ApplicantFindingsView: answers.applicantFindingsViewSchema,
  ApplicantRecommendationView: answers.applicantRecommendationViewSchema,
  ApplicantHistoryEventView: answers.applicantHistoryEventViewSchema,
  ComplaintView: answers.complaintViewSchema,
  ApplicantComplaintView: answers.applicantComplaintViewSchema,
  ComplaintViewForCaller: answers.complaintViewForCallerSchema,
  FilingView: answers.filingViewSchema,
  ComplaintSummaryView: answers.complaintSummarySchema,
  ComplaintList: answers.complaintListSchema,
  ExtensionAnswer: answers.extensionAnswerSchema,
  ForwardingAnswer: answers.forwardingAnswerSchema,
  SentRecommendation: answers.sentRecommendationSchema,
  MonthFiguresView: answers.monthFiguresSchema,
  StatisticsAnswer: answers.statisticsAnswerSchema,
  AccessLinkAnswer: answers.accessLinkAnswerSchema,
  // Recursive: named, so that its references to itself are `$ref`s into the document.
  JsonValue: answers.jsonValueSchema,
  OpenApiDocument: answers.openApiDocumentSchema,
};

const schemaRef = (id: string): string => `#/components/schemas/${id}`;

const statusTexts: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
};

/**
 * Every named answer and every route's answer as JSON Schema (2020-12, OpenAPI 3.1's dialect), as
 * the API sends them (`io: 'output'`); a route's answer without a name of its own is named after
 * the route. Answers: the component id of each route's response.
 */
function responseSchemas(): {
  readonly schemas: Record<string, JsonObject>;
  readonly idOf: ReadonlyMap<z.ZodType, string>;
} {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  const name = (schema: z.ZodType, id: string): void => {
    if (idOf.has(schema)) return;
    registry.add(schema, { id });
    idOf.set(schema, id);
  };
  for (const [id, schema] of Object.entries(namedAnswers)) name(schema, id);
  for (const route of Object.keys(routes) as RouteName[]) {
    const response = responseOf(route);
    if (response) name(response, `${route.charAt(0).toUpperCase()}${route.slice(1)}Answer`);
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'output', uri: schemaRef });
  // The document is their one resource: no dialect or id of their own (a fragment is no $id).
  const entries = Object.entries(schemas).map(([id, schema]) => {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    return [id, rest] as const;
  });
  return { schemas: Object.fromEntries(entries), idOf };
}

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

function operation(
  name: RouteName,
  spec: RouteSpec,
  idOf: ReadonlyMap<z.ZodType, string>,
): JsonObject {
  const response = responseOf(name);
  const id = response && idOf.get(response);
  const content = {
    ...(spec.produces === 'text/html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : { 'application/json': { schema: id === undefined ? {} : { $ref: schemaRef(id) } } }),
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
      [String(spec.success)]: { description: statusTexts[spec.success] ?? 'OK', content },
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
  const { schemas, idOf } = responseSchemas();
  const paths: Record<string, JsonObject> = {};
  for (const [name, spec] of Object.entries(routes) as [RouteName, RouteSpec][]) {
    paths[spec.path] = {
      ...paths[spec.path],
      [spec.method.toLowerCase()]: operation(name, spec, idOf),
    };
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
        ...schemas,
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
