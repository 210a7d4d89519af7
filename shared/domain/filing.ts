/**
 * Registering a complaint (R4, R5, R14, R20): filed electronically by the applicant, entered from
 * paper by an official of the addressee, or registered at the competent body by a forwarding (R16).
 */

import { addCalendarDays, type IsoDate } from '../calendar/dates.js';
import { isOfficialDate } from '../calendar/index.js';
import { formatLegalInstant, legalDate, parseInstant, type Instant } from '../time/legal-time.js';
import { actorOf } from './access.js';
import { bodyKindRules, type Body } from './bodies.js';
import type {
  AcceptedBy,
  Actor,
  Applicant,
  Complaint,
  HistoryEvent,
  Notice,
  Principal,
  Subject,
} from './complaint.js';
import { dueDateOf, registrationDateOf } from './deadlines.js';
import { DomainError, validationFailed } from './errors.js';
import { attempt, event, newNotice, type Created, type Outcome } from './records.js';
import type { Channel } from './vocabulary.js';

/** What an applicant or an official files (`POST /v1/complaints`). */
export interface FilingRequest {
  readonly channel: Channel;
  readonly addresseeId: string;
  readonly applicant: Applicant;
  readonly subject: Subject;
  readonly text: string;
  readonly appealOf?: string | undefined;
  /** R20, paper only: when the complaint was actually received (ISO instant with offset). */
  readonly receivedAt?: string | undefined;
  /** R20, paper only: who accepted it. */
  readonly acceptedBy?: AcceptedBy | undefined;
}

export interface FileCommand {
  readonly principal: Principal;
  readonly id: string;
  /** Used only when the complaint gets a registration notice (electronic channel). */
  readonly noticeId: string;
  /** R14: this complaint's place in its addressee's register for its registration year. */
  readonly registrationSequence: (year: number) => number;
  readonly request: FilingRequest;
  readonly addressee: Body;
}

/** R20: how far back an official may date a paper complaint's receipt. */
export const maxReceiptAgeDays = 10;
/** A paper receipt stamped by a clock a little ahead of ours is not "in the future". */
const clockToleranceMs = 60_000;

/** R14: `<addressee id>/<year>/<six-digit sequence>`, e.g. `akimat-astana/2026/000042`. */
export function formatRegistrationNumber(bodyId: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `${bodyId}/${year}/${String(sequence).padStart(6, '0')}`;
}

/**
 * R4, R20: the instant a complaint counts as received (a paper complaint's stated receipt, else
 * now) and its registration date at the addressee. A stated receipt in the future or more than
 * `maxReceiptAgeDays` back is refused.
 */
export function receiptOf(
  request: Pick<FilingRequest, 'receivedAt'>,
  addressee: Pick<Body, 'workingHoursEnd'>,
  now: Instant,
): { readonly receivedAt: Instant; readonly registrationDate: IsoDate } {
  let receivedAt = now;
  if (request.receivedAt !== undefined) {
    const stated = parseInstant(request.receivedAt);
    const earliest = addCalendarDays(legalDate(now), -maxReceiptAgeDays);
    const problem =
      stated === undefined
        ? 'must be an instant with its offset, e.g. 2026-11-23T17:00:00+05:00'
        : stated > now + clockToleranceMs
          ? 'must not be in the future'
          : legalDate(stated) < earliest
            ? `must be at most ${maxReceiptAgeDays} calendar days back (on or after ${earliest})`
            : undefined;
    if (problem !== undefined || stated === undefined) {
      throw validationFailed('The complaint is not valid', [
        { path: 'receivedAt', message: problem ?? 'is not valid' },
      ]);
    }
    receivedAt = Math.min(stated, now);
  }
  return {
    receivedAt,
    registrationDate: registrationDateOf(receivedAt, addressee.workingHoursEnd),
  };
}

interface Registration {
  readonly id: string;
  readonly sequence: (year: number) => number;
  readonly addressee: Body;
  readonly receivedAt: Instant;
  readonly registrationDate: IsoDate;
  readonly filedBy: Actor;
}

/** A complaint as registered: under review, due N working days after registration (R5). */
function registered(
  { id, sequence, addressee, receivedAt, registrationDate, filedBy }: Registration,
  facts: Pick<
    Complaint,
    | 'channel'
    | 'applicant'
    | 'subject'
    | 'text'
    | 'appealOf'
    | 'acceptedBy'
    | 'forwardedFrom'
    | 'notices'
  >,
): Complaint {
  const dueDate = dueDateOf(registrationDate, addressee.kind);
  return {
    id,
    registrationNumber: formatRegistrationNumber(
      addressee.id,
      Number(registrationDate.slice(0, 4)),
      sequence(Number(registrationDate.slice(0, 4))),
    ),
    status: 'under_review',
    addressee: { id: addressee.id, kind: addressee.kind, name: addressee.name },
    ...facts,
    receivedAt: formatLegalInstant(receivedAt),
    registrationDate,
    reviewWorkingDays: bodyKindRules[addressee.kind].reviewWorkingDays,
    dueDate,
    // R22: past the official calendar the due date is counted from the law's holidays alone.
    dueDateProvisional: !isOfficialDate(dueDate),
    extendedWorkingDays: 0,
    extensions: [],
    forwardedTo: null,
    forwarding: null,
    withdrawal: null,
    return: null,
    decision: null,
    findings: null,
    recommendations: [],
    alerts: [],
    filedBy,
    version: 1,
  };
}

