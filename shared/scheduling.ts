/**
 * Bringing a complaint's schedules in line with its state (R9, R11, R12): the calls a change of plan
 * needs (the stream consumer, after every committed change), and the repair of a complaint whose
 * schedules lag (reconciliation, from what Scheduler actually holds).
 */

import type { Complaint } from './domain/complaint.js';
import { schedulesFor, type PlanChanges } from './domain/schedules.js';
import type { Scheduler } from './ports.js';

/** Makes the calls; each is safe to repeat (a redelivered change makes the same calls again). */
export async function applyPlanChanges(
  scheduler: Scheduler,
  changes: PlanChanges,
): Promise<number> {
  await Promise.all([
    ...changes.create.map((spec) => scheduler.create(spec)),
    ...changes.update.map((spec) => scheduler.update(spec)),
    ...changes.remove.map((name) => scheduler.remove(name)),
  ]);
  return changes.create.length + changes.update.length + changes.remove.length;
}

/**
 * Reconciliation of one complaint whose schedules lag: what Scheduler holds under its name prefix
 * against what its state calls for. One listing, then a call for each schedule it needs (created
 * or rewritten, since a listing does not show times) and a delete for each it should not have.
 */
export async function repairSchedules(
  scheduler: Scheduler,
  complaint: Complaint,
): Promise<PlanChanges> {
  const held = new Set(await scheduler.list(`${complaint.id}-`));
  const wanted = schedulesFor(complaint);
  const names = new Set(wanted.map((spec) => spec.name));
  const changes: PlanChanges = {
    create: wanted.filter((spec) => !held.has(spec.name)),
    update: wanted.filter((spec) => held.has(spec.name)),
    remove: [...held].filter((name) => !names.has(name)),
  };
  await applyPlanChanges(scheduler, changes);
  return changes;
}
