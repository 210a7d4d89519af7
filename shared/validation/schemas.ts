/**
 * Request schemas for every body and query of the public API (docs/api.md). Unknown fields are
 * refused, not ignored; every message names what is wrong in words a person can act on. The same
 * schemas will produce the OpenAPI document, so the contract and the checks cannot drift apart.
 */

import * as z from 'zod';
import { isValidIsoDate } from '../calendar/dates.js';
import { firstKnownYear, provisionalHorizonYear } from '../calendar/index.js';
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
import { legalDate, parseInstant } from '../time/legal-time.js';
import { languages } from '../localized.js';
import { isValidIdentifier } from './identifiers.js';

/**
 * The message of a type fault: a missing field "is required"; one of the wrong type says what it
 * must be.
 */
const typeError =
  (expected: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'is required' : expected;

/** An object whose unknown fields are refused, at any depth (each named by `toFieldErrors`). */
const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, { error: typeError('must be an object') });

/**
 * Control characters a text may carry: tab and line feed. Every other C0 control (a lone carriage
 * return included), DEL and the C1 controls are refused: invisible on screen, they break the
 * e-mails, letters and coupons the text is printed in.
 */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) {
      return true;
    }
  }
  return false;
}

/**
 * No unpaired surrogate (JSON's `"\ud800"` decodes to one): such a string cannot be encoded as
 * UTF-8, so no e-mail carrying it could be sent. `String.prototype.isWellFormed` is ES2024 (Node
 * 20 has it); the project compiles against the ES2023 library, hence the cast.
 */
function isWellFormedText(value: string): boolean {
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}

export const textMessages = {
  malformed: 'must be well-formed Unicode text',
  control: 'must not contain control characters (except tab and line breaks)',
} as const;

/**
 * Free text (names, subjects, explanations, addresses, tracking numbers…): well-formed Unicode,
 * CRLF read as a line break (LF), no other control character but tab and LF, trimmed, 1 to `max`
 * characters. Every free-text field of every body is one of these.
 */
export const text = (max: number) =>
  z
    .string({ error: typeError('must be a string') })
    .refine(isWellFormedText, { error: textMessages.malformed, abort: true })
    .overwrite((value) => value.replace(/\r\n/g, '\n'))
    .refine((value) => !hasControlCharacter(value), { error: textMessages.control, abort: true })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const isoDateSchema = z
  .string({ error: typeError('must be a date YYYY-MM-DD') })
  .refine(isValidIsoDate, { error: 'must be a real calendar date, YYYY-MM-DD', abort: true })
  // Described in the OpenAPI document (a refinement is not): JSON Schema's full-date.
  .meta({ format: 'date' });

/** The last day the calendar counts (R22): a date to reckon from must not lie past it. */
const lastCountedDate = `${provisionalHorizonYear}-12-31`;

/** A date something is scheduled from (an answer-by date): within the calendar's years. */
const countedDateSchema = isoDateSchema.refine((date) => date <= lastCountedDate, {
  error: `must be on or before ${lastCountedDate}: the calendar counts no further`,
});

/** Opaque ids (ULIDs for complaints, directory ids for bodies): a safe, bounded token. */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export const idSchema = z.string({ error: typeError('must be an id') }).regex(idPattern, {
  error: 'must be an id (letters, digits, - and _)',
});

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: typeError(`must be one of: ${values.join(', ')}`) });

const instantMessage = 'must be an instant with its offset, e.g. 2026-11-23T17:00:00+05:00';

/** The year of an instant in legal time; undefined before legal time is modelled (2004). */
function legalYearOf(instant: number): number | undefined {
  try {
    return Number(legalDate(instant).slice(0, 4));
  } catch {
    return undefined;
  }
}

/**
 * An instant with its offset (`2026-11-23T17:00:00+05:00`): a bare local time is ambiguous. It must
 * fall in the years the calendar counts, or no legal date nor deadline could be reckoned from it.
 */
