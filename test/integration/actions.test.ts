import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedBy, almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let akimat: string;
let agency: string;
beforeAll(async () => {
  system = await createHarness();
  akimat = await system.official({ bodyId: 'akimat-astana' });
  agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
});
afterAll(() => system.close());

async function file(
  at: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  system.setNow(almaty(at));
  const reply = await system.call('POST', '/v1/complaints', {
    body: { ...electronicFiling, ...overrides },
  });
  expect(reply.status).toBe(201);
  return { id: field(reply.body, 'id'), token: field(reply.body, 'accessToken') };
}

const extension = {
  workingDays: 3,
  reason: 'site_inspection',
  explanation: 'Нужен выезд на место.',
};

describe('POST /v1/complaints/{id}/extensions (R6–R9)', () => {
  it('R8, R9: extends the due date by working days and creates the extension notice', async () => {
    const { id, token } = await file('2026-11-23T10:00'); // due 2026-11-30
    system.setNow(almaty('2026-11-25T12:00'));
    const reply = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: akimat,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      dueDate: '2026-12-03',
      extendedWorkingDays: 3,
      notice: { kind: 'extension', form: 'email', dueDate: '2026-11-30', status: 'pending' },
    });
    expect(reply.headers.get('etag')).toBe('"2"');
    const read = await system.call('GET', `/v1/complaints/${id}`, { token });
    expect(read.body).toMatchObject({
      dueDate: '2026-12-03',
      extensions: [{ workingDays: 3, reason: 'site_inspection', previousDueDate: '2026-11-30' }],
      history: [{ type: 'filed' }, { type: 'extended', version: 2 }],
    });
    // R15: the applicant sees that an official acted, not the official's user id.
    expect(read.text).not.toContain('local-official');
  });

  it('extension-limit-exceeded past 10 working days in total; the complaint is unchanged', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: { ...extension, workingDays: 8 },
      token: akimat,
    });
    const refused = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: akimat,
    });
    expect(refused).toMatchObject({
      status: 422,
      body: { type: 'urn:problem:extension-limit-exceeded' },
    });
    const read = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
    expect(read.body).toMatchObject({ extendedWorkingDays: 8, version: 2 });
  });

  it('extension-not-allowed for a body kind that may not extend, and once decided', async () => {
    const { id } = await file('2026-11-23T10:00', { addresseeId: 'con-astana-yesil-1' });
    system.setNow(almaty('2026-11-24T10:00'));
    const center = await system.official({ bodyId: 'con-astana-yesil-1' });
    const refused = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: center,
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { type: 'urn:problem:extension-not-allowed' },
    });
    const decided = await file('2026-11-23T10:00');
    await system.call('POST', `/v1/complaints/${decided.id}/decision`, {
      body: { outcome: 'rejected', text: 'Нет.' },
      token: akimat,
    });
    const late = await system.call('POST', `/v1/complaints/${decided.id}/extensions`, {
      body: extension,
      token: akimat,
    });
    expect(late).toMatchObject({
      status: 409,
      body: { type: 'urn:problem:extension-not-allowed' },
    });
  });

  it('version-conflict on a stale If-Match; a current one is accepted', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    const stale = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: akimat,
      headers: { 'If-Match': '"7"' },
    });
    expect(stale).toMatchObject({ status: 412, body: { type: 'urn:problem:version-conflict' } });
    const current = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: akimat,
      headers: { 'If-Match': '"1"' },
    });
    expect(current.status).toBe(201);
  });

  it('validation-failed, unauthorized, and not-found for an unknown complaint', async () => {
    const { id } = await file('2026-11-23T10:00');
    const invalid = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: { ...extension, reason: 'workload' },
      token: akimat,
    });
    expect(invalid).toMatchObject({ status: 400, body: { errors: [{ path: 'reason' }] } });
    const anonymous = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
    });
    expect(anonymous).toMatchObject({ status: 401, body: { type: 'urn:problem:unauthorized' } });
    const unknown = await system.call(
      'POST',
      '/v1/complaints/01JZZZZZZZZZZZZZZZZZZZZZZZ/extensions',
      { body: extension, token: akimat },
    );
    expect(unknown).toMatchObject({ status: 404, body: { type: 'urn:problem:not-found' } });
  });

  it('forbidden for an official who may see the complaint but is not of its addressee (the Agency)', async () => {
    const { id } = await file('2026-11-23T10:00');
    const reply = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: agency,
    });
    expect(reply).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
  });

  it('without If-Match, a race is won or lost on the domain’s rules, never on a version: a decision among 20 extensions', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    const extend = () =>
      system.call('POST', `/v1/complaints/${id}/extensions`, {
        body: { ...extension, workingDays: 1 },
        token: akimat,
      });
    const replies = await Promise.all([
      ...Array.from({ length: 10 }, extend),
      system.call('POST', `/v1/complaints/${id}/decision`, {
        body: { outcome: 'satisfied', text: 'Выдано.' },
        token: akimat,
      }),
      ...Array.from({ length: 10 }, extend),
    ]);
    const decision = replies[10];
    expect(decision?.status, decision?.text).toBe(201);
    for (const reply of replies) {
      expect(reply.body.type).not.toBe('urn:problem:version-conflict');
      expect([201, 409, 422]).toContain(reply.status);
    }
  });

  it('R8 under load: 50 parallel extensions never pass 10 days; every loser is version-conflict or limit-exceeded', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-24T10:00'));
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        system.call('POST', `/v1/complaints/${id}/extensions`, {
          body: { ...extension, workingDays: 1 + (i % 4) },
          token: akimat,
        }),
      ),
    );
    const winners = replies.filter((r) => r.status === 201);
    const losers = replies.filter((r) => r.status !== 201);
    expect(winners.length).toBeGreaterThan(0);
    for (const loser of losers) {
      expect(['urn:problem:version-conflict', 'urn:problem:extension-limit-exceeded']).toContain(
        loser.body.type,
      );
    }
    const read = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
    const extensions = read.body.extensions as { workingDays: number }[];
    const total = extensions.reduce((sum, e) => sum + e.workingDays, 0);
    expect(total).toBeLessThanOrEqual(10);
    expect(read.body.extendedWorkingDays).toBe(total);
    expect(extensions).toHaveLength(winners.length);
  });
});

