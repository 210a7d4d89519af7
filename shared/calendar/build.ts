/**
 * Turns the law's holidays and each year's decrees into the official calendar of each year (R3):
 * holidays, carry-overs of holidays that fall on a weekend, and transfers by decree, both ways.
 * Past the last year with decrees, provisional years follow from the law alone (R22).
 * Inconsistent data (a transfer onto a day already off, a Kurban Ait outside its year…) throws:
 * the calendar is built when the module loads (the provisional years on first use), so a bad data
 * line fails every test at once.
 */

import {
  civilFromEpochDay,
  epochDayOf,
  epochDayOfIso,
  formatDayMonthYear,
  isoFromEpochDay,
  isWeekendEpochDay,
  type IsoDate,
} from './dates.js';
import type { DayOff, LawHoliday, WorkingWeekend, YearCalendar, YearDecrees } from './types.js';

/** The rule that moves a holiday falling on a weekend; cited on every carry-over day. */
export const carryOverSource =
  'Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267-II, art. 5: when a holiday falls on a day off, the next working day after the holiday is a day off';

/** R22: what a year past the official calendar leaves out, in its `provisional` field. */
export function provisionalYearNote(year: number): string {
  return `The ${year} calendar is provisional: it is counted from the holidays fixed by law and weekends only, without Kurban Ait (its date is not yet announced) and without transfers of days off (no order for ${year} is published yet); due dates in it are recomputed when the official calendar is added`;
}

