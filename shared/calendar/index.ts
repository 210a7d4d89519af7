/**
 * Kazakhstan's working-day calendar (R3) and working-day arithmetic (R5), over `YYYY-MM-DD`.
 *
 * Everything is precomputed once, when the module loads, into flat arrays over every day of the
 * known years: whether the day is a working day and how many working days precede it. Each query is
 * then a parse, a bounds check and one or two array reads, with no loop over days.
 */

import { DomainError } from '../domain/errors.js';
import { buildCalendars } from './build.js';
import {
  epochDayOf,
  epochDayOfIso,
  isoFromEpochDay,
  isWeekendEpochDay,
  parseIsoDate,
  type IsoDate,
} from './dates.js';
import { lawHolidays } from './law.js';
import type { YearCalendar } from './types.js';
import { decreesByYear } from './years.js';

export type { IsoDate } from './dates.js';
export type { DayOff, WorkingWeekend, YearCalendar } from './types.js';

const calendars = buildCalendars(lawHolidays, decreesByYear);
const years = [...calendars.keys()];
/** The first and last year of the official calendar this system knows. */
export const firstKnownYear = Math.min(...years);
export const lastKnownYear = Math.max(...years);

const firstEpochDay = epochDayOf({ year: firstKnownYear, month: 1, day: 1 });
const dayCount = epochDayOf({ year: lastKnownYear + 1, month: 1, day: 1 }) - firstEpochDay;

/** The date string of each day, by index: formatting a result is one array read. */
const isoByIndex: IsoDate[] = [];
const working = new Uint8Array(dayCount);
/** workingBefore[i]: the number of working days among days 0 … i-1. */
const workingBefore = new Int32Array(dayCount + 1);
/** The index of the k-th working day (k from 0). */
const workingDayIndex: number[] = [];
{
  const off = new Set<number>();
  const workedWeekends = new Set<number>();
  for (const calendar of calendars.values()) {
    for (const day of calendar.daysOff) off.add(epochDayOfIso(day.date));
    for (const day of calendar.workingWeekends) workedWeekends.add(epochDayOfIso(day.date));
  }
  for (let i = 0; i < dayCount; i++) {
    const epochDay = firstEpochDay + i;
    isoByIndex.push(isoFromEpochDay(epochDay));
    const isWorking =
      workedWeekends.has(epochDay) || (!isWeekendEpochDay(epochDay) && !off.has(epochDay));
    working[i] = isWorking ? 1 : 0;
    workingBefore[i + 1] = (workingBefore[i] ?? 0) + (isWorking ? 1 : 0);
    if (isWorking) workingDayIndex.push(i);
  }
}

/** A date outside the official calendar's known years: never a silent guess (R3). */
export class CalendarRangeError extends DomainError {
  constructor(date: IsoDate) {
    super(
      'validation-failed',
      `${date} is outside the official working-day calendar this system knows (${firstKnownYear}–${lastKnownYear})`,
    );
  }
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;

/** The index of a date in the precomputed arrays; throws on a malformed or unknown date. */
function indexOf(date: IsoDate): number {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  const index = epochDayOf({ year, month, day }) - firstEpochDay;
  // The round trip through the table rejects "2026-02-30", "2026-1-05" and anything not a date.
  if (isoByIndex[index] === date) return index;
  if (parseIsoDate(date)) throw new CalendarRangeError(date);
  throw new DomainError(
    'validation-failed',
    `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`,
  );
}

function dateAt(index: number, from: IsoDate): IsoDate {
  const date = index >= 0 && index < dayCount ? isoByIndex[index] : undefined;
  if (date === undefined) throw new CalendarRangeError(from);
  return date;
}

/** R3: a day of the five-day week that is not a holiday or a day off by decree, or a weekend day worked by decree. */
export function isWorkingDay(date: IsoDate): boolean {
  return working[indexOf(date)] === 1;
}

/**
 * R5: the Nth working day after `date`, `date` itself not counted (whether it is a working day or
 * not). A negative N counts back: the Nth working day before `date`. N = 0 answers `date`.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Working days must be an integer: ${days}`);
  const index = indexOf(date);
  if (days === 0) return date;
  // Working days strictly before `date` (counting back) or up to and including it (counting on).
  const before = days > 0 ? (workingBefore[index + 1] ?? 0) : (workingBefore[index] ?? 0);
  const ordinal = before + days - (days > 0 ? 1 : 0);
  const target = ordinal >= 0 ? workingDayIndex[ordinal] : undefined;
  if (target === undefined) {
    throw new CalendarRangeError(
      days > 0 ? `${date} + ${days} working days` : `${date} − ${-days} working days`,
    );
  }
  return dateAt(target, date);
}

/** The first working day after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return addWorkingDays(date, 1);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

/**
 * The number of working days in (from, to]: `from` not counted, `to` counted, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return (workingBefore[indexOf(to) + 1] ?? 0) - (workingBefore[indexOf(from) + 1] ?? 0);
}

/** The number of working days in a year (the official production-calendar figure). */
export function workingDaysInYear(year: number): number {
  if (!calendars.has(year)) throw new CalendarRangeError(`${year}`);
  const start = epochDayOf({ year, month: 1, day: 1 }) - firstEpochDay;
  const end = epochDayOf({ year: year + 1, month: 1, day: 1 }) - firstEpochDay;
  return (workingBefore[end] ?? 0) - (workingBefore[start] ?? 0);
}

/** The year's days off (with names and sources) and weekend days worked: `GET /v1/calendar/{year}`. */
export function yearCalendar(year: number): YearCalendar {
  const calendar = calendars.get(year);
  if (!calendar) throw new CalendarRangeError(`${year}`);
  return calendar;
}
