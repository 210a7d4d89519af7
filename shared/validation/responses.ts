/**
 * The JSON answers of the public API (docs/api.md), as zod schemas: the OpenAPI document publishes
 * them, the views are typed by them, the integration tests check every answer against them, and
 * the web front end imports them with their types. Every object is strict: a field an answer
 * carries that no schema names is a fault, as is a missing one. Pure: zod and the domain's
 * vocabulary only, so a browser can import it.
 */

import * as z from 'zod';
import { dayOffCauses } from '../calendar/types.js';
import { bodyKinds } from '../domain/bodies.js';
import {
  alertKinds,
  deliveryStatuses,
  historyEventTypes,
  noticeForms,
  noticeKinds,
  noticeStatuses,
  providerReasonEvents,
} from '../domain/complaint.js';
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
import { languages } from '../localized.js';
import { accessLinkAnswerSchema } from './access-links.js';

// The primitives answers are made of (docs/api.md, Conventions).

/** `YYYY-MM-DD`. */
const isoDate = z.iso.date();
/** An instant in Almaty legal time, to the second, with its offset: `2026-11-25T10:15:00+05:00`. */
const instant = z.iso.datetime({ offset: true, precision: 0 });
/** Complaints, notices, alerts, extensions and recommendations are named by ULIDs. */
const ulid = z.ulid();
/** A body of the directory: lowercase latin, digits and hyphens (`akimat-astana`). */
const bodyId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
/** R14: `<addressee>/<year>/<000001>`. */
const registrationNumber = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\/\d{6,}$/);
/** `YYYY-MM`. */
const month = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/);
const count = z.number().int().nonnegative();
const workingDays = z.number().int().nonnegative();

export const localizedTextSchema = z.strictObject({ kk: z.string(), ru: z.string() });
export type LocalizedTextView = z.infer<typeof localizedTextSchema>;

// Reference data.

export const bodyViewSchema = z
  .strictObject({
    id: bodyId,
    kind: z.enum(bodyKinds),
    name: localizedTextSchema,
    parentId: bodyId.nullable(),
    reviewWorkingDays: workingDays,
    mayExtend: z.boolean(),
    /** R4: received at or after it (legal time), a complaint is registered the next working day. */
    workingHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  })
  .meta({ description: 'R2: one body of the directory, with what its kind may do.' });
export type BodyView = z.infer<typeof bodyViewSchema>;

export const bodyListSchema = z
  .strictObject({
    items: z.array(bodyViewSchema),
    nextCursor: bodyId.nullable(),
  })
  .meta({
    description: "`GET /v1/bodies`: a page of the directory; the cursor is the last body's id.",
  });
export type BodyList = z.infer<typeof bodyListSchema>;

export const dueDateAnswerSchema = z
  .strictObject({
    from: isoDate,
    workingDays,
    dueDate: isoDate,
    /** The due date lies past the official calendar and may still move. */
    provisional: z.boolean(),
  })
  .meta({ description: '`GET /v1/calendar/due-date` (R5, R22).' });
export type DueDateAnswer = z.infer<typeof dueDateAnswerSchema>;

export const calendarYearSchema = z
  .strictObject({
    year: z.number().int(),
    daysOff: z.array(
      z.strictObject({
        date: isoDate,
        name: localizedTextSchema,
        cause: z.enum(dayOffCauses),
        source: z.string(),
      }),
    ),
    workingWeekends: z.array(
      z.strictObject({ date: isoDate, reason: localizedTextSchema, source: z.string() }),
    ),
    source: z.array(z.string()),
    /** What is not yet official about the year, or null. */
    provisional: z.string().nullable(),
  })
  .meta({ description: '`GET /v1/calendar/{year}` (R3, R22).' });
export type CalendarYearView = z.infer<typeof calendarYearSchema>;

// The complaint and what is recorded on it.

