/** Control (R12, R23): findings, recommendations, their answer and control. */

import { describe, expect, it } from 'vitest';
import { type Body } from '../../../shared/domain/bodies.js';
import type { Principal } from '../../../shared/domain/complaint.js';
import { canView } from '../../../shared/domain/access.js';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import { controlState, isRecommendationOverdue } from '../../../shared/domain/control.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import { alertOnceFrom, apply, expectError, expectOk, file } from '../../support/complaints.js';

describe('R12: findings, recommendations and their control', () => {
  const authorized = principals.officialOf(bodies.agency, true);
  const complaint = file('2026-11-23T10:00', bodies.agency, { appealOf: 'C0' });
  const at = almaty('2026-11-25T10:00');
  const findings = (violationFound: boolean): ComplaintCommand => ({
    type: 'recordFindings',
    principal: authorized,
    reasons: 'Отказ не мотивирован.',
    violationFound,
    body: violationFound ? bodies.akimat : null,
  });
  const recommend = (body: Body, respondBy = '2026-12-10'): ComplaintCommand => ({
    type: 'sendRecommendation',
    principal: authorized,
    recommendationId: 'R1',
    body,
    measures: 'Пересмотреть решение.',
    respondBy,
  });

  const respond = (principal: Principal): ComplaintCommand => ({
    type: 'respondToRecommendation',
    principal,
    recommendationId: 'R1',
    request: { outcome: 'implemented', text: 'Решение пересмотрено.' },
  });
  const withFindings = expectOk(applyCommand(complaint, findings(true), at)).complaint;
  const recommended = expectOk(applyCommand(withFindings, recommend(bodies.akimat), at)).complaint;

  it('R12: the authorized body records findings once, on a complaint addressed to it', () => {
    expect(withFindings.findings).toMatchObject({ violationFound: true, bodyId: 'akimat-astana' });
    expectError(applyCommand(withFindings, findings(true), at), 'invalid-state');
    expectError(
      applyCommand(
        complaint,
        { ...findings(true), principal: principals.officialOf(bodies.agency) },
        at,
      ),
      'forbidden',
    );
    const toAkimat = file('2026-11-23T10:00');
    expectError(applyCommand(toAkimat, findings(false), at), 'invalid-state');
  });

  it('R12: a recommendation follows findings of non-compliance, to a body that may receive one', () => {
    expectError(applyCommand(complaint, recommend(bodies.akimat), at), 'invalid-state');
    const noViolation = expectOk(applyCommand(complaint, findings(false), at)).complaint;
    expectError(applyCommand(noViolation, recommend(bodies.akimat), at), 'invalid-state');
    for (const body of [bodies.provider, bodies.center]) {
      expectError(applyCommand(withFindings, recommend(body), at), 'validation-failed');
    }
    expectError(
      applyCommand(withFindings, recommend(bodies.akimat, '2026-11-25'), at),
      'validation-failed',
    );
    expect(recommended.recommendations).toEqual([
      expect.objectContaining({
        id: 'R1',
        bodyId: 'akimat-astana',
        respondBy: '2026-12-10',
        response: null,
        control: null,
      }),
    ]);
  });

  it('R12, R15: the recommended body sees the complaint and answers once; whether in time is recorded', () => {
    const body = principals.officialOf(bodies.akimat);
    expect(canView(body, recommended)).toBe(true);
    expect(canView(body, withFindings)).toBe(false);
    expectError(applyCommand(recommended, respond(authorized), at), 'forbidden');
    const answered = expectOk(
      applyCommand(recommended, respond(body), almaty('2026-12-10T17:00')),
    ).complaint;
    expect(answered.recommendations[0]?.response).toMatchObject({
      outcome: 'implemented',
      timely: true,
    });
    expectError(applyCommand(answered, respond(body), almaty('2026-12-10T17:01')), 'invalid-state');
    const late = expectOk(
      applyCommand(recommended, respond(body), almaty('2026-12-11T09:00')),
    ).complaint;
    expect(late.recommendations[0]?.response?.timely).toBe(false);
  });

  it('R12, R23: control records completeness as judged and timeliness as computed from the dates', () => {
    const control: ComplaintCommand = {
      type: 'controlRecommendation',
      principal: authorized,
      recommendationId: 'R1',
      request: { complete: true, text: 'Исполнено полностью.' },
    };
    const unanswered = expectOk(
      applyCommand(recommended, control, almaty('2026-12-11T10:00')),
    ).complaint;
    expect(unanswered.recommendations[0]?.control).toMatchObject({ complete: true, timely: false });
    expectError(applyCommand(unanswered, control, almaty('2026-12-11T10:00')), 'invalid-state');
    expectError(applyCommand(recommended, { ...control, recommendationId: 'R9' }, at), 'not-found');
  });

  it('R23: control before the answer and before the answer-by date is refused, not frozen as late', () => {
    const control: ComplaintCommand = {
      type: 'controlRecommendation',
      principal: authorized,
      recommendationId: 'R1',
      request: { complete: true, text: 'Проверено.' },
    };
    // respondBy 10.12.2026: the whole of that day the body may still answer.
    expect(
      expectError(applyCommand(recommended, control, almaty('2026-12-10T23:59')), 'invalid-state'),
    ).toMatch(/R23/);
    const answered = apply(
      recommended,
      respond(principals.officialOf(bodies.akimat)),
      '2026-12-01T10:00',
    );
    const controlled = expectOk(applyCommand(answered, control, almaty('2026-12-02T10:00')));
    expect(controlled.complaint.recommendations[0]?.control).toMatchObject({ timely: true });
    expect(controlled.events[0]?.details).toMatchObject({ timely: true, answered: true });
  });

  it('R23: control after the date, then a late answer: control may be recorded again on the new facts', () => {
    const control = (text: string): ComplaintCommand => ({
      type: 'controlRecommendation',
      principal: authorized,
      recommendationId: 'R1',
      request: { complete: false, text },
    });
    const first = apply(recommended, control('Ответа нет.'), '2026-12-11T10:00');
    const answeredLate = apply(
      first,
      respond(principals.officialOf(bodies.akimat)),
      '2026-12-14T10:00',
    );
    const again = expectOk(
      applyCommand(
        answeredLate,
        control('Ответ получен с опозданием.'),
        almaty('2026-12-15T10:00'),
      ),
    ).complaint;
    expect(again.recommendations[0]?.control).toMatchObject({
      text: 'Ответ получен с опозданием.',
      timely: false,
    });
    // Nothing changed since: once is enough.
    expectError(
      applyCommand(again, control('Ещё раз.'), almaty('2026-12-16T10:00')),
      'invalid-state',
    );
  });

  it('R12: after its date, an unanswered recommendation raises one alert to the authorized body', () => {
    const alertCommand: ComplaintCommand = {
      type: 'alertUnansweredRecommendation',
      principal: principals.system,
      recommendationId: 'R1',
      alertId: 'AU',
      authorizedBodyId: bodies.agency.id,
    };
    const alerted = alertOnceFrom(recommended, alertCommand, '2026-12-11T00:00');
    expect(alerted.alerts).toEqual([
      expect.objectContaining({
        kind: 'recommendation_unanswered',
        recipient: 'agency-civil-service',
        subjectId: 'R1',
      }),
    ]);
  });

  it('R12: a recommendation unanswered after its date alerts the authorized body', () => {
    const recommendation = recommended.recommendations[0];
    if (!recommendation) throw new Error('no recommendation');
    expect(isRecommendationOverdue(recommendation, almaty('2026-12-10T23:59'))).toBe(false);
    expect(isRecommendationOverdue(recommendation, almaty('2026-12-11T00:00'))).toBe(true);
  });
});

