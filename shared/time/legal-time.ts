/**
 * Legal time (R4): instants are epoch milliseconds; their legal date and time of day are those of
 * Kazakhstan's official time, IANA `Asia/Almaty`. The offsets are data here rather than read from
 * the runtime's tz database, so the answer does not depend on the ICU build Node ships with.
 */

import {
  civilFromEpochDay,
  epochDayOfIso,
  formatIsoDate,
  type IsoDate,
} from '../calendar/dates.js';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

const minuteMs = 60_000;
const dayMs = 86_400_000;

interface OffsetPeriod {
  /** First instant of the period. */
  readonly from: Instant;
  readonly offsetMinutes: number;
  readonly source: string;
}

/** Newest last. Asia/Almaty has had no daylight saving time since 2005. */
const offsetPeriods: readonly OffsetPeriod[] = [
  {
    from: Date.UTC(2004, 9, 30, 21, 0), // 2004-10-31 03:00 +07 → 02:00 +06: the last DST change
    offsetMinutes: 360,
    source: 'Government decree No. 1749 of 23.11.2000 "On the procedure of calculating time"',
  },
  {
    from: Date.UTC(2024, 1, 29, 18, 0), // 2024-03-01 00:00 +06 → 2024-02-29 23:00 +05
    offsetMinutes: 300,
    source:
      'Government decree No. 20 of 19.01.2024 amending decree No. 1749 (UTC+5 from 01.03.2024)',
  },
];

export class LegalTimeRangeError extends RangeError {}

/** Minutes to add to UTC to get Kazakhstan's legal time at that instant. */
export function legalOffsetMinutes(instant: Instant): number {
  for (let i = offsetPeriods.length - 1; i >= 0; i--) {
    const period = offsetPeriods[i];
    if (period && instant >= period.from) return period.offsetMinutes;
  }
  throw new LegalTimeRangeError(
    `No legal time is modelled before ${new Date(offsetPeriods[0]?.from ?? 0).toISOString()}`,
  );
}

export interface LegalDateTime {
  readonly date: IsoDate;
  /** Minutes since local midnight, 0–1439. */
  readonly minuteOfDay: number;
  readonly offsetMinutes: number;
}

export function toLegalDateTime(instant: Instant): LegalDateTime {
  if (!Number.isFinite(instant)) throw new LegalTimeRangeError(`Not an instant: ${instant}`);
  const offsetMinutes = legalOffsetMinutes(instant);
  const local = instant + offsetMinutes * minuteMs;
  const epochDay = Math.floor(local / dayMs);
  return {
    date: formatIsoDate(civilFromEpochDay(epochDay)),
    minuteOfDay: Math.floor((local - epochDay * dayMs) / minuteMs),
    offsetMinutes,
  };
}

/** The calendar date of an instant in Asia/Almaty (R4). */
export function legalDate(instant: Instant): IsoDate {
  return toLegalDateTime(instant).date;
}

/** `HH:MM` → minutes since midnight; undefined when malformed. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * The instant at which the legal clock shows `date` and `time` (`HH:MM`). When the clock showed it
 * twice (2024-02-29 23:00–24:00, once at +06 and once at +05), the earlier instant.
 */
export function legalInstant(date: IsoDate, time = '00:00'): Instant {
  const minutes = parseTimeOfDay(time);
  if (minutes === undefined) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  const wall = epochDayOfIso(date) * dayMs + minutes * minuteMs;
  const candidates = offsetPeriods
    .map((period) => wall - period.offsetMinutes * minuteMs)
    .filter((instant) => {
      const back = toLegalDateTimeOrUndefined(instant);
      return back?.date === date && back.minuteOfDay === minutes;
    })
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined)
    throw new LegalTimeRangeError(`${date} ${time} never occurred in legal time`);
  return first;
}

function toLegalDateTimeOrUndefined(instant: Instant): LegalDateTime | undefined {
  try {
    return toLegalDateTime(instant);
  } catch {
    return undefined;
  }
}

/** ISO 8601 with the legal offset, to the second: `2026-11-25T10:15:00+05:00`. */
export function formatLegalInstant(instant: Instant): string {
  const { date, minuteOfDay, offsetMinutes } = toLegalDateTime(instant);
  const seconds = Math.floor((((instant % minuteMs) + minuteMs) % minuteMs) / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = Math.abs(offsetMinutes);
  return `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:${pad(seconds)}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant that states its offset; undefined otherwise (a bare local time is ambiguous). */
export function parseInstant(text: string): Instant | undefined {
  if (!instantPattern.test(text)) return undefined;
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) return undefined;
  // Date.parse rolls "2026-02-30" over to March; refuse what is not a real date and time.
  const datePart = text.slice(0, 10);
  const offsetText = /(Z|[+-]\d{2}:\d{2})$/.exec(text)?.[1] ?? 'Z';
  const offsetMinutes =
    offsetText === 'Z'
      ? 0
      : (offsetText.startsWith('-') ? -1 : 1) *
        (Number(offsetText.slice(1, 3)) * 60 + Number(offsetText.slice(4, 6)));
  const localDay = Math.floor((instant + offsetMinutes * minuteMs) / dayMs);
  return formatIsoDate(civilFromEpochDay(localDay)) === datePart ? instant : undefined;
}

/** An instant this system recorded itself: one that does not parse is a bug, not bad input. */
export function recordedInstant(text: string): Instant {
  const instant = parseInstant(text);
  if (instant === undefined) throw new LegalTimeRangeError(`Not an instant: ${text}`);
  return instant;
}
