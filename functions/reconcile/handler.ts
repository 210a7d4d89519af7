/**
 * Reconciliation, every few minutes, by exception: it reads only what lags (GSI3), so its work
 * follows failures, not the number of open complaints, and with nothing failed it calls nothing.
 * - a complaint whose schedules were not confirmed in line with its last change within a grace
 *   period (the stream consumer failed for good): its schedules are listed and repaired;
 * - an e-mail due to go out more than the grace period ago and still pending (its sender died
 *   holding the claim, or its schedule was lost): its schedule is made again, and it goes out;
 * - R22: once a deployment added a calendar year, the provisional due dates past the old end are
 *   recounted (each change recorded in the complaint's history);
 * - R22: from 90 days before the official calendar ends, the authorized body's officials are
 *   warned (once per threshold), and the days left are published for the alarm.
 */

import * as z from 'zod';
import { officialCalendarEnd } from '../../shared/calendar/index.js';
import { calendarWarningDue, daysUntil, recountDates } from '../../shared/domain/calendar-watch.js';
import { planOf } from '../../shared/adapters/dynamodb/complaint-repository.js';
import { schedulesFor } from '../../shared/domain/schedules.js';
import { repairSchedules } from '../../shared/scheduling.js';
import { calendarWarningEmail } from '../../shared/texts/emails.js';
import { legalDate } from '../../shared/time/legal-time.js';
import { createBackgroundHandler } from '../lib/background.js';
import { changeAsSystem } from '../lib/changes.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authorizedBody } from '../lib/directory.js';
import { claimLeaseMs } from '../lib/leases.js';
import { mailerFromEnvironment } from '../lib/wiring/mailer.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';

/**
 * What the normal path is given before reconciliation steps in: the stream consumer confirms a
 * change within seconds, and a send holds its claim for a minute.
 */
export const graceMs = 2 * claimLeaseMs;

/** Complaints reconciled at once: within Scheduler's API rates, well inside the timeout. */
const reconcileConcurrency = 8;

export const reconcileInputSchema = z.looseObject({});

type Needs = Pick<
  Dependencies,
  | 'repository'
  | 'directory'
  | 'calendarUpkeep'
  | 'scheduler'
  | 'mailer'
  | 'logger'
  | 'metrics'
  | 'clock'
>;

/** Runs `work` on each item, a few at a time; one failure never stops the others. */
async function eachOf<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  onError: (item: T, error: unknown) => void,
): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await work(item);
      } catch (error) {
        onError(item, error);
      }
    }
  };
  await Promise.all(Array.from({ length: reconcileConcurrency }, worker));
}

