/** R22: warnings before the official calendar runs out, and where to look once it grew. */

import { describe, expect, it } from 'vitest';
import {
  calendarWarningDue,
  daysUntil,
  recountDates,
} from '../../../shared/domain/calendar-watch.js';

describe('R22: the calendar watch', () => {
  it('R22: no warning until 90 days before the end; then the threshold just reached, to the last day and after', () => {
    const end = '2027-12-31';
    expect(daysUntil('2027-10-02', end)).toBe(90);
    expect(calendarWarningDue('2027-10-01', end)).toBeUndefined();
    expect(calendarWarningDue('2027-10-02', end)).toBe(90);
    expect(calendarWarningDue('2027-11-01', end)).toBe(60);
    expect(calendarWarningDue('2027-12-01', end)).toBe(30);
    expect(calendarWarningDue('2027-12-30', end)).toBe(1);
    expect(calendarWarningDue('2027-12-31', end)).toBe(0);
    expect(calendarWarningDue('2028-01-05', end)).toBe(0);
  });

  it('R22: a grown calendar is searched from the day after the old end, 90 days, never past the new end', () => {
    const dates = recountDates('2027-12-31', '2028-12-31');
    expect(dates[0]).toBe('2028-01-01');
    expect(dates.at(-1)).toBe('2028-03-30');
    expect(dates).toHaveLength(90);
    expect(recountDates('2027-12-31', '2027-12-31')).toEqual([]);
  });
});
