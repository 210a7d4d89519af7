/**
 * The local EventBridge Scheduler, through the same adapter and SDK client the functions use.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.js';
import {
  startSchedulerEmulator,
  type SchedulerEmulator,
} from '../../infra/local/scheduler-emulator.js';
import {
  atExpression,
  createSchedulerClient,
  EventBridgeScheduler,
} from '../../shared/adapters/scheduler/eventbridge-scheduler.js';
import type { ScheduleSpec } from '../../shared/domain/schedules.js';

const settings = {
  groupName: 'test-group',
  deadlineTargetArn: 'arn:aws:lambda:local:000000000000:function:deadline',
  noticeTargetArn: 'arn:aws:lambda:local:000000000000:function:notice',
  roleArn: 'arn:aws:iam::000000000000:role/scheduler',
  deadLetterArn: 'arn:aws:sqs:local:000000000000:dlq',
};

const spec = (name: string, at: number, complaintId = 'C1'): ScheduleSpec => ({
  name,
  at,
  target: 'deadline',
  input: { kind: 'overdue', complaintId },
});

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'scheduler-emulator-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function emulator(options: { file?: string; fail?: boolean } = {}): Promise<{
  emulator: SchedulerEmulator;
  scheduler: EventBridgeScheduler;
  fired: { targetArn: string; input: unknown; at: number }[];
}> {
  const fired: { targetArn: string; input: unknown; at: number }[] = [];
  const running = await startSchedulerEmulator({
    port: await freePort(),
    tickMs: 50,
    invoke: (targetArn, input) => {
      fired.push({ targetArn, input, at: Date.now() });
      return options.fail ? Promise.reject(new Error('target failed')) : Promise.resolve();
    },
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  return {
    emulator: running,
    scheduler: new EventBridgeScheduler(createSchedulerClient(running.url), settings),
    fired,
  };
}

describe('the Scheduler emulator', () => {
  it('fires a schedule due in the past at once, and one in the future on time, then deletes them', async () => {
    const { emulator: running, scheduler, fired } = await emulator();
    try {
      const start = Date.now();
      // at() has whole seconds: aim at a whole second 1.5 to 2.5 s ahead.
      const due = Math.ceil((start + 1_500) / 1_000) * 1_000;
      await scheduler.put(spec('past', start - 60_000, 'C-past'));
      await scheduler.put(spec('future', due, 'C-future'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(fired.map((f) => f.input)).toEqual([{ kind: 'overdue', complaintId: 'C-past' }]);
      expect(fired[0]?.targetArn).toBe(settings.deadlineTargetArn);
      await new Promise((resolve) => setTimeout(resolve, due - 300 - Date.now()));
      expect(fired).toHaveLength(1); // 0.3 s before it is due: not yet
      await new Promise((resolve) => setTimeout(resolve, due + 500 - Date.now()));
      expect(fired.map((f) => f.input)).toEqual([
        { kind: 'overdue', complaintId: 'C-past' },
        { kind: 'overdue', complaintId: 'C-future' },
      ]);
      expect(fired[1]?.at ?? 0).toBeGreaterThanOrEqual(due);
      expect(fired[1]?.at ?? 0).toBeLessThan(due + 500);
      // ActionAfterCompletion DELETE: gone once fired.
      expect(running.schedules()).toEqual([]);
      expect(await scheduler.exists('future')).toBe(false);
    } finally {
      await running.close();
    }
  });

  it('speaks the Scheduler API: at() in Asia/Almaty, Conflict on a second create, NotFound after delete, a list by prefix', async () => {
    const { emulator: running, scheduler } = await emulator();
    const client = createSchedulerClient(running.url);
    try {
      const at = Date.parse('2030-01-01T10:00:00+05:00');
      await scheduler.put(spec('c1-overdue', at));
      await scheduler.put(spec('c1-overdue', at + 3_600_000)); // create-or-update
      const got = await client.send(
        new GetScheduleCommand({ Name: 'c1-overdue', GroupName: settings.groupName }),
      );
      expect(got).toMatchObject({
        ScheduleExpression: 'at(2030-01-01T11:00:00)',
        ScheduleExpressionTimezone: 'Asia/Almaty',
        ActionAfterCompletion: 'DELETE',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: settings.deadlineTargetArn,
          RetryPolicy: { MaximumRetryAttempts: 10 },
          DeadLetterConfig: { Arn: settings.deadLetterArn },
        },
      });
      expect(atExpression(at)).toBe('at(2030-01-01T10:00:00)');
      await expect(
        client.send(
          new CreateScheduleCommand({
            Name: 'c1-overdue',
            GroupName: settings.groupName,
            ScheduleExpression: 'at(2030-01-01T10:00:00)',
            FlexibleTimeWindow: { Mode: 'OFF' },
            Target: { Arn: settings.deadlineTargetArn, RoleArn: settings.roleArn },
          }),
        ),
      ).rejects.toMatchObject({ name: 'ConflictException' });
      await scheduler.put(spec('c1-due-soon', at));
      await scheduler.put(spec('c2-overdue', at));
      const listed = await client.send(
        new ListSchedulesCommand({ GroupName: settings.groupName, NamePrefix: 'c1-' }),
      );
      expect(listed.Schedules?.map((s) => s.Name)).toEqual(['c1-due-soon', 'c1-overdue']);
      await scheduler.remove('c1-overdue');
      await scheduler.remove('c1-overdue'); // absent is fine
      await expect(
        client.send(new GetScheduleCommand({ Name: 'c1-overdue', GroupName: settings.groupName })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await expect(
        client.send(
          new CreateScheduleCommand({
            Name: 'bad',
            ScheduleExpression: 'rate(5 minutes)',
            FlexibleTimeWindow: { Mode: 'OFF' },
            Target: { Arn: settings.deadlineTargetArn, RoleArn: settings.roleArn },
          }),
        ),
      ).rejects.toMatchObject({ name: 'ValidationException' });
    } finally {
      await running.close();
    }
  });

  it('keeps its schedules across a restart, and fires what fell due while it was down', async () => {
    const file = path.join(directory, 'schedules.json');
    const first = await emulator({ file });
    await first.scheduler.put(spec('later', Date.now() + 1_000, 'C-later'));
    await first.emulator.close();
    expect(first.fired).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const second = await emulator({ file });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(second.fired.map((f) => f.input)).toEqual([
        { kind: 'overdue', complaintId: 'C-later' },
      ]);
    } finally {
      await second.emulator.close();
    }
  });

  it('a function that fails is retried twice, as Lambda retries an asynchronous invocation, then its event goes to the failure queue', async () => {
    const { emulator: running } = await emulator({ fail: true });
    const client = createSchedulerClient(running.url);
    try {
      await client.send(
        new CreateScheduleCommand({
          Name: 'failing',
          ScheduleExpression: 'at(2020-01-01T00:00:00)',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: settings.noticeTargetArn,
            RoleArn: settings.roleArn,
            RetryPolicy: { MaximumRetryAttempts: 10 },
          },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 3_600));
      expect(running.invocations().map((i) => i.ok)).toEqual([false, false, false]);
      expect(running.deadLetters()).toHaveLength(1);
      expect(running.schedules()).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
