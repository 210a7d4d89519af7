/**
 * `POST /v1/complaints` (R4, R5, R9, R14, R20): registers a complaint in one transaction with its
 * first event, its receipt notice and the registration counter. With an `Idempotency-Key`, a retry
 * answers the first response and files nothing (Powertools Idempotency on the same table); the
 * same key with another body is `idempotency-conflict`.
 */

import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { applicantIdentifier, type Principal } from '../../shared/domain/complaint.js';
import { DomainError, validationFailed } from '../../shared/domain/errors.js';
import { fileComplaint } from '../../shared/domain/filing.js';
import type { FileComplaintRequest } from '../../shared/validation/schemas.js';
import { newAccessToken, principalFor } from '../lib/auth.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import { idempotencyStoreIn } from '../lib/wiring/idempotency.js';
import { createHttpHandler, etagOf, type HttpResponse } from '../lib/http.js';
import { complaintLocation, filingView } from '../lib/views.js';

/** How long a retry with the same key answers the first response (the record then expires). */
export const idempotencyWindowSeconds = 24 * 60 * 60;
const maxKeyLength = 128;

interface FilingPayload {
  /** Who filed plus the client's key: one applicant's key never answers another's request. */
  readonly key: string | null;
  readonly request: FileComplaintRequest;
}

type Needs = Pick<
  Dependencies,
  | 'repository'
  | 'directory'
  | 'authenticate'
  | 'idempotencyStore'
  | 'logger'
  | 'metrics'
  | 'clock'
  | 'newId'
>;

export function createFileComplaintHandler(dependencies: Needs) {
  const file = async (
    { request }: FilingPayload,
    principal: Principal,
    now: number,
  ): Promise<HttpResponse> => {
    const { repository, directory } = dependencies;
    const addressee = await directory.find(request.addresseeId);
    if (!addressee) {
      // R2: a complaint to an unknown body is refused.
      throw validationFailed('The complaint is not valid', [
        { path: 'addresseeId', message: 'is not a body of the directory (GET /v1/bodies)' },
      ]);
    }
    if (request.appealOf !== undefined) await requireAppealable(dependencies, request);
    const id = dependencies.newId();
    const noticeId = dependencies.newId();
    const filing = (sequence: number) =>
      fileComplaint(
        { principal, id, noticeId, registrationSequence: () => sequence, request, addressee },
        now,
      );
    // Whatever can refuse the complaint is decided before a number is taken: a refusal leaves no
    // gap in the register (R14).
    const trial = filing(1);
    if (!trial.ok) throw trial.error;
    const sequence = await repository.reserveRegistrationSequence(
      addressee.id,
      Number(trial.complaint.registrationDate.slice(0, 4)),
    );
    const outcome = filing(sequence);
    if (!outcome.ok) throw outcome.error;
    const { token, hash } = newAccessToken(id);
    await repository.file({
      complaint: outcome.complaint,
      events: outcome.events,
      accessToken: { hash, issuedFor: id },
    });
    dependencies.metrics.count('ComplaintsFiled');
    return {
      status: 201,
      body: filingView(outcome.complaint, token),
      headers: { location: complaintLocation(id), etag: etagOf(outcome.complaint.version) },
    };
  };

  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'request',
    expiresAfterSeconds: idempotencyWindowSeconds,
    throwOnNoIdempotencyKey: false,
  });
  // Made on first use: building the handler must not need the environment.
  let fileOnce: typeof file | undefined;

  /** A concurrent retry waits for the first request to finish, then answers what it answered. */
  const fileIdempotently = async (
    payload: FilingPayload,
    principal: Principal,
    now: number,
    context: Context,
  ): Promise<HttpResponse> => {
    config.registerLambdaContext(context);
    for (let wait = 25; ; wait = Math.min(wait * 2, 500)) {
      try {
        fileOnce ??= makeIdempotent(file, {
          persistenceStore: dependencies.idempotencyStore,
          config,
          dataIndexArgument: 0,
        });
        return await fileOnce(payload, principal, now);
      } catch (error) {
        if (error instanceof IdempotencyValidationError) {
          throw new DomainError(
            'idempotency-conflict',
            'This Idempotency-Key was used with a different request; use a new key for a new complaint',
          );
        }
        if (
          error instanceof IdempotencyAlreadyInProgressError &&
          context.getRemainingTimeInMillis() > 2 * wait + 1_000
        ) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        throw error;
      }
    }
  };

  return createHttpHandler(
    {
      fileComplaint: async ({ body: request, headers, now, context }) => {
        const credentials = await dependencies.authenticate(headers.authorization);
        const principal = principalFor(credentials);
        const key = headers['idempotency-key'];
        if (key === undefined) {
          return file({ key: null, request }, principal, now);
        }
        if (key.length === 0 || key.length > maxKeyLength) {
          throw validationFailed('The Idempotency-Key header is not valid', [
            { path: 'Idempotency-Key', message: `must be 1 to ${maxKeyLength} characters` },
          ]);
        }
        const filer =
          principal.type === 'official'
            ? `official:${principal.sub}`
            : `applicant:${applicantIdentifier(request.applicant)}`;
        return fileIdempotently({ key: `${filer}:${key}`, request }, principal, now, context);
      },
    },
    dependencies,
  );
}

/** R12, R19: an appeal names a decided or an overdue (deemed refused) complaint of the same applicant. */
async function requireAppealable(
  dependencies: Needs,
  request: FileComplaintRequest,
): Promise<void> {
  const earlier =
    request.appealOf === undefined
      ? undefined
      : await dependencies.repository.get(request.appealOf);
  if (
    !earlier ||
    (earlier.complaint.decision === null && earlier.complaint.status !== 'overdue') ||
    applicantIdentifier(earlier.complaint.applicant) !== applicantIdentifier(request.applicant)
  ) {
    throw validationFailed('The complaint is not valid', [
      { path: 'appealOf', message: 'is not a decided or overdue complaint of this applicant' },
    ]);
  }
}

export const handler = createFileComplaintHandler(
  environmentDependencies({
    authenticate: authenticatorFromEnvironment,
    idempotencyStore: idempotencyStoreIn,
  }),
);