describe('R23: when a recommendation may be controlled (the API and the web desk ask the same)', () => {
  const respondBy = '2026-12-10';
  const answered = { respondedAt: '2026-12-08T10:00:00+05:00' };

  it('R23: not before the body answered while its date has not passed', () => {
    expect(controlState({ respondBy, response: null, control: null }, '2026-12-10')).toBe(
      'too-early',
    );
  });

  it('R23: once the body answered, or once its date passed without an answer', () => {
    expect(controlState({ respondBy, response: answered, control: null }, '2026-12-09')).toBe(
      'controllable',
    );
    expect(controlState({ respondBy, response: null, control: null }, '2026-12-11')).toBe(
      'controllable',
    );
  });

  it('R23: controlled once, again only after a newer answer', () => {
    const control = { recordedAt: '2026-12-09T10:00:00+05:00' };
    expect(controlState({ respondBy, response: answered, control }, '2026-12-12')).toBe(
      'already-controlled',
    );
    expect(controlState({ respondBy, response: null, control }, '2026-12-12')).toBe(
      'already-controlled',
    );
    const newer = { respondedAt: '2026-12-11T09:00:00+05:00' };
    expect(controlState({ respondBy, response: newer, control }, '2026-12-12')).toBe(
      'controllable',
    );
  });
});
