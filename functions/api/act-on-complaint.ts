/**
 * Officials act on a complaint: extension (R6–R9), decision (R10), dispatch of a letter (R9),
 * findings, recommendations, their answer and control (R12). Each is read → decide → one
 * conditional write of the new state with its history event and notice (R13); a stale `If-Match`
 * or a concurrent change is `version-conflict`.
 */

import type { Complaint, Principal } from '../../shared/domain/complaint.js';
import { DomainError, validationFailed } from '../../shared/domain/errors.js';
import {
  applyCommand,
  type BodyRef,
  type ComplaintCommand,
} from '../../shared/domain/lifecycle.js';
import type { StoredComplaint } from '../../shared/ports.js';
import { requireOfficial } from '../lib/auth.js';
import { commit } from '../lib/changes.js';
import { readVisibleComplaint } from '../lib/complaints.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';
import {
  createHttpHandler,
  etagOf,
  requireMatchingVersion,
  type HttpResponse,
} from '../lib/http.js';
import { complaintLocation, complaintView } from '../lib/views.js';

type Needs = Pick<
  Dependencies,
  'repository' | 'directory' | 'authenticate' | 'scheduler' | 'logger' | 'clock' | 'newId'
>;

/** Tries of an act without If-Match when the complaint keeps changing under it. */
const maxAttempts = 5;

interface ActRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly now: number;
}

export function createActOnComplaintHandler(dependencies: Needs) {
  // Dependencies are read on use, not here: building the handler must not need the environment.
  const newId = (): string => dependencies.newId();

  /** Read, authorize, decide, write; `respond` shapes the answer from the new state. */
  const act = async (
    { params, headers, now }: ActRequest,
    command: (principal: Principal) => ComplaintCommand | Promise<ComplaintCommand>,
    respond: (next: Complaint, stored: StoredComplaint, principal: Principal) => HttpResponse,
  ): Promise<HttpResponse> => {
    const credentials = await dependencies.authenticate(headers.authorization);
    requireOfficial(credentials);
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
      const outcome = applyCommand(stored.complaint, await command(principal), now);
      if (!outcome.ok) throw outcome.error;
      try {
        await commit(dependencies, stored.complaint, outcome.complaint, outcome.events, now);
      } catch (error) {
        const conflict = error instanceof DomainError && error.slug === 'version-conflict';
        if (conflict && !pinned && attempt < maxAttempts) continue;
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

  const resolveBody = async (id: string): Promise<BodyRef> => {
    const body = await dependencies.directory.find(id);
    if (!body)
      throw validationFailed('The request is not valid', [
        { path: 'bodyId', message: 'is not a body of the directory' },
      ]);
    return body;
  };

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
          (next) => {
            const extension = next.extensions.at(-1);
            const notice = next.notices.find((n) => n.id === extension?.noticeId);
            return {
              status: 201,
              headers: { location: complaintLocation(next.id) },
              body: {
                id: extension?.id,
                dueDate: next.dueDate,
                extendedWorkingDays: next.extendedWorkingDays,
                notice: notice && {
                  id: notice.id,
                  kind: notice.kind,
                  form: notice.form,
                  dueDate: notice.dueDate,
                  status: notice.status,
                },
              },
            };
          },
        );
      },
      decide: (request) =>
        act(
          request,
          (principal) => ({ type: 'decide', principal, noticeId: newId(), request: request.body }),
          (next, stored, principal) => ({
            status: 201,
            headers: { location: complaintLocation(next.id) },
            body: complaintView(stored, principal),
          }),
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
          (next) => ({
            status: 200,
            body: next.notices.find((n) => n.id === request.params.noticeId),
          }),
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
            body: next.findings,
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
            body: {
              recommendationId,
              ...next.recommendations.find((r) => r.id === recommendationId),
            },
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
            body: next.recommendations.find((r) => r.id === request.params.recId),
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
            body: next.recommendations.find((r) => r.id === request.params.recId),
          }),
        ),
    },
    dependencies,
  );
}

export const handler = createActOnComplaintHandler(
  environmentDependencies({
    authenticate: authenticatorFromEnvironment,
    scheduler: schedulerFromEnvironment,
  }),
);
