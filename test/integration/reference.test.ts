import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteName } from '../../functions/api/routes.js';
import { functions } from '../../infra/catalog.js';
import { repositoryRoot } from '../../infra/local/stack.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { createHarness, field, type Harness } from './harness.js';

let system: Harness;
beforeAll(async () => {
  system = await createHarness();
});
afterAll(() => system.close());

describe('GET /v1/bodies (R2)', () => {
  it('R2: pages through the whole directory, each body once, with the rules of its kind', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const reply = await system.call('GET', `/v1/bodies?limit=40${query}`);
      expect(reply.status).toBe(200);
      ids.push(...(reply.body.items as { id: string }[]).map((b) => b.id));
      cursor = reply.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(ids).toEqual(bodyDirectory.map((b) => b.id).sort());
    const center = await system.call('GET', '/v1/bodies/con-astana-yesil-1');
    expect(center.body).toMatchObject({
      kind: 'public_service_center',
      reviewWorkingDays: 5,
      mayExtend: false,
      parentId: 'gov4c-astana',
    });
  });

  it('filters by kind and parent; an unknown body is not-found; a bad kind is validation-failed', async () => {
    const regions = await system.call('GET', '/v1/bodies?kind=local_executive_body&limit=100');
    expect(
      (regions.body.items as { parentId: string | null }[]).filter((b) => b.parentId === null),
    ).toHaveLength(20);
    const underGov4c = await system.call('GET', '/v1/bodies?parentId=gov4c&limit=100');
    expect(underGov4c.body.items).toHaveLength(20);
    expect((await system.call('GET', '/v1/bodies/akimat-atlantis')).status).toBe(404);
    expect((await system.call('GET', '/v1/bodies?kind=ministry')).body).toMatchObject({
      errors: [{ path: 'kind' }],
    });
  });

  it('a cursor is the id of a body of this list, and anything else is validation-failed, never the first page', async () => {
    const refused = {
      status: 400,
      body: {
        type: 'urn:problem:validation-failed',
        errors: [{ path: 'cursor', message: 'is not a cursor this API gave for this list' }],
      },
    };
    for (const cursor of [
      'garbage',
      '',
      '%00',
      '%20akimat-astana',
      'akimat-atlantis',
      'a'.repeat(129),
    ]) {
      const reply = await system.call('GET', `/v1/bodies?cursor=${cursor}`);
      expect({ cursor, reply }).toMatchObject({ cursor, reply: refused });
    }
    // A body of the directory that this list does not show was not given by it either.
    expect(
      await system.call('GET', '/v1/bodies?parentId=gov4c&cursor=akimat-astana'),
    ).toMatchObject(refused);
    // The cursor given resumes right after the last body shown, in the same filtered list.
    const first = await system.call('GET', '/v1/bodies?parentId=gov4c&limit=3');
    const next = await system.call(
      'GET',
      `/v1/bodies?parentId=gov4c&limit=3&cursor=${field(first.body, 'nextCursor')}`,
    );
    const all = await system.call('GET', '/v1/bodies?parentId=gov4c&limit=6');
    expect(
      [...(first.body.items as { id: string }[]), ...(next.body.items as { id: string }[])].map(
        (b) => b.id,
      ),
    ).toEqual((all.body.items as { id: string }[]).map((b) => b.id));
    const ids = bodyDirectory.map((b) => b.id).sort();
    expect(await system.call('GET', `/v1/bodies?cursor=${ids.at(-1) ?? ''}`)).toMatchObject({
      status: 200,
      body: { items: [], nextCursor: null },
    });
  });

  it('the limit is decimal digits 1–100; given twice, refused', async () => {
    for (const limit of ['', '0x10', '1e1', '+5', '-1', '%205', '5.0', '0', '101']) {
      const reply = await system.call('GET', `/v1/bodies?limit=${limit}`);
      expect({ limit, reply }).toMatchObject({
        limit,
        reply: { status: 400, body: { errors: [{ path: 'limit' }] } },
      });
    }
    expect(
      ((await system.call('GET', '/v1/bodies?limit=007')).body.items as unknown[]).length,
    ).toBe(7);
    expect(await system.call('GET', '/v1/bodies?cursor=akimat-astana&cursor=gov4c')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'cursor', message: 'is given more than once' }] },
    });
  });
});

