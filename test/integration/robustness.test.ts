/**
 * No input makes a 500, and an unexpected failure is answered `internal` with nothing of its
 * internals, logged without personal data.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { createFileComplaintHandler } from '../../functions/api/file-complaint.js';
import { functions } from '../../infra/catalog.js';
import { startLocalApi } from '../../infra/local/api-server.js';
import { localIssuerAt } from '../../infra/local/issuer.js';
import type { ComplaintRepository } from '../../shared/ports.js';
import { almaty, electronicFiling } from '../fixtures.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
let official: string;
let complaintId: string;
beforeAll(async () => {
  system = await createHarness();
  official = await system.official({ bodyId: 'akimat-astana' });
  system.setNow(almaty('2026-11-23T10:00'));
  complaintId = field(
    (await system.call('POST', '/v1/complaints', { body: electronicFiling })).body,
    'id',
  );
});
afterAll(() => system.close());

/** Arbitrary JSON, and near-misses of valid requests (one field replaced by anything). */
const anything = fc.jsonValue({ maxDepth: 4 });
const nearMiss = (valid: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(valid)), anything)
    .map(([key, value]) => ({ ...valid, [key]: value }));

describe('no input makes a 500', () => {
  it('filing: arbitrary and nearly valid bodies are 201 or a 4xx problem, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anything, nearMiss(electronicFiling), nearMiss({ ...electronicFiling.applicant })),
        async (body) => {
          const reply = await system.call('POST', '/v1/complaints', { body });
          expect(reply.status).toBeLessThan(500);
          if (reply.status >= 400)
            expect(reply.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('extension and decision: arbitrary bodies, headers and dates never answer 5xx', async () => {
    const extension = { workingDays: 2, reason: 'additional_study', explanation: 'x' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anything, nearMiss(extension), nearMiss({ outcome: 'rejected', text: 'x' })),
        fc.constantFrom('extensions', 'decision'),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        fc.integer({ min: almaty('2019-01-01T00:00'), max: almaty('2027-12-31T23:59') }),
        async (body, action, ifMatch, now) => {
          system.setNow(now);
          const reply = await system.call('POST', `/v1/complaints/${complaintId}/${action}`, {
            body,
            token: official,
            ...(ifMatch === undefined ? {} : { headers: { 'If-Match': ifMatch } }),
          });
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('paths, queries and tokens: odd ones are 4xx', async () => {
    const paths = [
      '/v1/complaints/%E0%A4%A',
      '/v1/complaints/..%2F..%2Fetc',
      `/v1/complaints/${'x'.repeat(500)}`,
      '/v1/calendar/due-date?from=2027-12-30&workingDays=250',
      '/v1/calendar/due-date?from=2019-01-01&workingDays=-1',
      '/v1/calendar/0000',
      '/v1/bodies?limit=1e9',
      '/v1/bodies?cursor=%00',
      '/v1/bodies?cursor=garbage',
      `/v1/bodies?cursor=${'x'.repeat(5_000)}`,
      '/v1/bodies?limit=&cursor=',
      '/v1/calendar/due-date?from=2026-11-23&workingDays=',
      '/v1/calendar/due-date?from=2026-11-23&workingDays=0x10',
      `/v1/calendar/due-date?from=2026-11-23&workingDays=${'9'.repeat(5_000)}`,
      '/v1/calendar/0x7EA',
      '/v1/complaints?cursor=garbage',
      `/v1/complaints?cursor=${'A'.repeat(5_000)}`,
      '/v1/complaints?limit=0x10&dueBefore=',
    ];
    for (const path of paths) {
      expect({
        path,
        status: (await system.call('GET', path, { token: official })).status < 500,
      }).toEqual({ path, status: true });
    }
    for (const authorization of [
      'Basic abc',
      'Bearer',
      'Bearer a.b.c',
      'Bearer ap.x.y',
      `Bearer ap.${complaintId}.${'A'.repeat(43)}`,
    ]) {
      const reply = await system.call('GET', `/v1/complaints/${complaintId}`, {
        headers: { authorization },
      });
      expect([401, 404]).toContain(reply.status);
    }
  });
});

describe('query strings are read strictly', () => {
  it('an integer is decimal digits and nothing else: arbitrary values are 200 only when they are', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.stringMatching(/^[-+ ]?\d{0,4}(\.\d?)?(e\d)?$/),
          fc.constantFrom('', '0x10', '1e1', '+5', ' 5', '5 ', '٥', '５', '005', '0', '250', '251'),
        ),
        async (workingDays) => {
          const reply = await system.call(
            'GET',
            `/v1/calendar/due-date?from=2026-11-23&workingDays=${encodeURIComponent(workingDays)}`,
          );
          const valid = /^\d+$/.test(workingDays) && Number(workingDays) <= 250;
          expect({ workingDays, status: reply.status }).toEqual({
            workingDays,
            status: valid ? 200 : 400,
          });
          if (valid) expect(reply.body.workingDays).toBe(Number(workingDays));
          else expect(reply.body).toMatchObject({ errors: [{ path: 'workingDays' }] });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the complaints list refuses a cursor it did not give, as it refuses one of another list', async () => {
    system.setNow(almaty('2026-11-23T11:00'));
    await system.call('POST', '/v1/complaints', { body: electronicFiling });
    const first = await system.call('GET', '/v1/complaints?limit=1', { token: official });
    const cursor = field(first.body, 'nextCursor');
    const second = await system.call('GET', `/v1/complaints?limit=1&cursor=${cursor}`, {
      token: official,
    });
    expect(second.status).toBe(200);
    const agency = await system.official({
      bodyId: 'agency-civil-service',
      authorizedBody: true,
    });
    const refused = {
      status: 400,
      body: {
        type: 'urn:problem:validation-failed',
        errors: [{ path: 'cursor', message: 'is not a cursor this API gave for this list' }],
      },
    };
    for (const garbage of [
      'garbage',
      '',
      '%00',
      'akimat-astana',
      Buffer.from('[]').toString('base64url'),
      Buffer.from('{"under_review":{"PK":"x"}}').toString('base64url'),
      `${cursor}%20`,
      'A'.repeat(5_000),
    ]) {
      const reply = await system.call('GET', `/v1/complaints?cursor=${garbage}`, {
        token: official,
      });
      expect({ garbage, reply }).toMatchObject({ garbage, reply: refused });
    }
    // A cursor of this body's list is not one of another body's list, nor of another status.
    expect(
      await system.call('GET', `/v1/complaints?addresseeId=ministry-justice&cursor=${cursor}`, {
        token: agency,
      }),
    ).toMatchObject(refused);
    expect(
      await system.call('GET', `/v1/complaints?status=decided&cursor=${cursor}`, {
        token: official,
      }),
    ).toMatchObject(refused);
  });
});

describe('an unexpected failure', () => {
  it('is answered internal, with no internals, and logged without personal data', async () => {
    system.setNow(almaty('2026-11-23T10:00'));
    const failure = (): Promise<never> => Promise.reject(new Error('connection reset by peer'));
    // The real repository reserves the registration number; every other call fails, so the
    // failure comes where the filing's personal data is in flight. A Proxy keeps this independent
    // of the port's other methods; the name below is checked against the port.
    const reserve: keyof ComplaintRepository = 'reserveRegistrationSequence';
    const failing = new Proxy(system.dependencies.repository, {
      get: (target, property) =>
        property === reserve ? target.reserveRegistrationSequence.bind(target) : failure,
    });
    const definition = functions.find((f) => f.name === 'api-file-complaint');
    if (!definition) throw new Error('no filing function');
    // In dev mode Powertools writes through the global console, which the test can read.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const logger = new Logger({ serviceName: 'complaint-desk-test' });
    vi.unstubAllEnvs();
    const handler = createFileComplaintHandler({
      ...system.dependencies,
      repository: failing,
      logger,
    });
    const api = await startLocalApi({
      port: 0,
      functions: [{ definition, handler }],
      issuer: await localIssuerAt(),
    });
    const written: string[] = [];
    const capture = (...parts: unknown[]): void => {
      written.push(parts.map(String).join(' '));
    };
    const spies = (['error', 'warn', 'info', 'log', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(capture),
    );
    let reply: Response;
    try {
      reply = await fetch(`${api.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(electronicFiling),
      });
    } finally {
      for (const spy of spies) spy.mockRestore();
      await api.close();
    }
    expect(reply.status).toBe(500);
    const problem = (await reply.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: 'urn:problem:internal',
      title: 'Internal error',
      status: 500,
    });
    expect(JSON.stringify(problem)).not.toContain('connection reset');
    const log = written.join('');
    expect(log).toContain('Unexpected error');
    expect(log).toContain('connection reset by peer');
    for (const personal of ['900101400013', 'Айгүл', 'applicant@example.kz', 'Мне отказали']) {
      expect(log).not.toContain(personal);
    }
  });
});
