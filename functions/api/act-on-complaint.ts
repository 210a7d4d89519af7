/**
 * Acting on a complaint: extension (R6–R9), decision (R10), forwarding (R16), withdrawal (R17),
 * return (R18), a letter dispatched (R9), a failed notice delivered another way (R24), findings,
 * recommendations, their answer and control (R12, R23). Each is read → decide → one conditional
 * write of the new state with its history event and notice (R13); a stale `If-Match` or a
 * concurrent change is `version-conflict`.
 */

import type { Context } from 'aws-lambda';
import type { Complaint, Principal } from '../../shared/domain/complaint.js';
import { applyCommand, type ComplaintCommand } from '../../shared/domain/commands.js';
import type { BodyRef } from '../../shared/domain/control.js';
import { validationFailed } from '../../shared/domain/errors.js';
import type { StoredComplaint } from '../../shared/ports.js';
import { requireOfficial, type Credentials } from '../lib/auth.js';
import { backoff, commit, isVersionConflict } from '../lib/changes.js';
import { readVisibleComplaint } from '../lib/complaints.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authorizedBody } from '../lib/directory.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import {
  createHttpHandler,
  etagOf,
  requireMatchingVersion,
  type HttpResponse,
} from '../lib/http.js';
import {
  complaintLocation,
  complaintView,
  extensionAnswer,
  findingsAnswer,
  forwardingAnswer,
  noticeAnswer,
  recommendationAnswer,
  sentRecommendationAnswer,
} from '../lib/views.js';

type Needs = Pick<
  Dependencies,
  'repository' | 'directory' | 'authenticate' | 'logger' | 'clock' | 'newId'
>;

/**
 * An act without If-Match that keeps losing races (the system recording a notice sent, another
 * official) is decided again while the function has this much time left; then it is a conflict.
 */
const reserveMs = 2_000;

interface ActRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly now: number;
  readonly context: Context;
}

