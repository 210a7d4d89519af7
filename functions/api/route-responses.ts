/**
 * The JSON answer of each route on success (shared/validation/responses.ts): published in the
 * OpenAPI document and checked by the tests against every answer. Apart from the route table on
 * purpose: the handlers import the routes, and building every response schema at import would be
 * cold-start work for functions that never use them (the views are typed by them, at compile time).
 */

import type * as z from 'zod';
import { accessLinkAnswerSchema } from '../../shared/validation/access-links.js';
import {
  bodyListSchema,
  bodyViewSchema,
  calendarYearSchema,
  complaintListSchema,
  complaintViewForCallerSchema,
  complaintViewSchema,
  dueDateAnswerSchema,
  extensionAnswerSchema,
  filingViewSchema,
  findingsViewSchema,
  forwardingAnswerSchema,
  noticeViewSchema,
  openApiDocumentSchema,
  recommendationViewSchema,
  sentRecommendationSchema,
  statisticsAnswerSchema,
} from '../../shared/validation/responses.js';
import type { RouteName } from './routes.js';

export const routeResponses = {
  listBodies: bodyListSchema,
  getBody: bodyViewSchema,
  dueDate: dueDateAnswerSchema,
  calendarYear: calendarYearSchema,
  openApi: openApiDocumentSchema,
  fileComplaint: filingViewSchema,
  getComplaint: complaintViewForCallerSchema,
  listComplaints: complaintListSchema,
  extendReview: extensionAnswerSchema,
  decide: complaintViewSchema,
  forward: forwardingAnswerSchema,
  withdraw: complaintViewForCallerSchema,
  returnComplaint: complaintViewSchema,
  recordOtherDelivery: noticeViewSchema,
  dispatchLetter: noticeViewSchema,
  recordFindings: findingsViewSchema,
  sendRecommendation: sentRecommendationSchema,
  respondToRecommendation: recommendationViewSchema,
  controlRecommendation: recommendationViewSchema,
  statistics: statisticsAnswerSchema,
  requestAccessLink: accessLinkAnswerSchema,
} as const satisfies Partial<Record<RouteName, z.ZodType>>;

/** A route's JSON answer on success; undefined for the printable (HTML) ones. */
export function responseOf(route: RouteName): z.ZodType | undefined {
  return (routeResponses as Partial<Record<RouteName, z.ZodType>>)[route];
}
