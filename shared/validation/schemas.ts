/**
 * Request schemas for every body and query of the public API (../shared/API.md). Unknown fields are
 * refused, not ignored; every message names what is wrong in words a person can act on. The same
 * schemas will produce the OpenAPI document, so the contract and the checks cannot drift apart.
 */

import * as z from 'zod';
import { isValidIsoDate } from '../calendar/dates.js';
import { bodyKinds } from '../domain/bodies.js';
import type { FieldError } from '../domain/errors.js';
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

export const channels = ['electronic', 'paper'] as const;
export const subjectTypes = ['decision', 'action', 'inaction'] as const;
export const extensionReasons = [
  'additional_study',
  'site_inspection',
  'additional_information',
] as const;
export const decisionOutcomes = ['satisfied', 'partially_satisfied', 'rejected'] as const;
export const dispatchMethods = ['post', 'courier', 'in_person'] as const;
export const recommendationOutcomes = ['implemented', 'partially_implemented', 'declined'] as const;
export const complaintStatuses = ['under_review', 'decided', 'overdue'] as const;

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

/** `POST /v1/complaints`. */
export const fileComplaintSchema = z
  .strictObject({
    channel: enumOf(channels),
    addresseeId: idSchema,
    applicant: applicantSchema,
    subject: subjectSchema,
    text: text(10_000),
    appealOf: idSchema.optional(),
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
  });

/** `POST /v1/complaints/{id}/extensions` (R6–R8). */
export const extensionSchema = z.strictObject({
  workingDays: z
    .number({ error: 'must be a whole number of working days' })
    .int({ error: 'must be a whole number of working days' })
    .min(1, { error: 'must be at least 1' })
    .max(10, { error: 'must be at most 10 (R8: 10 working days in total)' }),
  reason: enumOf(extensionReasons),
  explanation: text(2_000),
});

/** `POST /v1/complaints/{id}/decision` (R10). */
export const decisionSchema = z.strictObject({
  outcome: enumOf(decisionOutcomes),
  text: text(10_000),
});

/** `POST /v1/complaints/{id}/notices/{noticeId}/dispatch` (R9). */
export const dispatchSchema = z.strictObject({
  sentOn: isoDateSchema,
  method: enumOf(dispatchMethods),
  trackingNumber: text(100).optional(),
});

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
});

/** `POST /v1/complaints/{id}/recommendations/{recId}/control` (R12, [S6.3]). */
export const recommendationControlSchema = z.strictObject({
  complete: z.boolean({ error: 'must be true or false' }),
  text: text(10_000),
});

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
export type ApplicantInput = z.infer<typeof applicantSchema>;
export type SubjectInput = z.infer<typeof subjectSchema>;
export type ExtensionRequest = z.infer<typeof extensionSchema>;
export type DecisionRequest = z.infer<typeof decisionSchema>;
export type DispatchRequest = z.infer<typeof dispatchSchema>;
export type FindingsRequest = z.infer<typeof findingsSchema>;
export type RecommendationRequest = z.infer<typeof recommendationSchema>;
export type RecommendationResponseRequest = z.infer<typeof recommendationResponseSchema>;
export type RecommendationControlRequest = z.infer<typeof recommendationControlSchema>;
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuerySchema>;
export type DueDateQuery = z.infer<typeof dueDateQuerySchema>;
export type ListBodiesQuery = z.infer<typeof listBodiesQuerySchema>;
export type ExtensionReason = (typeof extensionReasons)[number];
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export type ComplaintStatus = (typeof complaintStatuses)[number];
export type Channel = (typeof channels)[number];

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