export const actorViewSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('applicant') }),
    z.strictObject({ type: z.literal('official'), sub: z.string(), bodyId }),
    z.strictObject({ type: z.literal('system'), process: z.string() }),
  ])
  .meta({
    description:
      'Who did something (R13): officials by user id and body; applicants and the system by role.',
  });
export type ActorView = z.infer<typeof actorViewSchema>;

export const applicantActorViewSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('applicant') }),
    z.strictObject({ type: z.literal('official'), bodyId }),
    z.strictObject({ type: z.literal('system'), process: z.string() }),
  ])
  .meta({
    description:
      'An actor as the applicant sees it: officials by their body only, without their user id.',
  });
export type ApplicantActorView = z.infer<typeof applicantActorViewSchema>;

export const addresseeViewSchema = z.strictObject({
  id: bodyId,
  kind: z.enum(bodyKinds),
  name: localizedTextSchema,
});
export type AddresseeView = z.infer<typeof addresseeViewSchema>;

const applicantCommon = {
  name: z.string(),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+7\d{10}$/)
    .optional(),
  postalAddress: z.string().optional(),
  /** The language of the notices. */
  language: z.enum(languages),
};

export const applicantViewSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('individual'),
      iin: z.string().regex(/^\d{12}$/),
      ...applicantCommon,
    }),
    z.strictObject({
      type: z.literal('legal_entity'),
      bin: z.string().regex(/^\d{12}$/),
      ...applicantCommon,
    }),
  ])
  .meta({ description: 'As filed: a person with an IIN or an organisation with a BIN.' });
export type ApplicantView = z.infer<typeof applicantViewSchema>;

export const subjectViewSchema = z.strictObject({
  type: z.enum(subjectTypes),
  service: z.string(),
  respondent: z.string(),
  occurredOn: isoDate,
});
export type SubjectView = z.infer<typeof subjectViewSchema>;

export const acceptedByViewSchema = z
  .strictObject({ name: z.string(), position: z.string() })
  .meta({ description: 'R20: who accepted a paper complaint at the counter.' });
export type AcceptedByView = z.infer<typeof acceptedByViewSchema>;

/*
 * The records that name an actor come in two variants: the officials' (with user ids) and the
 * applicant's (without). Each is made by one function of the actor's schema, so the two cannot
 * differ in anything else.
 */

const extensionOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    id: ulid,
    workingDays,
    reason: z.enum(extensionReasons),
    explanation: z.string(),
    previousDueDate: isoDate,
    dueDate: isoDate,
    grantedAt: instant,
    grantedBy: actor,
    noticeId: ulid,
  });

/** R9, R24: a letter dispatched, or a failed e-mail delivered another way. */
const manualDeliveryOf = <A extends z.ZodType>(actor: A) => ({
  method: z.enum(dispatchMethods),
  trackingNumber: z.string().optional(),
  by: actor,
});

/** The e-mail's progress: tries so far, the next one, when it was sent and the provider's id. */
const deliveryFields = {
  attempts: count.optional(),
  nextAttemptAt: instant.optional(),
  sentAt: instant.optional(),
  providerMessageId: z.string().optional(),
};

const noticeFields = <A extends z.ZodType>(actor: A) => ({
  id: ulid,
  kind: z.enum(noticeKinds),
  form: z.enum(noticeForms),
  language: z.enum(languages),
  /** R9: 3 working days from the change that caused it. */
  dueDate: isoDate,
  status: z.enum(noticeStatuses),
  createdAt: instant,
  ...deliveryFields,
  dispatch: z.strictObject({ sentOn: isoDate, ...manualDeliveryOf(actor) }).optional(),
  otherDelivery: z
    .strictObject({ deliveredOn: isoDate, timely: z.boolean(), ...manualDeliveryOf(actor) })
    .optional(),
});

export const noticeViewSchema = z
  .strictObject({
    ...noticeFields(actorViewSchema),
    /** Why the last try failed, in the system's words. */
    failureReason: z.string().optional(),
  })
  .meta({
    description:
      'A notice to the applicant, as officials see it (also the dispatch and delivery answers).',
  });
