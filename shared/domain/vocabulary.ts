/**
 * The domain's vocabulary: the closed sets of values a complaint's facts take (docs/rules.md). The
 * request schemas (shared/validation/) accept exactly these; the domain owns them.
 */

/** R9: how the complaint came in, and so how the applicant is answered. */
export const channels = ['electronic', 'paper'] as const;
export type Channel = (typeof channels)[number];

export const applicantTypes = ['individual', 'legal_entity'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** [S1]: a decision, an action or an inaction is appealed. */
export const subjectTypes = ['decision', 'action', 'inaction'] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** R7, [S7.1], [S7.2]: the only reasons a review period is extended. */
export const extensionReasons = [
  'additional_study',
  'site_inspection',
  'additional_information',
] as const;
export type ExtensionReason = (typeof extensionReasons)[number];

/** R10. */
export const decisionOutcomes = ['satisfied', 'partially_satisfied', 'rejected'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** R9, R24: how a letter went out, or how a failed e-mail notice was delivered instead. */
export const dispatchMethods = ['post', 'courier', 'in_person'] as const;
export type DispatchMethod = (typeof dispatchMethods)[number];

/** R12. */
export const recommendationOutcomes = ['implemented', 'partially_implemented', 'declined'] as const;
export type RecommendationOutcome = (typeof recommendationOutcomes)[number];

/** R18: why a complaint cannot be considered (APPC art. 63, 64). */
export const returnGrounds = ['missing_details', 'not_a_complaint', 'repeated'] as const;
export type ReturnGround = (typeof returnGrounds)[number];

/**
 * Where a complaint stands. `under_review` and `overdue` are open (still decidable); the others
 * are final: decided (R10), forwarded to the competent body (R16), withdrawn (R17), returned (R18).
 */
export const complaintStatuses = [
  'under_review',
  'overdue',
  'decided',
  'forwarded',
  'withdrawn',
  'returned',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const openStatuses = [
  'under_review',
  'overdue',
] as const satisfies readonly ComplaintStatus[];

export function isOpen(status: ComplaintStatus): boolean {
  return (openStatuses as readonly ComplaintStatus[]).includes(status);
}

/** R16–R18: ended without a decision on the merits (forwarded, withdrawn, returned). */
export function endedWithoutDecision(status: ComplaintStatus): boolean {
  return status === 'forwarded' || status === 'withdrawn' || status === 'returned';
}
