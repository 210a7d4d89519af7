/**
 * R15 on every endpoint: an official of another body, an applicant with another complaint's token,
 * and a caller with no token are all answered as if the complaint did not exist.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let complaintId: string;
let ownToken: string;
let otherApplicantToken: string;
let noticeId: string;
let recommendationId: string;

beforeAll(async () => {
  system = await createHarness();
  system.setNow(almaty('2026-11-23T10:00'));
  const agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
  // A complaint to the Agency, with a recommendation to the Astana akimat.
  const filed = await system.call('POST', '/v1/complaints', {
    body: { ...electronicFiling, addresseeId: 'agency-civil-service' },
  });
  complaintId = field(filed.body, 'id');
  ownToken = field(filed.body, 'accessToken');
  const other = await system.call('POST', '/v1/complaints', { body: electronicFiling });
  otherApplicantToken = field(other.body, 'accessToken');
  await system.call('POST', `/v1/complaints/${complaintId}/findings`, {
    body: { reasons: 'x', violationFound: true, bodyId: 'akimat-astana' },
    token: agency,
  });
  const recommendation = await system.call(
    'POST',
    `/v1/complaints/${complaintId}/recommendations`,
    {
      body: { bodyId: 'akimat-astana', measures: 'x', respondBy: '2026-12-10' },
      token: agency,
    },
  );
  recommendationId = field(recommendation.body, 'recommendationId');
  const read = await system.call('GET', `/v1/complaints/${complaintId}`, { token: agency });
  noticeId = field(read.body, 'notices', 0, 'id');
});
afterAll(() => system.close());

const endpoints = (): { method: string; path: string; body?: unknown }[] => [
  { method: 'GET', path: `/v1/complaints/${complaintId}` },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/extensions`,
    body: { workingDays: 1, reason: 'additional_study', explanation: 'x' },
  },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/decision`,
    body: { outcome: 'rejected', text: 'x' },
  },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/notices/${noticeId}/dispatch`,
    body: { sentOn: '2026-11-23', method: 'post' },
  },
  { method: 'GET', path: `/v1/complaints/${complaintId}/notices/${noticeId}/letter` },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/findings`,
    body: { reasons: 'x', violationFound: false },
  },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/recommendations`,
    body: { bodyId: 'akimat-almaty', measures: 'x', respondBy: '2026-12-10' },
  },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/recommendations/${recommendationId}/response`,
    body: { outcome: 'declined', text: 'x' },
  },
  {
    method: 'POST',
    path: `/v1/complaints/${complaintId}/recommendations/${recommendationId}/control`,
    body: { complete: false, text: 'x' },
  },
];

describe('R15: isolation on every complaint endpoint', () => {
  it('R15: an official of another body gets not-found everywhere, exactly as for a missing complaint', async () => {
    const stranger = await system.official({ bodyId: 'ministry-justice' });
    for (const { method, path, body } of endpoints()) {
      const reply = await system.call(method, path, {
        token: stranger,
        ...(body === undefined ? {} : { body }),
      });
      expect({ path, status: reply.status, type: reply.body.type }).toEqual({
        path,
        status: 404,
        type: 'urn:problem:not-found',
      });
      expect(reply.body.detail).toBe(`No complaint ${complaintId}`);
    }
  });

  it('R15: the authorized-body group, not a body id, opens every complaint for control', async () => {
    system.setNow(almaty('2026-11-23T11:00'));
    const filed = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const akimatComplaint = `/v1/complaints/${field(filed.body, 'id')}`;
    const withGroup = await system.official({
      bodyId: 'agency-civil-service',
      authorizedBody: true,
    });
    const withoutGroup = await system.official({
      bodyId: 'agency-civil-service',
      authorizedBody: false,
    });
    expect((await system.call('GET', akimatComplaint, { token: withGroup })).status).toBe(200);
    expect((await system.call('GET', akimatComplaint, { token: withoutGroup })).status).toBe(404);
  });

  it('R15: an applicant’s token opens only its own complaint, and only to read', async () => {
    expect(
      (await system.call('GET', `/v1/complaints/${complaintId}`, { token: ownToken })).status,
    ).toBe(200);
    const other = await system.call('GET', `/v1/complaints/${complaintId}`, {
      token: otherApplicantToken,
    });
    expect(other).toMatchObject({ status: 404, body: { type: 'urn:problem:not-found' } });
    const forged = `${ownToken.slice(0, -4)}AAAA`;
    expect(
      (await system.call('GET', `/v1/complaints/${complaintId}`, { token: forged })).status,
    ).toBe(404);
    const swapped = ownToken.replace(
      complaintId,
      field((await system.call('POST', '/v1/complaints', { body: electronicFiling })).body, 'id'),
    );
    expect(
      (await system.call('GET', `/v1/complaints/${complaintId}`, { token: swapped })).status,
    ).toBe(404);
    // Official routes need an official: the applicant's token is not one.
    for (const { method, path, body } of endpoints().slice(1)) {
      const reply = await system.call(method, path, {
        token: ownToken,
        ...(body === undefined ? {} : { body }),
      });
      expect({ path, status: reply.status }).toEqual({ path, status: 401 });
    }
  });

  it('R15: no token at all: not-found for the complaint, unauthorized for official routes', async () => {
    expect((await system.call('GET', `/v1/complaints/${complaintId}`)).status).toBe(404);
    for (const { method, path, body } of endpoints().slice(1)) {
      const reply = await system.call(method, path, body === undefined ? {} : { body });
      expect({ path, status: reply.status }).toEqual({ path, status: 401 });
    }
  });

  it('R15: officials list their own body; the authorized body any; others are refused', async () => {
    const stranger = await system.official({ bodyId: 'ministry-justice' });
    const refused = await system.call('GET', '/v1/complaints?addresseeId=agency-civil-service', {
      token: stranger,
    });
    expect(refused).toMatchObject({ status: 403, body: { type: 'urn:problem:forbidden' } });
    const agency = await system.official({ bodyId: 'agency-civil-service', authorizedBody: true });
    const any = await system.call('GET', '/v1/complaints?addresseeId=akimat-astana', {
      token: agency,
    });
    expect(any.status).toBe(200);
    expect((await system.call('GET', '/v1/complaints', { token: ownToken })).status).toBe(401);
  });
});
