/**
 * Writing a change: one conditional transaction. The schedules follow through the table's stream
 * (functions/stream), so a handler neither calls Scheduler nor waits on it, and a crash after the
 * commit loses nothing: the stream redelivers.
 */

import type { Complaint, HistoryEvent } from '../../shared/domain/complaint.js';
import { DomainError } from '../../shared/domain/errors.js';
import { applyCommand, type ComplaintCommand } from '../../shared/domain/commands.js';
import type { NewComplaint } from '../../shared/ports.js';
import type { Dependencies } from './dependencies.js';

type Needs = Pick<Dependencies, 'repository'>;

/** Persists a change; with `created` (a forwarding's new complaint, R16), files it in the same transaction. */
export async function commit(
  dependencies: Needs,
  before: Complaint,
  after: Complaint,
  events: readonly HistoryEvent[],
  created?: NewComplaint,
): Promise<void> {
  if (created) await dependencies.repository.forward(before, after, events, created);
  else await dependencies.repository.save(before, after, events);
}

/** Whether an error is another writer having changed the complaint first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof DomainError && error.slug === 'version-conflict';
}

/**
 * How long to wait before deciding again after losing a race: full jitter, so that competitors
 * spread out instead of colliding again.
 */
export function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)),
  );
}

export type SystemChange =
  | { readonly changed: true; readonly complaint: Complaint }
  | { readonly changed: false; readonly reason: string };

/** Tries of the system's own change while others keep changing the complaint. */
const systemAttempts = 20;

/**
 * The system's own processes (deadlines, notices): read, decide, write, and on a concurrent
 * change read again. A command the state no longer calls for changes nothing.
 */
export async function changeAsSystem(
  dependencies: Needs,
  complaintId: string,
  command: (complaint: Complaint) => ComplaintCommand,
  now: number,
): Promise<SystemChange> {
  for (let attempt = 1; ; attempt++) {
    const stored = await dependencies.repository.get(complaintId);
    if (!stored) return { changed: false, reason: `No complaint ${complaintId}` };
    const outcome = applyCommand(stored.complaint, command(stored.complaint), now);
    if (!outcome.ok) return { changed: false, reason: outcome.error.detail };
    try {
      await commit(dependencies, stored.complaint, outcome.complaint, outcome.events);
      return { changed: true, complaint: outcome.complaint };
    } catch (error) {
      if (!isVersionConflict(error) || attempt >= systemAttempts) throw error;
      await backoff(attempt);
    }
  }
}
