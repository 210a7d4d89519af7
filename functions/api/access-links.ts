/**
 * `POST /v1/access-links` (docs/api.md, "Access links"): anyone names a registration number and an
 * e-mail address; when they are an electronic complaint's, a follow-up link e-mail is recorded on
 * it (at most 3 a legal day) and goes out through the outbox like a notice; the notice function
 * mints its access token when it sends it (R15).
 *
 * Nothing in the answer or in the work tells whether the pair matched. The answer is always 202 and
 * `{}`. Every request makes the same three DynamoDB calls, of the same kinds, in the same order:
 * one GetItem (the registration number's lookup item), one Query (the complaint's partition, or a
 * partition that cannot exist when the number names nothing), one TransactWriteItems of three
 * writes (the link, the complaint's plan and its SCHEDULES item, or three throwaway items that
 * expire after a day). Only a matched request can meet a concurrent change and decide again.
 */

import { requestAccessLink } from '../../shared/domain/access-links.js';
import type { AccessLinkRequest } from '../../shared/validation/access-links.js';
import { backoff, isVersionConflict } from '../lib/changes.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { createHttpHandler } from '../lib/http.js';

type Needs = Pick<Dependencies, 'repository' | 'logger' | 'newId'>;

/** Tries of a matched request while other requests or changes of the complaint win the race. */
const attempts = 20;

export function createAccessLinksHandler(dependencies: Needs) {
  /** Records the link e-mail if the pair matches and today allows one; else a throwaway write. */
  const record = async (request: AccessLinkRequest, now: number): Promise<void> => {
    const { repository } = dependencies;
    const complaintId = await repository.complaintIdOf(request.registrationNumber);
    for (let attempt = 1; ; attempt++) {
      // A ULID no complaint has: an unknown number reads an empty partition all the same.
      const stored = await repository.get(complaintId ?? dependencies.newId());
      const next = stored
        ? requestAccessLink(
            stored.complaint,
            { email: request.email, linkId: dependencies.newId() },
            now,
          )
        : undefined;
      try {
        await repository.recordAccessLink(
          stored && next ? { previous: stored.complaint, next } : undefined,
        );
        return;
      } catch (error) {
        if (!isVersionConflict(error)) throw error;
        if (attempt >= attempts) {
          // Answered like every other request: a 412 here would say that the pair matched.
          dependencies.logger.warn(
            'An access link could not be recorded: the complaint kept changing',
            {
              complaintId,
            },
          );
          return;
        }
        await backoff(attempt);
      }
    }
  };

  return createHttpHandler(
    {
      requestAccessLink: async ({ body, now }) => {
        await record(body, now);
        return { status: 202, body: {} };
      },
    },
    dependencies,
  );
}

export const handler = createAccessLinksHandler(environmentDependencies());
