/**
 * The daily reconciliation:
 * - finds, through GSI2 (never a Scan), every complaint with something open falling due from a
 *   month ago to six weeks ahead (open complaints, pending e-mails, unanswered recommendations),
 *   and creates whatever schedule it needs that does not exist: what a crash between a write and
 *   its schedule left behind. A schedule already due fires at once;
 * - R22: once a deployment added a calendar year, recounts the provisional due dates that lay past
 *   the old end (and records each change in the complaint's history);
 * - R22: from 90 days before the official calendar ends, warns the authorized body's officials
 *   (once per threshold) and publishes the days left, which an alarm watches.
 */

import * as z from 'zod';
import { addCalendarDays } from '../../shared/calendar/dates.js';
import { officialCalendarEnd } from '../../shared/calendar/index.js';
import { calendarWarningDue, daysUntil, recountDates } from '../../shared/domain/calendar-watch.js';
import { repairSchedules } from '../../shared/scheduling.js';
import { calendarWarningEmail } from '../../shared/texts/emails.js';
import { legalDate } from '../../shared/time/legal-time.js';
import { createBackgroundHandler } from '../lib/background.js';
import { changeAsSystem } from '../lib/changes.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authorizedBody } from '../lib/directory.js';
import { mailerFromEnvironment } from '../lib/wiring/mailer.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';

/** Days back and ahead of today searched: beyond the longest review (15 + 10 working days). */
export const reconciliationWindow = { back: 31, ahead: 45 } as const;

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

  return createBackgroundHandler(reconcileInputSchema, logger, async () => {
    const now = dependencies.clock();
    const today = legalDate(now);
    const dates = Array.from(
      { length: reconciliationWindow.back + reconciliationWindow.ahead + 1 },
      (_, i) => addCalendarDays(today, i - reconciliationWindow.back),
    );
    const ids = new Set(
      (await Promise.all(dates.map((date) => dependencies.repository.openOn(date)))).flat(),
    );
    const repaired: string[] = [];
    const failed: string[] = [];
    await eachOf(
      [...ids],
      async (id) => {
        const stored = await dependencies.repository.get(id);
        if (stored)
          repaired.push(...(await repairSchedules(dependencies.scheduler, stored.complaint)));
      },
      (id, error) => {
        failed.push(id);
        logger.error('Could not reconcile a complaint', { complaintId: id, error: errorOf(error) });
      },
    );
    const recounted = await recountProvisionalDueDates(now);
    const warned = await warnOfCalendarEnd(now);
    logger.info('Reconciliation done', {
      complaints: ids.size,
      repaired: repaired.length,
      failed: failed.length,
      recounted,
    });
    if (failed.length > 0) {
      // Reported as an error, so the function's error alarm tells someone; the rest is done.
      throw new Error(`Reconciliation could not repair ${String(failed.length)} complaint(s)`);
    }
    return { complaints: ids.size, repaired, recounted, calendarWarning: warned ?? null };
  });
}

export const handler = createReconcileHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment, mailer: mailerFromEnvironment }),
);
