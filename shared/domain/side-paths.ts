/**
 * The law's side paths (R16–R18, from the Administrative Procedural and Process Code): a complaint
 * outside the addressee's competence is forwarded, the applicant may withdraw it, and one that
 * cannot be considered is returned. Each ends the complaint and tells the applicant.
 */

import type { IsoDate } from '../calendar/dates.js';
import { addWorkingDays } from '../calendar/index.js';
import { requireAddresseeOfficial } from './access.js';
import type { Body } from './bodies.js';
import { applicantIdentifier, type Complaint, type Principal } from './complaint.js';
import { DomainError, validationFailed } from './errors.js';
import { registerForwarded } from './filing.js';
import { event, newAlert, newNotice, type Change, type Context, record } from './records.js';
import { isOpen, type ReturnGround } from './vocabulary.js';

/** R16 (APPC art. 65): the working days an addressee has to forward a complaint it cannot consider. */
export const forwardingWorkingDays = 3;

export interface WithdrawalRequest {
  readonly reason?: string | undefined;
  /** Recorded by an official from a written statement: the day it was received. */
  readonly statementReceivedOn?: IsoDate | undefined;
}

export interface ReturnRequest {
  readonly ground: ReturnGround;
  readonly explanation: string;
  readonly repeatedOf?: string | undefined;
}

export type SidePathCommand =
  | {
      readonly type: 'forward';
      readonly principal: Principal;
      /** The competent body, resolved from the directory. */
      readonly to: Body;
      readonly explanation: string;
      /** The complaint registered at `to`, and its place in `to`'s register for a year (R14). */
      readonly forwardedId: string;
      readonly registrationSequence: (year: number) => number;
      readonly noticeId: string;
      /** For the alert to the authorized body when the forwarding is late. */
      readonly alertId: string;
      readonly authorizedBodyId: string;
    }
  | {
      readonly type: 'withdraw';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: WithdrawalRequest;
    }
  | {
      readonly type: 'return';
      readonly principal: Principal;
      readonly noticeId: string;
      readonly request: ReturnRequest;
      /** The complaint `repeatedOf` names, read by the caller; undefined when it does not exist. */
      readonly repeated?: Complaint | undefined;
    };

type CommandOf<T extends SidePathCommand['type']> = Extract<SidePathCommand, { type: T }>;

function requireOpen(complaint: Complaint, what: string): void {
  if (!isOpen(complaint.status)) {
    throw new DomainError(
      'invalid-state',
      complaint.status === 'decided'
        ? `The complaint is decided; it can no longer be ${what}`
        : `The complaint is already ${complaint.status}; it can no longer be ${what}`,
    );
  }
}

/** R16: the last day to forward a complaint without being late. */
export function forwardingDueDateOf(complaint: Pick<Complaint, 'registrationDate'>): IsoDate {
  return addWorkingDays(complaint.registrationDate, forwardingWorkingDays);
}

/**
 * R16: forwards the complaint to the competent body: the original ends as `forwarded`, a new
 * complaint is registered there as received now, the applicant is told, and a forwarding past its
 * 3 working days is recorded late and alerts the authorized body.
 */
export function forward(context: Context, command: CommandOf<'forward'>): Change {
  const { complaint, now, today, at, actor, version } = context;
  requireAddresseeOfficial(command.principal, complaint, 'forward it');
  requireOpen(complaint, 'forwarded');
  if (command.to.id === complaint.addressee.id) {
    throw validationFailed('The forwarding is not valid', [
      {
        path: 'toBodyId',
        message: 'must be another body: the complaint is already addressed here',
      },
    ]);
  }
  const created = registerForwarded(
    complaint,
    command.to,
    { id: command.forwardedId, sequence: command.registrationSequence },
    now,
    actor,
  );
  const dueDate = forwardingDueDateOf(complaint);
  const timely = today <= dueDate;
  const notice = newNotice(command.noticeId, 'forwarding', complaint, today, at);
  // R16: a late forwarding is still done; the authorized body sees that it was late.
  const alerts = timely
    ? []
    : [
        newAlert(
          command.alertId,
          'forwarded_late',
          command.authorizedBodyId,
          dueDate,
          created.complaint.id,
          at,
        ),
      ];
  return {
    complaint: {
      ...complaint,
      status: 'forwarded',
      forwardedTo: created.complaint.id,
      forwarding: {
        toBodyId: command.to.id,
        toComplaintId: created.complaint.id,
        toRegistrationNumber: created.complaint.registrationNumber,
        toRegistrationDate: created.complaint.registrationDate,
        toDueDate: created.complaint.dueDate,
        explanation: command.explanation,
        forwardedAt: at,
        forwardedBy: actor,
        dueDate,
        timely,
        noticeId: notice.id,
      },
      notices: [...complaint.notices, notice],
      alerts: [...complaint.alerts, ...alerts],
      version,
    },
    events: [
      event('forwarded', at, actor, version, {
        toBodyId: command.to.id,
        toComplaintId: created.complaint.id,
        toRegistrationNumber: created.complaint.registrationNumber,
        dueDate,
        timely,
        noticeId: notice.id,
        alertId: alerts[0]?.id ?? null,
      }),
    ],
    created,
  };
}

