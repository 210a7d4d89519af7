/**
 * The legal deadlines, as pure functions of dates and instants (R4, R5, R8, R9, R11).
 */

import { addWorkingDays, isWorkingDay } from '../calendar/index.js';
import { addCalendarDays, type IsoDate } from '../calendar/dates.js';
import { legalInstant, parseTimeOfDay, toLegalDateTime, type Instant } from '../time/legal-time.js';
import { bodyKindRules, defaultWorkingHoursEnd, type BodyKind } from './bodies.js';

/** R9: an extension notice is due within 3 working days of the extension. */
export const noticeWorkingDays = 3;

/**
 * R4: the registration date of a complaint received at `receivedAt` by a body whose working day ends
 * at `workingHoursEnd`: the legal date of receipt, or the next working day when it came on a day
 * off or at or after the end of the working day (Administrative Procedural Code, art. 64).
 */
export function registrationDateOf(
  receivedAt: Instant,
  workingHoursEnd: string = defaultWorkingHoursEnd,
): IsoDate {
  const end = parseTimeOfDay(workingHoursEnd);
  if (end === undefined) throw new RangeError(`Not a time of day (HH:MM): ${workingHoursEnd}`);
  const { date, minuteOfDay } = toLegalDateTime(receivedAt);
  return isWorkingDay(date) && minuteOfDay < end ? date : addWorkingDays(date, 1);
}

/** R5: the Nth working day after registration (N = 5, or 15 for the authorized body). */
export function dueDateOf(registrationDate: IsoDate, kind: BodyKind): IsoDate {
  return addWorkingDays(registrationDate, bodyKindRules[kind].reviewWorkingDays);
}

/** R5: a complaint is due by the end of its due date, so it is late from the next day's start. */
export function isPastDue(dueDate: IsoDate, now: Instant): boolean {
  return toLegalDateTime(now).date > dueDate;
}

/** R11: the officials' reminder, 09:00 on the working day before the due date. */
export function dueSoonAt(dueDate: IsoDate): Instant {
  return legalInstant(addWorkingDays(dueDate, -1), '09:00');
}

/** R11: the moment a complaint not yet decided becomes overdue: 00:00 after its due date. */
export function overdueAt(dueDate: IsoDate): Instant {
  return legalInstant(addCalendarDays(dueDate, 1), '00:00');
}

/** R9: the date by which a notice caused on `causedOn` must reach the applicant. */
export function noticeDueDateOf(causedOn: IsoDate): IsoDate {
  return addWorkingDays(causedOn, noticeWorkingDays);
}
