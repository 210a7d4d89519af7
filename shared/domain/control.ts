/**
 * The authorized body's control (R12, R23, [S6]): findings on the reasons for dissatisfaction,
 * recommendations to a body found not to comply, the body's answer, and control of timeliness and
 * completeness once the facts are in.
 */

import type { IsoDate } from '../calendar/dates.js';
import { legalDate, recordedInstant, type Instant } from '../time/legal-time.js';
import { requireAuthorizedBodyOnOwnComplaint, requireSystem } from './access.js';
import { bodyKindRules, type Body, type BodyKind } from './bodies.js';
import type { Principal, Recommendation } from './complaint.js';
import { DomainError, validationFailed } from './errors.js';
import {
  findRecommendation,
  newAlert,
  raise,
  replaceById,
  type Change,
  type Context,
  record,
  isAlertedAbout,
} from './records.js';
import { endedWithoutDecision, type RecommendationOutcome } from './vocabulary.js';

/** A body as a command needs it: resolved from the directory by the caller. */
export type BodyRef = Pick<Body, 'id' | 'kind'>;

export interface RecommendationResponseRequest {
  readonly outcome: RecommendationOutcome;
  readonly text: string;
}

export interface RecommendationControlRequest {
  readonly complete: boolean;
  readonly text: string;
}

export type ControlCommand =
  | {
      readonly type: 'recordFindings';
      readonly principal: Principal;
      readonly reasons: string;
      readonly violationFound: boolean;
      readonly body: BodyRef | null;
    }
  | {
      readonly type: 'sendRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly body: BodyRef;
      readonly measures: string;
      readonly respondBy: IsoDate;
    }
  | {
      readonly type: 'respondToRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly request: RecommendationResponseRequest;
    }
  | {
      readonly type: 'controlRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly request: RecommendationControlRequest;
    }
  | {
      readonly type: 'alertUnansweredRecommendation';
      readonly principal: Principal;
      readonly recommendationId: string;
      readonly alertId: string;
      readonly authorizedBodyId: string;
    };

type CommandOf<T extends ControlCommand['type']> = Extract<ControlCommand, { type: T }>;

export function mayReceiveRecommendations(kind: BodyKind): boolean {
  return bodyKindRules[kind].mayReceiveRecommendations;
}

/** R12: a recommendation still unanswered after its date alerts the authorized body. */
export function isRecommendationOverdue(recommendation: Recommendation, now: Instant): boolean {
  return recommendation.response === null && legalDate(now) > recommendation.respondBy;
}

/** R12, [S6.1]: the authorized body's findings on the reasons for dissatisfaction, once. */
export function recordFindings(context: Context, command: CommandOf<'recordFindings'>): Change {
  const { complaint, at, actor } = context;
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'record findings');
  if (complaint.findings !== null) {
    throw new DomainError('invalid-state', 'Findings are already recorded on this complaint');
  }
  if (command.violationFound && command.body === null) {
    throw validationFailed('The findings are not valid', [
      {
        path: 'bodyId',
        message: 'is required when violationFound is true: the body that did not comply',
      },
    ]);
  }
  return record(
    context,
    {
      findings: {
        reasons: command.reasons,
        violationFound: command.violationFound,
        bodyId: command.body?.id ?? null,
        recordedAt: at,
        recordedBy: actor,
      },
    },
    'findings_recorded',
    {
      violationFound: command.violationFound,
      bodyId: command.body?.id ?? null,
    },
  );
}

/** R12, [S6.2]: a recommendation to a body found not to comply, with a date to answer by. */
export function sendRecommendation(
  context: Context,
  command: CommandOf<'sendRecommendation'>,
): Change {
  const { complaint, today, at, actor } = context;
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'send recommendations');
  if (complaint.findings?.violationFound !== true) {
    throw new DomainError(
      'invalid-state',
      'A recommendation follows findings of non-compliance (R12): record them first',
    );
  }
  if (!mayReceiveRecommendations(command.body.kind)) {
    throw validationFailed('The recommendation is not valid', [
      {
        path: 'bodyId',
        message: `a body of kind ${command.body.kind} does not receive recommendations (R1, [S6.2])`,
      },
    ]);
  }
  if (command.respondBy <= today) {
    throw validationFailed('The recommendation is not valid', [
      { path: 'respondBy', message: `must be after today (${today})` },
    ]);
  }
  const recommendation: Recommendation = {
    id: command.recommendationId,
    bodyId: command.body.id,
    measures: command.measures,
    respondBy: command.respondBy,
    sentAt: at,
    sentBy: actor,
    response: null,
    control: null,
  };
  return record(
    context,
    {
      recommendations: [...complaint.recommendations, recommendation],
    },
    'recommendation_sent',
    {
      recommendationId: recommendation.id,
      bodyId: recommendation.bodyId,
      respondBy: recommendation.respondBy,
    },
  );
}

