/**
 * The deadline function, fired by one-time schedules (R9, R11, R12, R19): the reminder one working
 * day before the due date, the overdue check (with the deemed-refusal notice to the applicant), a
 * recommendation's control date, a letter's dispatch date. It re-reads the complaint and acts only if the state still calls for it, so a late,
 * repeated or stale firing changes nothing twice. Alerts it raises are sent by the notice function.
 */

import * as z from 'zod';
import type { ComplaintCommand } from '../../shared/domain/commands.js';
import { idSchema } from '../../shared/validation/schemas.js';
import { authorizedBodyId, createBackgroundHandler } from '../lib/background.js';
import { changeAsSystem } from '../lib/changes.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';

export const deadlineInputSchema = z.strictObject({
  kind: z.enum(['due-soon', 'overdue', 'recommendation-control', 'letter-due']),
  complaintId: idSchema,
  subjectId: idSchema.optional(),
});

type Needs = Pick<
  Dependencies,
  'repository' | 'directory' | 'logger' | 'metrics' | 'clock' | 'newId'
>;

export function createDeadlineHandler(dependencies: Needs) {
  return createBackgroundHandler(deadlineInputSchema, dependencies.logger, async (input) => {
    const now = dependencies.clock();
    const principal = { type: 'system', process: 'deadline' } as const;
    const alertId = dependencies.newId();
    const agency = await authorizedBodyId(dependencies.directory);
    const subjectId = input.subjectId ?? '';
    const command = (): ComplaintCommand => {
      switch (input.kind) {
        case 'due-soon':
          return { type: 'remindDueSoon', principal, alertId };
        case 'overdue':
          return {
            type: 'markOverdue',
            principal,
            alertIds: [alertId, dependencies.newId()],
            authorizedBodyId: agency,
            noticeId: dependencies.newId(),
          };
        case 'recommendation-control':
          return {
            type: 'alertUnansweredRecommendation',
            principal,
            recommendationId: subjectId,
            alertId,
            authorizedBodyId: agency,
          };
        case 'letter-due':
          return { type: 'alertLetterNotDispatched', principal, noticeId: subjectId, alertId };
      }
    };
    const result = await changeAsSystem(dependencies, input.complaintId, command, now);
    if (!result.changed) {
      dependencies.logger.info('Nothing to do', {
        kind: input.kind,
        complaintId: input.complaintId,
        reason: result.reason,
      });
      return { outcome: 'nothing-to-do' as const };
    }
    if (result.complaint.status === 'overdue' && input.kind === 'overdue')
      dependencies.metrics.count('ComplaintsOverdue');
    dependencies.logger.info('Deadline acted on', {
      kind: input.kind,
      complaintId: input.complaintId,
      alertId,
    });
    return { outcome: 'changed' as const, alertId };
  });
}

export const handler = createDeadlineHandler(environmentDependencies());