export type NoticeView = z.infer<typeof noticeViewSchema>;

export const applicantNoticeViewSchema = z
  .strictObject(noticeFields(applicantActorViewSchema))
  .meta({ description: 'A notice as the applicant sees it: without why a send failed.' });
export type ApplicantNoticeView = z.infer<typeof applicantNoticeViewSchema>;

export const noticeSummarySchema = z
  .strictObject({
    id: ulid,
    kind: z.enum(noticeKinds),
    form: z.enum(noticeForms),
    dueDate: isoDate,
    status: z.enum(noticeStatuses),
  })
  .meta({ description: "A notice as an act's answer names it." });
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const alertViewSchema = z
  .strictObject({
    id: ulid,
    kind: z.enum(alertKinds),
    recipient: bodyId,
    about: isoDate,
    subjectId: ulid.nullable(),
    status: z.enum(deliveryStatuses),
    createdAt: instant,
    ...deliveryFields,
    failureReason: z.string().optional(),
  })
  .meta({
    description: "An e-mail to one body's officials (R9, R11, R12, R16, R24): officials only.",
  });
export type AlertView = z.infer<typeof alertViewSchema>;

const decisionOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    outcome: z.enum(decisionOutcomes),
    text: z.string(),
    decidedAt: instant,
    decidedBy: actor,
    /** Decided on or before the due date. */
    timely: z.boolean(),
    noticeId: ulid,
  });

/** R16: the record of the forwarding, on the original complaint. */
const forwardingOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    toBodyId: bodyId,
    toComplaintId: ulid,
    toRegistrationNumber: registrationNumber,
    toRegistrationDate: isoDate,
    toDueDate: isoDate,
    explanation: z.string(),
    forwardedAt: instant,
    forwardedBy: actor,
    /** 3 working days from registration. */
    dueDate: isoDate,
    timely: z.boolean(),
    noticeId: ulid,
  });

/** R17. */
const withdrawalOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    reason: z.string().nullable(),
    statementReceivedOn: isoDate.nullable(),
    withdrawnAt: instant,
    withdrawnBy: actor,
    noticeId: ulid,
  });

/** R18. */
const returnOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    ground: z.enum(returnGrounds),
    explanation: z.string(),
    repeatedOf: ulid.nullable(),
    repeatedRegistrationNumber: registrationNumber.nullable(),
    returnedAt: instant,
    returnedBy: actor,
    noticeId: ulid,
  });

/** R12: the authorized body's findings. */
const findingsOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    reasons: z.string(),
    violationFound: z.boolean(),
    bodyId: bodyId.nullable(),
    recordedAt: instant,
    recordedBy: actor,
  });

const recommendationFields = <A extends z.ZodType>(actor: A) => ({
  id: ulid,
  bodyId,
  measures: z.string(),
  respondBy: isoDate,
  sentAt: instant,
  sentBy: actor,
  response: z
    .strictObject({
      outcome: z.enum(recommendationOutcomes),
      text: z.string(),
      respondedAt: instant,
      respondedBy: actor,
      timely: z.boolean(),
    })
    .nullable(),
  /** R23: timeliness (from the dates) and completeness. */
  control: z
    .strictObject({
      complete: z.boolean(),
      timely: z.boolean(),
      text: z.string(),
      recordedAt: instant,
      recordedBy: actor,
    })
    .nullable(),
});

const historyDetails = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

/** R13: one entry of the history. */
const historyEventOf = <A extends z.ZodType>(actor: A) =>
  z.strictObject({
    type: z.enum(historyEventTypes),
    at: instant,
    actor,
    /** The version of the complaint this event produced. */
    version: z.number().int().positive(),
    /** What changed, without personal data. */
    details: historyDetails,
  });

