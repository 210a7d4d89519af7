/** Filing (R1, R4, R5, R9, R13, R14, R20): registration, due date, receipt. */

import { describe, expect, it } from 'vitest';
import { bodyKindRules, bodyKinds } from '../../../shared/domain/bodies.js';
import type { Principal } from '../../../shared/domain/complaint.js';
import { fileComplaint } from '../../../shared/domain/filing.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import { expectError, expectOk, file, paper, request } from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);

describe('R1: body kinds and their rules', () => {
  it('R1: 5 working days for every kind but the authorized body, which has 15', () => {
    for (const kind of bodyKinds) {
      expect(bodyKindRules[kind].reviewWorkingDays).toBe(kind === 'authorized_body' ? 15 : 5);
    }
  });

  it('R1: service providers and public service centers may not extend; the others may', () => {
    expect(bodyKinds.filter((kind) => !bodyKindRules[kind].mayExtend)).toEqual([
      'service_provider',
      'public_service_center',
    ]);
  });

  it('R1: recommendations go to central and local executive bodies and akims only', () => {
    expect(bodyKinds.filter((kind) => bodyKindRules[kind].mayReceiveRecommendations)).toEqual([
      'central_state_body',
      'local_executive_body',
      'akim',
    ]);
  });
});

describe('R4, R5: registration and due date at filing', () => {
  it('R5: received Monday 2026-11-23 10:00 → registered that day → due Monday 2026-11-30', () => {
    expect(file('2026-11-23T10:00')).toMatchObject({
      receivedAt: '2026-11-23T10:00:00+05:00',
      registrationDate: '2026-11-23',
      reviewWorkingDays: 5,
      dueDate: '2026-11-30',
      status: 'under_review',
      version: 1,
    });
  });

  it('R4: received Monday 2026-11-23 19:00, after working hours → registered Tuesday → due Tuesday 2026-12-01', () => {
    expect(file('2026-11-23T19:00')).toMatchObject({
      registrationDate: '2026-11-24',
      dueDate: '2026-12-01',
    });
  });

  it('R4: received at 18:30 exactly, when the working day has ended → the next working day', () => {
    expect(file('2026-11-23T18:29').registrationDate).toBe('2026-11-23');
    expect(file('2026-11-23T18:30').registrationDate).toBe('2026-11-24');
  });

  it('R4: received Saturday 2026-11-28 → registered Monday 2026-11-30 → due Monday 2026-12-07', () => {
    expect(file('2026-11-28T11:00')).toMatchObject({
      registrationDate: '2026-11-30',
      dueDate: '2026-12-07',
    });
  });

  it('R4: a body that keeps its own hours registers by them (a CON open until 20:00)', () => {
    expect(file('2026-11-23T19:00', bodies.center).registrationDate).toBe('2026-11-23');
  });

  it('R4: received on a holiday (Independence Day, Wednesday 2026-12-16) → registered the next working day', () => {
    expect(file('2026-12-16T10:00')).toMatchObject({
      registrationDate: '2026-12-17',
      dueDate: '2026-12-24',
    });
  });

  it('R5: the authorized body has 15 working days', () => {
    expect(file('2026-11-23T10:00', bodies.agency)).toMatchObject({
      reviewWorkingDays: 15,
      dueDate: '2026-12-14',
    });
  });

  it('R14: a registration number per addressee, year and sequence', () => {
    expect(file('2026-11-23T10:00').registrationNumber).toBe('akimat-astana/2026/000042');
  });

  it('R9: an electronic complaint gets its e-mail receipt as a pending notice; a paper one none', () => {
    expect(file('2026-11-23T10:00').notices).toEqual([
      {
        id: 'N0',
        kind: 'registration',
        form: 'email',
        language: 'kk',
        dueDate: '2026-11-26',
        status: 'pending',
        createdAt: '2026-11-23T10:00:00+05:00',
      },
    ]);
    expect(file('2026-11-23T10:00', bodies.akimat, paper).notices).toEqual([]);
  });

  it('R13: filing is the first event of the history, by the applicant', () => {
    const outcome = expectOk(
      fileComplaint(
        {
          principal: principals.anonymous,
          id: 'C1',
          noticeId: 'N0',
          registrationSequence: () => 1,
          request: request(),
          addressee: bodies.akimat,
        },
        almaty('2026-11-23T10:00'),
      ),
    );
    expect(outcome.events).toEqual([
      {
        type: 'filed',
        at: '2026-11-23T10:00:00+05:00',
        actor: { type: 'applicant' },
        version: 1,
        details: {
          channel: 'electronic',
          receivedAt: '2026-11-23T10:00:00+05:00',
          registrationDate: '2026-11-23',
          dueDate: '2026-11-30',
          dueDateProvisional: false,
          noticeId: 'N0',
        },
      },
    ]);
  });

  it('a paper complaint is entered by an official of its addressee only', () => {
    const command = (principal: Principal) => ({
      principal,
      id: 'C1',
      noticeId: 'N0',
      registrationSequence: () => 1,
      request: request(paper),
      addressee: bodies.akimat,
    });
    const at = almaty('2026-11-23T10:00');
    expectError(fileComplaint(command(principals.anonymous), at), 'unauthorized');
    expectError(fileComplaint(command(principals.officialOf(bodies.ministry)), at), 'forbidden');
    expect(expectOk(fileComplaint(command(official), at)).complaint.filedBy).toEqual({
      type: 'official',
      sub: 'official-of-akimat-astana',
      bodyId: 'akimat-astana',
    });
  });

  it('refuses an event in the future, and an appeal addressed to anyone but the authorized body (R12)', () => {
    const base = {
      principal: principals.anonymous,
      id: 'C1',
      noticeId: 'N0',
      registrationSequence: () => 1,
      addressee: bodies.akimat,
    };
    const future = request({ subject: { ...request().subject, occurredOn: '2026-11-24' } });
    expect(
      expectError(
        fileComplaint({ ...base, request: future }, almaty('2026-11-23T23:59')),
        'validation-failed',
      ),
    ).toBe('The complaint is not valid');
    expectError(
      fileComplaint({ ...base, request: request({ appealOf: 'C0' }) }, almaty('2026-11-23T10:00')),
      'validation-failed',
    );
    expect(
      expectOk(
        fileComplaint(
          {
            ...base,
            addressee: bodies.agency,
            request: request({ appealOf: 'C0' }, bodies.agency),
          },
          almaty('2026-11-23T10:00'),
        ),
      ).complaint.appealOf,
    ).toBe('C0');
  });
});