export const instantSchema = z
  .string({ error: typeError(instantMessage) })
  .refine((value) => parseInstant(value) !== undefined, { error: instantMessage, abort: true })
  .refine(
    (value) => {
      const year = legalYearOf(parseInstant(value) ?? Number.NaN);
      return year !== undefined && year >= firstKnownYear && year <= provisionalHorizonYear;
    },
    { error: `must be an instant from ${firstKnownYear} to ${provisionalHorizonYear}` },
  );

const applicantCommon = {
  name: text(300),
  email: z
    .email({ error: typeError('must be an e-mail address') })
    .max(254, { error: 'must be at most 254 characters' })
    .optional(),
  phone: z
    .string({ error: typeError('must be a phone number') })
    .regex(/^\+7\d{10}$/, { error: 'must be a Kazakhstan phone number: +7 and 10 digits' })
    .optional(),
  postalAddress: text(500).optional(),
  language: enumOf(languages),
};

export const applicantSchema = z.discriminatedUnion(
  'type',
  [
    object({
      type: z.literal('individual'),
      iin: z.string({ error: typeError('must be an IIN of 12 digits') }).refine(isValidIdentifier, {
        error: 'must be a valid IIN: 12 digits with a correct check digit',
      }),
      ...applicantCommon,
    }),
    object({
      type: z.literal('legal_entity'),
      bin: z.string({ error: typeError('must be a BIN of 12 digits') }).refine(isValidIdentifier, {
        error: 'must be a valid BIN: 12 digits with a correct check digit',
      }),
      ...applicantCommon,
    }),
  ],
  { error: typeError('type must be individual (with iin) or legal_entity (with bin)') },
);

export const subjectSchema = object({
  type: enumOf(subjectTypes),
  service: text(300),
  respondent: text(300),
  occurredOn: isoDateSchema,
});

/** R20: who accepted a paper complaint. */
export const acceptedBySchema = object({ name: text(300), position: text(300) });