describe('POST /v1/complaints/{id}/decision (R10)', () => {
  it('decides once: 201 with the complaint and its decision notice; again is invalid-state', async () => {
    const { id } = await file('2026-11-23T10:00');
    system.setNow(almaty('2026-11-27T16:00'));
    const decided = await system.call('POST', `/v1/complaints/${id}/decision`, {
      body: { outcome: 'partially_satisfied', text: 'Справка будет выдана.' },
      token: akimat,
    });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: { outcome: 'partially_satisfied', timely: true },
      notices: [{ kind: 'registration' }, { kind: 'decision', form: 'email', status: 'pending' }],
      history: [{ type: 'filed' }, { type: 'decided' }],
    });
    const again = await system.call('POST', `/v1/complaints/${id}/decision`, {
      body: { outcome: 'rejected', text: 'x' },
      token: akimat,
    });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:problem:invalid-state' } });
  });
});

describe('paper letters (R9)', () => {
  it('prints the letter of a paper notice and records its dispatch once', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    const filed = await system.call('POST', '/v1/complaints', {
      token: akimat,
      body: {
        ...electronicFiling,
        channel: 'paper',
        acceptedBy,
        applicant: {
          ...electronicFiling.applicant,
          language: 'ru',
          postalAddress: 'Астана, ул. <Бейбітшілік>, 1',
        },
      },
    });
    const id = field(filed.body, 'id');
    system.setNow(almaty('2026-11-24T10:00'));
    const extended = await system.call('POST', `/v1/complaints/${id}/extensions`, {
      body: extension,
      token: akimat,
    });
    const noticeId = field(extended.body, 'notice', 'id');
    expect(extended.body).toMatchObject({ notice: { form: 'letter', dueDate: '2026-11-27' } });

    const letter = await system.call('GET', `/v1/complaints/${id}/notices/${noticeId}/letter`, {
      token: akimat,
    });
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(letter.text).toContain('продлён на 3 рабочих дня');
    expect(letter.text).toContain('проведение проверки с выездом на место');
    expect(letter.text).toContain('Астана, ул. &lt;Бейбітшілік&gt;, 1');

    const dispatch = { sentOn: '2026-11-25', method: 'post', trackingNumber: 'KZ123456789' };
    system.setNow(almaty('2026-11-25T12:00'));
    const future = await system.call('POST', `/v1/complaints/${id}/notices/${noticeId}/dispatch`, {
      body: { ...dispatch, sentOn: '2026-11-26' },
      token: akimat,
    });
    expect(future).toMatchObject({ status: 400, body: { errors: [{ path: 'sentOn' }] } });
    const sent = await system.call('POST', `/v1/complaints/${id}/notices/${noticeId}/dispatch`, {
      body: dispatch,
      token: akimat,
    });
    expect(sent).toMatchObject({
      status: 200,
      body: { status: 'dispatched', dispatch: { sentOn: '2026-11-25', method: 'post' } },
    });
    const byAgency = await system.call('GET', `/v1/complaints/${id}/notices/${noticeId}/letter`, {
      token: agency,
    });
    expect(byAgency).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
    const twice = await system.call('POST', `/v1/complaints/${id}/notices/${noticeId}/dispatch`, {
      body: dispatch,
      token: akimat,
    });
    expect(twice).toMatchObject({ status: 409, body: { type: 'urn:problem:invalid-state' } });
    const unknownNotice = await system.call(
      'GET',
      `/v1/complaints/${id}/notices/01JZZZZZZZZZZZZZZZZZZZZZZZ/letter`,
      { token: akimat },
    );
    expect(unknownNotice.status).toBe(404);
  });

  it('an e-mail notice has no letter and is not dispatched by hand', async () => {
    const { id } = await file('2026-11-23T10:00');
    const read = await system.call('GET', `/v1/complaints/${id}`, { token: akimat });
    const noticeId = field(read.body, 'notices', 0, 'id');
    expect(
      (
        await system.call('GET', `/v1/complaints/${id}/notices/${noticeId}/letter`, {
          token: akimat,
        })
      ).status,
    ).toBe(404);
    const dispatch = await system.call(
      'POST',
      `/v1/complaints/${id}/notices/${noticeId}/dispatch`,
      {
        body: { sentOn: '2026-11-23', method: 'post' },
        token: akimat,
      },
    );
    expect(dispatch).toMatchObject({ status: 409, body: { type: 'urn:problem:invalid-state' } });
  });
});