/** R13: the first event of a complaint's history. */
function filed(
  complaint: Complaint,
  at: string,
  actor: Actor,
  more: HistoryEvent['details'],
): HistoryEvent {
  return event('filed', at, actor, 1, {
    channel: complaint.channel,
    receivedAt: complaint.receivedAt,
    registrationDate: complaint.registrationDate,
    dueDate: complaint.dueDate,
    dueDateProvisional: complaint.dueDateProvisional,
    ...more,
  });
}

/** R4, R5, R14, R20: registers a new complaint; an electronic one gets its receipt notice at once. */
export function fileComplaint(command: FileCommand, now: Instant): Outcome {
  return attempt(() => {
    const { request, addressee, principal } = command;
    if (request.addresseeId !== addressee.id) {
      throw new RangeError('The addressee does not match the request');
    }
    if (request.channel === 'paper') {
      // A paper complaint is entered by an official of the body that received it.
      if (principal.type !== 'official') {
        throw new DomainError(
          'unauthorized',
          'A paper complaint is registered by an official of its addressee',
        );
      }
      if (principal.bodyId !== addressee.id) {
        throw new DomainError(
          'forbidden',
          'An official registers paper complaints for their own body only',
        );
      }
      if (request.acceptedBy === undefined) {
        throw validationFailed('The complaint is not valid', [
          { path: 'acceptedBy', message: 'is required for a paper complaint (R20)' },
        ]);
      }
    } else if (request.receivedAt !== undefined || request.acceptedBy !== undefined) {
      throw validationFailed('The complaint is not valid', [
        {
          path: request.receivedAt === undefined ? 'acceptedBy' : 'receivedAt',
          message: 'is for a paper complaint only: an electronic one is received when it arrives',
        },
      ]);
    }
    const today = legalDate(now);
    if (request.subject.occurredOn > today) {
      throw validationFailed('The complaint is not valid', [
        { path: 'subject.occurredOn', message: 'must not be in the future' },
      ]);
    }
    if (request.appealOf !== undefined && addressee.kind !== 'authorized_body') {
      throw validationFailed('The complaint is not valid', [
        {
          path: 'appealOf',
          message: 'only a complaint to the authorized body may name an earlier complaint (R12)',
        },
      ]);
    }
    const { receivedAt, registrationDate } = receiptOf(request, addressee, now);
    const at = formatLegalInstant(now);
    const actor = actorOf(principal);
    const notices: Notice[] =
      request.channel === 'electronic'
        ? [newNotice(command.noticeId, 'registration', request, registrationDate, at)]
        : [];
    const complaint = registered(
      {
        id: command.id,
        sequence: command.registrationSequence,
        addressee,
        receivedAt,
        registrationDate,
        filedBy: actor,
      },
      {
        channel: request.channel,
        applicant: request.applicant,
        subject: request.subject,
        text: request.text,
        appealOf: request.appealOf ?? null,
        acceptedBy: request.acceptedBy ?? null,
        forwardedFrom: null,
        notices,
      },
    );
    return {
      complaint,
      events: [filed(complaint, at, actor, { noticeId: notices[0]?.id ?? null })],
    };
  });
}

/**
 * R16: the complaint the competent body receives by a forwarding, as received at the instant of
 * forwarding. The applicant hears of it through the forwarding notice on the original, which names
 * this complaint's number and due date: it has no receipt notice of its own.
 */
export function registerForwarded(
  original: Complaint,
  to: Body,
  registration: { readonly id: string; readonly sequence: (year: number) => number },
  now: Instant,
  actor: Actor,
): Created {
  const at = formatLegalInstant(now);
  const complaint = registered(
    {
      id: registration.id,
      sequence: registration.sequence,
      addressee: to,
      receivedAt: now,
      registrationDate: registrationDateOf(now, to.workingHoursEnd),
      filedBy: actor,
    },
    {
      channel: original.channel,
      applicant: original.applicant,
      subject: original.subject,
      text: original.text,
      // Only a complaint to the authorized body names an earlier one (R12).
      appealOf: to.kind === 'authorized_body' ? original.appealOf : null,
      acceptedBy: null,
      forwardedFrom: original.id,
      notices: [],
    },
  );
  return {
    complaint,
    events: [filed(complaint, at, actor, { forwardedFrom: original.id, noticeId: null })],
  };
}
