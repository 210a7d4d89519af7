/**
 * Brings the schedules in line with a complaint's state after a change (R9, R11, R12). A failure
 * here never undoes the change: the change is committed, and the daily reconciliation recreates
 * whatever schedule is missing from the same rule.
 */

import type { Complaint } from './domain/complaint.js';
import { scheduleChanges, schedulesFor } from './domain/schedules.js';
import type { Scheduler } from './ports.js';
import type { Instant } from './time/legal-time.js';

export async function syncSchedules(
  scheduler: Scheduler,
  before: Complaint | undefined,
  after: Complaint,
  now: Instant,
): Promise<void> {
  const { put, remove } = scheduleChanges(before, after, now);
  await Promise.all([
    ...put.map((spec) => scheduler.put(spec)),
    ...remove.map((name) => scheduler.remove(name)),
  ]);
}

/** Reconciliation: creates every schedule the complaint needs that does not exist. */
export async function repairSchedules(
  scheduler: Scheduler,
  complaint: Complaint,
): Promise<string[]> {
  const missing: string[] = [];
  for (const spec of schedulesFor(complaint)) {
    if (await scheduler.exists(spec.name)) continue;
    await scheduler.put(spec);
    missing.push(spec.name);
  }
  return missing;
}