export const extensionViewSchema = extensionOf(actorViewSchema);
export type ExtensionView = z.infer<typeof extensionViewSchema>;
export const decisionViewSchema = decisionOf(actorViewSchema);
export type DecisionView = z.infer<typeof decisionViewSchema>;
export const forwardingViewSchema = forwardingOf(actorViewSchema);
export type ForwardingView = z.infer<typeof forwardingViewSchema>;
export const withdrawalViewSchema = withdrawalOf(actorViewSchema);
export type WithdrawalView = z.infer<typeof withdrawalViewSchema>;
export const returnViewSchema = returnOf(actorViewSchema);
export type ReturnView = z.infer<typeof returnViewSchema>;
export const findingsViewSchema = findingsOf(actorViewSchema).meta({
  description: "R12: the authorized body's findings (the answer of `POST …/findings`).",
});
export type FindingsView = z.infer<typeof findingsViewSchema>;
export const recommendationViewSchema = z.strictObject(recommendationFields(actorViewSchema)).meta({
  description:
    "R12, R23: a recommendation with the body's response and the control (the answer of `…/response` and `…/control`).",
});
export type RecommendationView = z.infer<typeof recommendationViewSchema>;
export const historyEventViewSchema = historyEventOf(actorViewSchema);
export type HistoryEventView = z.infer<typeof historyEventViewSchema>;

export const applicantExtensionViewSchema = extensionOf(applicantActorViewSchema);
export type ApplicantExtensionView = z.infer<typeof applicantExtensionViewSchema>;
export const applicantDecisionViewSchema = decisionOf(applicantActorViewSchema);
export type ApplicantDecisionView = z.infer<typeof applicantDecisionViewSchema>;
export const applicantForwardingViewSchema = forwardingOf(applicantActorViewSchema);
export type ApplicantForwardingView = z.infer<typeof applicantForwardingViewSchema>;
export const applicantWithdrawalViewSchema = withdrawalOf(applicantActorViewSchema);
export type ApplicantWithdrawalView = z.infer<typeof applicantWithdrawalViewSchema>;
export const applicantReturnViewSchema = returnOf(applicantActorViewSchema);
export type ApplicantReturnView = z.infer<typeof applicantReturnViewSchema>;
export const applicantFindingsViewSchema = findingsOf(applicantActorViewSchema);
export type ApplicantFindingsView = z.infer<typeof applicantFindingsViewSchema>;
export const applicantRecommendationViewSchema = z.strictObject(
  recommendationFields(applicantActorViewSchema),
);
export type ApplicantRecommendationView = z.infer<typeof applicantRecommendationViewSchema>;
export const applicantHistoryEventViewSchema = historyEventOf(applicantActorViewSchema)
  .refine((event) => !(providerReasonEvents.includes(event.type) && 'reason' in event.details), {
    error: "a delivery failure's reason is for officials",
    path: ['details', 'reason'],
  })
  .meta({
    description:
      "A history event as the applicant sees it: a delivery failure without the provider's reason.",
  });
export type ApplicantHistoryEventView = z.infer<typeof applicantHistoryEventViewSchema>;

/** The complaint's own fields, the same for every caller (the order of the answer's fields). */
const complaintHead = {
  id: ulid,
  registrationNumber,
  status: z.enum(complaintStatuses),
  channel: z.enum(channels),
  addressee: addresseeViewSchema,
  applicant: applicantViewSchema,
  subject: subjectViewSchema,
  text: z.string(),
  /** R12, R19: the earlier complaint whose outcome this one disputes. */
  appealOf: ulid.nullable(),
  receivedAt: instant,
  acceptedBy: acceptedByViewSchema.nullable(),
  registrationDate: isoDate,
  reviewWorkingDays: workingDays,
  dueDate: isoDate,
  dueDateProvisional: z.boolean(),
  extendedWorkingDays: workingDays,
};

