/**
 * The daily reconciliation: finds, through GSI2 (never a Scan), every complaint with something
 * open falling due from a month ago to six weeks ahead (open complaints, pending e-mails,
 * unanswered recommendations), and creates whatever schedule it needs that does not exist: what a
 * crash between a write and its schedule left behind. A schedule already due fires at once.
 */

import * as z from 'zod';
import { addCalendarDays } from '../../shared/calendar/dates.js';
import { repairSchedules } from '../../shared/scheduling.js';
import { legalDate } from '../../shared/time/legal-time.js';
import { createBackgroundHandler } from '../lib/background.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';

/** Days back and ahead of today searched: beyond the longest review (15 + 10 working days). */
export const reconciliationWindow = { back: 31, ahead: 45 } as const;

/** Complaints reconciled at once: within Scheduler's API rates, well inside the timeout. */
const reconcileConcurrency = 8;

export const reconcileInputSchema = z.looseObject({});

type Needs = Pick<Dependencies, 'repository' | 'scheduler' | 'logger' | 'clock'>;

export function createReconcileHandler(dependencies: Needs) {
  return createBackgroundHandler(reconcileInputSchema, dependencies.logger, async () => {
    const today = legalDate(dependencies.clock());
    const dates = Array.from(
      { length: reconciliationWindow.back + reconciliationWindow.ahead + 1 },
      (_, i) => addCalendarDays(today, i - reconciliationWindow.back),
    );
    const ids = new Set(
      (await Promise.all(dates.map((date) => dependencies.repository.openOn(date)))).flat(),
    );
    const repaired: string[] = [];
    const failed: string[] = [];
    // A few at a time, and one complaint that cannot be repaired never stops the others.
    const queue = [...ids];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const stored = await dependencies.repository.get(id);
          if (stored)
            repaired.push(...(await repairSchedules(dependencies.scheduler, stored.complaint)));
        } catch (error) {
          failed.push(id);
          dependencies.logger.error('Could not reconcile a complaint', {
            complaintId: id,
            error: error instanceof Error ? { name: error.name, message: error.message } : error,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: reconcileConcurrency }, worker));
    dependencies.logger.info('Reconciliation done', {
      complaints: ids.size,
      repaired: repaired.length,
      failed: failed.length,
    });
    if (failed.length > 0) {
      // Reported as an error, so the function's error alarm tells someone; the rest is done.
      throw new Error(`Reconciliation could not repair ${String(failed.length)} complaint(s)`);
    }
    return { complaints: ids.size, repaired };
  });
}

export const handler = createReconcileHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment }),
);