/**
 * R17: the applicant withdraws the complaint before it is decided: with the access token, or, for a
 * paper complaint, by a written statement an official of the addressee records. Its schedules stop;
 * the applicant gets a confirmation.
 */
export function withdraw(context: Context, command: CommandOf<'withdraw'>): Change {
  const { complaint, today, at, actor } = context;
  const { principal, request } = command;
  const byApplicant = principal.type === 'applicant';
  if (!byApplicant) requireAddresseeOfficial(principal, complaint, 'record a withdrawal');
  requireOpen(complaint, 'withdrawn');
  if (!byApplicant && complaint.channel === 'electronic') {
    throw new DomainError(
      'invalid-state',
      'An electronic complaint is withdrawn by its applicant, with the access token (R17)',
    );
  }
  const statementReceivedOn = request.statementReceivedOn;
  const receivedOn = complaint.receivedAt.slice(0, 10);
  if (byApplicant && statementReceivedOn !== undefined) {
    throw validationFailed('The withdrawal is not valid', [
      {
        path: 'statementReceivedOn',
        message: 'is recorded by an official from a written statement, not by the applicant',
      },
    ]);
  }
  if (!byApplicant) {
    const problem =
      statementReceivedOn === undefined
        ? 'is required: the day the written statement of withdrawal was received'
        : statementReceivedOn > today || statementReceivedOn < receivedOn
          ? `must be between ${receivedOn} and today (${today})`
          : undefined;
    if (problem !== undefined) {
      throw validationFailed('The withdrawal is not valid', [
        { path: 'statementReceivedOn', message: problem },
      ]);
    }
  }
  const notice = newNotice(command.noticeId, 'withdrawal', complaint, today, at);
  return record(
    context,
    {
      status: 'withdrawn',
      withdrawal: {
        reason: request.reason ?? null,
        statementReceivedOn: statementReceivedOn ?? null,
        withdrawnAt: at,
        withdrawnBy: actor,
        noticeId: notice.id,
      },
      notices: [...complaint.notices, notice],
    },
    'withdrawn',
    {
      statementReceivedOn: statementReceivedOn ?? null,
      noticeId: notice.id,
    },
  );
}

/**
 * R18: returns a complaint that cannot be considered, with its ground; not a decision on the
 * merits. A `repeated` one names the decided complaint of the same applicant it repeats.
 */
export function returnComplaint(context: Context, command: CommandOf<'return'>): Change {
  const { complaint, today, at, actor } = context;
  requireAddresseeOfficial(command.principal, complaint, 'return it');
  requireOpen(complaint, 'returned');
  const { ground, explanation, repeatedOf } = command.request;
  const repeated = command.repeated;
  const problem =
    ground !== 'repeated'
      ? repeatedOf === undefined
        ? undefined
        : 'is only for the ground "repeated"'
      : repeatedOf === undefined
        ? 'is required for the ground "repeated": the decided complaint this one repeats'
        : repeated === undefined ||
            repeated.id !== repeatedOf ||
            repeated.id === complaint.id ||
            repeated.decision === null ||
            applicantIdentifier(repeated.applicant) !== applicantIdentifier(complaint.applicant)
          ? 'is not a decided complaint of the same applicant'
          : undefined;
  if (problem !== undefined) {
    throw validationFailed('The return is not valid', [{ path: 'repeatedOf', message: problem }]);
  }
  const notice = newNotice(command.noticeId, 'return', complaint, today, at);
  return record(
    context,
    {
      status: 'returned',
      return: {
        ground,
        explanation,
        repeatedOf: repeatedOf ?? null,
        repeatedRegistrationNumber: repeated?.registrationNumber ?? null,
        returnedAt: at,
        returnedBy: actor,
        noticeId: notice.id,
      },
      notices: [...complaint.notices, notice],
    },
    'returned',
    {
      ground,
      repeatedOf: repeatedOf ?? null,
      noticeId: notice.id,
    },
  );
}
