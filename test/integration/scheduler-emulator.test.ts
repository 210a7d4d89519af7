/**
 * The local EventBridge Scheduler, through the same adapter and SDK client the functions use; and
 * its store: a journal on disk, a heap by due instant, a name index for listing by prefix.
 */

import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  paginateListSchedules,
  ResourceNotFoundException,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.js';
import {
  startSchedulerEmulator,
  type SchedulerEmulator,
} from '../../infra/local/scheduler-emulator.js';
import { ScheduleStore, type ScheduleRecord } from '../../infra/local/scheduler-store.js';
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

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, Math.max(0, ms));
  });

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'scheduler-emulator-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function emulator(
  options: {
    file?: string;
    fail?: boolean;
    historyLimit?: number;
    invoke?: (targetArn: string, input: unknown) => Promise<void>;
  } = {},
): Promise<{
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
      if (options.invoke) return options.invoke(targetArn, input);
      return options.fail ? Promise.reject(new Error('target failed')) : Promise.resolve();
    },
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit }),
  });
  return {
    emulator: running,
    scheduler: new EventBridgeScheduler(createSchedulerClient(running.url), settings),
    fired,
  };
}

const record = (name: string, dueAt: number, group = 'g'): ScheduleRecord => ({
  Name: name,
  GroupName: group,
  ScheduleExpression: 'at(2030-01-01T00:00:00)',
  ScheduleExpressionTimezone: 'UTC',
  ActionAfterCompletion: 'DELETE',
  FlexibleTimeWindow: { Mode: 'OFF' },
  Target: { Arn: settings.deadlineTargetArn, RoleArn: settings.roleArn, Input: `"${name}"` },
  State: 'ENABLED',
  CreationDate: 0,
  LastModificationDate: 0,
  dueAt,
  attempts: 0,
  completed: false,
});