export const complaintViewSchema = z
  .strictObject({
    ...complaintHead,
    extensions: z.array(extensionViewSchema),
    forwardedFrom: ulid.nullable(),
    forwardedTo: ulid.nullable(),
    forwarding: forwardingViewSchema.nullable(),
    withdrawal: withdrawalViewSchema.nullable(),
    return: returnViewSchema.nullable(),
    notices: z.array(noticeViewSchema),
    decision: decisionViewSchema.nullable(),
    findings: findingsViewSchema.nullable(),
    recommendations: z.array(recommendationViewSchema),
    filedBy: actorViewSchema,
    /** 1 at filing, +1 per change; the answer's ETag. */
    version: z.number().int().positive(),
    history: z.array(historyEventViewSchema),
    alerts: z.array(alertViewSchema),
  })
  .meta({
    description:
      "R15: a complaint as officials see it (`GET /v1/complaints/{id}`, and the acts' answers).",
  });
export type ComplaintView = z.infer<typeof complaintViewSchema>;

export const applicantComplaintViewSchema = z
  .strictObject({
    ...complaintHead,
    extensions: z.array(applicantExtensionViewSchema),
    forwardedFrom: ulid.nullable(),
    forwardedTo: ulid.nullable(),
    forwarding: applicantForwardingViewSchema.nullable(),
    withdrawal: applicantWithdrawalViewSchema.nullable(),
    return: applicantReturnViewSchema.nullable(),
    notices: z.array(applicantNoticeViewSchema),
    decision: applicantDecisionViewSchema.nullable(),
    findings: applicantFindingsViewSchema.nullable(),
    recommendations: z.array(applicantRecommendationViewSchema),
    filedBy: applicantActorViewSchema,
    version: z.number().int().positive(),
    history: z.array(applicantHistoryEventViewSchema),
  })
  .meta({
    description:
      "R15: a complaint as its applicant sees it: no alerts, no officials' user ids, no notice's failure reason, no provider's reason in delivery failures.",
  });
export type ApplicantComplaintView = z.infer<typeof applicantComplaintViewSchema>;

export const complaintViewForCallerSchema = z
  .union([complaintViewSchema, applicantComplaintViewSchema])
  .meta({
    description: "What a route open to both answers: the officials' view, or the applicant's.",
  });
export type ComplaintViewForCaller = z.infer<typeof complaintViewForCallerSchema>;

