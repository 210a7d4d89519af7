/** Access (R15): who sees a complaint, and who may act on it. */

import { describe, expect, it } from 'vitest';
import { canView } from '../../../shared/domain/access.js';
import { applyCommand } from '../../../shared/domain/commands.js';
import { almaty, bodies, principals } from '../../fixtures.js';
import { decide, expectError, file } from '../../support/complaints.js';

const official = principals.officialOf(bodies.akimat);

describe('R15: who sees a complaint', () => {
  const complaint = file('2026-11-23T10:00');

  it('R15: the applicant with its token, the addressee’s officials and the authorized body; no one else', () => {
    expect(canView({ type: 'applicant', complaintId: 'C1' }, complaint)).toBe(true);
    expect(canView({ type: 'applicant', complaintId: 'C2' }, complaint)).toBe(false);
    expect(canView(principals.anonymous, complaint)).toBe(false);
    expect(canView(official, complaint)).toBe(true);
    expect(canView(principals.officialOf(bodies.ministry), complaint)).toBe(false);
    expect(canView(principals.officialOf(bodies.agency, true), complaint)).toBe(true);
    expect(canView(principals.officialOf(bodies.agency, false), complaint)).toBe(false);
  });

  it('R15: a caller who may not see it is answered not-found, whatever the command', () => {
    const stranger = principals.officialOf(bodies.ministry);
    expectError(applyCommand(complaint, decide(stranger), almaty('2026-11-24T10:00')), 'not-found');
    expectError(
      applyCommand(
        complaint,
        decide({ type: 'applicant', complaintId: 'C2' }),
        almaty('2026-11-24T10:00'),
      ),
      'not-found',
    );
  });
});
