/** Delivery (R9, R24): e-mails and their tries, letters and their dispatch. */

import { describe, expect, it } from 'vitest';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import {
  alertOnceFrom,
  apply,
  expectError,
  expectOk,
  extendedOnPaper,
  file,
} from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);

describe('R9: notices', () => {
  const complaint = file('2026-11-23T10:00');

  const delivered = (messageId: string): ComplaintCommand => ({
    type: 'recordDelivered',
    principal: principals.system,
    messageId,
    providerMessageId: 'ses-1',
  });
  const deliveryFailed = (messageId: string, retryAt: number | null): ComplaintCommand => ({
    type: 'recordDeliveryFailed',
    principal: principals.system,
    messageId,
    reason: 'SES unreachable',
    retryAt,
    alertIds: ['AF', 'AF2'],
    authorizedBodyId: bodies.agency.id,
  });

  it('R9: an e-mail notice is recorded sent once, with the provider’s message id', () => {
    const outcome = expectOk(applyCommand(complaint, delivered('N0'), almaty('2026-11-23T10:00')));
    expect(outcome.complaint.notices[0]).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-23T10:00:00+05:00',
      providerMessageId: 'ses-1',
    });
    expect(outcome.events[0]).toMatchObject({ type: 'notice_sent', details: { messageId: 'N0' } });
    expectError(
      applyCommand(outcome.complaint, delivered('N0'), almaty('2026-11-23T10:01')),
      'invalid-state',
    );
    expectError(
      applyCommand(complaint, delivered('nope'), almaty('2026-11-23T10:00')),
      'not-found',
    );
    expectError(
      applyCommand(
        complaint,
        { ...delivered('N0'), principal: official },
        almaty('2026-11-23T10:00'),
      ),
      'forbidden',
    );
  });

  it('R9, R24: a failed try keeps the notice pending with its next try; the last one fails it and alerts the addressee (who owes it) and the authorized body', () => {
    const retry = expectOk(
      applyCommand(
        complaint,
        deliveryFailed('N0', almaty('2026-11-23T10:05')),
        almaty('2026-11-23T10:00'),
      ),
    ).complaint;
    expect(retry.notices[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-23T10:05:00+05:00',
      failureReason: 'SES unreachable',
    });
    const failed = expectOk(
      applyCommand(retry, deliveryFailed('N0', null), almaty('2026-11-23T10:05')),
    );
    expect(failed.complaint.notices[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.complaint.notices[0]).not.toHaveProperty('nextAttemptAt');
    const failureAlert = {
      kind: 'notice_failed',
      about: '2026-11-26',
      subjectId: 'N0',
      status: 'pending',
      createdAt: '2026-11-23T10:05:00+05:00',
    };
    expect(failed.complaint.alerts).toEqual([
      { id: 'AF', recipient: 'akimat-astana', ...failureAlert },
      { id: 'AF2', recipient: 'agency-civil-service', ...failureAlert },
    ]);
    // A failed alert is only recorded: no alert about an alert.
    const alertFailed = expectOk(
      applyCommand(failed.complaint, deliveryFailed('AF', null), almaty('2026-11-23T10:06')),
    );
    expect(alertFailed.complaint.alerts).toEqual([
      expect.objectContaining({ id: 'AF', status: 'failed' }),
      expect.objectContaining({ id: 'AF2', status: 'pending' }),
    ]);
    expect(alertFailed.events.map((e) => e.type)).toEqual(['alert_failed']);
  });

  it('R9: a letter not dispatched within its 3 working days alerts the addressee, once', () => {
    const onPaper = extendedOnPaper(); // letter NE1 due 2026-11-27
    const watch: ComplaintCommand = {
      type: 'alertLetterNotDispatched',
      principal: principals.system,
      noticeId: 'NE1',
      alertId: 'AL',
    };
    const alerted = alertOnceFrom(onPaper, watch, '2026-11-28T00:00');
    expect(alerted.alerts).toEqual([
      expect.objectContaining({
        kind: 'letter_not_dispatched',
        recipient: 'akimat-astana',
        about: '2026-11-27',
        subjectId: 'NE1',
      }),
    ]);
  });

  it('a letter is not an e-mail: no delivery is recorded on it', () => {
    const onPaper = extendedOnPaper();
    expectError(applyCommand(onPaper, delivered('NE1'), almaty('2026-11-24T10:00')), 'not-found');
  });

  it('R9: a letter is dispatched by the addressee’s official, on a date between its creation and today', () => {
    const onPaper = extendedOnPaper();
    const dispatch = (sentOn: string, noticeId = 'NE1'): ComplaintCommand => ({
      type: 'dispatchLetter',
      principal: official,
      noticeId,
      request: { sentOn, method: 'post', trackingNumber: 'KZ0001' },
    });
    expectError(
      applyCommand(onPaper, dispatch('2026-11-23'), almaty('2026-11-25T10:00')),
      'validation-failed',
    );
    expectError(
      applyCommand(onPaper, dispatch('2026-11-26'), almaty('2026-11-25T10:00')),
      'validation-failed',
    );
    const outcome = expectOk(
      applyCommand(onPaper, dispatch('2026-11-25'), almaty('2026-11-25T10:00')),
    );
    expect(outcome.complaint.notices.at(-1)).toMatchObject({
      status: 'dispatched',
      dispatch: { sentOn: '2026-11-25', method: 'post', trackingNumber: 'KZ0001' },
    });
    expect(outcome.events[0]?.details).toMatchObject({ timely: true });
    expectError(
      applyCommand(outcome.complaint, dispatch('2026-11-25'), almaty('2026-11-25T10:00')),
      'invalid-state',
    );
    expectError(
      applyCommand(complaint, dispatch('2026-11-23', 'N0'), almaty('2026-11-23T10:00')),
      'invalid-state',
    );
  });
});

