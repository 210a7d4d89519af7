import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  decisionSchema,
  dispatchSchema,
  dueDateQuerySchema,
  extensionSchema,
  fileComplaintSchema,
  findingsSchema,
  forwardingSchema,
  listBodiesQuerySchema,
  listComplaintsQuerySchema,
  otherDeliverySchema,
  parseWith,
  recommendationControlSchema,
  recommendationResponseSchema,
  recommendationSchema,
  returnSchema,
  text,
  textMessages,
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

/**
 * Faults an outside fuzz harness found: control characters and unpaired surrogates in free text
 * (every e-mail to the applicant then failed), integers read loosely from query strings, dates and
 * instants no deadline can be reckoned from.
 */
describe('fuzz faults: what no request may carry', () => {
  /** One valid request of each body schema, with every optional field present. */
  const paperFiling = {
    ...electronicFiling,
    channel: 'paper',
    acceptedBy,
    receivedAt: '2026-11-23T17:00:00+05:00',
    appealOf: '01KATXYZ0000000000000000AB',
    applicant: { ...electronicFiling.applicant, postalAddress: 'Астана, ул. Бейбітшілік, 1' },
  };
  const { iin: _iin, ...withoutIin } = paperFiling.applicant;
  const everyBody: readonly (readonly [string, z.ZodType, Record<string, unknown>])[] = [
    ['filing', fileComplaintSchema, paperFiling],
    [
      'filing (legal entity)',
      fileComplaintSchema,
      { ...paperFiling, applicant: { ...withoutIin, type: 'legal_entity', bin: '140840001232' } },
    ],
    [
      'extension',
      extensionSchema,
      { workingDays: 3, reason: 'site_inspection', explanation: 'Выезд.' },
    ],
    ['decision', decisionSchema, { outcome: 'rejected', text: 'Отказано.' }],
    ['dispatch', dispatchSchema, { sentOn: '2026-11-25', method: 'post', trackingNumber: 'KZ1' }],
    [
      'other delivery',
      otherDeliverySchema,
      { deliveredOn: '2026-11-25', method: 'courier', trackingNumber: 'KZ2' },
    ],
    ['forwarding', forwardingSchema, { toBodyId: 'ministry-justice', explanation: 'Не наше.' }],
    ['withdrawal', withdrawalSchema, { reason: 'Решено.', statementReceivedOn: '2026-11-24' }],
    [
      'return',
      returnSchema,
      { ground: 'repeated', explanation: 'Повтор.', repeatedOf: '01KATXYZ0000000000000000AB' },
    ],
    [
      'findings',
      findingsSchema,
      { reasons: 'Нарушение.', violationFound: true, bodyId: 'akimat-astana' },
    ],
    [
      'recommendation',
      recommendationSchema,
      { bodyId: 'akimat-astana', measures: 'Пересмотреть.', respondBy: '2026-12-10' },
    ],
    ['response', recommendationResponseSchema, { outcome: 'implemented', text: 'Сделано.' }],
    ['control', recommendationControlSchema, { complete: true, text: 'Исполнено.' }],
  ];

  /** Every leaf of a value, as a dotted path and the value there. */
  const leaves = (value: unknown, path: readonly string[] = []): [string[], unknown][] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) =>
          inner === undefined ? [] : leaves(inner, [...path, key]),
        )
      : [[[...path], value]];

  const withLeaf = (body: unknown, path: readonly string[], value: unknown): unknown => {
    const copy = structuredClone(body) as Record<string, unknown>;
    let at: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path.at(-1) ?? ''] = value;
    return copy;
  };

  type JsonSchema = {
    properties?: Record<string, JsonSchema>;
    oneOf?: JsonSchema[];
    anyOf?: JsonSchema[];
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    format?: string;
    enum?: unknown[];
    const?: unknown;
  };

  /** Every property of a body schema as its JSON Schema declares it (union variants merged). */
  const declared = (schema: JsonSchema, path = ''): Map<string, JsonSchema> => {
    const found = new Map<string, JsonSchema>();
    for (const variant of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
      for (const [name, inner] of declared(variant, path)) found.set(name, inner);
    }
    for (const [name, inner] of Object.entries(schema.properties ?? {})) {
      const full = path === '' ? name : `${path}.${name}`;
      found.set(full, inner);
      for (const [deeper, innerSchema] of declared(inner, full)) found.set(deeper, innerSchema);
    }
    return found;
  };

  const jsonSchemaOf = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

  /** Free text: a bounded, non-empty string with no pattern, format or fixed values. */
  const isFreeText = (property: JsonSchema) =>
    property.minLength === 1 &&
    property.maxLength !== undefined &&
    property.pattern === undefined &&
    property.format === undefined &&
    property.enum === undefined &&
    property.const === undefined;

  it('the valid requests the checks below start from are valid and have every declared field', () => {
    for (const [name, schema, body] of everyBody) {
      expect({ name, result: parseWith(schema, body) }).toMatchObject({
        name,
        result: { ok: true },
      });
    }
    for (const schema of new Set(everyBody.map(([, s]) => s))) {
      const present = new Set(
        everyBody
          .filter(([, s]) => s === schema)
          .flatMap(([, , body]) => leaves(body).map(([path]) => path.join('.'))),
      );
      for (const [path, property] of declared(jsonSchemaOf(schema))) {
        if (property.properties === undefined && property.oneOf === undefined) {
          expect({ path, present: present.has(path) }).toEqual({ path, present: true });
        }
      }
    }
  });

  it('no string field of any body accepts a NUL, a DEL, a C1 control or an unpaired surrogate', () => {
    for (const [name, schema, body] of everyBody) {
      for (const [path, value] of leaves(body)) {
        if (typeof value !== 'string') continue;
        for (const bad of ['\u0000', '\u007f', '\u0085', '\ud800', '\udfff']) {
          const result = parseWith(schema, withLeaf(body, path, `${value}${bad}`));
          expect({ name, path: path.join('.'), bad, refused: !result.ok }).toEqual({
            name,
            path: path.join('.'),
            bad,
            refused: true,
          });
          expect(errorsOf(result).map((e) => e.path)).toContain(path.join('.'));
        }
      }
    }
  });

  it('every free-text field is text(): refuses controls but tab and line feed, in the API’s words', () => {
    const freeText = everyBody.flatMap(([name, schema]) =>
      [...declared(jsonSchemaOf(schema))]
        .filter(([, property]) => isFreeText(property))
        .map(([path]) => `${name}: ${path}`),
    );
    // The list is explicit, so a new free-text field is seen here, and in the checks below.
    expect(new Set(freeText)).toEqual(
      new Set([
        'filing: applicant.name',
        'filing: applicant.postalAddress',
        'filing: subject.service',
        'filing: subject.respondent',
        'filing: text',
        'filing: acceptedBy.name',
        'filing: acceptedBy.position',
        'filing (legal entity): applicant.name',
        'filing (legal entity): applicant.postalAddress',
        'filing (legal entity): subject.service',
        'filing (legal entity): subject.respondent',
        'filing (legal entity): text',
        'filing (legal entity): acceptedBy.name',
        'filing (legal entity): acceptedBy.position',
        'extension: explanation',
        'decision: text',
        'dispatch: trackingNumber',
        'other delivery: trackingNumber',
        'forwarding: explanation',
        'withdrawal: reason',
        'return: explanation',
        'findings: reasons',
        'recommendation: measures',
        'response: text',
        'control: text',
      ]),
    );
    const controls = [
      '\u0000',
      '\u0001',
      '\u0007',
      '\u0008',
      '\u000b',
      '\u000c',
      '\r',
      '\u001b',
      '\u001f',
      '\u007f',
      '\u0080',
      '\u0085',
      '\u009f',
    ];
    const unpaired = ['\ud800', '\udbff', '\udc00', '\udfff', '\ude00\ud83d'];
    for (const [name, schema, body] of everyBody) {
      for (const [path, property] of declared(jsonSchemaOf(schema))) {
        if (!isFreeText(property)) continue;
        const keys = path.split('.');
        const errorsWith = (value: string) =>
          errorsOf(parseWith(schema, withLeaf(body, keys, value)));
        for (const control of controls) {
          for (const value of [`а${control}б`, `${control}а`, `а${control}`]) {
            expect({ name, path, value, errors: errorsWith(value) }).toEqual({
              name,
              path,
              value,
              errors: [{ path, message: textMessages.control }],
            });
          }
        }
        for (const surrogate of unpaired) {
          expect({ name, path, surrogate, errors: errorsWith(`а${surrogate}б`) }).toEqual({
            name,
            path,
            surrogate,
            errors: [{ path, message: textMessages.malformed }],
          });
        }
        const kept = parseWith(schema, withLeaf(body, keys, 'а\tб\r\nв\nг 😀'));
        expect(kept.ok).toBe(true);
        if (kept.ok) {
          expect(leaves(kept.value).find(([at]) => at.join('.') === path)?.[1]).toBe(
            'а\tб\nв\nг 😀',
          );
        }
      }
    }
  });

  it('free text: CRLF is a line break (LF), trimmed at the edges; a lone CR is refused', () => {
    const decision = (value: string) =>
      parseWith(decisionSchema, { outcome: 'rejected', text: value });
    expect(decision('\r\n  Первая строка.\r\nВторая.\r\n\r\n')).toEqual({
      ok: true,
      value: { outcome: 'rejected', text: 'Первая строка.\nВторая.' },
    });
    expect(errorsOf(decision('\r\n \r\n'))).toEqual([
      { path: 'text', message: 'must not be empty' },
    ]);
    for (const value of ['а\rб', 'а\n\rб', 'а\r\r\nб', 'а\r']) {
      expect(errorsOf(decision(value))).toEqual([{ path: 'text', message: textMessages.control }]);
    }
  });

  it('free text, property: accepted exactly when well-formed, free of controls and not blank', () => {
    const units = fc.oneof(
      fc.constantFrom(
        '\r',
        '\n',
        '\r\n',
        '\t',
        ' ',
        '\u0000',
        '\u000b',
        '\u007f',
        '\u0085',
        '\u00a0',
      ),
      fc.constantFrom('\ud800', '\udc00', '😀', 'ә', 'a'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    const schema = text(40);
    fc.assert(
      fc.property(fc.string({ unit: units, maxLength: 30 }), (value) => {
        const result = parseWith(schema, value);
        const lines = value.replace(/\r\n/g, '\n');
        const wellFormed = (value as string & { isWellFormed(): boolean }).isWellFormed();
        const control = Array.from({ length: lines.length }, (_, i) => lines.charCodeAt(i)).some(
          (code) =>
            (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f),
        );
        const trimmed = lines.trim();
        const acceptable = wellFormed && !control && trimmed !== '' && trimmed.length <= 40;
        expect(result).toEqual(
          acceptable ? { ok: true, value: trimmed } : expect.objectContaining({ ok: false }),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('the e-mail address refuses a NUL, a line break (header injection) and an unpaired surrogate', () => {
    for (const email of [
      'applicant\u0000@example.kz',
      'applicant@example.kz\u0000',
      'applicant@example.kz\r\nBcc: other@example.kz',
      'applicant@example.kz\n',
      'appl\ud800icant@example.kz',
      ' applicant@example.kz',
    ]) {
      expect(
        errorsOf(
          parseWith(fileComplaintSchema, {
            ...electronicFiling,
            applicant: { ...electronicFiling.applicant, email },
          }),
        ),
      ).toEqual([{ path: 'applicant.email', message: 'must be an e-mail address' }]);
    }
    expect(
      errorsOf(
        parseWith(fileComplaintSchema, {
          ...electronicFiling,
          applicant: {
            ...electronicFiling.applicant,
            email: `${'a'.repeat(60)}@${'b'.repeat(200)}.kz`,
          },
        }),
      ),
    ).toEqual([{ path: 'applicant.email', message: 'must be at most 254 characters' }]);
  });

  it('query integers are decimal digits only: no empty, sign, space, decimal point, exponent or hex', () => {
    const digitsOnly =
      'must be a whole number of working days from 0 to 250 in the digits 0-9 only (no sign, spaces, decimal point, exponent or hex)';
    const due = (workingDays: string) =>
      parseWith(dueDateQuerySchema, { from: '2026-11-23', workingDays });
    expect(errorsOf(due(''))).toEqual([
      {
        path: 'workingDays',
        message: 'must not be empty: a whole number of working days from 0 to 250',
      },
    ]);
    for (const bad of [
      '0x10',
      '1e1',
      '+5',
      '-1',
      ' 5',
      '5 ',
      '5.0',
      '5.',
      '.5',
      '0b1',
      '0o7',
      'Infinity',
      'NaN',
      '５',
      '٥',
      '1_0',
      '5\u0000',
    ]) {
      expect({ bad, errors: errorsOf(due(bad)) }).toEqual({
        bad,
        errors: [{ path: 'workingDays', message: digitsOnly }],
      });
    }
    expect(due('005')).toEqual({ ok: true, value: { from: '2026-11-23', workingDays: 5 } });
    expect(due('0')).toMatchObject({ ok: true, value: { workingDays: 0 } });
    expect(errorsOf(due('251'))).toEqual([{ path: 'workingDays', message: 'must be at most 250' }]);
    expect(errorsOf(due('9'.repeat(400)))).toEqual([
      { path: 'workingDays', message: 'must be at most 250' },
    ]);
    for (const schema of [listComplaintsQuerySchema, listBodiesQuerySchema]) {
      expect(parseWith(schema, {})).toEqual({ ok: true, value: { limit: 20 } });
      expect(parseWith(schema, { limit: '100' })).toEqual({ ok: true, value: { limit: 100 } });
      for (const [limit, message] of [
        ['', 'must not be empty: a whole number from 1 to 100'],
        ['0x10', expect.stringContaining('in the digits 0-9 only') as unknown],
        ['1e1', expect.stringContaining('in the digits 0-9 only') as unknown],
        ['0', 'must be at least 1'],
        ['101', 'must be at most 100'],
      ] as const) {
        expect(errorsOf(parseWith(schema, { limit }))).toEqual([{ path: 'limit', message }]);
      }
    }
  });

  it('cursors: the bodies list’s is a body id, the complaints list’s base64url; anything else is refused', () => {
    const refused = [{ path: 'cursor', message: 'is not a cursor this API gave for this list' }];
    for (const cursor of ['', 'garbage!', 'a b', '\u0000', '-leading-dash', 'x'.repeat(129), 'ә']) {
      expect({ cursor, errors: errorsOf(parseWith(listBodiesQuerySchema, { cursor })) }).toEqual({
        cursor,
        errors: refused,
      });
    }
    expect(parseWith(listBodiesQuerySchema, { cursor: 'akimat-astana' })).toMatchObject({
      ok: true,
    });
    for (const cursor of ['', 'e30=', 'e30+', 'a/b', '\u0000', 'x'.repeat(4_097)]) {
      expect({
        cursor,
        errors: errorsOf(parseWith(listComplaintsQuerySchema, { cursor })),
      }).toEqual({
        cursor,
        errors: refused,
      });
    }
  });

  it('dates and instants no deadline can be reckoned from are refused, not left to fail later', () => {
    expect(
      errorsOf(
        parseWith(recommendationSchema, {
          bodyId: 'akimat-astana',
          measures: 'x',
          respondBy: '9999-12-31',
        }),
      ),
    ).toEqual([
      {
        path: 'respondBy',
        message: 'must be on or before 2099-12-31: the calendar counts no further',
      },
    ]);
    expect(
      parseWith(recommendationSchema, {
        bodyId: 'akimat-astana',
        measures: 'x',
        respondBy: '2099-12-31',
      }).ok,
    ).toBe(true);
    const paper = {
      ...electronicFiling,
      channel: 'paper',
      acceptedBy,
      applicant: { ...electronicFiling.applicant, postalAddress: 'Астана' },
    };
    for (const receivedAt of [
      '1999-01-01T00:00:00+05:00',
      '0001-01-01T00:00:00Z',
      '2018-12-31T17:59:59Z',
      '2100-01-01T00:00:00+05:00',
    ]) {
      expect({
        receivedAt,
        errors: errorsOf(parseWith(fileComplaintSchema, { ...paper, receivedAt })),
      }).toEqual({
        receivedAt,
        errors: [{ path: 'receivedAt', message: 'must be an instant from 2019 to 2099' }],
      });
    }
    expect(
      parseWith(fileComplaintSchema, { ...paper, receivedAt: '2018-12-31T18:00:00Z' }).ok,
    ).toBe(true);
  });

  it('every message is the API’s: a missing field "is required", a non-object "must be an object", never zod’s wording', () => {
    expect(errorsOf(parseWith(decisionSchema, {}))).toEqual([
      { path: 'outcome', message: 'is required' },
      { path: 'text', message: 'is required' },
    ]);
    expect(errorsOf(parseWith(fileComplaintSchema, { ...electronicFiling, subject: 'x' }))).toEqual(
      [{ path: 'subject', message: 'must be an object' }],
    );
    const wrong: unknown[] = [undefined, null, 'x', '', 42, 1.5, true, [], {}, '\u0000'];
    for (const [name, schema, body] of everyBody) {
      for (const input of wrong) {
        for (const error of errorsOf(parseWith(schema, input))) {
          expect(error.message).not.toMatch(/Invalid|expected|Too (big|small)/);
        }
      }
      for (const [path] of leaves(body)) {
        for (const input of wrong) {
          for (const error of errorsOf(parseWith(schema, withLeaf(body, path, input)))) {
            expect({ name, path: path.join('.'), input, message: error.message }).not.toEqual(
              expect.objectContaining({
                message: expect.stringMatching(/Invalid|expected|Too (big|small)/) as unknown,
              }),
            );
          }
        }
      }
    }
  });
});
