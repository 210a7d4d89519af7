/** Follow-up links asked for (docs/api.md, "Access links"): who matches, 3 a legal day, delivery. */

import { describe, expect, it } from 'vitest';
import {
  accessLinksPerDay,
  followUpLink,
  requestAccessLink,
} from '../../../shared/domain/access-links.js';
import { applyCommand, type ComplaintCommand } from '../../../shared/domain/commands.js';
import type { Complaint } from '../../../shared/domain/complaint.js';
import { schedulesFor } from '../../../shared/domain/schedules.js';
import { accessLinkEmail } from '../../../shared/texts/emails.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import { expectOk, file, paper } from '../../support/complaints.js';

const address = 'applicant@example.kz';

/** Asks at `at` (Almaty): the complaint with its new link, or undefined when none may go out. */
function ask(complaint: Complaint, at: string, email = address, linkId = `L-${at}`) {
  return requestAccessLink(complaint, { email, linkId }, almaty(at));
}

function askedOK(complaint: Complaint, at: string): Complaint {
  const next = ask(complaint, at);
  if (!next) throw new Error(`Expected a link at ${at}`);
  return next;
}

describe('who may be sent a follow-up link', () => {
  const complaint = file('2026-11-23T10:00');

  it('the address an electronic complaint gave, in any case and with spaces around, matches', () => {
    const next = ask(complaint, '2026-11-23T11:00', '  Applicant@EXAMPLE.kz ');
    expect(next?.accessLinks).toEqual([
      {
        id: 'L-2026-11-23T11:00',
        language: 'kk',
        status: 'pending',
        createdAt: '2026-11-23T11:00:00+05:00',
      },
    ]);
    // An outbox entry, not a change of the complaint's own record: the version stays.
    expect(next?.version).toBe(complaint.version);
    expect(next?.notices).toEqual(complaint.notices);
  });

  it('another address, or a paper complaint with the same address, does not match', () => {
    expect(ask(complaint, '2026-11-23T11:00', 'other@example.kz')).toBeUndefined();
    const onPaper = file('2026-11-23T10:00', bodies.akimat, {
      ...paper,
      applicant: { ...paper.applicant, email: address },
    });
    expect(onPaper.applicant.email).toBe(address);
    expect(ask(onPaper, '2026-11-23T11:00')).toBeUndefined();
  });
});

describe('at most 3 links a legal day (Asia/Almaty)', () => {
  it('the fourth of a legal day is refused; the next legal day, still the same UTC day, allows one', () => {
    let complaint = file('2026-11-23T10:00');
    for (const at of ['2026-11-23T00:10', '2026-11-23T12:00', '2026-11-23T23:58'])
      complaint = askedOK(complaint, at);
    expect(complaint.accessLinks).toHaveLength(accessLinksPerDay);
    expect(ask(complaint, '2026-11-23T23:59')).toBeUndefined();
    // 00:01 in Almaty is 19:01 UTC of the 23rd.
    expect(ask(complaint, '2026-11-24T00:01')?.accessLinks).toHaveLength(4);
  });

  it('links sent or failed count against their day as well', () => {
    let complaint = file('2026-11-23T10:00');
    complaint = askedOK(complaint, '2026-11-23T10:00');
    complaint = askedOK(complaint, '2026-11-23T10:01');
    complaint = askedOK(complaint, '2026-11-23T10:02');
    const sent = expectOk(
      applyCommand(
        complaint,
        {
          type: 'recordDelivered',
          principal: principals.system,
          messageId: 'L-2026-11-23T10:00',
          providerMessageId: 'ses-1',
        },
        almaty('2026-11-23T10:03'),
      ),
    ).complaint;
    expect(ask(sent, '2026-11-23T10:04')).toBeUndefined();
  });
});

describe('a link e-mail goes out like a notice', () => {
  const asked = askedOK(file('2026-11-23T10:00'), '2026-11-23T10:30');
  const linkId = 'L-2026-11-23T10:30';

  it('a pending link has its send schedule, under the complaint’s name prefix, until it is sent', () => {
    expect(schedulesFor(asked)).toContainEqual({
      name: `C1-${linkId}-0`,
      at: almaty('2026-11-23T10:30'),
      target: 'notice',
      input: { complaintId: 'C1', messageId: linkId },
    });
  });

  it('sent: the history records a notice of kind access_link, and the schedule goes', () => {
    const outcome = expectOk(
      applyCommand(
        asked,
        {
          type: 'recordDelivered',
          principal: principals.system,
          messageId: linkId,
          providerMessageId: 'ses-2',
        },
        almaty('2026-11-23T10:30'),
      ),
    );
    expect(outcome.events).toMatchObject([
      {
        type: 'notice_sent',
        details: { messageId: linkId, providerMessageId: 'ses-2', kind: 'access_link' },
      },
    ]);
    expect(outcome.complaint.accessLinks?.[0]).toMatchObject({
      status: 'sent',
      sentAt: '2026-11-23T10:30:00+05:00',
    });
    expect(schedulesFor(outcome.complaint).some((s) => s.name.includes(linkId))).toBe(false);
  });

  it('failed for good: recorded, and nobody is alerted (a link is owed by no one; the applicant may ask again)', () => {
    const failed: ComplaintCommand = {
      type: 'recordDeliveryFailed',
      principal: principals.system,
      messageId: linkId,
      reason: 'The mail service could not be reached',
      retryAt: null,
      alertIds: ['A1', 'A2'],
      authorizedBodyId: bodies.agency.id,
    };
    const outcome = expectOk(applyCommand(asked, failed, almaty('2026-11-23T15:00')));
    expect(outcome.complaint.accessLinks?.[0]?.status).toBe('failed');
    expect(outcome.complaint.alerts).toEqual([]);
    expect(outcome.events).toMatchObject([
      { type: 'notice_failed', details: { kind: 'access_link' } },
    ]);
  });
});

describe('the follow-up link and its e-mail', () => {
  it('is <web desk>/follow#lang=…&token=…: the token in the fragment, the query empty', () => {
    const link = new URL(followUpLink('https://desk.example.kz/', 'ru', 'ap.C1.secret_-x'));
    expect(link.href).toBe('https://desk.example.kz/follow#lang=ru&token=ap.C1.secret_-x');
    expect(link.search).toBe('');
  });

  it('says, in the complaint’s language, what it is for and that earlier links still work; the link is escaped in HTML', () => {
    const complaint = askedOK(file('2026-11-23T10:00'), '2026-11-23T10:30');
    const link = complaint.accessLinks?.[0];
    if (!link) throw new Error('no link');
    const url = 'https://desk.example.kz/follow#lang=kk&token=ap.C1.abc';
    const kk = accessLinkEmail(complaint, link, url);
    expect(kk.subject).toBe(`Шағымыңызға сілтеме: № ${complaint.registrationNumber}`);
    expect(kk.text).toContain(`\n${url}\n`);
    expect(kk.text).toContain('Бұрын алынған сілтемелер де жарамды');
    expect(kk.html).toContain(`<a href="${url.replace('&', '&amp;')}">`);
    const ru = accessLinkEmail(complaint, { ...link, language: 'ru' }, url);
    expect(ru.subject).toBe(`Ссылка на Вашу жалобу: № ${complaint.registrationNumber}`);
    expect(ru.text).toContain('Ранее полученные ссылки продолжают действовать.');
    expect(ru.text).toContain('23.11.2026');
  });
});