describe('R20: paper intake', () => {
  const command = (overrides: Record<string, unknown>) => ({
    principal: official,
    id: 'C1',
    noticeId: 'N0',
    registrationSequence: () => 1,
    request: request({ ...paper, ...overrides }),
    addressee: bodies.akimat,
  });

  it('R20, R4: registered by the instant it was received, not the moment it was typed in', () => {
    // Handed in Monday 17:00, typed in Tuesday 09:30: registered Monday, due Monday.
    const complaint = expectOk(
      fileComplaint(
        command({ receivedAt: '2026-11-23T17:00:00+05:00' }),
        almaty('2026-11-24T09:30'),
      ),
    ).complaint;
    expect(complaint).toMatchObject({
      receivedAt: '2026-11-23T17:00:00+05:00',
      registrationDate: '2026-11-23',
      dueDate: '2026-11-30',
      acceptedBy: { name: 'Сейткали Н. Б.', position: 'главный специалист канцелярии' },
    });
    // Handed in after hours: the next working day, as R4 says for that instant.
    expect(
      expectOk(
        fileComplaint(
          command({ receivedAt: '2026-11-23T19:00:00+05:00' }),
          almaty('2026-11-24T09:30'),
        ),
      ).complaint.registrationDate,
    ).toBe('2026-11-24');
    // Without receivedAt, received now.
    expect(
      expectOk(fileComplaint(command({}), almaty('2026-11-24T09:30'))).complaint.receivedAt,
    ).toBe('2026-11-24T09:30:00+05:00');
  });

  it('R20: not in the future, at most 10 calendar days back', () => {
    const now = almaty('2026-11-24T09:30');
    const problem = (receivedAt: string) =>
      fileComplaint(command({ receivedAt }), now).ok
        ? 'accepted'
        : (() => {
            const outcome = fileComplaint(command({ receivedAt }), now);
            return outcome.ok ? 'accepted' : outcome.error.errors[0]?.message;
          })();
    expect(problem('2026-11-24T10:00:00+05:00')).toBe('must not be in the future');
    expect(problem('2026-11-13T23:59:00+05:00')).toMatch(/at most 10 calendar days back/);
    expect(problem('2026-11-14T00:00:00+05:00')).toBe('accepted');
    // A clock a few seconds ahead of ours is not the future.
    expect(problem('2026-11-24T09:30:30+05:00')).toBe('accepted');
  });

  it('R20: a paper complaint needs who accepted it; an electronic one takes neither field', () => {
    const now = almaty('2026-11-24T09:30');
    const withoutAcceptedBy = { ...request(paper) };
    delete (withoutAcceptedBy as { acceptedBy?: unknown }).acceptedBy;
    expectError(
      fileComplaint({ ...command({}), request: withoutAcceptedBy }, now),
      'validation-failed',
    );
    expectError(
      fileComplaint(
        {
          ...command({}),
          principal: principals.anonymous,
          request: { ...request(), receivedAt: '2026-11-23T17:00:00+05:00' },
        },
        now,
      ),
      'validation-failed',
    );
  });

  it('R20: an electronic complaint is received when it arrives, and says so', () => {
    const complaint = file('2026-11-23T10:15');
    expect(complaint).toMatchObject({ receivedAt: '2026-11-23T10:15:00+05:00', acceptedBy: null });
  });
});

describe('R22: the calendar never refuses a complaint', () => {
  it('R22: filed in the last days of the official calendar, the due date is counted on past it and marked provisional', () => {
    // The official calendar ends 31.12.2027; 27.12.2027 + 5 working days lies in 2028, counted
    // from the law's holidays alone.
    const complaint = file('2027-12-27T10:00', bodies.akimat, {
      subject: { ...request().subject, occurredOn: '2027-12-20' },
    });
    expect(complaint).toMatchObject({
      registrationDate: '2027-12-27',
      dueDate: '2028-01-05', // 1–2 January fall on a weekend: the 3rd and 4th are off
      dueDateProvisional: true,
    });
    expect(
      file('2027-12-20T10:00', bodies.akimat, {
        subject: { ...request().subject, occurredOn: '2027-12-20' },
      }),
    ).toMatchObject({ dueDate: '2027-12-27', dueDateProvisional: false });
  });
});