const journalLines = async (file: string): Promise<Record<string, unknown>[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the Scheduler emulator', () => {
  it('fires a schedule due in the past at once, and one in the future on time, then deletes them', async () => {
    const { emulator: running, scheduler, fired } = await emulator();
    try {
      const start = Date.now();
      // at() has whole seconds: aim at a whole second 1.5 to 2.5 s ahead.
      const due = Math.ceil((start + 1_500) / 1_000) * 1_000;
      await scheduler.create(spec('past', start - 60_000, 'C-past'));
      await scheduler.create(spec('future', due, 'C-future'));
      await sleep(400);
      expect(fired.map((f) => f.input)).toEqual([{ kind: 'overdue', complaintId: 'C-past' }]);
      expect(fired[0]?.targetArn).toBe(settings.deadlineTargetArn);
      await sleep(due - 300 - Date.now());
      expect(fired).toHaveLength(1); // 0.3 s before it is due: not yet
      await sleep(due + 500 - Date.now());
      expect(fired.map((f) => f.input)).toEqual([
        { kind: 'overdue', complaintId: 'C-past' },
        { kind: 'overdue', complaintId: 'C-future' },
      ]);
      expect(fired[1]?.at ?? 0).toBeGreaterThanOrEqual(due);
      expect(fired[1]?.at ?? 0).toBeLessThan(due + 500);
      // ActionAfterCompletion DELETE: gone once fired.
      expect(running.schedules()).toEqual([]);
      expect(await scheduler.list('future')).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('speaks the Scheduler API: at() in Asia/Almaty, Conflict on a second create, NotFound after delete, a list by prefix', async () => {
    const { emulator: running, scheduler } = await emulator();
    const client = createSchedulerClient(running.url);
    try {
      const at = Date.parse('2030-01-01T10:00:00+05:00');
      await scheduler.create(spec('c1-overdue', at));
      await scheduler.create(spec('c1-overdue', at + 3_600_000)); // exists: updated
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
          RoleArn: settings.roleArn,
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
      await expect(
        client.send(
          new UpdateScheduleCommand({
            Name: 'never-made',
            GroupName: settings.groupName,
            ScheduleExpression: 'at(2030-01-01T10:00:00)',
            FlexibleTimeWindow: { Mode: 'OFF' },
            Target: { Arn: settings.deadlineTargetArn, RoleArn: settings.roleArn },
          }),
        ),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await scheduler.update(spec('never-made', at)); // absent: created
      await scheduler.create(spec('c1-due-soon', at));
      await scheduler.create(spec('c2-overdue', at));
      const listed = await client.send(
        new ListSchedulesCommand({ GroupName: settings.groupName, NamePrefix: 'c1-' }),
      );
      expect(listed.Schedules?.map((s) => s.Name)).toEqual(['c1-due-soon', 'c1-overdue']);
      expect(await scheduler.list('c1-')).toEqual(['c1-due-soon', 'c1-overdue']);
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

  it('lists by NamePrefix a page at a time: MaxResults, NextToken, in name order, one group only', async () => {
    const { emulator: running, scheduler } = await emulator();
    const client = createSchedulerClient(running.url);
    try {
      const at = Date.parse('2030-01-01T10:00:00+05:00');
      const wanted = Array.from({ length: 23 }, (_, i) => `cA-${String(i).padStart(2, '0')}`);
      // Created out of order, among names around the prefix and in another group.
      for (const name of [...wanted].reverse()) await scheduler.create(spec(name, at));
      for (const name of ['c', 'cA', 'c9-01', 'cB-01', 'cA_01'])
        await scheduler.create(spec(name, at));
      const other = new EventBridgeScheduler(client, { ...settings, groupName: 'other-group' });
      await other.create(spec('cA-99', at));

      const pages: string[][] = [];
      for await (const page of paginateListSchedules(
        { client, pageSize: 10 },
        { GroupName: settings.groupName, NamePrefix: 'cA-' },
      ))
        pages.push((page.Schedules ?? []).map((s) => s.Name ?? ''));
      expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
      expect(pages.flat()).toEqual(wanted);
      // The adapter's own listing pages by 100; a page that ends exactly at the last one says so.
      expect(await scheduler.list('cA-')).toEqual(wanted);
      const exact = await client.send(
        new ListSchedulesCommand({
          GroupName: settings.groupName,
          NamePrefix: 'cA-',
          MaxResults: 23,
        }),
      );
      expect(exact.Schedules).toHaveLength(23);
      expect(exact.NextToken).toBeUndefined();
      // Deleting what a page showed does not lose the rest.
      const first = await client.send(
        new ListSchedulesCommand({
          GroupName: settings.groupName,
          NamePrefix: 'cA-',
          MaxResults: 5,
        }),
      );
      for (const s of first.Schedules ?? []) await scheduler.remove(s.Name ?? '');
      const rest = await client.send(
        new ListSchedulesCommand({
          GroupName: settings.groupName,
          NamePrefix: 'cA-',
          MaxResults: 100,
          NextToken: first.NextToken,
        }),
      );
      expect(rest.Schedules?.map((s) => s.Name)).toEqual(wanted.slice(5));
      expect(rest.Schedules?.[0]).toMatchObject({
        GroupName: settings.groupName,
        State: 'ENABLED',
        Target: { Arn: settings.deadlineTargetArn },
      });
      for (const bad of [{ MaxResults: 0 }, { MaxResults: 101 }, { NextToken: 'bm90LWEta2V5' }]) {
        await expect(
          client.send(new ListSchedulesCommand({ GroupName: settings.groupName, ...bad })),
        ).rejects.toMatchObject({ name: 'ValidationException' });
      }
    } finally {
      await running.close();
    }
  });

  it('keeps its schedules across a restart, and fires what fell due while it was down', async () => {
    const file = path.join(directory, 'restart', 'schedules.json');
    const first = await emulator({ file });
    await first.scheduler.create(spec('later', Date.now() + 1_000, 'C-later'));
    await first.scheduler.create(spec('much-later', Date.now() + 3_600_000, 'C-much-later'));
    await first.emulator.close();
    expect(first.fired).toEqual([]);
    await sleep(1_200);
    const second = await emulator({ file });
    try {
      await sleep(300);
      expect(second.fired.map((f) => f.input)).toEqual([
        { kind: 'overdue', complaintId: 'C-later' },
      ]);
      expect(second.emulator.schedules().map((s) => s.Name)).toEqual(['much-later']);
    } finally {
      await second.emulator.close();
    }
  });

  it('appends one journal line per create, update, delete and firing; folds it into the snapshot at start; survives a torn last line; reads the whole-file format of earlier versions', async () => {
    const folder = path.join(directory, 'journal');
    const file = path.join(folder, 'schedules.json');
    const journal = path.join(folder, 'schedules.journal');
    const old = record(
      'from-an-old-version',
      Date.parse('2030-01-01T00:00:00Z'),
      settings.groupName,
    );
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    await writeFile(file, JSON.stringify([old], null, 1)); // as earlier versions wrote it

    const first = await emulator({ file });
    const at = Date.parse('2030-01-01T10:00:00+05:00');
    await first.scheduler.create(spec('a', at));
    await first.scheduler.create(spec('b', at));
    await first.scheduler.create(spec('a', at + 60_000)); // Conflict, then update
    await first.scheduler.remove('b');
    await first.scheduler.create(spec('now', Date.now(), 'C-now'));
    await sleep(300);
    expect(first.fired.map((f) => f.input)).toEqual([{ kind: 'overdue', complaintId: 'C-now' }]);
    const lines = await journalLines(journal);
    expect(lines.map((line) => [line.op, line.id, line.record === undefined])).toEqual([
      ['create', `${settings.groupName}/a`, false],
      ['create', `${settings.groupName}/b`, false],
      ['update', `${settings.groupName}/a`, false],
      ['delete', `${settings.groupName}/b`, true],
      ['create', `${settings.groupName}/now`, false],
      ['fire', `${settings.groupName}/now`, true],
    ]);
    await first.emulator.close();
    // A crash in the middle of an append leaves half a line: that change was never answered.
    await appendFile(journal, '{"op":"create","id":"test-group/half","rec');

    const second = await emulator({ file });
    try {
      expect(
        second.emulator
          .schedules()
          .map((s) => [s.Name, s.ScheduleExpression])
          .sort(),
      ).toEqual([
        ['a', 'at(2030-01-01T10:01:00)'],
        ['from-an-old-version', old.ScheduleExpression],
      ]);
      // Compacted at start: the snapshot has the live set, the journal starts empty.
      expect(await readFile(journal, 'utf8')).toBe('');
      const snapshot = JSON.parse(await readFile(file, 'utf8')) as ScheduleRecord[];
      expect(snapshot.map((s) => s.Name).sort()).toEqual(['a', 'from-an-old-version']);
    } finally {
      await second.emulator.close();
    }
  });

  it('a schedule updated while it fires keeps its new version, and fires again at its new time', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const {
      emulator: running,
      scheduler,
      fired,
    } = await emulator({
      invoke: async () => (fired.length === 1 ? held : Promise.resolve()),
    });
    try {
      await scheduler.create(spec('moving', Date.now(), 'C-first'));
      await sleep(200);
      expect(fired).toHaveLength(1); // firing, not finished
      const due = Math.ceil((Date.now() + 1_200) / 1_000) * 1_000;
      await scheduler.create(spec('moving', due, 'C-second'));
      release();
      await sleep(200);
      expect(running.schedules().map((s) => s.Name)).toEqual(['moving']);
      await sleep(due + 400 - Date.now());
      expect(fired.map((f) => f.input)).toEqual([
        { kind: 'overdue', complaintId: 'C-first' },
        { kind: 'overdue', complaintId: 'C-second' },
      ]);
      expect(running.schedules()).toEqual([]);
    } finally {
      release();
      await running.close();
    }
  });

  it('remembers only the latest invocations (a ring), not every one', async () => {
    const { emulator: running, scheduler } = await emulator({ historyLimit: 3 });
    try {
      for (let i = 0; i < 5; i++) await scheduler.create(spec(`n${i}`, Date.now(), `C${i}`));
      await sleep(300);
      expect(running.invocations().map((i) => i.name)).toEqual(['n2', 'n3', 'n4']);
      expect(running.schedules()).toEqual([]);
    } finally {
      await running.close();
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
      await sleep(3_600);
      expect(running.invocations().map((i) => i.ok)).toEqual([false, false, false]);
      expect(running.deadLetters()).toHaveLength(1);
      expect(running.schedules()).toEqual([]);
    } finally {
      await running.close();
    }
  });
});

describe('the Scheduler emulator’s store', () => {
  it('hands out what is due in order of due instant (then of change), whatever the creates, updates, deletes and firings before', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), name: fc.nat(30), due: fc.nat(100) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.nat(30) }),
      fc.record({ kind: fc.constant('claim' as const), now: fc.nat(100), retry: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const store = new ScheduleStore();
        // The model: every schedule with its due instant and the order of its last change.
        const model = new Map<string, { due: number; order: number }>();
        let order = 0;
        for (const step of ops) {
          if (step.kind === 'put') {
            const id = `g/n${step.name}`;
            store.put(id, record(`n${step.name}`, step.due), 'create');
            model.set(id, { due: step.due, order: order++ });
          } else if (step.kind === 'delete') {
            const id = `g/n${step.name}`;
            expect(store.delete(id)).toBe(model.delete(id));
          } else {
            const waiting = [...model].sort(
              ([, a], [, b]) => a.due - b.due || a.order - b.order,
            )[0];
            const claimed = store.claimDue(step.now);
            if (waiting === undefined || waiting[1].due > step.now) {
              expect(claimed).toBeUndefined();
              continue;
            }
            expect(claimed?.id).toBe(waiting[0]);
            if (!claimed) continue;
            if (step.retry) {
              const due = step.now + 1;
              store.settle(claimed, { ...claimed.record, dueAt: due, attempts: 1 });
              model.set(claimed.id, { due, order: order++ });
            } else {
              store.settle(claimed, undefined);
              model.delete(claimed.id);
            }
          }
          expect(store.size).toBe(model.size);
          expect(store.nextDue()).toBe(
            model.size === 0 ? undefined : Math.min(...[...model.values()].map((m) => m.due)),
          );
        }
      }),
    );
  });

  it('lists keys in order across thousands of schedules (its index splits chunks, and drops empty ones)', () => {
    const store = new ScheduleStore();
    const names = Array.from(
      { length: 3_000 },
      (_, i) => `c${String((i * 7919) % 3_000).padStart(4, '0')}`,
    );
    for (const name of names) store.put(`g/${name}`, record(name, 0), 'create');
    for (const name of names.filter((_, i) => i % 3 === 0)) store.delete(`g/${name}`);
    const expected = [...new Set(names)].filter((_, i) => i % 3 !== 0);
    const all: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { page, last, more } = store.list('g', 'c', after, 100, null);
      all.push(...page.map((r) => r.Name));
      if (!more) break;
      after = last;
    }
    expect(all).toEqual(
      names
        .filter((_, i) => i % 3 !== 0)
        .slice()
        .sort(),
    );
    expect(all).toHaveLength(expected.length);
    expect(store.list('g', 'c12', undefined, 100, null).page.map((r) => r.Name)).toEqual(
      all.filter((name) => name.startsWith('c12')),
    );
  });

  it('compacts its journal once it holds four times the live set, and forgets what fired or was deleted', async () => {
    const folder = path.join(directory, 'compaction');
    const file = path.join(folder, 'schedules.json');
    const store = new ScheduleStore({ file, compactionMinimum: 20 });
    try {
      store.put('g/keep-1', record('keep-1', 10), 'create');
      store.put('g/keep-2', record('keep-2', 20), 'create');
      for (let i = 0; i < 500; i++) {
        store.put(`g/n${i}`, record(`n${i}`, 0), 'create');
        const claimed = store.claimDue(0);
        if (claimed) store.settle(claimed, undefined);
        expect(store.journalLength).toBeLessThanOrEqual(21);
      }
      expect(store.size).toBe(2);
      expect((await journalLines(path.join(folder, 'schedules.journal'))).length).toBe(
        store.journalLength,
      );
      const snapshot = JSON.parse(await readFile(file, 'utf8')) as ScheduleRecord[];
      expect(snapshot.length).toBeLessThanOrEqual(3);
    } finally {
      store.close();
    }
    const reopened = new ScheduleStore({ file });
    try {
      expect(
        reopened
          .records()
          .map((r) => r.Name)
          .sort(),
      ).toEqual(['keep-1', 'keep-2']);
    } finally {
      reopened.close();
    }
  });
});
