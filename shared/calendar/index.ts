/**
 * Kazakhstan's working-day calendar (R3) and working-day arithmetic (R5), over `YYYY-MM-DD`.
 *
 * Everything is precomputed once into flat arrays over every day of the known years: whether the
 * day is a working day and how many working days precede it. Each query is then a parse, a bounds
 * check and one or two array reads, with no loop over days.
 *
 * Past the official years come provisional ones, up to `provisionalHorizonYear` (R22): the calendar
 * never refuses a complaint for want of a published year. The official years are computed when the
 * module loads, the provisional ones on the first query that reaches past them.
 */

import { DomainError } from '../domain/errors.js';
import { buildCalendars } from './build.js';
import {
  epochDayOf,
  epochDayOfIso,
  isoWeekdayOfEpochDay,
  isLeapYear,
  parseIsoDate,
  type IsoDate,
} from './dates.js';
import { lawHolidays } from './law.js';
import type { YearCalendar } from './types.js';
import { decreesByYear } from './years.js';

export type { IsoDate } from './dates.js';
export type { DayOff, WorkingWeekend, YearCalendar } from './types.js';

const officialYears = Object.keys(decreesByYear).map(Number);
/** The first and last year of the official calendar this system knows. */
export const firstKnownYear = Math.min(...officialYears);
export const lastKnownYear = Math.max(...officialYears);

/** R22: the last year answered, provisionally, from the law's holidays and weekends alone. */
export const provisionalHorizonYear = 2099;

/** R22: the last day of the official calendar; past it, working days are provisional. */
export const officialCalendarEnd: IsoDate = `${String(lastKnownYear)}-12-31`;

/** R22: whether a date lies inside the official calendar's years (not provisional). */
export function isOfficialDate(date: IsoDate): boolean {
  return date >= `${String(firstKnownYear)}-01-01` && date <= officialCalendarEnd;
}

const firstEpochDay = epochDayOf({ year: firstKnownYear, month: 1, day: 1 });
const dayCount = epochDayOf({ year: provisionalHorizonYear + 1, month: 1, day: 1 }) - firstEpochDay;

/** The date string of each day, by index: formatting a result is one array read. */
const isoByIndex: IsoDate[] = [];
const working = new Uint8Array(dayCount);
/** workingBefore[i]: the number of working days among days 0 … i-1. */
const workingBefore = new Int32Array(dayCount + 1);
/** The index of the k-th working day (k from 0); only the first `workingDayCount` are set. */
const workingDayIndex = new Int32Array(dayCount);
let workingDayCount = 0;

const twoDigits = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Fills the arrays from the first known year through the last year of `calendars`. */
function fillTables(calendars: ReadonlyMap<number, YearCalendar>): void {
  const lastYear = Math.max(...calendars.keys());
  // 1 a day off, 2 a weekend day worked; 0 an ordinary day.
  const marks = new Uint8Array(dayCount);
  for (const calendar of calendars.values()) {
    for (const day of calendar.daysOff) marks[epochDayOfIso(day.date) - firstEpochDay] = 1;
    for (const day of calendar.workingWeekends) marks[epochDayOfIso(day.date) - firstEpochDay] = 2;
  }
  // Walking the days in order, with no date conversion per day, keeps the 2099 horizon cheap.
  let weekday = isoWeekdayOfEpochDay(firstEpochDay);
  let i = 0;
  workingDayCount = 0;
  for (let year = firstKnownYear; year <= lastYear; year++) {
    const yearPrefix = `${String(year)}-`;
    for (let month = 1; month <= 12; month++) {
      const monthPrefix = `${yearPrefix}${twoDigits[month] ?? ''}-`;
      const length = month === 2 && isLeapYear(year) ? 29 : (monthLengths[month - 1] ?? 0);
      for (let day = 1; day <= length; day++, i++) {
        if (i === isoByIndex.length) isoByIndex.push(`${monthPrefix}${twoDigits[day] ?? ''}`);
        const mark = marks[i];
        const isWorking = mark === 2 || (mark === 0 && weekday < 6);
        working[i] = isWorking ? 1 : 0;
        workingBefore[i + 1] = (workingBefore[i] ?? 0) + (isWorking ? 1 : 0);
        if (isWorking) workingDayIndex[workingDayCount++] = i;
        weekday = weekday === 7 ? 1 : weekday + 1;
      }
    }
  }
}

/**
 * The official years are built when the module loads; the provisional ones (R22) on the first
 * query that needs them (about 10 ms, once), so that a cold start pays only for the official ones.
 */
let calendars = buildCalendars(lawHolidays, decreesByYear);
fillTables(calendars);
let provisionalLoaded = false;

/** Builds the provisional years once; false when they already were (the caller then gives up). */
function loadProvisional(): boolean {
  if (provisionalLoaded) return false;
  provisionalLoaded = true;
  calendars = buildCalendars(lawHolidays, decreesByYear, provisionalHorizonYear);
  fillTables(calendars);
  return true;
}

/** A date outside the years this system counts, official or provisional: never a guess (R3, R22). */
export class CalendarRangeError extends DomainError {
  constructor(date: IsoDate) {
    super(
      'validation-failed',
      `${date} is outside the working-day calendar this system knows (${firstKnownYear}–${provisionalHorizonYear}: official through ${lastKnownYear}, provisional after)`,
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
  if (parseIsoDate(date)) {
    if (index >= isoByIndex.length && index < dayCount && loadProvisional()) return indexOf(date);
    throw new CalendarRangeError(date);
  }
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
  const target = ordinal >= 0 && ordinal < workingDayCount ? workingDayIndex[ordinal] : undefined;
  if (target === undefined) {
    if (ordinal >= workingDayCount && loadProvisional()) return addWorkingDays(date, days);
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

/** The number of working days in a year (the official production-calendar figure; R22: provisional past the official years). */
export function workingDaysInYear(year: number): number {
  yearCalendar(year); // throws outside the known years; loads the provisional ones if needed
  const start = epochDayOf({ year, month: 1, day: 1 }) - firstEpochDay;
  const end = epochDayOf({ year: year + 1, month: 1, day: 1 }) - firstEpochDay;
  return (workingBefore[end] ?? 0) - (workingBefore[start] ?? 0);
}

/** The year's days off (with names and sources) and weekend days worked: `GET /v1/calendar/{year}`; R22: `provisional` says why a year is not yet official. */
export function yearCalendar(year: number): YearCalendar {
  const calendar = calendars.get(year);
  if (calendar) return calendar;
  if (year > lastKnownYear && year <= provisionalHorizonYear && loadProvisional()) {
    return yearCalendar(year);
  }
  throw new CalendarRangeError(`${year}`);
}
