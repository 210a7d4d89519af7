/**
 * Who may see a complaint and who may act on it (R15), and how an actor is recorded (R13).
 */

import type { Actor, Complaint, Principal } from './complaint.js';
import { DomainError } from './errors.js';

/** R15: who may see a complaint. Everyone else is answered as if it did not exist. */
export function canView(principal: Principal, complaint: Complaint): boolean {
  switch (principal.type) {
    case 'anonymous':
      return false;
    case 'applicant':
      return principal.complaintId === complaint.id;
    case 'system':
      return true;
    case 'official':
      return (
        principal.authorizedBody ||
        principal.bodyId === complaint.addressee.id ||
        // A body that received a recommendation on it must see it to answer (R12).
        complaint.recommendations.some((r) => r.bodyId === principal.bodyId)
      );
  }
}

export function actorOf(principal: Principal): Actor {
  switch (principal.type) {
    case 'anonymous':
    case 'applicant':
      return { type: 'applicant' };
    case 'official':
      return { type: 'official', sub: principal.sub, bodyId: principal.bodyId };
    case 'system':
      return { type: 'system', process: principal.process };
  }
}

export function requireSystem(principal: Principal, action: string): void {
  if (principal.type !== 'system') throw new DomainError('forbidden', `Only the system ${action}`);
}

export function requireAddresseeOfficial(
  principal: Principal,
  complaint: Complaint,
  action: string,
): void {
  if (principal.type !== 'official' || principal.bodyId !== complaint.addressee.id) {
    throw new DomainError('forbidden', `Only an official of the addressee body may ${action}`);
  }
}

export function requireAuthorizedBodyOnOwnComplaint(
  principal: Principal,
  complaint: Complaint,
  action: string,
): void {
  if (principal.type !== 'official' || !principal.authorizedBody) {
    throw new DomainError('forbidden', `Only an official of the authorized body may ${action}`);
  }
  if (complaint.addressee.kind !== 'authorized_body') {
    throw new DomainError(
      'invalid-state',
      `Only a complaint to the authorized body carries findings and recommendations (R12); this one is to ${complaint.addressee.id}`,
    );
  }
}
