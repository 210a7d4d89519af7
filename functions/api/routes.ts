/**
 * Every route of the public API (docs/api.md): method, path, who may call it, and the schemas
 * of its body and query. The handlers validate with these, the OpenAPI document is generated from
 * them, and the catalog (infra/catalog.ts) says which function serves each one.
 */

import type * as z from 'zod';
import {
  decisionSchema,
  dispatchSchema,
  dueDateQuerySchema,
  extensionSchema,
  fileComplaintSchema,
  findingsSchema,
  forwardingSchema,
  listComplaintsQuerySchema,
  otherDeliverySchema,
  recommendationControlSchema,
  recommendationResponseSchema,
  recommendationSchema,
  listBodiesQuerySchema,
  returnSchema,
  withdrawalSchema,
} from '../../shared/validation/schemas.js';
import { statisticsQuerySchema } from '../../shared/validation/statistics.js';
import { accessLinkRequestSchema } from '../../shared/validation/access-links.js';

/** Who may call a route: the API Gateway authorizer guards `official` routes in AWS. */
export type Access = 'public' | 'applicant-or-official' | 'official';

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly success: 200 | 201 | 202;
  readonly produces?: 'application/json' | 'text/html';
  /** Also answers this media type when the request's Accept asks for it (CSV of statistics). */
  readonly alsoProduces?: 'text/csv';
}

export const routes = {
  listBodies: {
    method: 'GET',
    path: '/v1/bodies',
    summary: 'The directory of bodies a complaint can be addressed to (R2)',
    access: 'public',
    query: listBodiesQuerySchema,
    success: 200,
  },
  getBody: {
    method: 'GET',
    path: '/v1/bodies/{bodyId}',
    summary: 'One body of the directory',
    access: 'public',
    success: 200,
  },
  dueDate: {
    method: 'GET',
    path: '/v1/calendar/due-date',
    summary: 'The Nth working day after a date (R5)',
    access: 'public',
    query: dueDateQuerySchema,
    success: 200,
  },
  calendarYear: {
    method: 'GET',
    path: '/v1/calendar/{year}',
    summary: "A year's days off and weekend days worked, with their sources (R3)",
    access: 'public',
    success: 200,
  },
  openApi: {
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This document',
    access: 'public',
    success: 200,
  },
  fileComplaint: {
    method: 'POST',
    path: '/v1/complaints',
    summary:
      'File a complaint: electronic by the applicant, paper by an official of the addressee (R4, R5, R14)',
    access: 'public',
    body: fileComplaintSchema,
    success: 201,
  },
  getComplaint: {
    method: 'GET',
    path: '/v1/complaints/{id}',
    summary:
      'A complaint with its history, extensions, notices, decision, findings and recommendations (R15)',
    access: 'applicant-or-official',
    success: 200,
  },
  listComplaints: {
    method: 'GET',
    path: '/v1/complaints',
    summary: "A body's complaints by due date, ascending",
    access: 'official',
    query: listComplaintsQuerySchema,
    success: 200,
  },
  extendReview: {
    method: 'POST',
    path: '/v1/complaints/{id}/extensions',
    summary: 'Extend the review period (R6–R9)',
    access: 'official',
    body: extensionSchema,
    success: 201,
  },
  decide: {
    method: 'POST',
    path: '/v1/complaints/{id}/decision',
    summary: 'Record the decision (R10)',
    access: 'official',
    body: decisionSchema,
    success: 201,
  },
  forward: {
    method: 'POST',
    path: '/v1/complaints/{id}/forwarding',
    summary:
      'Forward a complaint outside the addressee’s competence to the competent body (R16): the original ends as forwarded, the receiving body registers it as received now',
    access: 'official',
    body: forwardingSchema,
    success: 201,
  },
  withdraw: {
    method: 'POST',
    path: '/v1/complaints/{id}/withdrawal',
    summary:
      'Withdraw a complaint before its decision (R17): the applicant with the access token, or, for a paper complaint, an official of the addressee recording the written statement (statementReceivedOn)',
    access: 'applicant-or-official',
    body: withdrawalSchema,
    success: 201,
  },
  returnComplaint: {
    method: 'POST',
    path: '/v1/complaints/{id}/return',
    summary:
      'Return a complaint that cannot be considered, with its ground (R18); repeatedOf names the decided complaint a repeated one repeats',
    access: 'official',
    body: returnSchema,
    success: 201,
  },
  getCoupon: {
    method: 'GET',
    path: '/v1/complaints/{id}/coupon',
    summary: 'The printable coupon of a paper complaint accepted at the counter (R20)',
    access: 'official',
    success: 200,
    produces: 'text/html',
  },
  recordOtherDelivery: {
    method: 'POST',
    path: '/v1/complaints/{id}/notices/{noticeId}/delivery',
    summary: 'A failed e-mail notice delivered another way: post, courier or in person (R24)',
    access: 'official',
    body: otherDeliverySchema,
    success: 201,
  },
  dispatchLetter: {
    method: 'POST',
    path: '/v1/complaints/{id}/notices/{noticeId}/dispatch',
    summary: 'Mark a paper letter as dispatched (R9)',
    access: 'official',
    body: dispatchSchema,
    success: 200,
  },
  getLetter: {
    method: 'GET',
    path: '/v1/complaints/{id}/notices/{noticeId}/letter',
    summary: 'The printable letter of a paper notice',
    access: 'official',
    success: 200,
    produces: 'text/html',
  },
  recordFindings: {
    method: 'POST',
    path: '/v1/complaints/{id}/findings',
    summary: "The authorized body's findings on the reasons for dissatisfaction (R12)",
    access: 'official',
    body: findingsSchema,
    success: 201,
  },
  sendRecommendation: {
    method: 'POST',
    path: '/v1/complaints/{id}/recommendations',
    summary: 'A recommendation to a body found not to comply (R12)',
    access: 'official',
    body: recommendationSchema,
    success: 201,
  },
  respondToRecommendation: {
    method: 'POST',
    path: '/v1/complaints/{id}/recommendations/{recId}/response',
    summary: "The recommended body's answer (R12)",
    access: 'official',
    body: recommendationResponseSchema,
    success: 201,
  },
  controlRecommendation: {
    method: 'POST',
    path: '/v1/complaints/{id}/recommendations/{recId}/control',
    summary:
      'Control of timeliness (from the dates) and completeness, once the body answered or its date passed (R12, R23)',
    access: 'official',
    body: recommendationControlSchema,
    success: 201,
  },
  statistics: {
    method: 'GET',
    path: '/v1/statistics',
    summary:
      'The Agency’s figures per body and month: received, decided in time or late, overdue now, deemed refusals, extensions by reason, forwarded, withdrawn, returned, outcomes, recommendations, median working days to decision ([S6.3]); CSV with Accept: text/csv',
    access: 'official',
    query: statisticsQuerySchema,
    success: 200,
    alsoProduces: 'text/csv',
  },
  requestAccessLink: {
    method: 'POST',
    path: '/v1/access-links',
    summary:
      'Have a new follow-up link e-mailed to the address an electronic complaint gave (R15), at most 3 a day: always 202 with nothing in it, whether or not the registration number and e-mail matched',
    access: 'public',
    body: accessLinkRequestSchema,
    success: 202,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
