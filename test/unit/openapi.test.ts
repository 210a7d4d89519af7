/**
 * The published contract: the OpenAPI document describes every JSON answer by its real schema
 * (no bare `{ type: 'object' }` left), is a self-contained OpenAPI 3.1 document, and the views
 * produce exactly what those schemas say, the applicant's view included.
 */

import { describe, expect, it } from 'vitest';
import { responseOf } from '../../functions/api/route-responses.js';
import { routes, type RouteName, type RouteSpec } from '../../functions/api/routes.js';
import { openApiDocument } from '../../functions/lib/openapi.js';
import {
  applicantComplaintView,
  complaintView,
  officialComplaintView,
} from '../../functions/lib/views.js';
import type { Actor, Complaint, HistoryEvent } from '../../shared/domain/complaint.js';
import type { StoredComplaint } from '../../shared/ports.js';
import {
  applicantComplaintViewSchema,
  complaintViewSchema,
  openApiDocumentSchema,
} from '../../shared/validation/responses.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const document = openApiDocument();
const components = (document.components as { schemas: Record<string, Json> }).schemas;

function resolve(schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = components[ref.replace('#/components/schemas/', '')];
  if (!ref.startsWith('#/components/schemas/') || !target) throw new Error(`Unresolved ${ref}`);
  return target;
}

/** Every JSON Schema object reachable from `root`, following `$ref`s, each once. */
function reachable(root: Json): Json[] {
  const seen = new Set<Json>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    if (typeof value.$ref === 'string') visit(resolve(value));
    for (const [key, child] of Object.entries(value)) {
      // `properties` maps names to schemas; its own object is not a schema.
      if (key === 'properties' && isObject(child)) Object.values(child).forEach(visit);
      else if (key !== 'enum' && key !== 'const' && key !== 'required') visit(child);
    }
  };
  visit(root);
  return [...seen];
}

/**
 * What says nothing about an answer: an empty schema, an object without properties or a schema
 * for its values, or an object with properties that lets undeclared ones through.
 */
function vagueSchemas(root: Json): Json[] {
  return reachable(root).filter((schema) => {
    if (Object.keys(schema).length === 0) return true;
    if (schema.type !== 'object') return false;
    const values = schema.additionalProperties;
    if (schema.properties !== undefined) return values !== false;
    return !(isObject(values) && Object.keys(values).length > 0);
  });
}

const jsonRoutes = (Object.entries(routes) as [RouteName, RouteSpec][]).filter(
  ([, spec]) => spec.produces !== 'text/html',
);

function answerSchemaOf(spec: RouteSpec): Json {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const operation = paths[spec.path]?.[spec.method.toLowerCase()];
  const responses = operation?.responses as Record<string, { content: Record<string, Json> }>;
  const json = responses[String(spec.success)]?.content['application/json'];
  if (!json || !isObject(json.schema)) throw new Error(`No JSON answer for ${spec.path}`);
  return json.schema;
}

