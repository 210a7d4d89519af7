/**
 * The table's stream consumer: the outbox's other end. For each change of a complaint (its META
 * item, old and new image) it makes the schedule calls that take the old plan to the new one
 * (create what is new, update what moved, delete what ended), then confirms the complaint's
 * schedules are in line with that version; and it counts the change into the Agency's statistics
 * (a complaint's META, a recommendation's REC# item), once per stream record.
 *
 * A failure reports the first failed record (`batchItemFailures`): the event source mapping retries
 * from there, in order per complaint, and after its last try sends the batch to the failure queue.
 * Everything it does is safe to repeat, so a redelivered record changes nothing twice.
 */

import type { AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import type { Recommendation } from '../../shared/domain/complaint.js';
import { planChanges, type ScheduleSpec } from '../../shared/domain/schedules.js';
import {
  complaintStatistics,
  recommendationStatistics,
  type ComplaintFacts,
  type CounterDelta,
} from '../../shared/domain/statistics.js';
import type { Confirmation } from '../../shared/ports.js';
import { applyPlanChanges } from '../../shared/scheduling.js';
import { createBackgroundHandler } from '../lib/background.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { schedulerFromEnvironment } from '../lib/wiring/scheduler.js';
import { isComplaintChange } from './filter.js';

export const streamEventSchema = z.looseObject({
  Records: z.array(
    z.looseObject({
      eventID: z.string(),
      eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
      dynamodb: z.looseObject({
        Keys: z.record(z.string(), z.unknown()),
        SequenceNumber: z.string(),
        NewImage: z.record(z.string(), z.unknown()).optional(),
        OldImage: z.record(z.string(), z.unknown()).optional(),
      }),
    }),
  ),
});

type Needs = Pick<Dependencies, 'repository' | 'scheduler' | 'statistics' | 'logger' | 'clock'>;

export interface StreamOutcome {
  readonly batchItemFailures: readonly { readonly itemIdentifier: string }[];
  /** Scheduler calls made (for the benchmark's count). */
  readonly schedulerCalls: number;
}

type Image = Record<string, unknown>;

const imageOf = (image: Record<string, unknown> | undefined): Image | undefined =>
  image === undefined
    ? undefined
    : unmarshall(
        image as Record<string, AttributeValue | LambdaAttributeValue> as Record<
          string,
          AttributeValue
        >,
      );

/** The domain record an item keeps as JSON text (the repository's `data`). */
const dataOf = (item: Image | undefined): unknown =>
  typeof item?.data === 'string' ? (JSON.parse(item.data) as unknown) : undefined;

/** A key attribute of a stream record, as text. */
const keyOf = (keys: Image | undefined, name: 'PK' | 'SK'): string => {
  const value = keys?.[name];
  return typeof value === 'string' ? value : '';
};

/** The plan an image carries, as stored (none before a complaint exists). */
const planText = (item: Image | undefined): string =>
  typeof item?.plan === 'string' ? item.plan : '[]';

const parsePlan = (plan: string): ScheduleSpec[] => JSON.parse(plan) as ScheduleSpec[];

type StreamRecord = z.output<typeof streamEventSchema>['Records'][number];

/** What one record left to record, once its calls are made. */
interface Carried {
  readonly eventID: string;
  readonly deltas: readonly CounterDelta[];
  /** A META record whose plan changed: the step of the complaint's chain of plans. */
  readonly step?: {
    readonly complaintId: string;
    readonly version: number;
    readonly from: string;
    readonly to: string;
  };
}

export function createStreamHandler(dependencies: Needs) {
  const { logger } = dependencies;

  /** One record's schedule calls; what it leaves to record (statistics, the chain) is returned. */
  const carryOut = async (record: StreamRecord): Promise<{ calls: number; carried: Carried }> => {
    const sortKey = keyOf(imageOf(record.dynamodb.Keys), 'SK');
    const before = imageOf(record.dynamodb.OldImage);
    const after = imageOf(record.dynamodb.NewImage);
    if (sortKey.startsWith('REC#')) {
      const deltas = recommendationStatistics(
        dataOf(before) as Recommendation | undefined,
        dataOf(after) as Recommendation | undefined,
      );
      return { calls: 0, carried: { eventID: record.eventID, deltas } };
    }
    const oldPlan = planText(before);
    const newPlan = planText(after);
    const calls = await applyPlanChanges(
      dependencies.scheduler,
      planChanges(parsePlan(oldPlan), parsePlan(newPlan), dependencies.clock()),
    );
    const facts = dataOf(after) as ComplaintFacts | undefined;
    const deltas = complaintStatistics(dataOf(before) as ComplaintFacts | undefined, facts);
    return {
      calls,
      carried: {
        eventID: record.eventID,
        deltas,
        ...(facts && oldPlan !== newPlan
          ? { step: { complaintId: facts.id, version: facts.version, from: oldPlan, to: newPlan } }
          : {}),
      },
    };
  };

  return createBackgroundHandler(
    streamEventSchema,
    logger,
    async (event): Promise<StreamOutcome> => {
      // In order per complaint: records of one complaint one after another, complaints side by side.
      const byComplaint = new Map<string, { index: number; record: StreamRecord }[]>();
      event.Records.forEach((record, index) => {
        const keys = imageOf(record.dynamodb.Keys);
        if (!isComplaintChange(keyOf(keys, 'SK'))) return;
        const partition = keyOf(keys, 'PK');
        byComplaint.set(partition, [...(byComplaint.get(partition) ?? []), { index, record }]);
      });
      let firstFailure: number | undefined;
      let schedulerCalls = 0;
      const carried: Carried[] = [];
      const confirmations: Confirmation[] = [];
      await Promise.all(
        [...byComplaint.values()].map(async (records) => {
          const steps: NonNullable<Carried['step']>[] = [];
          for (const { index, record } of records) {
            try {
              const done = await carryOut(record);
              schedulerCalls += done.calls;
              carried.push(done.carried);
              if (done.carried.step) steps.push(done.carried.step);
            } catch (error) {
              logger.error('A change could not be carried out; it will be tried again', {
                eventID: record.eventID,
                error:
                  error instanceof Error ? { name: error.name, message: error.message } : error,
              });
              if (firstFailure === undefined || index < firstFailure) firstFailure = index;
              // The rest of this complaint's changes wait for this one: their order matters.
              break;
            }
          }
          // The complaint's steps in this batch, one confirmation: from the first plan to the last.
          const first = steps[0];
          const last = steps.at(-1);
          if (first && last) {
            confirmations.push({
              complaintId: last.complaintId,
              version: last.version,
              plans: { from: first.from, to: last.to },
            });
          }
        }),
      );
      // What the calls leave to record, for the whole batch at once: the chain, the statistics.
      await dependencies.repository.confirmAll(confirmations);
      await dependencies.statistics.count(
        carried
          .filter((entry) => entry.deltas.length > 0)
          .map((entry) => ({ recordId: entry.eventID, deltas: entry.deltas })),
      );
      const failed = firstFailure === undefined ? undefined : event.Records[firstFailure];
      return {
        batchItemFailures: failed ? [{ itemIdentifier: failed.dynamodb.SequenceNumber }] : [],
        schedulerCalls,
      };
    },
  );
}

export const handler = createStreamHandler(
  environmentDependencies({ scheduler: schedulerFromEnvironment }),
);