describe('GET /v1/calendar (R3, R5)', () => {
  it('R5: the due date from a date and a number of working days', async () => {
    const reply = await system.call('GET', '/v1/calendar/due-date?from=2026-11-23&workingDays=5');
    expect(reply.body).toEqual({
      from: '2026-11-23',
      workingDays: 5,
      dueDate: '2026-11-30',
      provisional: false,
    });
  });

  it('R22: a due date past the official calendar is counted on, provisionally, into 2028', async () => {
    const reply = await system.call('GET', '/v1/calendar/due-date?from=2027-12-28&workingDays=5');
    expect(reply).toMatchObject({
      status: 200,
      body: { from: '2027-12-28', workingDays: 5, dueDate: '2028-01-06', provisional: true },
    });
  });

  it('R3: a date outside the known calendar, or not a date, is validation-failed; a missing parameter too', async () => {
    const outside = await system.call('GET', '/v1/calendar/due-date?from=2100-01-10&workingDays=5');
    expect(outside).toMatchObject({ status: 400, body: { errors: [{ path: 'from' }] } });
    expect(field(outside.body, 'detail')).toMatch(/2019–2099/);
    const notADate = await system.call(
      'GET',
      '/v1/calendar/due-date?from=2026-02-30&workingDays=5',
    );
    expect(notADate.body).toMatchObject({ errors: [{ path: 'from' }] });
    expect((await system.call('GET', '/v1/calendar/due-date?from=2026-11-23')).body).toMatchObject({
      errors: [{ path: 'workingDays' }],
    });
    expect(
      (
        await system.call(
          'GET',
          '/v1/calendar/due-date?from=2026-11-23&from=2026-11-24&workingDays=1',
        )
      ).status,
    ).toBe(400);
  });

  it('R5: workingDays is decimal digits: empty, hex, exponent, sign or spaces are validation-failed', async () => {
    for (const workingDays of [
      '',
      '0x10',
      '1e1',
      '+5',
      '-1',
      '%205',
      '5%20',
      '5.0',
      '%EF%BC%95',
      '251',
    ]) {
      const reply = await system.call(
        'GET',
        `/v1/calendar/due-date?from=2026-11-23&workingDays=${workingDays}`,
      );
      expect({ workingDays, reply }).toMatchObject({
        workingDays,
        reply: {
          status: 400,
          body: { type: 'urn:problem:validation-failed', errors: [{ path: 'workingDays' }] },
        },
      });
    }
    expect(
      (await system.call('GET', '/v1/calendar/due-date?from=2026-11-23&workingDays=')).body,
    ).toMatchObject({
      errors: [
        {
          path: 'workingDays',
          message: 'must not be empty: a whole number of working days from 0 to 250',
        },
      ],
    });
    expect(
      (await system.call('GET', '/v1/calendar/due-date?from=2026-11-23&workingDays=005')).body,
    ).toMatchObject({ workingDays: 5, dueDate: '2026-11-30' });
  });

  it('R3: a year’s days off with names and sources; unknown years are not-found', async () => {
    const reply = await system.call('GET', '/v1/calendar/2026');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year: 2026, workingWeekends: [], provisional: null });
    expect(reply.body.daysOff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          date: '2026-12-16',
          name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' },
        }),
      ]),
    );
    expect((reply.body.source as string[]).length).toBeGreaterThan(0);
    expect((await system.call('GET', '/v1/calendar/2018')).status).toBe(404);
    expect((await system.call('GET', '/v1/calendar/2100')).status).toBe(404);
    expect((await system.call('GET', '/v1/calendar/twenty')).status).toBe(404);
    // Four decimal digits only: not hex, an exponent or a leading zero that reads as 2026.
    for (const year of ['0x7EA', '02026', '2026e0', '2026.0', '%202026']) {
      expect({ year, status: (await system.call('GET', `/v1/calendar/${year}`)).status }).toEqual({
        year,
        status: 404,
      });
    }
  });

  it('R22: a year past the official calendar is answered, marked provisional', async () => {
    const reply = await system.call('GET', '/v1/calendar/2028');
    expect(reply).toMatchObject({ status: 200, body: { year: 2028, workingWeekends: [] } });
    expect(field(reply.body, 'provisional')).toMatch(/^The 2028 calendar is provisional/);
    expect(reply.body.daysOff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2028-03-15', cause: 'holiday' }),
        expect.objectContaining({ date: '2028-01-03', cause: 'carry_over' }),
      ]),
    );
  });
});