/** R12: the recommended body answers, once; whether it answered in time is recorded. */
export function respondToRecommendation(
  context: Context,
  command: CommandOf<'respondToRecommendation'>,
): Change {
  const { complaint, today, at, actor } = context;
  const recommendation = findRecommendation(complaint, command.recommendationId);
  if (command.principal.type !== 'official' || command.principal.bodyId !== recommendation.bodyId) {
    throw new DomainError('forbidden', 'Only the recommended body answers its recommendation');
  }
  if (recommendation.response !== null) {
    throw new DomainError('invalid-state', 'The recommendation is already answered');
  }
  const timely = today <= recommendation.respondBy;
  const updated: Recommendation = {
    ...recommendation,
    response: { ...command.request, respondedAt: at, respondedBy: actor, timely },
  };
  return record(
    context,
    {
      recommendations: replaceById(complaint.recommendations, updated),
    },
    'recommendation_answered',
    {
      recommendationId: recommendation.id,
      outcome: command.request.outcome,
      timely,
    },
  );
}

/**
 * R12, R23, [S6.3]: the authorized body's control of timeliness (from the dates) and completeness
 * (judged), once the facts are in: the body has answered, or its date has passed. Recorded again
 * only when the facts changed since: an answer that came after the last control.
 */
/** What control needs of a recommendation: its date, when it was answered, when controlled. */
export interface ControlledRecommendation {
  readonly respondBy: IsoDate;
  readonly response: { readonly respondedAt: string } | null;
  readonly control: { readonly recordedAt: string } | null;
}

/**
 * R23: whether the authorized body may control a recommendation today: once the body answered or
 * its answer-by date passed, and again only after an answer newer than the last control. The web
 * desk offers the control form by the same rule.
 */
export function controlState(
  recommendation: ControlledRecommendation,
  today: IsoDate,
): 'controllable' | 'too-early' | 'already-controlled' {
  const { response, control } = recommendation;
  if (response === null && today <= recommendation.respondBy) return 'too-early';
  const answeredSince =
    response !== null &&
    control !== null &&
    recordedInstant(response.respondedAt) > recordedInstant(control.recordedAt);
  return control !== null && !answeredSince ? 'already-controlled' : 'controllable';
}

export function controlRecommendation(
  context: Context,
  command: CommandOf<'controlRecommendation'>,
): Change {
  const { complaint, today, at, actor } = context;
  requireAuthorizedBodyOnOwnComplaint(command.principal, complaint, 'control recommendations');
  const recommendation = findRecommendation(complaint, command.recommendationId);
  const { response } = recommendation;
  const controllable = controlState(recommendation, today);
  if (controllable === 'too-early') {
    throw new DomainError(
      'invalid-state',
      `Control comes once the body has answered or its answer-by date (${recommendation.respondBy}) has passed (R23)`,
    );
  }
  if (controllable === 'already-controlled') {
    throw new DomainError(
      'invalid-state',
      'The recommendation is already controlled, and nothing has changed since (R23)',
    );
  }
  // R23: timely only if the body answered by its date; no answer past the date is never timely.
  const timely = response?.timely ?? false;
  const updated: Recommendation = {
    ...recommendation,
    control: {
      complete: command.request.complete,
      timely,
      text: command.request.text,
      recordedAt: at,
      recordedBy: actor,
    },
  };
  return record(
    context,
    {
      recommendations: replaceById(complaint.recommendations, updated),
    },
    'recommendation_controlled',
    {
      recommendationId: recommendation.id,
      complete: command.request.complete,
      timely,
      answered: response !== null,
    },
  );
}

/** R12: a recommendation not answered by its date alerts the authorized body, once. */
export function alertUnansweredRecommendation(
  context: Context,
  command: CommandOf<'alertUnansweredRecommendation'>,
): Change {
  const { complaint, today, at } = context;
  requireSystem(command.principal, 'controls recommendations');
  const recommendation = findRecommendation(complaint, command.recommendationId);
  const alerted = isAlertedAbout(complaint, recommendation.id);
  // R17: nothing more is alerted on a complaint that ended without a decision.
  if (
    endedWithoutDecision(complaint.status) ||
    recommendation.response !== null ||
    today <= recommendation.respondBy ||
    alerted
  ) {
    throw new DomainError('invalid-state', `Recommendation ${recommendation.id} needs no alert`);
  }
  return raise(
    context,
    newAlert(
      command.alertId,
      'recommendation_unanswered',
      command.authorizedBodyId,
      recommendation.respondBy,
      recommendation.id,
      at,
    ),
  );
}