export function createActOnComplaintHandler(dependencies: Needs) {
  // Dependencies are read on use, not here: building the handler must not need the environment.
  const newId = (): string => dependencies.newId();

  /**
   * Read, authorize, decide, write; `respond` shapes the answer from the new state. Only officials
   * act, except where `applicantMay` (a withdrawal with the access token, R17).
   */
  const act = async (
    { params, headers, now, context }: ActRequest,
    command: (
      principal: Principal,
      stored: StoredComplaint,
    ) => ComplaintCommand | Promise<ComplaintCommand>,
    respond: (next: Complaint, stored: StoredComplaint, principal: Principal) => HttpResponse,
    options: { readonly applicantMay?: true } = {},
  ): Promise<HttpResponse> => {
    const credentials: Credentials = await dependencies.authenticate(headers.authorization);
    if (!options.applicantMay) requireOfficial(credentials);
    const pinned = headers['if-match'] !== undefined;
    // Without If-Match the caller asks for the act on the complaint as it is now: when the system
    // (a notice recorded sent, an alert raised) or another official changed it meanwhile, the act
    // is decided again on the new state. With If-Match the conflict is the caller's to resolve.
    for (let attempt = 1; ; attempt++) {
      const { stored, principal } = await readVisibleComplaint(
        dependencies.repository,
        params.id ?? '',
        credentials,
      );
      requireMatchingVersion(headers, stored.complaint.version);
      const outcome = applyCommand(stored.complaint, await command(principal, stored), now);
      if (!outcome.ok) throw outcome.error;
      try {
        await commit(
          dependencies,
          stored.complaint,
          outcome.complaint,
          outcome.events,
          // R16: the forwarded complaint is read with the original's access token.
          outcome.created && { ...outcome.created, accessToken: stored.accessToken },
        );
      } catch (error) {
        if (isVersionConflict(error) && !pinned && context.getRemainingTimeInMillis() > reserveMs) {
          await backoff(attempt);
          continue;
        }
        throw error;
      }
      const response = respond(
        outcome.complaint,
        {
          ...stored,
          complaint: outcome.complaint,
          history: [...stored.history, ...outcome.events],
        },
        principal,
      );
      return {
        ...response,
        headers: { etag: etagOf(outcome.complaint.version), ...response.headers },
      };
    }
  };

  const resolveBody = async (id: string, path = 'bodyId'): Promise<BodyRef> => {
    const body = await dependencies.directory.find(id);
    if (!body)
      throw validationFailed('The request is not valid', [
        { path, message: 'is not a body of the directory' },
      ]);
    return body;
  };

  /** The answer with the whole complaint, as the caller may see it. */
  const withComplaint = (next: Complaint, stored: StoredComplaint, principal: Principal) => ({
    status: 201,
    headers: { location: complaintLocation(next.id) },
    body: complaintView(stored, principal),
  });

  return createHttpHandler(
    {
      extendReview: (request) => {
        const extensionId = newId();
        return act(
          request,
          (principal) => ({
            type: 'extend',
            principal,
            extensionId,
            noticeId: newId(),
            request: request.body,
          }),
          (next) => ({
            status: 201,
            headers: { location: complaintLocation(next.id) },
            body: extensionAnswer(next),
          }),
        );
      },
      decide: (request) =>
        act(
          request,
          (principal) => ({ type: 'decide', principal, noticeId: newId(), request: request.body }),
          withComplaint,
        ),
      forward: (request) => {
        const forwardedId = newId();
        // One number at the receiving body per request, however often a race makes it decide again.
        const reserved = new Map<number, number>();
        return act(
          request,
          async (principal, stored) => {
            const to = await dependencies.directory.find(request.body.toBodyId);
            if (!to) {
              throw validationFailed('The forwarding is not valid', [
                { path: 'toBodyId', message: 'is not a body of the directory (GET /v1/bodies)' },
              ]);
            }
            const authorizedBodyId = (await authorizedBody(dependencies.directory)).id;
            const command = (sequence: number): ComplaintCommand => ({
              type: 'forward',
              principal,
              to,
              explanation: request.body.explanation,
              forwardedId,
              registrationSequence: () => sequence,
              noticeId: newId(),
              alertId: newId(),
              authorizedBodyId,
            });
            // Whatever can refuse it is decided before a number is taken at `to` (R14: no gap).
            const trial = applyCommand(stored.complaint, command(1), request.now);
            if (!trial.ok) throw trial.error;
            const year = Number(trial.created?.complaint.registrationDate.slice(0, 4));
            const sequence =
              reserved.get(year) ??
              (await dependencies.repository.reserveRegistrationSequence(to.id, year));
            reserved.set(year, sequence);
            return command(sequence);
          },
          (next) => ({
            status: 201,
            headers: { location: complaintLocation(forwardedId) },
            body: forwardingAnswer(next),
          }),
        );
      },
      withdraw: (request) =>
        act(
          request,
          (principal) => ({
            type: 'withdraw',
            principal,
            noticeId: newId(),
            request: request.body,
          }),
          withComplaint,
          { applicantMay: true },
        ),
      returnComplaint: (request) =>
        act(
          request,
          async (principal) => {
            const { repeatedOf } = request.body;
            const repeated =
              repeatedOf === undefined ? undefined : await dependencies.repository.get(repeatedOf);
            return {
              type: 'return',
              principal,
              noticeId: newId(),
              request: request.body,
              repeated: repeated?.complaint,
            };
          },
          withComplaint,
        ),
      dispatchLetter: (request) =>
        act(
          request,
          (principal) => ({
            type: 'dispatchLetter',
            principal,
            noticeId: request.params.noticeId ?? '',
            request: request.body,
          }),
          (next) => ({ status: 200, body: noticeAnswer(next, request.params.noticeId ?? '') }),
        ),
      recordOtherDelivery: (request) =>
        act(
          request,
          (principal) => ({
            type: 'recordOtherDelivery',
            principal,
            noticeId: request.params.noticeId ?? '',
            request: request.body,
          }),
          (next) => ({ status: 201, body: noticeAnswer(next, request.params.noticeId ?? '') }),
        ),
      recordFindings: (request) =>
        act(
          request,
          async (principal) => ({
            type: 'recordFindings',
            principal,
            reasons: request.body.reasons,
            violationFound: request.body.violationFound,
            body: request.body.bodyId === undefined ? null : await resolveBody(request.body.bodyId),
          }),
          (next) => ({
            status: 201,
            headers: { location: complaintLocation(next.id) },
            body: findingsAnswer(next),
          }),
        ),
      sendRecommendation: (request) => {
        const recommendationId = newId();
        return act(
          request,
          async (principal) => ({
            type: 'sendRecommendation',
            principal,
            recommendationId,
            body: await resolveBody(request.body.bodyId),
            measures: request.body.measures,
            respondBy: request.body.respondBy,
          }),
          (next) => ({
            status: 201,
            headers: { location: complaintLocation(next.id) },
            body: sentRecommendationAnswer(next, recommendationId),
          }),
        );
      },
      respondToRecommendation: (request) =>
        act(
          request,
          (principal) => ({
            type: 'respondToRecommendation',
            principal,
            recommendationId: request.params.recId ?? '',
            request: request.body,
          }),
          (next) => ({
            status: 201,
            body: recommendationAnswer(next, request.params.recId ?? ''),
          }),
        ),
      controlRecommendation: (request) =>
        act(
          request,
          (principal) => ({
            type: 'controlRecommendation',
            principal,
            recommendationId: request.params.recId ?? '',
            request: request.body,
          }),
          (next) => ({
            status: 201,
            body: recommendationAnswer(next, request.params.recId ?? ''),
          }),
        ),
    },
    dependencies,
  );
}

export const handler = createActOnComplaintHandler(
  environmentDependencies({ authenticate: authenticatorFromEnvironment }),
);