/** `POST /v1/complaints`. */
export const fileComplaintSchema = object({
  channel: enumOf(channels),
  addresseeId: idSchema,
  applicant: applicantSchema,
  subject: subjectSchema,
  text: text(10_000),
  appealOf: idSchema.optional(),
  receivedAt: instantSchema.optional(),
  acceptedBy: acceptedBySchema.optional(),
}).superRefine((request, ctx) => {
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
export const extensionSchema = object({
  workingDays: z
    .number({ error: typeError('must be a whole number of working days') })
    .int({ error: 'must be a whole number of working days' })
    .min(1, { error: 'must be at least 1' })
    .max(10, { error: 'must be at most 10 (R8: 10 working days in total)' }),
  reason: enumOf(extensionReasons),
  explanation: text(2_000),
}) satisfies z.ZodType<ExtensionRequest>;

/** `POST /v1/complaints/{id}/decision` (R10). */
export const decisionSchema = object({
  outcome: enumOf(decisionOutcomes),
  text: text(10_000),
}) satisfies z.ZodType<DecisionRequest>;

/** `POST /v1/complaints/{id}/notices/{noticeId}/dispatch` (R9). */
export const dispatchSchema = object({
  sentOn: isoDateSchema,
  method: enumOf(dispatchMethods),
  trackingNumber: text(100).optional(),
}) satisfies z.ZodType<DispatchRequest>;

/** `POST /v1/complaints/{id}/notices/{noticeId}/delivery` (R24). */
export const otherDeliverySchema = object({
  deliveredOn: isoDateSchema,
  method: enumOf(dispatchMethods),
  trackingNumber: text(100).optional(),
}) satisfies z.ZodType<OtherDeliveryRequest>;

/** `POST /v1/complaints/{id}/forwarding` (R16). */
export const forwardingSchema = object({
  toBodyId: idSchema,
  explanation: text(2_000),
});

/**
 * `POST /v1/complaints/{id}/withdrawal` (R17): `{ reason? }` from the applicant, with
 * `statementReceivedOn` from an official recording a written statement.
 */
export const withdrawalSchema = object({
  reason: text(2_000).optional(),
  statementReceivedOn: isoDateSchema.optional(),
}) satisfies z.ZodType<WithdrawalRequest>;

/** `POST /v1/complaints/{id}/return` (R18). */
export const returnSchema = object({
  ground: enumOf(returnGrounds),
  explanation: text(2_000),
  repeatedOf: idSchema.optional(),
}).superRefine((request, ctx) => {
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
export const findingsSchema = object({
  reasons: text(10_000),
  violationFound: z.boolean({ error: typeError('must be true or false') }),
  bodyId: idSchema.optional(),
}).superRefine((findings, ctx) => {
  if (findings.violationFound && findings.bodyId === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['bodyId'],
      message: 'is required when violationFound is true: the body that did not comply',
    });
  }
});

/** `POST /v1/complaints/{id}/recommendations` (R12, [S6.2]). */
export const recommendationSchema = object({
  bodyId: idSchema,
  measures: text(10_000),
  respondBy: countedDateSchema,
});

/** `POST /v1/complaints/{id}/recommendations/{recId}/response`. */
export const recommendationResponseSchema = object({
  outcome: enumOf(recommendationOutcomes),
  text: text(10_000),
}) satisfies z.ZodType<RecommendationResponseRequest>;

/** `POST /v1/complaints/{id}/recommendations/{recId}/control` (R12, [S6.3]). */
export const recommendationControlSchema = object({
  complete: z.boolean({ error: typeError('must be true or false') }),
  text: text(10_000),
}) satisfies z.ZodType<RecommendationControlRequest>;

/**
 * A whole number in a query string: decimal digits and nothing else (no sign, spaces, decimal
 * point, exponent or hex; not empty), then the range. `Number()` alone would read `""` as 0 and
 * `0x10` as 16. The OpenAPI document describes it as it travels: a string of digits.
 */
const queryInteger = (noun: string, min: number, max: number) =>
  z
    .string({ error: typeError(`must be a ${noun} from ${min} to ${max}`) })
    .min(1, { error: `must not be empty: a ${noun} from ${min} to ${max}`, abort: true })
    .regex(/^\d+$/, {
      error: `must be a ${noun} from ${min} to ${max} in the digits 0-9 only (no sign, spaces, decimal point, exponent or hex)`,
      abort: true,
    })
    // Only digits reach here: one too long for a double is Infinity, refused as too large.
    .pipe(
      z.coerce
        .number<string>({ error: `must be at most ${max}` })
        .int({ error: `must be at most ${max}` })
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .meta({ description: `A ${noun} from ${min} to ${max}, in decimal digits` });

const limitSchema = queryInteger('whole number', 1, 100).prefault('20');

const cursorMessage = 'is not a cursor this API gave for this list';

/** `GET /v1/complaints` query. */
export const listComplaintsQuerySchema = object({
  status: enumOf(complaintStatuses).optional(),
  addresseeId: idSchema.optional(),
  dueBefore: isoDateSchema.optional(),
  limit: limitSchema,
  // The list's own cursor (base64url of the positions it stopped at), checked in full by the repository.
  cursor: z
    .string({ error: cursorMessage })
    .max(4_096, { error: cursorMessage, abort: true })
    .regex(/^[A-Za-z0-9_-]+$/, { error: cursorMessage })
    .optional(),
});

/**
 * `GET /v1/bodies` query: the directory, paged, optionally one kind or one parent's bodies. The
 * cursor is the id of the last body shown; the handler checks it is one of the list's bodies.
 */
export const listBodiesQuerySchema = object({
  kind: enumOf(bodyKinds).optional(),
  parentId: idSchema.optional(),
  limit: limitSchema,
  cursor: z.string({ error: cursorMessage }).regex(idPattern, { error: cursorMessage }).optional(),
});

/** `GET /v1/calendar/due-date` query (R5). */
export const dueDateQuerySchema = object({
  from: isoDateSchema,
  workingDays: queryInteger('whole number of working days', 0, 250),
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