describe('the OpenAPI document', () => {
  it('names a strict, non-trivial response schema for every JSON route', () => {
    expect(jsonRoutes.length).toBeGreaterThan(15);
    for (const [name, spec] of jsonRoutes) {
      expect(responseOf(name), name).toBeDefined();
      const schema = answerSchemaOf(spec);
      expect(schema.$ref, name).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(vagueSchemas(schema), name).toEqual([]);
    }
  });

  it('finds a vague schema when there is one (the check above can fail)', () => {
    expect(vagueSchemas({ type: 'object' })).toHaveLength(1);
    expect(vagueSchemas({})).toHaveLength(1);
    expect(vagueSchemas({ type: 'object', properties: { a: { type: 'string' } } })).toHaveLength(1);
    expect(
      vagueSchemas({ type: 'array', items: { type: 'object', additionalProperties: {} } }),
    ).not.toEqual([]);
    expect(
      vagueSchemas({
        type: 'object',
        properties: { a: { type: 'string' } },
        additionalProperties: false,
      }),
    ).toEqual([]);
  });

  it('keeps HTML answers as strings, and offers the statistics as CSV too', () => {
    for (const [name, spec] of Object.entries(routes) as [RouteName, RouteSpec][]) {
      if (spec.produces !== 'text/html') continue;
      const paths = document.paths as Record<string, Record<string, Json>>;
      const responses = paths[spec.path]?.[spec.method.toLowerCase()]?.responses as Record<
        string,
        { content: Json }
      >;
      expect(responses['200']?.content).toEqual({ 'text/html': { schema: { type: 'string' } } });
      expect(responseOf(name)).toBeUndefined();
    }
    const statistics = document.paths as Record<string, Record<string, Json>>;
    expect(statistics['/v1/statistics']?.get?.responses).toMatchObject({
      200: {
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/StatisticsAnswer' } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
    });
  });

  it('describes the complaint view once, referenced wherever it is answered', () => {
    expect(answerSchemaOf(routes.decide)).toEqual({ $ref: '#/components/schemas/ComplaintView' });
    expect(answerSchemaOf(routes.returnComplaint)).toEqual({
      $ref: '#/components/schemas/ComplaintView',
    });
    expect(answerSchemaOf(routes.getComplaint)).toEqual({
      $ref: '#/components/schemas/ComplaintViewForCaller',
    });
    expect(components.ComplaintViewForCaller).toMatchObject({
      anyOf: [
        { $ref: '#/components/schemas/ComplaintView' },
        { $ref: '#/components/schemas/ApplicantComplaintView' },
      ],
    });
    const view = components.ComplaintView as { properties: Record<string, Json> };
    expect(view.properties.notices).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/NoticeView' },
    });
    const applicant = components.ApplicantComplaintView as { properties: Record<string, Json> };
    expect(applicant.properties.alerts).toBeUndefined();
    expect(
      (components.ApplicantActorView as { oneOf: { properties: Json }[] }).oneOf.map((variant) =>
        Object.keys(variant.properties),
      ),
    ).toEqual([['type'], ['type', 'bodyId'], ['type', 'process']]);
  });

  it('is a self-contained OpenAPI 3.1 document: every $ref resolves, no schema has its own $id or dialect', () => {
    expect(openApiDocumentSchema.safeParse(document).success).toBe(true);
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      if (!isObject(value)) return;
      expect(value.$id).toBeUndefined();
      expect(value.$schema).toBeUndefined();
      if (typeof value.$ref === 'string') refs.push(value.$ref);
      Object.values(value).forEach(walk);
    };
    walk(document);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
    const operationIds = Object.values(document.paths as Record<string, Record<string, Json>>)
      .flatMap((methods) => Object.values(methods))
      .map((operation) => operation.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });
});

// A complaint with every record that names an official or a provider's words.

const ulid = (n: number): string => `01KAT${String(n).padStart(21, '0')}`;
const official: Actor = { type: 'official', sub: 'official-sub-1', bodyId: 'akimat-astana' };
const system: Actor = { type: 'system', process: 'notice' };
const at = '2026-11-24T10:00:00+05:00';

const complaint: Complaint = {
  id: ulid(1),
  registrationNumber: 'akimat-astana/2026/000042',
  channel: 'paper',
  status: 'decided',
  addressee: {
    id: 'akimat-astana',
    kind: 'local_executive_body',
    name: { kk: 'Әкімдік', ru: 'Акимат' },
  },
  applicant: {
    type: 'individual',
    iin: '900101400013',
    name: 'Айгүл Серікқызы',
    postalAddress: 'Астана, ул. Бейбітшілік, 1',
    language: 'kk',
  },
  subject: { type: 'decision', service: 'Справка', respondent: 'Отдел', occurredOn: '2026-11-20' },
  text: 'Отказали без причин.',
  appealOf: null,
  receivedAt: '2026-11-23T10:00:00+05:00',
  acceptedBy: { name: 'Сейткали Нурлан', position: 'специалист' },
  registrationDate: '2026-11-23',
  reviewWorkingDays: 5,
  dueDate: '2026-12-02',
  dueDateProvisional: false,
  extendedWorkingDays: 2,
  extensions: [
    {
      id: ulid(2),
      workingDays: 2,
      reason: 'site_inspection',
      explanation: 'Выезд.',
      previousDueDate: '2026-11-30',
      dueDate: '2026-12-02',
      grantedAt: at,
      grantedBy: official,
      noticeId: ulid(3),
    },
  ],
  forwardedFrom: null,
  forwardedTo: null,
  forwarding: null,
  withdrawal: null,
  return: null,
  notices: [
    {
      id: ulid(3),
      kind: 'extension',
      form: 'letter',
      language: 'kk',
      dueDate: '2026-11-27',
      status: 'dispatched',
      createdAt: at,
      dispatch: { sentOn: '2026-11-25', method: 'post', trackingNumber: 'RR1', by: official },
    },
    {
      id: ulid(4),
      kind: 'decision',
      form: 'email',
      language: 'kk',
      dueDate: '2026-12-03',
      status: 'delivered_otherwise',
      createdAt: at,
      attempts: 3,
      failureReason: 'The mail service refused the message',
      otherDelivery: {
        deliveredOn: '2026-11-30',
        method: 'courier',
        by: official,
        timely: true,
      },
    },
  ],
  decision: {
    outcome: 'rejected',
    text: 'Оснований нет.',
    decidedAt: at,
    decidedBy: official,
    timely: true,
    noticeId: ulid(4),
  },
  findings: {
    reasons: 'Не мотивирован.',
    violationFound: true,
    bodyId: 'akimat-astana',
    recordedAt: at,
    recordedBy: official,
  },
  recommendations: [
    {
      id: ulid(5),
      bodyId: 'akimat-astana',
      measures: 'Пересмотреть.',
      respondBy: '2026-12-10',
      sentAt: at,
      sentBy: official,
      response: {
        outcome: 'implemented',
        text: 'Сделано.',
        respondedAt: at,
        respondedBy: official,
        timely: true,
      },
      control: { complete: true, timely: true, text: 'Да.', recordedAt: at, recordedBy: official },
    },
  ],
  alerts: [
    {
      id: ulid(6),
      kind: 'notice_failed',
      recipient: 'akimat-astana',
      about: '2026-12-03',
      subjectId: ulid(4),
      status: 'failed',
      createdAt: at,
      attempts: 1,
      failureReason: 'Sending is paused for this account',
    },
  ],
  filedBy: official,
  version: 5,
};