describe('the front door', () => {
  it('unknown paths are not-found and known paths with another method method-not-allowed, as problem+json', async () => {
    const missing = await system.call('GET', '/v2/nothing');
    expect(missing).toMatchObject({
      status: 404,
      body: { type: 'urn:problem:not-found', status: 404 },
    });
    const wrongMethod = await system.call('DELETE', '/v1/complaints');
    expect(wrongMethod).toMatchObject({
      status: 405,
      body: { type: 'urn:problem:method-not-allowed' },
    });
    expect(wrongMethod.headers.get('allow')).toBe('POST, GET');
  });
});

describe('GET /v1/openapi.json', () => {
  it('describes every route of the catalog, from the same schemas that validate', async () => {
    const reply = await system.call('GET', '/v1/openapi.json');
    expect(reply.body.openapi).toBe('3.1.0');
    const paths = reply.body.paths as Record<
      string,
      Record<string, { operationId: string; requestBody?: unknown }>
    >;
    for (const [name, spec] of Object.entries(routes)) {
      expect(paths[spec.path]?.[spec.method.toLowerCase()]?.operationId).toBe(name);
    }
    const filing = paths['/v1/complaints']?.post?.requestBody as {
      content: {
        'application/json': { schema: { required: string[]; additionalProperties: boolean } };
      };
    };
    expect(filing.content['application/json'].schema).toMatchObject({
      additionalProperties: false,
    });
    expect(filing.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['channel', 'addresseeId', 'applicant', 'subject', 'text']),
    );
    // Query integers travel as strings of decimal digits, and are described so.
    const parameter = (path: string, name: string) =>
      (
        paths[path]?.get as unknown as { parameters: { name: string; schema: unknown }[] }
      ).parameters.find((p) => p.name === name)?.schema;
    for (const [path, name] of [
      ['/v1/bodies', 'limit'],
      ['/v1/complaints', 'limit'],
      ['/v1/calendar/due-date', 'workingDays'],
    ] as const) {
      expect(parameter(path, name)).toMatchObject({
        type: 'string',
        pattern: '^\\d+$',
        description: expect.stringMatching(
          /^A whole number .*from \d+ to \d+, in decimal digits$/,
        ) as unknown,
      });
    }
    expect(parameter('/v1/bodies', 'limit')).toMatchObject({ default: '20' });
    expect(parameter('/v1/bodies', 'cursor')).toMatchObject({ type: 'string' });
  });
});

describe('the catalog', () => {
  it('serves every route exactly once, and each function’s handler serves exactly its routes', async () => {
    const served = functions.flatMap((f) => f.routes);
    expect([...served].sort()).toEqual(Object.keys(routes).sort());
    for (const definition of functions) {
      const module = (await import(
        pathToFileURL(path.join(repositoryRoot, definition.entry)).href
      )) as {
        handler: { routes?: readonly RouteName[] };
      };
      if (definition.routes.length > 0) {
        expect([...(module.handler.routes ?? [])].sort()).toEqual([...definition.routes].sort());
      } else {
        // Not an API function: invoked by schedules, SES's events or the deployment; no route.
        expect(
          definition.scheduleTarget ??
            definition.sesEvents ??
            definition.streamConsumer ??
            definition.deploymentStep,
        ).toBeDefined();
        expect(typeof module.handler).toBe('function');
        expect(module.handler.routes).toBeUndefined();
      }
    }
  });
});
