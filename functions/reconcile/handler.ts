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
    for (const id of ids) {
      const stored = await dependencies.repository.get(id);
      if (stored)
        repaired.push(...(await repairSchedules(dependencies.scheduler, stored.complaint)));
    }
    dependencies.logger.info('Reconciliation done', {
      complaints: ids.size,
      repaired: repaired.length,
    });
    return { complaints: ids.size, repaired };
  });
}

export const handler = createReconcileHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment }),
);
