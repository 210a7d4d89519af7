/**
 * Every command on a complaint, and the one entry point that applies them (R4–R24): a handler
 * parses and authenticates, calls `applyCommand`, and persists what it returns in one conditional
 * write. Nothing here reads a clock, a table or the network. Each command lives with its concern:
 * review.ts, side-paths.ts, delivery.ts, control.ts; filing is filing.ts.
 */

import { formatLegalInstant, legalDate, type Instant } from '../time/legal-time.js';
import { actorOf, canView } from './access.js';
import type { Complaint } from './complaint.js';
import {
  alertUnansweredRecommendation,
  controlRecommendation,
  recordFindings,
  respondToRecommendation,
  sendRecommendation,
  type ControlCommand,
} from './control.js';
import {
  alertLetterNotDispatched,
  dispatchLetter,
  recordBounce,
  recordDelivered,
  recordDeliveryFailed,
  recordOtherDelivery,
  type DeliveryCommand,
} from './delivery.js';
import { DomainError } from './errors.js';
import { attempt, type Change, type Context, type Outcome } from './records.js';
import {
  decide,
  extend,
  markOverdue,
  recomputeDueDate,
  remindDueSoon,
  type ReviewCommand,
} from './review.js';
import { forward, returnComplaint, withdraw, type SidePathCommand } from './side-paths.js';

export type ComplaintCommand = ReviewCommand | SidePathCommand | DeliveryCommand | ControlCommand;
export type CommandType = ComplaintCommand['type'];
export type { Outcome } from './records.js';

type Handlers = {
  readonly [T in CommandType]: (
    context: Context,
    command: Extract<ComplaintCommand, { type: T }>,
  ) => Change;
};

const handlers: Handlers = {
  extend,
  decide,
  markOverdue,
  remindDueSoon,
  recomputeDueDate,
  forward,
  withdraw,
  return: returnComplaint,
  recordDelivered,
  recordDeliveryFailed,
  recordBounce,
  dispatchLetter,
  recordOtherDelivery,
  alertLetterNotDispatched,
  recordFindings,
  sendRecommendation,
  respondToRecommendation,
  controlRecommendation,
  alertUnansweredRecommendation,
};

/** Applies one command to a complaint. The returned complaint has `version + 1`. */
export function applyCommand(
  complaint: Complaint,
  command: ComplaintCommand,
  now: Instant,
): Outcome {
  return attempt(() => {
    // R15: whoever may not see it is answered as if it did not exist.
    if (!canView(command.principal, complaint)) {
      throw new DomainError('not-found', `No complaint ${complaint.id}`);
    }
    const context: Context = {
      complaint,
      now,
      today: legalDate(now),
      at: formatLegalInstant(now),
      actor: actorOf(command.principal),
      version: complaint.version + 1,
    };
    const handle = handlers[command.type] as (
      context: Context,
      command: ComplaintCommand,
    ) => Change;
    return handle(context, command);
  });
}
