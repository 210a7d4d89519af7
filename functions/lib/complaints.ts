/**
 * The step every complaint route shares: read the complaint, and decide who the caller is for it
 * (R15). Whoever may not see it gets `not-found`, exactly as for a complaint that does not exist.
 */

import type { Principal } from '../../shared/domain/complaint.js';
import { DomainError } from '../../shared/domain/errors.js';
import { canView } from '../../shared/domain/access.js';
import type { ComplaintRepository, StoredComplaint } from '../../shared/ports.js';
import { principalFor, type Credentials } from './auth.js';

export async function readVisibleComplaint(
  repository: ComplaintRepository,
  id: string,
  credentials: Credentials,
): Promise<{ stored: StoredComplaint; principal: Principal }> {
  const stored = await repository.get(id);
  const principal = principalFor(
    credentials,
    stored ? { id: stored.complaint.id, accessToken: stored.accessToken } : undefined,
  );
  if (!stored || !canView(principal, stored.complaint))
    throw new DomainError('not-found', `No complaint ${id}`);
  return { stored, principal };
}