const history: HistoryEvent[] = [
  { type: 'filed', at, actor: official, version: 1, details: { channel: 'paper' } },
  {
    type: 'delivery_attempt_failed',
    at,
    actor: system,
    version: 2,
    details: {
      messageId: ulid(4),
      attempts: 1,
      reason: 'Throttling: rate exceeded',
      nextAttemptAt: at,
    },
  },
  {
    type: 'notice_failed',
    at,
    actor: system,
    version: 3,
    details: { messageId: ulid(4), attempts: 3, reason: 'Bounce', kind: 'decision' },
  },
  {
    type: 'alert_failed',
    at,
    actor: system,
    version: 4,
    details: { messageId: ulid(6), reason: 'x' },
  },
  { type: 'decided', at, actor: official, version: 5, details: { outcome: 'rejected' } },
];

const stored: StoredComplaint = { complaint, history, accessToken: null };

/** The applicant's view as it was made before it was typed: a JSON replacer over the officials'. */
function replacerView(): unknown {
  const { alerts: _alerts, ...view } = officialComplaintView(stored);
  const failures = new Set(['delivery_attempt_failed', 'notice_failed', 'alert_failed']);
  return JSON.parse(
    JSON.stringify(
      {
        ...view,
        history: view.history.map((event) => {
          if (!failures.has(event.type)) return event;
          const { reason: _reason, ...details } = event.details;
          return { ...event, details };
        }),
      },
      (key, value: unknown) => (key === 'sub' || key === 'failureReason' ? undefined : value),
    ),
  ) as unknown;
}

describe('the complaint views, by their schemas', () => {
  it("officials' view: exactly the officials' schema, not the applicant's", () => {
    const view = complaintView(stored, {
      type: 'official',
      sub: 's',
      bodyId: 'b',
      authorizedBody: false,
    });
    expect(complaintViewSchema.safeParse(view).success).toBe(true);
    expect(applicantComplaintViewSchema.safeParse(view).success).toBe(false);
  });

  it("applicant's view: exactly the applicant's schema, no user id or provider's words left", () => {
    const view = complaintView(stored, { type: 'applicant', complaintId: complaint.id });
    expect(applicantComplaintViewSchema.safeParse(view).success).toBe(true);
    expect(complaintViewSchema.safeParse(view).success).toBe(false);
    const text = JSON.stringify(view);
    for (const hidden of ['official-sub-1', 'refused', 'paused', 'Throttling', 'Bounce', '"x"']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('the applicant’s view is the former JSON-replacer projection, field for field and in order', () => {
    expect(JSON.stringify(applicantComplaintView(stored))).toBe(JSON.stringify(replacerView()));
  });

  it('a field no schema names, or one missing, fails', () => {
    const view = officialComplaintView(stored);
    const [notice] = view.notices;
    expect(
      complaintViewSchema.safeParse({ ...view, notices: [{ ...notice, extra: 1 }] }).success,
    ).toBe(false);
    const { version: _version, ...withoutVersion } = view;
    expect(complaintViewSchema.safeParse(withoutVersion).success).toBe(false);
    // A delivery failure's reason shown to the applicant is caught too.
    const applicant = applicantComplaintView(stored);
    const leaked = applicant.history.map((event) =>
      event.type === 'notice_failed'
        ? { ...event, details: { ...event.details, reason: 'Bounce' } }
        : event,
    );
    expect(applicantComplaintViewSchema.safeParse(applicant).success).toBe(true);
    expect(applicantComplaintViewSchema.safeParse({ ...applicant, history: leaked }).success).toBe(
      false,
    );
  });
});
