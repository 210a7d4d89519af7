/**
 * Request schemas for every body and query of the public API (docs/api.md). Unknown fields are
 * refused, not ignored; every message names what is wrong in words a person can act on. The same
 * schemas will produce the OpenAPI document, so the contract and the checks cannot drift apart.
 */

import * as z from 'zod';
import { isValidIsoDate } from '../calendar/dates.js';
import { bodyKinds } from '../domain/bodies.js';
import type { FieldError } from '../domain/errors.js';
import type { FilingRequest } from '../domain/filing.js';
import type { DecisionRequest, ExtensionRequest } from '../domain/review.js';
import type { ReturnRequest, WithdrawalRequest } from '../domain/side-paths.js';
import type { DispatchRequest, OtherDeliveryRequest } from '../domain/delivery.js';
import type {
  RecommendationControlRequest,
  RecommendationResponseRequest,
} from '../domain/control.js';
import {
  channels,
  complaintStatuses,
  decisionOutcomes,
  dispatchMethods,
  extensionReasons,
  recommendationOutcomes,
  returnGrounds,
  subjectTypes,
} from '../domain/vocabulary.js';
import { parseInstant } from '../time/legal-time.js';
import { languages } from '../localized.js';
import { isValidIdentifier } from './identifiers.js';

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const isoDateSchema = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isValidIsoDate, { error: 'must be a real calendar date, YYYY-MM-DD' });

/** Opaque ids (ULIDs for complaints, directory ids for bodies): a safe, bounded token. */
export const idSchema = z
  .string({ error: 'must be an id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, {
    error: 'must be an id (letters, digits, - and _)',
  });

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/** An instant with its offset (`2026-11-23T17:00:00+05:00`): a bare local time is ambiguous. */
export const instantSchema = z
  .string({ error: 'must be an instant with its offset, e.g. 2026-11-23T17:00:00+05:00' })
  .refine((text) => parseInstant(text) !== undefined, {
    error: 'must be an instant with its offset, e.g. 2026-11-23T17:00:00+05:00',
  });

const applicantCommon = {
  name: text(300),
  email: z.email({ error: 'must be an e-mail address' }).max(254).optional(),
  phone: z
    .string({ error: 'must be a phone number' })
    .regex(/^\+7\d{10}$/, { error: 'must be a Kazakhstan phone number: +7 and 10 digits' })
    .optional(),
  postalAddress: text(500).optional(),
  language: enumOf(languages),
};

export const applicantSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('individual'),
      iin: z.string({ error: 'must be an IIN of 12 digits' }).refine(isValidIdentifier, {
        error: 'must be a valid IIN: 12 digits with a correct check digit',
      }),
      ...applicantCommon,
    }),
    z.strictObject({
      type: z.literal('legal_entity'),
      bin: z.string({ error: 'must be a BIN of 12 digits' }).refine(isValidIdentifier, {
        error: 'must be a valid BIN: 12 digits with a correct check digit',
      }),
      ...applicantCommon,
    }),
  ],
  { error: 'type must be individual (with iin) or legal_entity (with bin)' },
);

export const subjectSchema = z.strictObject({
  type: enumOf(subjectTypes),
  service: text(300),
  respondent: text(300),
  occurredOn: isoDateSchema,
});

/** R20: who accepted a paper complaint. */
export const acceptedBySchema = z.strictObject({ name: text(300), position: text(300) });

/** `POST /v1/complaints`. */
export const fileComplaintSchema = z
  .strictObject({
    channel: enumOf(channels),
    addresseeId: idSchema,
    applicant: applicantSchema,
    subject: subjectSchema,
    text: text(10_000),
    appealOf: idSchema.optional(),
    receivedAt: instantSchema.optional(),
    acceptedBy: acceptedBySchema.optional(),
  })
  .superRefine((request, ctx) => {
    // The channel decides how the applicant is answered (R9), so it must be reachable that way.
    if (request.channel === 'electronic' && request.applicant.email === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'email'],
        message: 'is required for an electronic complaint',
      });
    }
    if (request.channel === 'paper' && request.applicant.postalAddress === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'postalAddress'],
        message: 'is required for a paper complaint',
      });
    }
    // R20: the receipt and who accepted it are facts of a paper complaint handed in.
    if (request.channel === 'paper' && request.acceptedBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['acceptedBy'],
        message: 'is required for a paper complaint: who accepted it (name, position)',
      });
    }
    if (request.channel === 'electronic') {
      for (const field of ['receivedAt', 'acceptedBy'] as const) {
        if (request[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'is for a paper complaint only: an electronic one is received when it arrives',
          });
        }
      }
    }
  }) satisfies z.ZodType<FilingRequest>;

/** `POST /v1/complaints/{id}/extensions` (R6–R8). */
export const extensionSchema = z.strictObject({
  workingDays: z
    .number({ error: 'must be a whole number of working days' })
    .int({ error: 'must be a whole number of working days' })
    .min(1, { error: 'must be at least 1' })
    .max(10, { error: 'must be at most 10 (R8: 10 working days in total)' }),
  reason: enumOf(extensionReasons),
  explanation: text(2_000),
}) satisfies z.ZodType<ExtensionRequest>;

/** `POST /v1/complaints/{id}/decision` (R10). */
export const decisionSchema = z.strictObject({
  outcome: enumOf(decisionOutcomes),
  text: text(10_000),
}) satisfies z.ZodType<DecisionRequest>;