export const filingViewSchema = z
  .strictObject({
    id: complaintHead.id,
    registrationNumber,
    status: complaintHead.status,
    channel: complaintHead.channel,
    addressee: addresseeViewSchema,
    receivedAt: instant,
    acceptedBy: complaintHead.acceptedBy,
    registrationDate: isoDate,
    reviewWorkingDays: workingDays,
    dueDate: isoDate,
    dueDateProvisional: z.boolean(),
    extendedWorkingDays: workingDays,
    forwardedFrom: ulid.nullable(),
    forwardedTo: ulid.nullable(),
    /** `ap.<complaintId>.<secret>`: reads the complaint, and withdraws it (R17). */
    accessToken: z.string().regex(/^ap\.[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{43}$/),
  })
  .meta({
    description:
      '`POST /v1/complaints` (201): the registration, and the access token, shown this once.',
  });
export type FilingView = z.infer<typeof filingViewSchema>;

export const complaintSummarySchema = z
  .strictObject({
    id: ulid,
    registrationNumber,
    status: z.enum(complaintStatuses),
    channel: z.enum(channels),
    addressee: addresseeViewSchema,
    receivedAt: instant,
    registrationDate: isoDate,
    dueDate: isoDate,
    dueDateProvisional: z.boolean(),
    extendedWorkingDays: workingDays,
  })
  .meta({ description: "A list's item: no personal data, enough to choose what to open." });
export type ComplaintSummaryView = z.infer<typeof complaintSummarySchema>;

export const complaintListSchema = z
  .strictObject({
    items: z.array(complaintSummarySchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ description: '`GET /v1/complaints`: a page, by due date; the cursor is opaque.' });
export type ComplaintList = z.infer<typeof complaintListSchema>;

// The acts' own answers.

export const extensionAnswerSchema = z
  .strictObject({
    id: ulid,
    dueDate: isoDate,
    /** R22: the new due date lies past the official calendar. */
    dueDateProvisional: z.boolean(),
    extendedWorkingDays: workingDays,
    notice: noticeSummarySchema,
  })
  .meta({ description: '`POST …/extensions` (201, R6–R9).' });
export type ExtensionAnswer = z.infer<typeof extensionAnswerSchema>;

export const forwardingAnswerSchema = z
  .strictObject({
    forwardedTo: z.strictObject({
      id: ulid,
      registrationNumber,
      addresseeId: bodyId,
      registrationDate: isoDate,
      dueDate: isoDate,
    }),
    notice: noticeSummarySchema,
    /** Within 3 working days of registration. */
    timely: z.boolean(),
  })
  .meta({
    description: '`POST …/forwarding` (201, R16): the complaint registered at the receiving body.',
  });
export type ForwardingAnswer = z.infer<typeof forwardingAnswerSchema>;

export const sentRecommendationSchema = z
  .strictObject({
    recommendationId: ulid,
    ...recommendationFields(actorViewSchema),
  })
  .meta({ description: '`POST …/recommendations` (201, R12): the recommendation, led by its id.' });
export type SentRecommendation = z.infer<typeof sentRecommendationSchema>;

/** `POST /v1/access-links` (202): always the same empty object, whether or not the pair matched. */
export { accessLinkAnswerSchema };
export type AccessLinkAnswer = z.infer<typeof accessLinkAnswerSchema>;

// Statistics.

const byValue = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.record(z.enum(values), count);

export const monthFiguresSchema = z
  .strictObject({
    bodyId,
    month,
    received: count,
    decided: z.strictObject({ timely: count, late: count }),
    outcomes: byValue(decisionOutcomes),
    medianWorkingDaysToDecision: workingDays.nullable(),
    overdueNow: count,
    deemedRefusals: count,
    extended: z.strictObject({ count, workingDays, byReason: byValue(extensionReasons) }),
    forwarded: z.strictObject({ timely: count, late: count }),
    withdrawn: count,
    returned: byValue(returnGrounds),
    recommendations: z.strictObject({
      sent: count,
      answeredTimely: count,
      answeredLate: count,
      outcomes: byValue(recommendationOutcomes),
    }),
  })
  .meta({ description: "One body's figures for one month ([S6.3])." });
export type MonthFiguresView = z.infer<typeof monthFiguresSchema>;

export const statisticsAnswerSchema = z
  .strictObject({
    from: month,
    to: month,
    addresseeId: bodyId.nullable(),
    items: z.array(monthFiguresSchema),
  })
  .meta({ description: '`GET /v1/statistics` as JSON; `addresseeId` null for every body.' });
export type StatisticsAnswer = z.infer<typeof statisticsAnswerSchema>;

// The OpenAPI document itself, down to where its JSON Schemas begin.

/** Any JSON value: what a JSON Schema inside the document is made of. */
export const jsonValueSchema = z.json();
const jsonObject = z.record(z.string(), jsonValueSchema);
const content = z.record(z.string(), z.strictObject({ schema: jsonObject }));

const operationSchema = z.strictObject({
  operationId: z.string(),
  summary: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  parameters: z.array(
    z.strictObject({
      name: z.string(),
      in: z.enum(['path', 'query']),
      required: z.boolean(),
      schema: jsonObject,
    }),
  ),
  requestBody: z.strictObject({ required: z.boolean(), content }).optional(),
  responses: z.record(z.string(), z.strictObject({ description: z.string(), content })),
});

export const openApiDocumentSchema = z
  .strictObject({
    openapi: z.literal('3.1.0'),
    info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
    servers: z.array(z.strictObject({ url: z.string() })),
    paths: z.record(
      z.string().regex(/^\/v1\//),
      z.partialRecord(z.enum(['get', 'post']), operationSchema),
    ),
    components: z.strictObject({
      securitySchemes: z.record(z.string(), jsonObject),
      schemas: z.record(z.string(), jsonObject),
    }),
  })
  .meta({ description: '`GET /v1/openapi.json`: OpenAPI 3.1.' });
export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;
