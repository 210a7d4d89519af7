import { describe, expect, it } from 'vitest';
import {
  decisionSchema,
  dispatchSchema,
  dueDateQuerySchema,
  extensionSchema,
  fileComplaintSchema,
  findingsSchema,
  forwardingSchema,
  listComplaintsQuerySchema,
  otherDeliverySchema,
  parseWith,
  recommendationControlSchema,
  recommendationResponseSchema,
  recommendationSchema,
  returnSchema,
  withdrawalSchema,
} from '../../shared/validation/schemas.js';
import { acceptedBy, electronicFiling } from '../fixtures.js';

const errorsOf = (result: ReturnType<typeof parseWith>) => (result.ok ? [] : result.errors);

describe('filing schema (POST /v1/complaints)', () => {
  it('accepts a complete electronic complaint and trims texts', () => {
    const result = parseWith(fileComplaintSchema, { ...electronicFiling, text: '  Отказ.  ' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.text).toBe('Отказ.');
  });

  it('accepts a legal entity with a valid BIN on paper, with a postal address', () => {
    const result = parseWith(fileComplaintSchema, {
      ...electronicFiling,
      channel: 'paper',
      acceptedBy,
      applicant: {
        type: 'legal_entity',
        bin: '140840001232',
        name: 'ТОО «Дала»',
        postalAddress: 'Астана, пр. Мәңгілік Ел, 8',
        language: 'ru',
      },
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses unknown fields, at any depth, naming each', () => {
    const result = parseWith(fileComplaintSchema, {
      ...electronicFiling,
      priority: 'high',
      applicant: { ...electronicFiling.applicant, nickname: 'A' },
    });
    expect(errorsOf(result)).toEqual(
      expect.arrayContaining([
        { path: 'priority', message: 'is not a known field' },
        { path: 'applicant.nickname', message: 'is not a known field' },
      ]),
    );
  });

  it('names the path and the fault of every invalid field', () => {
    const result = parseWith(fileComplaintSchema, {
      ...electronicFiling,
      channel: 'fax',
      applicant: {
        ...electronicFiling.applicant,
        iin: '900101300018',
        phone: '87011234567',
        email: 'nope',
      },
      subject: { ...electronicFiling.subject, type: 'rumour', occurredOn: '2026-02-30' },
      text: '',
    });
    const paths = errorsOf(result).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'channel',
        'applicant.iin',
        'applicant.phone',
        'applicant.email',
        'subject.type',
        'subject.occurredOn',
        'text',
      ]),
    );
    expect(errorsOf(result).find((e) => e.path === 'applicant.iin')?.message).toMatch(
      /check digit/,
    );
    expect(errorsOf(result).find((e) => e.path === 'channel')?.message).toBe(
      'must be one of: electronic, paper',
    );
  });

  it('R9, R20: an electronic complaint needs an e-mail, a paper one a postal address and who accepted it', () => {
    const { email, ...withoutEmail } = electronicFiling.applicant;
    expect(email).toBeDefined();
    expect(
      errorsOf(parseWith(fileComplaintSchema, { ...electronicFiling, applicant: withoutEmail })),
    ).toEqual([{ path: 'applicant.email', message: 'is required for an electronic complaint' }]);
    expect(
      errorsOf(parseWith(fileComplaintSchema, { ...electronicFiling, channel: 'paper' })),
    ).toEqual([
      { path: 'applicant.postalAddress', message: 'is required for a paper complaint' },
      {
        path: 'acceptedBy',
        message: 'is required for a paper complaint: who accepted it (name, position)',
      },
    ]);
  });

  it('an individual needs an IIN and a legal entity a BIN', () => {
    const result = parseWith(fileComplaintSchema, {
      ...electronicFiling,
      applicant: { ...electronicFiling.applicant, type: 'legal_entity' },
    });
    expect(errorsOf(result).map((e) => e.path)).toEqual(
      expect.arrayContaining(['applicant.bin', 'applicant.iin']),
    );
  });

  it('limits the text to 10,000 characters', () => {
    expect(
      parseWith(fileComplaintSchema, { ...electronicFiling, text: 'ә'.repeat(10_000) }).ok,
    ).toBe(true);
    expect(
      errorsOf(parseWith(fileComplaintSchema, { ...electronicFiling, text: 'ә'.repeat(10_001) })),
    ).toEqual([{ path: 'text', message: 'must be at most 10000 characters' }]);
  });

  it('refuses what is not an object at all', () => {
    for (const input of [null, 'text', 42, []]) {
      expect(errorsOf(parseWith(fileComplaintSchema, input))).toHaveLength(1);
    }
  });
});

describe('R7, R8: extension schema', () => {
  it('accepts 1 to 10 whole working days and the three reasons of the law', () => {
    for (const reason of ['additional_study', 'site_inspection', 'additional_information']) {
      expect(
        parseWith(extensionSchema, { workingDays: 10, reason, explanation: 'Выезд на место' }).ok,
      ).toBe(true);
    }
  });

  it('R7: refuses any other reason; R8: refuses 0, 11 and fractions', () => {
    const base = { workingDays: 3, reason: 'additional_study', explanation: 'x' };
    expect(errorsOf(parseWith(extensionSchema, { ...base, reason: 'workload' }))[0]?.path).toBe(
      'reason',
    );
    for (const workingDays of [0, 11, 1.5, '3']) {
      expect(errorsOf(parseWith(extensionSchema, { ...base, workingDays }))[0]?.path).toBe(
        'workingDays',
      );
    }
    expect(errorsOf(parseWith(extensionSchema, { ...base, explanation: '   ' }))[0]).toEqual({
      path: 'explanation',
      message: 'must not be empty',
    });
  });
});