/** `POST /v1/complaints/{id}/notices/{noticeId}/dispatch` (R9). */
export const dispatchSchema = z.strictObject({
  sentOn: isoDateSchema,
  method: enumOf(dispatchMethods),
  trackingNumber: text(100).optional(),
}) satisfies z.ZodType<DispatchRequest>;

/** `POST /v1/complaints/{id}/notices/{noticeId}/delivery` (R24). */
export const otherDeliverySchema = z.strictObject({
  deliveredOn: isoDateSchema,
  method: enumOf(dispatchMethods),
  trackingNumber: text(100).optional(),
}) satisfies z.ZodType<OtherDeliveryRequest>;

/** `POST /v1/complaints/{id}/forwarding` (R16). */
export const forwardingSchema = z.strictObject({
  toBodyId: idSchema,
  explanation: text(2_000),
});

/**
 * `POST /v1/complaints/{id}/withdrawal` (R17): `{ reason? }` from the applicant, with
 * `statementReceivedOn` from an official recording a written statement.
 */
export const withdrawalSchema = z.strictObject({
  reason: text(2_000).optional(),
  statementReceivedOn: isoDateSchema.optional(),
}) satisfies z.ZodType<WithdrawalRequest>;

/** `POST /v1/complaints/{id}/return` (R18). */
export const returnSchema = z
  .strictObject({
    ground: enumOf(returnGrounds),
    explanation: text(2_000),
    repeatedOf: idSchema.optional(),
  })
  .superRefine((request, ctx) => {
    if (request.ground === 'repeated' && request.repeatedOf === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['repeatedOf'],
        message: 'is required for the ground "repeated": the decided complaint this one repeats',
      });
    }
    if (request.ground !== 'repeated' && request.repeatedOf !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['repeatedOf'],
        message: 'is only for the ground "repeated"',
      });
    }
  }) satisfies z.ZodType<ReturnRequest>;

/** `POST /v1/complaints/{id}/findings` (R12, [S6.1]). */
export const findingsSchema = z
  .strictObject({
    reasons: text(10_000),
    violationFound: z.boolean({ error: 'must be true or false' }),
    bodyId: idSchema.optional(),
  })
  .superRefine((findings, ctx) => {
    if (findings.violationFound && findings.bodyId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['bodyId'],
        message: 'is required when violationFound is true: the body that did not comply',
      });
    }
  });

/** `POST /v1/complaints/{id}/recommendations` (R12, [S6.2]). */
export const recommendationSchema = z.strictObject({
  bodyId: idSchema,
  measures: text(10_000),
  respondBy: isoDateSchema,
});

/** `POST /v1/complaints/{id}/recommendations/{recId}/response`. */
export const recommendationResponseSchema = z.strictObject({
  outcome: enumOf(recommendationOutcomes),
  text: text(10_000),
}) satisfies z.ZodType<RecommendationResponseRequest>;

/** `POST /v1/complaints/{id}/recommendations/{recId}/control` (R12, [S6.3]). */
export const recommendationControlSchema = z.strictObject({
  complete: z.boolean({ error: 'must be true or false' }),
  text: text(10_000),
}) satisfies z.ZodType<RecommendationControlRequest>;

const limitSchema = z.coerce
  .number({ error: 'must be a number from 1 to 100' })
  .int({ error: 'must be a whole number from 1 to 100' })
  .min(1, { error: 'must be at least 1' })
  .max(100, { error: 'must be at most 100' })
  .default(20);

/** `GET /v1/complaints` query. */
export const listComplaintsQuerySchema = z.strictObject({
  status: enumOf(complaintStatuses).optional(),
  addresseeId: idSchema.optional(),
  dueBefore: isoDateSchema.optional(),
  limit: limitSchema,
  cursor: z.string().max(2_048, { error: 'is not a cursor this API gave' }).optional(),
});

/** `GET /v1/bodies` query: the directory, paged, optionally one kind or one parent's bodies. */
export const listBodiesQuerySchema = z.strictObject({
  kind: enumOf(bodyKinds).optional(),
  parentId: idSchema.optional(),
  limit: limitSchema,
  cursor: z.string().max(2_048, { error: 'is not a cursor this API gave' }).optional(),
});

/** `GET /v1/calendar/due-date` query (R5). */
export const dueDateQuerySchema = z.strictObject({
  from: isoDateSchema,
  workingDays: z.coerce
    .number({ error: 'must be a whole number of working days' })
    .int({ error: 'must be a whole number of working days' })
    .min(0, { error: 'must be at least 0' })
    .max(250, { error: 'must be at most 250' }),
});

export type FileComplaintRequest = z.infer<typeof fileComplaintSchema>;
export type FindingsRequest = z.infer<typeof findingsSchema>;
export type RecommendationRequest = z.infer<typeof recommendationSchema>;
export type ForwardingRequest = z.infer<typeof forwardingSchema>;
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuerySchema>;
export type DueDateQuery = z.infer<typeof dueDateQuerySchema>;
export type ListBodiesQuery = z.infer<typeof listBodiesQuerySchema>;

/** Zod issues as the API's `errors`: a dotted path and a sentence (unknown fields one by one). */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        message: 'is not a known field',
      }));
    }
    return [{ path: path.join('.') || '(body)', message: issue.message }];
  });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates an input against a schema, answering the API's field errors instead of throwing. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: toFieldErrors(result.error) };
}
