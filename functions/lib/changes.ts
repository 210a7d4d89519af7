/**
 * Writing a change: persist it (one conditional transaction), then bring the schedules in line.
 * A schedule that cannot be made is logged and left to the daily reconciliation; the change
 * stands, because it has been acknowledged.
 */

import type { Complaint, HistoryEvent } from '../../shared/domain/complaint.js';
import type { NewComplaint } from '../../shared/ports.js';
import { DomainError } from '../../shared/domain/errors.js';
import { applyCommand, type ComplaintCommand } from '../../shared/domain/commands.js';
import { syncSchedules } from '../../shared/scheduling.js';
import type { Dependencies } from './dependencies.js';

type Needs = Pick<Dependencies, 'repository' | 'scheduler' | 'logger'>;

export async function scheduleAfter(
  dependencies: Needs,
  before: Complaint | undefined,
  after: Complaint,
  now: number,
): Promise<void> {
  try {
    await syncSchedules(dependencies.scheduler, before, after, now);
  } catch (error) {
    dependencies.logger.warn('Schedules not brought in line; the daily reconciliation will', {
      complaintId: after.id,
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    });
  }
}

/**
 * Persists a change; with `created` (a forwarding's new complaint, R16), files that complaint in
 * the same transaction. Then the schedules of both.
 */
export async function commit(
  dependencies: Needs,
  before: Complaint,
  after: Complaint,
  events: readonly HistoryEvent[],
  now: number,
  created?: NewComplaint,
): Promise<void> {
  if (created) {
    await dependencies.repository.forward(before, after, events, created);
    await scheduleAfter(dependencies, undefined, created.complaint, now);
  } else {
    await dependencies.repository.save(before, after, events);
  }
  await scheduleAfter(dependencies, before, after, now);
}

export type SystemChange =
  | { readonly changed: true; readonly complaint: Complaint }
  | { readonly changed: false; readonly reason: string };

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
      await commit(dependencies, stored.complaint, outcome.complaint, outcome.events, now);
      return { changed: true, complaint: outcome.complaint };
    } catch (error) {
      if (error instanceof DomainError && error.slug === 'version-conflict' && attempt < 5)
        continue;
      throw error;
    }
  }
}