describe('R24: a notice that cannot be delivered', () => {
  const complaint = file('2026-11-23T10:00');
  const failed = apply(
    complaint,
    {
      type: 'recordDeliveryFailed',
      principal: principals.system,
      messageId: 'N0',
      reason: 'Address does not exist',
      retryAt: null,
      alertIds: ['AF', 'AF2'],
      authorizedBodyId: bodies.agency.id,
    },
    '2026-11-23T11:00',
  ); // N0 due 26.11.2026
  const deliver = (deliveredOn: string, noticeId = 'N0'): ComplaintCommand => ({
    type: 'recordOtherDelivery',
    principal: official,
    noticeId,
    request: { deliveredOn, method: 'courier', trackingNumber: 'KZ-77' },
  });

  it('R24: the addressee records delivery by other means, with its date: the notice is satisfied, in time or not', () => {
    const outcome = expectOk(
      applyCommand(failed, deliver('2026-11-25'), almaty('2026-11-25T15:00')),
    );
    expect(outcome.complaint.notices[0]).toMatchObject({
      status: 'delivered_otherwise',
      otherDelivery: {
        deliveredOn: '2026-11-25',
        method: 'courier',
        trackingNumber: 'KZ-77',
        by: { type: 'official', bodyId: 'akimat-astana' },
        timely: true,
      },
    });
    expect(outcome.events[0]).toMatchObject({
      type: 'notice_delivered_otherwise',
      details: { noticeId: 'N0', kind: 'registration', timely: true },
    });
    const late = expectOk(applyCommand(failed, deliver('2026-11-27'), almaty('2026-11-27T15:00')));
    expect(late.complaint.notices[0]?.otherDelivery?.timely).toBe(false);
    // Once: a delivered notice has not failed any more.
    expectError(
      applyCommand(outcome.complaint, deliver('2026-11-25'), almaty('2026-11-25T16:00')),
      'invalid-state',
    );
  });

  it('R24: only a failed e-mail notice, by the addressee’s official, dated between its creation and today', () => {
    const at = almaty('2026-11-25T15:00');
    expectError(applyCommand(complaint, deliver('2026-11-25'), at), 'invalid-state');
    expectError(applyCommand(failed, deliver('2026-11-22'), at), 'validation-failed');
    expectError(applyCommand(failed, deliver('2026-11-26'), at), 'validation-failed');
    expectError(
      applyCommand(
        failed,
        { ...deliver('2026-11-25'), principal: principals.officialOf(bodies.agency, true) },
        at,
      ),
      'forbidden',
    );
    expectError(applyCommand(extendedOnPaper(), deliver('2026-11-25', 'NE1'), at), 'invalid-state');
  });
});
