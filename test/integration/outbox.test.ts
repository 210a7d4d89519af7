/**
 * The table's stream as the outbox, on DynamoDB Local's own stream: handlers only write the table;
 * the stream consumer makes the schedule calls (no more than a change needs) and counts the
 * statistics, once, whatever crashes in between; reconciliation reads only what lags.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let akimat: string;

beforeAll(async () => {
  system = await createHarness();
  akimat = await system.official({ bodyId: 'akimat-astana' });
});
afterAll(() => system.close());

const fileOne = async (harness: Harness, inbox = `outbox-${randomUUID()}@example.kz`) => {
  const reply = await harness.call('POST', '/v1/complaints', {
    body: { ...electronicFiling, applicant: { ...electronicFiling.applicant, email: inbox } },
  });
  expect(reply.status, reply.text).toBe(201);
  return { id: field(reply.body, 'id'), inbox };
};

describe('Scheduler calls follow from the old and new state', () => {
  it('filing makes 3 calls, an extension 3 (2 updates, 1 create), a decision 3 (2 deletes, 1 create); none conflicts', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    system.resetCalls();
    const { id } = await fileOne(system);
    expect(system.schedulerCalls).toEqual(['create', 'create', 'create']);
    system.setNow(almaty('2026-11-24T10:00'));
    system.resetCalls();
    await system.call('POST', `/v1/complaints/${id}/extensions`, {
      token: akimat,
      body: { workingDays: 2, reason: 'site_inspection', explanation: 'Выезд на место.' },
    });
    expect(system.schedulerCalls.sort()).toEqual(['create', 'update', 'update']);
    system.resetCalls();
    await system.call('POST', `/v1/complaints/${id}/decision`, {
      token: akimat,
      body: { outcome: 'rejected', text: 'Нет оснований.' },
    });
    expect(system.schedulerCalls.sort()).toEqual(['create', 'remove', 'remove']);
  });
});

describe('nothing acknowledged is lost', () => {
  it('a consumer killed mid-batch: the batch comes again, and every schedule and e-mail happens once', async () => {
    const quiet = await createHarness({ stream: 'manual' });
    try {
      quiet.setNow(almaty('2026-11-23T10:00'));
      const filed = [];
      for (let i = 0; i < 5; i++) filed.push(await fileOne(quiet));
      quiet.crashStreamConsumerAfter(2);
      await quiet.stream.drain();
      // Each complaint has its reminder, its overdue check and its receipt's send, once.
      const names = quiet.scheduler.schedules().map((s) => s.Name);
      for (const { id } of filed) {
        expect(names.filter((name) => name.startsWith(`${id}-`))).toHaveLength(3);
      }
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      for (const { inbox } of filed) expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      expect(quiet.stream.failures).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('a crash between the commit and the stream: a consumer started later, from the start of the stream, does each thing once', async () => {
    const quiet = await createHarness({ stream: 'manual' });
    try {
      quiet.setNow(almaty('2026-11-23T10:00'));
      const { id, inbox } = await fileOne(quiet);
      // Nothing processed yet: no schedule, no e-mail.
      expect(quiet.scheduler.schedules()).toEqual([]);
      await quiet.stream.drain();
      // A second consumer replays the whole stream (a lost checkpoint): nothing happens twice.
      quiet.resetCalls();
      expect(await quiet.replayStream()).toBeGreaterThan(0);
      // Every schedule is already as the plan says: creates meet themselves and update in place.
      expect(quiet.scheduler.schedules().filter((s) => s.Name.startsWith(`${id}-`))).toHaveLength(
        3,
      );
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      const counted = await quiet.call('GET', '/v1/statistics?from=2026-11&to=2026-11', {
        token: await quiet.official({ bodyId: 'akimat-astana' }),
      });
      expect(counted.body).toMatchObject({ items: [{ month: '2026-11', received: 1 }] });
    } finally {
      await quiet.close();
    }
  });

  it('a change whose calls were lost is not papered over by the next one: the complaint lags until reconciliation repairs it from Scheduler', async () => {
    const quiet = await createHarness();
    try {
      const official = await quiet.official({ bodyId: 'akimat-astana' });
      quiet.setNow(almaty('2026-11-23T10:00'));
      const { id, inbox } = await fileOne(quiet);
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      const extend = (explanation: string) =>
        quiet.call('POST', `/v1/complaints/${id}/extensions`, {
          token: official,
          body: { workingDays: 1, reason: 'additional_study', explanation },
        });
      // The first extension's calls fail on every try: its notice's schedule is never made.
      quiet.setNow(almaty('2026-11-24T10:00'));
      quiet.failSchedulerCalls(Number.MAX_SAFE_INTEGER);
      expect((await extend('Первое продление.')).status).toBe(201);
      expect(quiet.stream.failures).toHaveLength(1);
      quiet.failSchedulerCalls(0);
      // The second one's calls succeed, but they build on a plan Scheduler never held.
      expect((await extend('Второе продление.')).status).toBe(201);
      const lagging = await quiet.dependencies.repository.lagging(almaty('2026-11-25T00:00'));
      expect(lagging.map((entry) => entry.complaintId)).toContain(id);
      // Reconciliation, past the grace period, lists what Scheduler holds and makes what is missing.
      quiet.setNow(almaty('2026-11-24T10:05'));
      expect(await quiet.reconcile()).toMatchObject({ refired: 0 });
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      const subjects = (await quiet.emailsTo(inbox)).map((email) => email.subject.split(':')[0]);
      expect(subjects.sort()).toEqual(
        [
          'Шағымыңыз тіркелді',
          'Шағымды қарау мерзімі ұзартылды',
          'Шағымды қарау мерзімі ұзартылды',
        ].sort(),
      );
      expect(await quiet.dependencies.repository.lagging(almaty('2026-11-25T00:00'))).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('an e-mail whose sender died holding its claim goes out again within minutes, once', async () => {
    const quiet = await createHarness();
    try {
      quiet.setNow(almaty('2026-11-23T10:00'));
      const { id, inbox } = await fileOne(quiet);
      const notice = field(
        (await quiet.dependencies.repository.get(id))?.complaint,
        'notices',
        0,
        'id',
      );
      // The notice function took the claim and died: its schedule is gone, the notice pending.
      await quiet.dependencies.repository.claimDelivery(
        id,
        'notice',
        notice,
        almaty('2026-11-23T10:01'),
        almaty('2026-11-23T10:00'),
      );
      await quiet.scheduler.runDue(); // the firing meets the claim and leaves it
      expect(await quiet.emailsTo(inbox)).toHaveLength(0);
      quiet.setNow(almaty('2026-11-23T10:03'));
      expect(await quiet.reconcile()).toMatchObject({ refired: 1 });
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      expect(await quiet.emailsTo(inbox)).toHaveLength(1);
      expect(await quiet.reconcile()).toMatchObject({ refired: 0, schedulerCalls: 0 });
    } finally {
      await quiet.close();
    }
  });
});

describe('R14: no filing lost to contention', () => {
  it('100 filings to one body at once: 100 × 201, numbers unique and without gaps', async () => {
    const quiet = await createHarness({ stream: 'manual' });
    try {
      quiet.setNow(almaty('2026-11-24T11:00'));
      const body = { ...electronicFiling, addresseeId: 'ministry-finance' };
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => quiet.call('POST', '/v1/complaints', { body })),
      );
      expect(replies.map((r) => r.status)).toEqual(Array<number>(100).fill(201));
      const numbers = replies
        .map((r) => Number(field(r.body, 'registrationNumber').split('/')[2]))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    } finally {
      await quiet.close();
    }
  });
});

describe('reconciliation by exception', () => {
  it('with nothing failed it makes no Scheduler call, however many complaints are open', async () => {
    const quiet = await createHarness();
    try {
      quiet.setNow(almaty('2026-11-23T10:00'));
      for (let i = 0; i < 20; i++) await fileOne(quiet);
      await quiet.scheduler.runDue();
      await quiet.stream.drain();
      quiet.setNow(almaty('2026-11-23T12:00'));
      quiet.resetCalls();
      expect(await quiet.reconcile()).toMatchObject({ schedulerCalls: 0, refired: 0 });
      expect(quiet.schedulerCalls).toEqual([]);
      // Only GSI3's shards are read (lagging, unsent): no complaint is read, nothing is scanned.
      expect(quiet.calls.filter((name) => name === 'QueryCommand')).toHaveLength(16);
      expect(quiet.calls).not.toContain('ScanCommand');
    } finally {
      await quiet.close();
    }
  });
});
