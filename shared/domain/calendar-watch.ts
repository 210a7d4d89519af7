/**
 * R22: keeping the calendar from running out. The system warns the authorized body from 90 days
 * before the official calendar's last day, and once a later year is added, recounts the
 * provisional due dates that lay past the old end.
 */

import { addCalendarDays, epochDayOfIso, type IsoDate } from '../calendar/dates.js';

/** Days before the calendar's end at which the authorized body is warned, once each. */
export const calendarWarningDays = [90, 60, 30, 14, 7, 1, 0] as const;

/** Whole days from `today` to `end` (0 on the last day, negative after it). */
export function daysUntil(today: IsoDate, end: IsoDate): number {
  return epochDayOfIso(end) - epochDayOfIso(today);
}

/**
 * The warning due today, named by its threshold (the smallest one not yet passed), or undefined
 * while the end is more than 90 days away. Warnings already given are the caller's to remember.
 */
export function calendarWarningDue(today: IsoDate, end: IsoDate): number | undefined {
  const left = daysUntil(today, end);
  if (left > calendarWarningDays[0]) return undefined;
  return [...calendarWarningDays].reverse().find((threshold) => left <= threshold) ?? 0;
}

/**
 * The longest a provisional due date can lie past the calendar's old end: 15 review and 10
 * extension working days, with every holiday of January and March between, well inside 90 days.
 */
export const provisionalReach = 90;

/** The due dates to look at for provisional complaints once the calendar grew from `oldEnd`. */
export function recountDates(oldEnd: IsoDate, newEnd: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let i = 1; i <= provisionalReach; i++) {
    const date = addCalendarDays(oldEnd, i);
    if (date > newEnd) break;
    dates.push(date);
  }
  return dates;
}
