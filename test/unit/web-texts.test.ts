/**
 * The web desk's texts: Kazakh and Russian have the same keys (plural forms aside, each language
 * has its own), and every message the API's schemas can give a person reads in both languages.
 */

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { localizeFieldMessage, localizeProblemTitle } from '../../shared/texts/field-messages.js';
import { problemStatus } from '../../shared/domain/errors.js';
import {
  decisionSchema,
  extensionSchema,
  fileComplaintSchema,
  findingsSchema,
  recommendationSchema,
  returnSchema,
  toFieldErrors,
} from '../../shared/validation/schemas.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { electronicFiling } from '../fixtures.js';

type Tree = { readonly [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

describe('web desk texts', () => {
  it('Kazakh and Russian have the same keys', () => {
    expect([...new Set(keys(kk))].sort()).toEqual([...new Set(keys(ru))].sort());
  });

  it('a plural has the forms its language needs: kk one/other, ru one/few/many', () => {
    const plurals = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'string'
          ? /_(one|few|many|other)$/.test(key)
            ? [`${prefix}${key}`]
            : []
          : plurals(value, `${prefix}${key}.`),
      );
    const bases = (list: string[]) => [...new Set(list.map((k) => k.replace(/_\w+$/, '')))];
    for (const base of bases(plurals(kk))) {
      expect(
        plurals(kk)
          .filter((k) => k.startsWith(`${base}_`))
          .sort(),
      ).toEqual([`${base}_one`, `${base}_other`].sort());
    }
    for (const base of bases(plurals(ru))) {
      expect(
        plurals(ru)
          .filter((k) => k.startsWith(`${base}_`))
          .sort(),
      ).toEqual([`${base}_few`, `${base}_many`, `${base}_one`].sort());
    }
  });
});

describe('field messages in the reader’s language', () => {
  const faults: [z.ZodType, unknown][] = [
    [fileComplaintSchema, {}],
    [
      fileComplaintSchema,
      { ...electronicFiling, applicant: { ...electronicFiling.applicant, iin: '900101400012' } },
    ],
    [
      fileComplaintSchema,
      { ...electronicFiling, applicant: { ...electronicFiling.applicant, iin: '12' } },
    ],
    [
      fileComplaintSchema,
      {
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, email: 'nope', phone: '12' },
      },
    ],
    [
      fileComplaintSchema,
      {
        ...electronicFiling,
        subject: { ...electronicFiling.subject, occurredOn: '2026-02-30', type: 'x' },
      },
    ],
    [fileComplaintSchema, { ...electronicFiling, text: '', extra: 1 }],
    [fileComplaintSchema, { ...electronicFiling, text: 'a\u0001b' }],
    [fileComplaintSchema, { ...electronicFiling, text: 'x'.repeat(10_001) }],
    [
      fileComplaintSchema,
      { ...electronicFiling, applicant: { ...electronicFiling.applicant, type: 'robot' } },
    ],
    [fileComplaintSchema, { ...electronicFiling, receivedAt: 'yesterday' }],
    [fileComplaintSchema, { ...electronicFiling, channel: 'paper' }],
    [extensionSchema, { workingDays: 11, reason: 'x', explanation: ' ' }],
    [extensionSchema, { workingDays: 0, reason: 'site_inspection', explanation: 'a' }],
    [extensionSchema, { workingDays: 'two' }],
    [decisionSchema, { outcome: 'maybe', text: 3 }],
    [returnSchema, { ground: 'repeated', explanation: 'a' }],
    [returnSchema, { ground: 'not_a_complaint', explanation: 'a', repeatedOf: 'x' }],
    [findingsSchema, { reasons: 'a', violationFound: 'yes' }],
    [findingsSchema, { reasons: 'a', violationFound: true }],
    [recommendationSchema, { bodyId: '!', measures: 'a', respondBy: '2199-01-01' }],
  ];
  const messages = [
    ...new Set(
      faults.flatMap(([schema, input]) => {
        const parsed = schema.safeParse(input);
        return parsed.success ? [] : toFieldErrors(parsed.error).map((error) => error.message);
      }),
    ),
  ];

  it.each(messages)('"%s" reads in Kazakh and in Russian', (message) => {
    const inKazakh = localizeFieldMessage(message, 'kk');
    const inRussian = localizeFieldMessage(message, 'ru');
    expect(inKazakh).not.toBe(message);
    expect(inRussian).not.toBe(message);
    expect(inRussian).toMatch(/[а-яё]/i);
  });

  it('covers enough of the schemas to mean something', () => {
    expect(messages.length).toBeGreaterThanOrEqual(20);
  });

  it('a message the table lacks is shown as the API wrote it', () => {
    expect(localizeFieldMessage('something new', 'ru')).toBe('something new');
  });

  it('every problem slug of the API has a title in both languages', () => {
    for (const slug of Object.keys(problemStatus)) {
      expect(localizeProblemTitle(slug, 'kk')).toMatch(/\S/);
      expect(localizeProblemTitle(slug, 'ru')).toMatch(/[а-яё]/i);
    }
  });
});
