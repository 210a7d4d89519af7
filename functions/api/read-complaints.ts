/**
 * Reading complaints (R15): one complaint with everything recorded on it (one Query), a body's
 * complaints by due date (GSI1, paged), and the printable letter of a paper notice.
 */

import { DomainError } from '../../shared/domain/errors.js';
import { renderLetter } from '../../shared/texts/notices.js';
import { requireOfficial } from '../lib/auth.js';
import { readVisibleComplaint } from '../lib/complaints.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import { createHttpHandler, etagOf } from '../lib/http.js';
import { complaintView } from '../lib/views.js';

type Needs = Pick<Dependencies, 'repository' | 'authenticate' | 'logger' | 'clock'>;

export function createReadComplaintsHandler(dependencies: Needs) {
  // Dependencies are read on use, not here: building the handler must not need the environment.
  const authenticate = (authorization: string | undefined) =>
    dependencies.authenticate(authorization);
  return createHttpHandler(
    {
      getComplaint: async ({ params, headers }) => {
        const credentials = await authenticate(headers.authorization);
        const { stored, principal } = await readVisibleComplaint(
          dependencies.repository,
          params.id ?? '',
          credentials,
        );
        return {
          status: 200,
          body: complaintView(stored, principal),
          headers: { etag: etagOf(stored.complaint.version) },
        };
      },
      listComplaints: async ({ query, headers }) => {
        const official = requireOfficial(await authenticate(headers.authorization));
        const bodyId = query.addresseeId ?? official.bodyId;
        // R15: officials list their own body; the authorized body any body.
        if (bodyId !== official.bodyId && !official.authorizedBody) {
          throw new DomainError(
            'forbidden',
            'Officials list the complaints addressed to their own body',
          );
        }
        const page = await dependencies.repository.list({
          bodyId,
          status: query.status,
          dueBefore: query.dueBefore,
          limit: query.limit,
          cursor: query.cursor,
        });
        return { status: 200, body: page };
      },
      getLetter: async ({ params, headers }) => {
        const credentials = await authenticate(headers.authorization);
        const official = requireOfficial(credentials);
        const { stored } = await readVisibleComplaint(
          dependencies.repository,
          params.id ?? '',
          credentials,
        );
        if (official.bodyId !== stored.complaint.addressee.id) {
          throw new DomainError(
            'forbidden',
            'Letters are printed by officials of the addressee body',
          );
        }
        const notice = stored.complaint.notices.find((n) => n.id === params.noticeId);
        if (!notice || notice.form !== 'letter') {
          throw new DomainError(
            'not-found',
            `No letter ${params.noticeId ?? ''} on complaint ${stored.complaint.id}`,
          );
        }
        return { status: 200, html: renderLetter(stored.complaint, notice) };
      },
    },
    dependencies,
  );
}

export const handler = createReadComplaintsHandler(
  environmentDependencies({ authenticate: authenticatorFromEnvironment }),
);