export function createReconcileHandler(dependencies: Needs) {
  const { logger } = dependencies;
  const errorOf = (error: unknown) =>
    error instanceof Error ? { name: error.name, message: error.message } : error;

  /** R22: recounts provisional due dates once, after the calendar's end moved on. */
  const recountProvisionalDueDates = async (now: number): Promise<number> => {
    const { calendarUpkeep, repository } = dependencies;
    const through = await calendarUpkeep.recountedThrough();
    if (through !== undefined && through >= officialCalendarEnd) return 0;
    const dates = through === undefined ? [] : recountDates(through, officialCalendarEnd);
    const found = (await Promise.all(dates.map((date) => repository.provisionalOn(date)))).flat();
    let recounted = 0;
    let failed = 0;
    await eachOf(
      found,
      async ({ id }) => {
        const result = await changeAsSystem(
          dependencies,
          id,
          () => ({ type: 'recomputeDueDate', principal: { type: 'system', process: 'reconcile' } }),
          now,
        );
        if (result.changed) recounted++;
      },
      (item, error) => {
        failed++;
        logger.error('Could not recount a due date', {
          complaintId: item.id,
          error: errorOf(error),
        });
      },
    );
    // Recorded only when every one was done: a failure is tried again tomorrow.
    if (failed === 0) await calendarUpkeep.recordRecounted(officialCalendarEnd);
    logger.info('Provisional due dates recounted', { found: found.length, recounted, failed });
    return recounted;
  };

  /** R22: tells the authorized body, once per threshold, that the calendar runs out. */
  const warnOfCalendarEnd = async (now: number): Promise<number | undefined> => {
    const today = legalDate(now);
    const daysLeft = daysUntil(today, officialCalendarEnd);
    dependencies.metrics.gauge('CalendarDaysLeft', daysLeft);
    const threshold = calendarWarningDue(today, officialCalendarEnd);
    if (threshold === undefined) return undefined;
    const key = `${officialCalendarEnd}#${String(threshold)}`;
    if (!(await dependencies.calendarUpkeep.claimWarning(key))) return undefined;
    try {
      const agency = await authorizedBody(dependencies.directory);
      await dependencies.mailer.send({
        to: [agency.notificationEmail],
        tags: { complaintId: 'calendar', messageId: `calendar-${key.replace('#', '-')}` },
        ...calendarWarningEmail({ officialCalendarEnd, daysLeft }),
      });
    } catch (error) {
      await dependencies.calendarUpkeep.releaseWarning(key);
      throw error;
    }
    logger.warn('The official calendar runs out: the authorized body is warned', { daysLeft });
    return threshold;
  };

  /** Complaints whose schedules lag: listed, repaired, confirmed. */
  const repairLagging = async (
    now: number,
    failed: string[],
    repaired: Set<string>,
  ): Promise<number> => {
    const lagging = await dependencies.repository.lagging(now - graceMs);
    let calls = 0;
    await eachOf(
      [...new Set(lagging.map((entry) => entry.complaintId))],
      async (id) => {
        const stored = await dependencies.repository.get(id);
        if (!stored) return;
        const changes = await repairSchedules(dependencies.scheduler, stored.complaint);
        calls += 1 + changes.create.length + changes.update.length + changes.remove.length;
        // Scheduler itself was read: confirmed without a chain to build on.
        await dependencies.repository.confirmSchedules(id, stored.complaint.version, {
          from: null,
          to: planOf(stored.complaint),
        });
        repaired.add(id);
      },
      (id, error) => {
        failed.push(id);
        logger.error('Could not repair the schedules of a complaint', {
          complaintId: id,
          error: errorOf(error),
        });
      },
    );
    return calls;
  };

  /** E-mails stuck pending past their time: their schedule is made again, so they go out. */
  const refireUnsent = async (
    now: number,
    failed: string[],
    repaired: ReadonlySet<string>,
  ): Promise<number> => {
    // A repaired complaint's e-mails got their schedules with the rest.
    const unsent = (await dependencies.repository.unsent(now - graceMs)).filter(
      (entry) => !repaired.has(entry.complaintId),
    );
    let refired = 0;
    await eachOf(
      unsent,
      async ({ complaintId, messageId }) => {
        const stored = await dependencies.repository.get(complaintId);
        const spec = stored
          ? schedulesFor(stored.complaint).find(
              (s) => s.target === 'notice' && s.input.messageId === messageId,
            )
          : undefined;
        if (!spec) return;
        await dependencies.scheduler.create(spec);
        refired++;
      },
      ({ complaintId }, error) => {
        failed.push(complaintId);
        logger.error('Could not fire a pending e-mail again', {
          complaintId,
          error: errorOf(error),
        });
      },
    );
    return refired;
  };

  return createBackgroundHandler(reconcileInputSchema, logger, async () => {
    const now = dependencies.clock();
    const failed: string[] = [];
    const repaired = new Set<string>();
    const schedulerCalls = await repairLagging(now, failed, repaired);
    const refired = await refireUnsent(now, failed, repaired);
    const recounted = await recountProvisionalDueDates(now);
    const warned = await warnOfCalendarEnd(now);
    logger.info('Reconciliation done', {
      schedulerCalls,
      refired,
      failed: failed.length,
      recounted,
    });
    if (failed.length > 0) {
      // Reported as an error, so the function's error alarm tells someone; the rest is done.
      throw new Error(`Reconciliation could not repair ${String(failed.length)} complaint(s)`);
    }
    return { schedulerCalls, refired, recounted, calendarWarning: warned ?? null };
  });
}

export const handler = createReconcileHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment, mailer: mailerFromEnvironment }),
);