describe('the other request bodies', () => {
  it('R10: decision', () => {
    expect(
      parseWith(decisionSchema, { outcome: 'partially_satisfied', text: 'Частично.' }).ok,
    ).toBe(true);
    expect(errorsOf(parseWith(decisionSchema, { outcome: 'maybe', text: 'x' }))[0]?.path).toBe(
      'outcome',
    );
  });

  it('R9: dispatch of a letter', () => {
    expect(
      parseWith(dispatchSchema, { sentOn: '2026-11-25', method: 'post', trackingNumber: 'KZ123' })
        .ok,
    ).toBe(true);
    expect(
      errorsOf(parseWith(dispatchSchema, { sentOn: '25.11.2026', method: 'pigeon' })).map(
        (e) => e.path,
      ),
    ).toEqual(['sentOn', 'method']);
  });

  it('R12: findings need the body when a violation is found', () => {
    expect(parseWith(findingsSchema, { reasons: 'x', violationFound: false }).ok).toBe(true);
    expect(
      errorsOf(parseWith(findingsSchema, { reasons: 'x', violationFound: true }))[0]?.path,
    ).toBe('bodyId');
    expect(
      parseWith(findingsSchema, { reasons: 'x', violationFound: true, bodyId: 'akimat-astana' }).ok,
    ).toBe(true);
  });

  it('R12: recommendation, response and control', () => {
    expect(
      parseWith(recommendationSchema, {
        bodyId: 'akimat-astana',
        measures: 'x',
        respondBy: '2026-12-15',
      }).ok,
    ).toBe(true);
    expect(parseWith(recommendationResponseSchema, { outcome: 'implemented', text: 'x' }).ok).toBe(
      true,
    );
    expect(
      errorsOf(parseWith(recommendationControlSchema, { complete: 'yes', text: 'x' }))[0]?.path,
    ).toBe('complete');
  });

  it('list and due-date queries coerce numbers from the query string and default the limit', () => {
    expect(parseWith(listComplaintsQuerySchema, {})).toEqual({ ok: true, value: { limit: 20 } });
    expect(errorsOf(parseWith(listComplaintsQuerySchema, { limit: '101' }))[0]?.path).toBe('limit');
    expect(parseWith(dueDateQuerySchema, { from: '2026-11-23', workingDays: '5' })).toEqual({
      ok: true,
      value: { from: '2026-11-23', workingDays: 5 },
    });
  });
});

describe('R16–R20, R24: the side paths’ request bodies', () => {
  it('R20: receivedAt is an instant with its offset, and only on paper; acceptedBy only on paper', () => {
    const paperFiling = {
      ...electronicFiling,
      channel: 'paper',
      acceptedBy,
      applicant: { ...electronicFiling.applicant, postalAddress: 'Астана' },
    };
    expect(
      parseWith(fileComplaintSchema, { ...paperFiling, receivedAt: '2026-11-23T17:00:00+05:00' }),
    ).toMatchObject({ ok: true });
    expect(
      errorsOf(parseWith(fileComplaintSchema, { ...paperFiling, receivedAt: '2026-11-23T17:00' })),
    ).toEqual([
      {
        path: 'receivedAt',
        message: 'must be an instant with its offset, e.g. 2026-11-23T17:00:00+05:00',
      },
    ]);
    expect(
      errorsOf(
        parseWith(fileComplaintSchema, {
          ...electronicFiling,
          acceptedBy,
          receivedAt: '2026-11-23T17:00:00+05:00',
        }),
      ).map((e) => e.path),
    ).toEqual(['receivedAt', 'acceptedBy']);
  });

  it('R18: repeatedOf is required for "repeated" and refused for any other ground', () => {
    expect(
      errorsOf(parseWith(returnSchema, { ground: 'repeated', explanation: 'Повтор.' })),
    ).toEqual([expect.objectContaining({ path: 'repeatedOf' })]);
    expect(
      errorsOf(
        parseWith(returnSchema, {
          ground: 'missing_details',
          explanation: 'Нет адреса.',
          repeatedOf: 'C0',
        }),
      ),
    ).toEqual([{ path: 'repeatedOf', message: 'is only for the ground "repeated"' }]);
    expect(
      errorsOf(parseWith(returnSchema, { ground: 'other', explanation: 'x' })).map((e) => e.path),
    ).toEqual(['ground']);
  });

  it('R16, R17, R24: forwarding, withdrawal and delivery bodies refuse what they do not know', () => {
    expect(parseWith(forwardingSchema, { toBodyId: 'ministry-justice' })).toMatchObject({
      ok: false,
    });
    expect(parseWith(withdrawalSchema, {})).toMatchObject({ ok: true });
    expect(
      errorsOf(parseWith(withdrawalSchema, { statementReceivedOn: '2026-02-30' })).map(
        (e) => e.path,
      ),
    ).toEqual(['statementReceivedOn']);
    expect(
      errorsOf(
        parseWith(otherDeliverySchema, { deliveredOn: '2026-11-25', method: 'pigeon', extra: 1 }),
      ).map((e) => e.path),
    ).toEqual(['method', 'extra']);
  });
});