describe('findings, recommendations, response and control (R12)', () => {
  it('runs the whole control cycle on a complaint to the authorized body', async () => {
    const { id } = await file('2026-11-23T10:00', { addresseeId: 'agency-civil-service' });
    system.setNow(almaty('2026-11-25T10:00'));
    const early = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '2026-12-10' },
      token: agency,
    });
    expect(early).toMatchObject({ status: 409, body: { type: 'urn:problem:invalid-state' } });

    const findings = await system.call('POST', `/v1/complaints/${id}/findings`, {
      body: { reasons: 'Отказ не мотивирован.', violationFound: true, bodyId: 'akimat-astana' },
      token: agency,
    });
    expect(findings).toMatchObject({
      status: 201,
      body: { violationFound: true, bodyId: 'akimat-astana' },
    });

    const toProvider = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'land-relations-karasay-district', measures: 'x', respondBy: '2026-12-10' },
      token: agency,
    });
    expect(toProvider).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            path: 'bodyId',
            message: expect.stringContaining('does not receive recommendations') as unknown,
          },
        ],
      },
    });

    const sent = await system.call('POST', `/v1/complaints/${id}/recommendations`, {
      body: { bodyId: 'akimat-astana', measures: 'Пересмотреть решение.', respondBy: '2026-12-10' },
      token: agency,
    });
    expect(sent.status).toBe(201);
    const recId = field(sent.body, 'recommendationId');

    // R15: the recommended body now sees the complaint, and answers.
    system.setNow(almaty('2026-12-09T10:00'));
    const byAgency = await system.call(
      'POST',
      `/v1/complaints/${id}/recommendations/${recId}/response`,
      {
        body: { outcome: 'implemented', text: 'x' },
        token: agency,
      },
    );
    expect(byAgency).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
    const answered = await system.call(
      'POST',
      `/v1/complaints/${id}/recommendations/${recId}/response`,
      {
        body: { outcome: 'implemented', text: 'Решение пересмотрено.' },
        token: akimat,
      },
    );
    expect(answered).toMatchObject({
      status: 201,
      body: { response: { outcome: 'implemented', timely: true } },
    });

    const controlled = await system.call(
      'POST',
      `/v1/complaints/${id}/recommendations/${recId}/control`,
      {
        body: { complete: true, text: 'Исполнено полностью и в срок.' },
        token: agency,
      },
    );
    expect(controlled).toMatchObject({
      status: 201,
      body: { control: { complete: true, timely: true } },
    });
    const controlledAgain = await system.call(
      'POST',
      `/v1/complaints/${id}/recommendations/${recId}/control`,
      {
        body: { complete: false, text: 'x' },
        token: agency,
      },
    );
    expect(controlledAgain).toMatchObject({
      status: 409,
      body: { type: 'urn:problem:invalid-state' },
    });
    const read = await system.call('GET', `/v1/complaints/${id}`, { token: agency });
    expect((read.body.history as { type: string }[]).map((e) => e.type)).toEqual([
      'filed',
      'findings_recorded',
      'recommendation_sent',
      'recommendation_answered',
      'recommendation_controlled',
    ]);
  });

  it('findings are for the authorized body, on complaints addressed to it', async () => {
    const { id } = await file('2026-11-23T10:00');
    const byAkimat = await system.call('POST', `/v1/complaints/${id}/findings`, {
      body: { reasons: 'x', violationFound: false },
      token: akimat,
    });
    expect(byAkimat).toMatchObject({ status: 403 });
    const onAkimatComplaint = await system.call('POST', `/v1/complaints/${id}/findings`, {
      body: { reasons: 'x', violationFound: false },
      token: agency,
    });
    expect(onAkimatComplaint).toMatchObject({
      status: 409,
      body: { type: 'urn:problem:invalid-state' },
    });
  });
});
