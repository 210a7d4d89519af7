import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLegalInstant,
  legalDate,
  legalInstant,
  parseInstant,
  toLegalDateTime,
} from '../../shared/time/legal-time.js';

const utc = (text: string): number => Date.parse(text);

describe('R4: legal time is Asia/Almaty', () => {
  it('R4: UTC+5 since 2024-03-01, either side of midnight', () => {
    expect(legalDate(utc('2026-11-24T18:59:59.999Z'))).toBe('2026-11-24');
    expect(legalDate(utc('2026-11-24T19:00:00Z'))).toBe('2026-11-25');
    expect(toLegalDateTime(utc('2026-11-25T05:15:00Z'))).toEqual({
      date: '2026-11-25',
      minuteOfDay: 10 * 60 + 15,
      offsetMinutes: 300,
    });
  });

  it('R4: UTC+6 before the 2024 change, either side of midnight', () => {
    expect(legalDate(utc('2023-06-01T17:59:59Z'))).toBe('2023-06-01');
    expect(legalDate(utc('2023-06-01T18:00:00Z'))).toBe('2023-06-02');
    expect(toLegalDateTime(utc('2019-12-31T18:00:00Z')).offsetMinutes).toBe(360);
  });

  it('R4: the night of 2024-02-29 → 03-01, when the clocks went back an hour at midnight', () => {
    // 23:59:59 at +06, the last second of the old zone …
    expect(toLegalDateTime(utc('2024-02-29T17:59:59Z'))).toMatchObject({
      date: '2024-02-29',
      offsetMinutes: 360,
    });
    // … then midnight at +06 became 23:00 at +05: still 29 February for another hour.
    expect(toLegalDateTime(utc('2024-02-29T18:00:00Z'))).toEqual({
      date: '2024-02-29',
      minuteOfDay: 23 * 60,
      offsetMinutes: 300,
    });
    expect(legalDate(utc('2024-02-29T18:59:59Z'))).toBe('2024-02-29');
    expect(legalDate(utc('2024-02-29T19:00:00Z'))).toBe('2024-03-01');
  });

  it('formats instants with the legal offset', () => {
    expect(formatLegalInstant(utc('2026-11-25T05:15:00Z'))).toBe('2026-11-25T10:15:00+05:00');
    expect(formatLegalInstant(utc('2023-01-01T00:00:07Z'))).toBe('2023-01-01T06:00:07+06:00');
  });

  it('finds the instant of a legal date and time, the earlier one when the clock showed it twice', () => {
    expect(legalInstant('2026-11-30', '09:00')).toBe(utc('2026-11-30T04:00:00Z'));
    expect(legalInstant('2023-11-30', '00:00')).toBe(utc('2023-11-29T18:00:00Z'));
    expect(legalInstant('2024-02-29', '23:30')).toBe(utc('2024-02-29T17:30:00Z'));
    expect(() => legalInstant('2026-11-30', '24:00')).toThrow(RangeError);
  });

  it('parses instants only with an explicit offset, and only real dates', () => {
    expect(parseInstant('2026-11-25T10:15:00+05:00')).toBe(utc('2026-11-25T05:15:00Z'));
    expect(parseInstant('2026-11-25T05:15:00.123Z')).toBe(utc('2026-11-25T05:15:00.123Z'));
    expect(parseInstant('2026-11-25T10:15:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:15:00+05:00')).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
  });

  it('agrees with the runtime tz database (tzdata ≥ 2024a) on every instant 2019–2027', () => {
    const almaty = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Almaty',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const fromIntl = (instant: number): string => {
      const parts = Object.fromEntries(almaty.formatToParts(instant).map((p) => [p.type, p.value]));
      return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}T${parts.hour ?? ''}:${parts.minute ?? ''}`;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2019-01-01T00:00:00Z'), max: utc('2027-12-31T23:59:59Z') }),
        (instant) => {
          expect(formatLegalInstant(instant).slice(0, 16)).toBe(fromIntl(instant));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
