import type { LocalizedText } from '../localized.js';
import type { IsoDate } from './dates.js';

/** `MM-DD`: a date that recurs every year. */
export type MonthDay = `${number}-${number}`;

/**
 * A holiday that the Law "On holidays in the Republic of Kazakhstan" makes a day off (R3), for the
 * years in which the law as it then stood said so.
 */
export interface LawHoliday {
  readonly key: string;
  readonly name: LocalizedText;
  /** Every day of the holiday that is a day off (Nauryz has three). */
  readonly days: readonly MonthDay[];
  /** Whether a day of it that falls on Saturday or Sunday moves the day off to the next working day. */
  readonly carriedOver: boolean;
  readonly fromYear: number;
  /** The last year it is a day off; absent while it still is. */
  readonly untilYear?: number;
  readonly source: string;
}

/** A day off moved by government decree (until 2023) or Ministry of Labour order (since 2024). */
export interface DecreeTransfer {
  /** The weekday that becomes a day off. */
  readonly dayOff: IsoDate;
  /** The day off (a weekend day, or a carry-over day) that becomes a working day in exchange. */
  readonly workingDay: IsoDate;
  readonly source: string;
}

/** What changes from year to year and is not in the law's fixed dates. */
export interface YearDecrees {
  /** First day of Kurban Ait, a day off without carry-over (its date follows the lunar calendar). */
  readonly kurbanAit: { readonly date: IsoDate; readonly source: string };
  readonly transfers: readonly DecreeTransfer[];
  /** Set while part of the year rests on an estimate or an act not yet published: says which. */
  readonly provisional?: string;
}

export const dayOffCauses = ['holiday', 'carry_over', 'decree'] as const;
export type DayOffCause = (typeof dayOffCauses)[number];

export interface DayOff {
  readonly date: IsoDate;
  readonly name: LocalizedText;
  readonly cause: DayOffCause;
  readonly source: string;
}

export interface WorkingWeekend {
  readonly date: IsoDate;
  readonly reason: LocalizedText;
  readonly source: string;
}

/** One year of the official calendar: what `GET /v1/calendar/{year}` answers. */
export interface YearCalendar {
  readonly year: number;
  readonly daysOff: readonly DayOff[];
  readonly workingWeekends: readonly WorkingWeekend[];
  /** Every act the year's entries rest on, once each. */
  readonly sources: readonly string[];
  /** What is not yet official about this year, or null when all of it is. */
  readonly provisional: string | null;
}
