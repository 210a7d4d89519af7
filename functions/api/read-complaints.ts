/**
 * Reading complaints (R15): one complaint with everything recorded on it (one Query), a body's
 * complaints by due date (GSI1, paged), the printable letter of a paper notice and the coupon of a
 * paper complaint (R20).
 */

import { DomainError } from '../../shared/domain/errors.js';
import type { ComplaintList } from '../../shared/validation/responses.js';
import { renderCoupon, renderLetter } from '../../shared/texts/notices.js';
import { requireOfficial, type Credentials } from '../lib/auth.js';
import { readVisibleComplaint } from '../lib/complaints.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { textContext } from '../lib/directory.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import { createHttpHandler, etagOf } from '../lib/http.js';
import { complaintView } from '../lib/views.js';

type Needs = Pick<Dependencies, 'repository' | 'directory' | 'authenticate' | 'logger' | 'clock'>;

export function createReadComplaintsHandler(dependencies: Needs) {
  // Dependencies are read on use, not here: building the handler must not need the environment.
  const authenticate = (authorization: string | undefined) =>
    dependencies.authenticate(authorization);

  /** A printable page is the addressee's own paperwork: only its officials print it. */
  const readAsAddressee = async (id: string, credentials: Credentials, what: string) => {
    const official = requireOfficial(credentials);
    const { stored } = await readVisibleComplaint(dependencies.repository, id, credentials);
    if (official.bodyId !== stored.complaint.addressee.id) {
      throw new DomainError('forbidden', `${what} are printed by officials of the addressee body`);
    }
    return stored.complaint;
  };

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
        return {
          status: 200,
          body: { items: [...page.items], nextCursor: page.nextCursor } satisfies ComplaintList,
        };
      },
      getLetter: async ({ params, headers, now }) => {
        const credentials = await authenticate(headers.authorization);
        const complaint = await readAsAddressee(params.id ?? '', credentials, 'Letters');
        const notice = complaint.notices.find((n) => n.id === params.noticeId);
        if (!notice || notice.form !== 'letter') {
          throw new DomainError(
            'not-found',
            `No letter ${params.noticeId ?? ''} on complaint ${complaint.id}`,
          );
        }
        const context = await textContext(dependencies.directory, now);
        return { status: 200, html: renderLetter(complaint, notice, context) };
      },
      getCoupon: async ({ params, headers, now }) => {
        const credentials = await authenticate(headers.authorization);
        const complaint = await readAsAddressee(params.id ?? '', credentials, 'Coupons');
        // R20: a coupon is given for a paper complaint accepted at the counter.
        if (complaint.acceptedBy === null) {
          throw new DomainError(
            'not-found',
            `Complaint ${complaint.id} was not accepted on paper at the counter: it has no coupon`,
          );
        }
        const context = await textContext(dependencies.directory, now);
        return { status: 200, html: renderCoupon(complaint, context) };
      },
    },
    dependencies,
  );
}

export const handler = createReadComplaintsHandler(
  environmentDependencies({ authenticate: authenticatorFromEnvironment }),
);