/** `YYYY-MM-DD` sorts as text; no localeCompare, whose first call loads ICU (several ms at cold start). */
const byDate = (a: { date: IsoDate }, b: { date: IsoDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

interface MutableYear {
  daysOff: Map<number, DayOff>;
  workingWeekends: Map<number, WorkingWeekend>;
  sources: Set<string>;
}

function holidayDate(year: number, monthDay: string): number {
  const [month, day] = monthDay.split('-').map(Number);
  // `MM-DD` exactly: the day's date string is built from it.
  if (month === undefined || day === undefined || monthDay.length !== 5) {
    throw new RangeError(`Bad month-day ${monthDay}`);
  }
  return epochDayOf({ year, month, day });
}

function inYear(holiday: LawHoliday, year: number): boolean {
  return year >= holiday.fromYear && (holiday.untilYear === undefined || year <= holiday.untilYear);
}

/**
 * The calendar of each year with decrees (official), then of each year after it up to and
 * including `provisionalThrough` (provisional, R22: law holidays and weekends alone).
 */
export function buildCalendars(
  law: readonly LawHoliday[],
  decreesByYear: Readonly<Record<number, YearDecrees>>,
  provisionalThrough?: number,
): ReadonlyMap<number, YearCalendar> {
  const officialYears = Object.keys(decreesByYear)
    .map(Number)
    .sort((a, b) => a - b);
  const firstYear = officialYears[0];
  const lastOfficialYear = officialYears.at(-1);
  if (firstYear === undefined || lastOfficialYear === undefined) {
    throw new RangeError('No calendar years');
  }
  officialYears.forEach((year, i) => {
    if (year !== firstYear + i) throw new RangeError(`Calendar years must be contiguous: ${year}`);
  });
  const lastYear = provisionalThrough ?? lastOfficialYear;
  if (!Number.isInteger(lastYear) || lastYear < lastOfficialYear) {
    throw new RangeError(`Provisional years must follow ${lastOfficialYear}: ${lastYear}`);
  }
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

  const byYear = new Map<number, MutableYear>(
    years.map((year) => [
      year,
      { daysOff: new Map(), workingWeekends: new Map(), sources: new Set() },
    ]),
  );
  // No date strings, and no conversion when the year is known: the provisional years (R22) make
  // these loops long.
  const yearOf = (epochDay: number, year = civilFromEpochDay(epochDay).year): MutableYear => {
    const entry = byYear.get(year);
    if (!entry) throw new RangeError(`${isoFromEpochDay(epochDay)} is outside the calendar years`);
    return entry;
  };
  const isOff = (epochDay: number): boolean => yearOf(epochDay).daysOff.has(epochDay);
  const addDayOff = (
    epochDay: number,
    dayOff: Omit<DayOff, 'date'>,
    known?: { year: number; date: IsoDate },
  ): void => {
    const target = yearOf(epochDay, known?.year);
    const existing = target.daysOff.get(epochDay);
    // Two holidays on one date stay one day off, under both names.
    target.daysOff.set(
      epochDay,
      existing
        ? {
            ...existing,
            name: {
              kk: `${existing.name.kk}; ${dayOff.name.kk}`,
              ru: `${existing.name.ru}; ${dayOff.name.ru}`,
            },
          }
        : { date: known?.date ?? isoFromEpochDay(epochDay), ...dayOff },
    );
    target.sources.add(dayOff.source);
  };

  // 1. Holidays by law, and Kurban Ait on its announced date (official years only: R22).
  const carriedOver: { epochDay: number; holiday: LawHoliday }[] = [];
  for (const year of years) {
    for (const holiday of law.filter((h) => inYear(h, year))) {
      for (const monthDay of holiday.days) {
        const epochDay = holidayDate(year, monthDay);
        addDayOff(
          epochDay,
          { name: holiday.name, cause: 'holiday', source: holiday.source },
          { year, date: `${String(year)}-${monthDay}` },
        );
        if (holiday.carriedOver && isWeekendEpochDay(epochDay)) {
          carriedOver.push({ epochDay, holiday });
        }
      }
    }
    // R22: a provisional year has the law's holidays alone; Kurban Ait's date is not known.
    if (year > lastOfficialYear) continue;
    const decrees = decreesByYear[year];
    if (!decrees) throw new RangeError(`No decrees for ${year}`);
    const kurbanAit = epochDayOfIso(decrees.kurbanAit.date);
    if (isoFromEpochDay(kurbanAit).slice(0, 4) !== String(year)) {
      throw new RangeError(`Kurban Ait ${decrees.kurbanAit.date} is not in ${year}`);
    }
    // Kurban Ait is a religious holiday: no carry-over when it falls on a weekend.
    addDayOff(kurbanAit, {
      name: { kk: 'Құрбан айт', ru: 'Курбан айт' },
      cause: 'holiday',
      source: decrees.kurbanAit.source,
    });
  }

  // 2. Carry-overs, in date order, so that one landing on another holiday (or on an earlier
  //    carry-over) moves on to the next free weekday: Nauryz 21–22 on a weekend → 24 and 25 March.
  carriedOver.sort((a, b) => a.epochDay - b.epochDay);
  for (const { epochDay, holiday } of carriedOver) {
    let target = epochDay + 1;
    while (isWeekendEpochDay(target) || isOff(target)) target += 1;
    addDayOff(target, {
      name: {
        kk: `${holiday.name.kk} (${formatDayMonthYear(isoFromEpochDay(epochDay))} күнінен ауыстырылған демалыс күні)`,
        ru: `${holiday.name.ru} (выходной день, перенесённый с ${formatDayMonthYear(isoFromEpochDay(epochDay))})`,
      },
      cause: 'carry_over',
      source: carryOverSource,
    });
  }

  // 3. Transfers by decree or order: a weekday off in exchange for a weekend day (or a carry-over
  //    day) worked. They come last: each decree is made knowing the year's carry-overs.
  const officialEnd = `${String(lastOfficialYear)}-12-31`;
  for (const year of officialYears) {
    for (const transfer of decreesByYear[year]?.transfers ?? []) {
      if (transfer.dayOff > officialEnd || transfer.workingDay > officialEnd) {
        throw new RangeError(`Transfer ${transfer.dayOff}: past the official calendar`);
      }
      applyTransfer(transfer, yearOf, addDayOff);
    }
  }

  return new Map(
    [...byYear].map(([year, entry]) => [
      year,
      {
        year,
        daysOff: [...entry.daysOff.values()].sort(byDate),
        workingWeekends: [...entry.workingWeekends.values()].sort(byDate),
        sources: [...entry.sources].sort(),
        provisional:
          year > lastOfficialYear
            ? provisionalYearNote(year)
            : (decreesByYear[year]?.provisional ?? null),
      },
    ]),
  );
}

function applyTransfer(
  transfer: { dayOff: IsoDate; workingDay: IsoDate; source: string },
  yearOf: (epochDay: number) => MutableYear,
  addDayOff: (epochDay: number, dayOff: Omit<DayOff, 'date'>) => void,
): void {
  const dayOff = epochDayOfIso(transfer.dayOff);
  const workingDay = epochDayOfIso(transfer.workingDay);
  if (isWeekendEpochDay(dayOff) || yearOf(dayOff).daysOff.has(dayOff)) {
    throw new RangeError(`Transfer to ${transfer.dayOff}: that day is already off`);
  }
  const worked = yearOf(workingDay);
  const carryOver = worked.daysOff.get(workingDay);
  if (isWeekendEpochDay(workingDay)) {
    if (worked.daysOff.has(workingDay) || worked.workingWeekends.has(workingDay)) {
      throw new RangeError(`Transfer from ${transfer.workingDay}: a holiday or already worked`);
    }
    worked.workingWeekends.set(workingDay, {
      date: transfer.workingDay,
      reason: {
        kk: `Жұмыс күні (демалыс күні ${formatDayMonthYear(transfer.dayOff)} күніне ауыстырылды)`,
        ru: `Рабочий день (выходной перенесён на ${formatDayMonthYear(transfer.dayOff)})`,
      },
      source: transfer.source,
    });
  } else if (carryOver?.cause === 'carry_over') {
    // The decree moves a carry-over day elsewhere (the carry-over day becomes an ordinary weekday).
    worked.daysOff.delete(workingDay);
  } else {
    throw new RangeError(`Transfer from ${transfer.workingDay}: not a weekend or carry-over day`);
  }
  worked.sources.add(transfer.source);
  addDayOff(dayOff, {
    name: {
      kk: `Демалыс күні (${formatDayMonthYear(transfer.workingDay)} күнінен ауыстырылды)`,
      ru: `Выходной день (перенесён с ${formatDayMonthYear(transfer.workingDay)})`,
    },
    cause: 'decree',
    source: transfer.source,
  });
}
