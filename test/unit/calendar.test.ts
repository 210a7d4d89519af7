import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildCalendars } from '../../shared/calendar/build.js';
import {
  addCalendarDays,
  daysInMonth,
  epochDayOfIso,
  formatIsoDate,
  isoFromEpochDay,
} from '../../shared/calendar/dates.js';
import {
  addWorkingDays,
  CalendarRangeError,
  firstKnownYear,
  isOfficialDate,
  isWorkingDay,
  lastKnownYear,
  nextWorkingDay,
  officialCalendarEnd,
  provisionalHorizonYear,
  workingDayOnOrAfter,
  workingDaysBetween,
  workingDaysInYear,
  yearCalendar,
} from '../../shared/calendar/index.js';
import { lawHolidays } from '../../shared/calendar/law.js';
import { decreesByYear } from '../../shared/calendar/years.js';

const allDaysOff = (): string[] =>
  Array.from({ length: lastKnownYear - firstKnownYear + 1 }, (_, i) =>
    yearCalendar(firstKnownYear + i).daysOff.map((d) => d.date),
  ).flat();

const knownDate = fc
  // Far enough from both ends that 25 working days either way stay inside the known years.
  .integer({ min: epochDayOfIso('2019-02-15'), max: epochDayOfIso('2027-10-31') })
  .map(isoFromEpochDay);

/** Dates of the provisional years, early enough that 25 working days stay before the horizon. */
const provisionalDate = fc
  .integer({ min: epochDayOfIso('2028-01-01'), max: epochDayOfIso('2099-10-31') })
  .map(isoFromEpochDay);

describe('R3, R22: the calendar is official for 2019–2027, provisional to 2099, and nothing else', () => {
  it('R3: the official calendar covers 2019 through 2027', () => {
    expect([firstKnownYear, lastKnownYear]).toEqual([2019, 2027]);
    expect(officialCalendarEnd).toBe('2027-12-31');
  });

  it('R22: provisional years continue the official ones through 2099', () => {
    expect(provisionalHorizonYear).toBe(2099);
    expect(yearCalendar(2099).provisional).toMatch(/^The 2099 calendar is provisional/);
    expect(isWorkingDay('2099-12-31')).toBe(true); // a Thursday
  });

  it('R3, R22: a date before 2019 or past the horizon is an error, never a guess', () => {
    expect(() => isWorkingDay('2018-12-31')).toThrow(CalendarRangeError);
    expect(() => isWorkingDay('2100-01-01')).toThrow(
      /outside the working-day calendar .*2019–2099: official through 2027, provisional after/,
    );
    expect(() => addWorkingDays('2099-12-28', 5)).toThrow(CalendarRangeError);
    expect(() => addWorkingDays('2019-01-03', -5)).toThrow(CalendarRangeError);
    expect(() => yearCalendar(2018)).toThrow(CalendarRangeError);
    expect(() => yearCalendar(2100)).toThrow(CalendarRangeError);
    expect(() => workingDaysInYear(2100)).toThrow(CalendarRangeError);
  });

  it('R22: isOfficialDate is true through 2027-12-31 and false from 2028-01-01', () => {
    expect(['2019-01-01', '2026-11-23', '2027-12-31'].map(isOfficialDate)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['2018-12-31', '2028-01-01', '2099-12-31'].map(isOfficialDate)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('refuses what is not a date', () => {
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '2026-1-05',
      '05.01.2026',
      '',
      '2026-01-05T00:00',
    ]) {
      expect(() => isWorkingDay(text)).toThrow(/Not a calendar date/);
    }
  });
});

describe('R3: weekends, holidays, carry-overs and decrees', () => {
  it('R3: Saturday and Sunday are off, Monday to Friday work, in an ordinary week', () => {
    expect(
      ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map(isWorkingDay),
    ).toEqual([true, true, true, true, true]);
    expect(['2026-11-28', '2026-11-29'].map(isWorkingDay)).toEqual([false, false]);
  });
});

/**
 * The official working-day count of the five-day week per year (the Ministry of Labour's production
 * calendar and balance of working time), and, where the law or a religious date changed after the
 * figure was published, the documented correction. The calendar must reproduce the result.
 */
const officialWorkingDays: Record<
  number,
  { published: number; source: string; corrections?: Record<string, number> }
> = {
  2019: { published: 246, source: 'egov.kz production calendar 2019: 119 days of rest' },
  2020: {
    published: 246,
    source:
      'Government decree No. 820 of 2019 and the 2020 production calendar: 120 days of rest of 366',
  },
  2021: { published: 245, source: 'Ministry of Labour production calendar 2021: 120 days of rest' },
  2022: {
    published: 245,
    source: 'Ministry of Labour production calendar 2022, before the law of 29.09.2022',
    corrections: {
      'Republic Day 25.10 a day off': -1,
      'no First President Day 01.12': 1,
      'no carry-over of 17.12 to 19.12': 1,
    },
  },
  2023: {
    published: 246,
    source:
      'computed: the Ministry’s 2023 balance was not readable; media reported 245, counting Saturday 07.01 as a weekday off',
  },
  2024: {
    published: 248,
    source: 'Ministry of Labour balance of working time 2024: 248 days, 1,984 hours',
    corrections: { 'Kurban Ait moved to Sunday 16.06 (17.06 worked)': 1 },
  },
  2025: {
    published: 246,
    source: 'Ministry of Labour production calendar 2025: 246 working days, 13 holidays',
  },
  2026: {
    published: 246,
    source: 'Ministry of Labour balance of working time 2026 (05.12.2025): 246 working days',
    corrections: { '30.08 no longer a holiday: no carry-over to 31.08': 1 },
  },
  2027: {
    published: 247,
    source:
      'provisional: no balance published yet; computed with Kurban Ait estimated on Sunday 16.05',
  },
};

/** Counted day by day, independently of the precomputed year totals. */
const workingDaysInMonth = (year: number, month: number): number =>
  Array.from({ length: daysInMonth(year, month) }, (_, i) =>
    formatIsoDate({ year, month, day: i + 1 }),
  ).filter(isWorkingDay).length;

describe('R3: each year matches the official calendar', () => {
  it.each(Object.entries(officialWorkingDays))(
    'R3: %s has the official number of working days',
    (year, official) => {
      const corrections = Object.values(official.corrections ?? {}).reduce((sum, n) => sum + n, 0);
      expect(workingDaysInYear(Number(year))).toBe(official.published + corrections);
    },
  );

  it('R3: 2024 month by month, as in the Ministry of Labour balance (June corrected for Kurban Ait)', () => {
    expect(Array.from({ length: 12 }, (_, i) => workingDaysInMonth(2024, i + 1))).toEqual([
      21,
      21,
      17,
      22,
      20,
      19 + 1,
      22,
      21,
      21,
      22,
      21,
      21,
    ]);
  });

  it('R3: months confirmed by published figures in 2025 and 2026', () => {
    expect([1, 3, 7, 10].map((m) => workingDaysInMonth(2025, m))).toEqual([20, 17, 22, 22]);
    expect([1, 3].map((m) => workingDaysInMonth(2026, m))).toEqual([19, 18]);
  });

  it('R3: carry-overs move to the next working day, past other holidays', () => {
    // Saturday 23.03.2019 → Monday 25.03; Sunday 01.12.2019 → Monday 02.12.
    expect(['2019-03-25', '2019-07-08', '2019-12-02'].map(isWorkingDay)).toEqual([
      false,
      false,
      false,
    ]);
    // Nauryz on Saturday and Sunday → Tuesday 24 and Wednesday 25 March (23rd is itself a holiday).
    expect(['2020-03-24', '2020-03-25', '2026-03-24', '2026-03-25'].map(isWorkingDay)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // Saturday 7 May 2022 → Tuesday 10 May, past Victory Day on Monday 9 May.
    expect(isWorkingDay('2022-05-10')).toBe(false);
    // Sunday 1 January 2023 → Tuesday 3 January, past 2 January.
    expect(isWorkingDay('2023-01-03')).toBe(false);
    expect(yearCalendar(2023).daysOff.find((d) => d.date === '2023-01-03')).toMatchObject({
      cause: 'carry_over',
      name: {
        kk: 'Жаңа жыл (01.01.2023 күнінен ауыстырылған демалыс күні)',
        ru: 'Новый год (выходной день, перенесённый с 01.01.2023)',
      },
    });
  });

  it('R3: no carry-over for Orthodox Christmas or Kurban Ait', () => {
    // Christmas on Saturday 07.01.2023 and Sunday 07.01.2024: the Mondays after are worked.
    expect(['2023-01-09', '2024-01-08'].map(isWorkingDay)).toEqual([true, true]);
    // Kurban Ait on Sunday 11.08.2019, Saturday 09.07.2022 and Sunday 16.06.2024.
    expect(['2019-08-12', '2022-07-11', '2024-06-17'].map(isWorkingDay)).toEqual([
      true,
      true,
      true,
    ]);
    // On a weekday it is a day off.
    expect(
      ['2020-07-31', '2021-07-20', '2023-06-28', '2025-06-06', '2026-05-27'].map(isWorkingDay),
    ).toEqual([false, false, false, false, false]);
  });

  it('R3: decree transfers both ways: a bridge day off and a weekend day worked', () => {
    expect(
      [
        '2019-05-10',
        '2021-07-05',
        '2022-03-07',
        '2022-10-24',
        '2023-07-07',
        '2024-05-08',
        '2025-01-03',
      ].map(isWorkingDay),
    ).toEqual([false, false, false, false, false, false, false]);
    // Saturdays worked, and Sundays (2020, 2025).
    expect(
      [
        '2019-05-04',
        '2020-01-05',
        '2020-12-20',
        '2021-07-03',
        '2022-08-27',
        '2023-07-01',
        '2024-05-04',
        '2025-01-05',
      ].map(isWorkingDay),
    ).toEqual([true, true, true, true, true, true, true, true]);
    const [worked2025, ...others] = yearCalendar(2025).workingWeekends;
    expect(others).toEqual([]);
    expect(worked2025).toMatchObject({
      date: '2025-01-05',
      reason: {
        kk: 'Жұмыс күні (демалыс күні 03.01.2025 күніне ауыстырылды)',
        ru: 'Рабочий день (выходной перенесён на 03.01.2025)',
      },
    });
    expect(worked2025?.source).toMatch(/No\. 436/);
    // The weekday off names the day it was moved from ("күнінен", not "бастап": "starting from").
    expect(yearCalendar(2025).daysOff.find((d) => d.date === '2025-01-03')).toMatchObject({
      cause: 'decree',
      name: {
        kk: 'Демалыс күні (05.01.2025 күнінен ауыстырылды)',
        ru: 'Выходной день (перенесён с 05.01.2025)',
      },
    });
    // 2020: the Monday carry-over of Victory Day became Friday 8 May by decree; Monday 11 May worked.
    expect([isWorkingDay('2020-05-08'), isWorkingDay('2020-05-11')]).toEqual([false, true]);
  });

  it('R3: the 2022 amendment: Republic Day off, First President Day and 17 December no longer', () => {
    expect(isWorkingDay('2021-12-01')).toBe(false);
    expect(isWorkingDay('2021-12-17')).toBe(false);
    expect(['2022-12-01', '2022-12-19'].map(isWorkingDay)).toEqual([true, true]);
    expect(isWorkingDay('2022-10-25')).toBe(false);
    expect(isWorkingDay('2021-10-25')).toBe(true);
  });

  it('R3: the 2026 Constitution: 30 August no longer a holiday from 2026, 15 March one from 2027', () => {
    expect(isWorkingDay('2025-09-01')).toBe(false); // carry-over of Saturday 30.08.2025
    expect(isWorkingDay('2026-08-31')).toBe(true); // Sunday 30.08.2026 is no longer a holiday
    expect(isWorkingDay('2026-03-16')).toBe(true); // Sunday 15.03.2026 was not yet one
    expect(isWorkingDay('2027-03-15')).toBe(false);
    expect(isWorkingDay('2027-08-30')).toBe(true);
  });

  it('R3: Republic Day is the Day of the Republic of Kazakhstan from 2026 (law of 11.06.2026)', () => {
    const name = (date: string) =>
      yearCalendar(Number(date.slice(0, 4))).daysOff.find((d) => d.date === date);
    expect(name('2025-10-25')).toMatchObject({
      name: { kk: 'Республика күні', ru: 'День Республики' },
      cause: 'holiday',
    });
    expect(name('2026-10-25')).toMatchObject({
      name: { kk: 'Қазақстан Республикасы күні', ru: 'День Республики Казахстан' },
      cause: 'holiday',
    });
    expect(name('2026-10-25')?.source).toMatch(/306-VIII/);
    // Sunday 25.10.2026: the carry-over to Monday 26.10 bears the new name.
    expect(name('2026-10-26')).toMatchObject({
      cause: 'carry_over',
      name: {
        kk: 'Қазақстан Республикасы күні (25.10.2026 күнінен ауыстырылған демалыс күні)',
        ru: 'День Республики Казахстан (выходной день, перенесённый с 25.10.2026)',
      },
    });
  });

  it('R3: the year’s days off carry names in Kazakh and Russian, and an unfinished year says so', () => {
    const year = yearCalendar(2026);
    const independenceDay = year.daysOff.find((d) => d.date === '2026-12-16');
    expect(independenceDay).toMatchObject({
      name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' },
      cause: 'holiday',
    });
    expect(independenceDay?.source).toMatch(/No\. 267-II/);
    expect(year.provisional).toBeNull();
    expect(yearCalendar(2027).provisional).toMatch(/Kurban Ait 2027 is an estimate/);
  });
});

describe('R5: working-day arithmetic', () => {
  it('R5: the Nth working day after a date, the date itself not counted', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-24', 5)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-30', 5)).toBe('2026-12-07');
    // From a day off, the first working day after it is the first counted.
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('R5: counting back, and the count between two dates', () => {
    expect(addWorkingDays('2026-11-30', -5)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-29', -1)).toBe('2026-11-27');
    expect(workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    expect(nextWorkingDay('2026-11-27')).toBe('2026-11-30');
    expect(workingDayOnOrAfter('2026-11-27')).toBe('2026-11-27');
    expect(workingDayOnOrAfter('2026-11-28')).toBe('2026-11-30');
  });

  it('R5 (property): the result is a working day, never a known day off, after the start', () => {
    const daysOff = new Set(allDaysOff());
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 25 }), (date, n) => {
        const due = addWorkingDays(date, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(daysOff.has(due)).toBe(false);
        expect(due > date).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('R5 (property): counting back from the result gives N, and so does the count between', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 25 }), (date, n) => {
        const due = addWorkingDays(date, n);
        expect(workingDaysBetween(date, due)).toBe(n);
        // Counting back N from the due date lands on the last working day on or before the start.
        const back = addWorkingDays(due, -n);
        expect(back <= date).toBe(true);
        expect(workingDaysBetween(back, date)).toBe(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('R5 (property): monotonic in the date and strictly in N', () => {
    fc.assert(
      fc.property(
        knownDate,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 24 }),
        (date, shift, n) => {
          const later = addCalendarDays(date, shift);
          expect(addWorkingDays(later, n) >= addWorkingDays(date, n)).toBe(true);
          expect(addWorkingDays(date, n + 1) > addWorkingDays(date, n)).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('R5 (property): agrees with walking the calendar one day at a time', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 25 }), (date, n) => {
        let day = date;
        for (let counted = 0; counted < n;) {
          day = addCalendarDays(day, 1);
          if (isWorkingDay(day)) counted += 1;
        }
        expect(addWorkingDays(date, n)).toBe(day);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('R22: past the official calendar, the law’s holidays and weekends alone', () => {
  it('R22: past the official calendar, working days count weekends and holidays by law alone (2028: 1 Jan, 2 Jan … carry-overs)', () => {
    // Saturday 1 and Sunday 2 January 2028 → Monday 3 and Tuesday 4; Christmas on Friday 7.
    expect(
      ['2028-01-03', '2028-01-04', '2028-01-05', '2028-01-06', '2028-01-07'].map(isWorkingDay),
    ).toEqual([false, false, true, true, false]);
    // Sunday 7 May (Defender of the Fatherland Day) → Monday 8 May; Victory Day Tuesday 9 May.
    expect(['2028-05-08', '2028-05-09', '2028-05-10'].map(isWorkingDay)).toEqual([
      false,
      false,
      true,
    ]);
    // Saturday 16 December → Monday 18 December.
    expect(['2028-12-18', '2028-12-19'].map(isWorkingDay)).toEqual([false, true]);
    expect(['2028-01-08', '2028-01-09'].map(isWorkingDay)).toEqual([false, false]);
  });

  it('R22: a due date across 2027-12-31 counts on into 2028, past 1–2 January, their carry-overs and the weekend', () => {
    // Tuesday 28.12.2027 + 5: 29, 30, 31 December, then Wednesday 5 and Thursday 6 January.
    expect(addWorkingDays('2027-12-28', 5)).toBe('2028-01-06');
    expect(addWorkingDays('2027-12-24', 10)).toBe('2028-01-12');
    expect(workingDaysBetween('2027-12-24', '2028-01-12')).toBe(10);
    expect(addWorkingDays('2028-01-06', -5)).toBe('2027-12-28');
    expect(nextWorkingDay('2027-12-31')).toBe('2028-01-05');
    expect(workingDayOnOrAfter('2028-01-01')).toBe('2028-01-05');
  });

  it('R22: yearCalendar(2028) is provisional: holidays by law in force, no Kurban Ait, no transfers', () => {
    const year = yearCalendar(2028);
    expect(year.provisional).toBe(
      'The 2028 calendar is provisional: it is counted from the holidays fixed by law and weekends only, without Kurban Ait (its date is not yet announced) and without transfers of days off (no order for 2028 is published yet); due dates in it are recomputed when the official calendar is added',
    );
    const daysOff = year.daysOff.map((d) => d.date);
    expect(daysOff).toEqual(
      expect.arrayContaining([
        '2028-03-08',
        '2028-03-15', // Constitution Day, by law from 2027
        '2028-03-21',
        '2028-03-22',
        '2028-03-23',
        '2028-05-01',
        '2028-07-06',
        '2028-10-25',
        '2028-12-16',
      ]),
    );
    expect(daysOff).not.toContain('2028-08-30'); // Wednesday: no longer Constitution Day
    expect(year.daysOff.find((d) => d.date === '2028-03-15')).toMatchObject({
      name: { ru: 'День Конституции Республики Казахстан' },
      cause: 'holiday',
    });
    expect(year.daysOff.some((d) => /Құрбан|Курбан/.test(d.name.ru + d.name.kk))).toBe(false);
    expect(year.daysOff.every((d) => d.cause !== 'decree')).toBe(true);
    expect(year.workingWeekends).toEqual([]);
    expect(yearCalendar(2027).provisional).toMatch(/Kurban Ait 2027 is an estimate/);
  });

  it('R22: workingDaysInYear answers a provisional year (2028: 260 weekdays, 14 of them off)', () => {
    // Weekdays off: 3, 4, 7 Jan; 8, 15, 21, 22, 23 Mar; 1, 8, 9 May; 6 Jul; 25 Oct; 18 Dec.
    expect(workingDaysInYear(2028)).toBe(260 - 14);
  });

  it('R22 (property): in provisional years, workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(provisionalDate, fc.integer({ min: 0, max: 25 }), (date, n) => {
        const due = addWorkingDays(date, n);
        expect(workingDaysBetween(date, due)).toBe(n);
        if (n > 0) expect(isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('R22: the first query past 2027 builds the provisional years, whichever function asks', async () => {
    const first: Record<
      string,
      (calendar: typeof import('../../shared/calendar/index.js')) => unknown
    > = {
      isWorkingDay: (c) => c.isWorkingDay('2028-01-04'),
      addWorkingDays: (c) => c.addWorkingDays('2027-12-28', 5),
      workingDaysBetween: (c) => c.workingDaysBetween('2027-12-31', '2028-01-06'),
      yearCalendar: (c) => c.yearCalendar(2028).provisional !== null,
      workingDaysInYear: (c) => c.workingDaysInYear(2028),
    };
    const expected = [false, '2028-01-06', 2, true, 246];
    const answers = [];
    for (const query of Object.values(first)) {
      vi.resetModules();
      answers.push(query(await import('../../shared/calendar/index.js')));
    }
    expect(answers).toEqual(expected);
  });

  it('R22: adding a year’s decrees makes it official; the years after it stay provisional', () => {
    const built = buildCalendars(
      lawHolidays,
      {
        ...decreesByYear,
        2028: { kurbanAit: { date: '2028-05-05', source: 'test' }, transfers: [] },
      },
      2030,
    );
    expect(built.get(2028)?.provisional).toBeNull();
    expect(built.get(2028)?.daysOff.map((d) => d.date)).toContain('2028-05-05');
    expect(built.get(2029)?.provisional).toMatch(/^The 2029 calendar is provisional/);
    expect(built.has(2031)).toBe(false);
    expect(() => buildCalendars(lawHolidays, decreesByYear, 2026)).toThrow(/must follow 2027/);
  });
});

describe('R3: the data is consistent and one line extends it', () => {
  it('every day off and worked weekend names its source', () => {
    for (let year = firstKnownYear; year <= provisionalHorizonYear; year++) {
      const calendar = yearCalendar(year);
      for (const entry of [...calendar.daysOff, ...calendar.workingWeekends]) {
        expect(entry.source.length).toBeGreaterThan(10);
        expect(entry.source).not.toMatch(/TODO/);
      }
      expect(calendar.sources.length).toBeGreaterThan(0);
    }
  });

  it('a new decree line moves a day off both ways, and bad lines are refused', () => {
    const withDecree = buildCalendars(lawHolidays, {
      ...decreesByYear,
      2027: {
        kurbanAit: decreesByYear[2027]?.kurbanAit ?? { date: '2027-05-16', source: 'test' },
        transfers: [
          ...(decreesByYear[2027]?.transfers ?? []),
          { dayOff: '2027-11-26', workingDay: '2027-11-20', source: 'Order No. 1 (test)' },
        ],
      },
    }).get(2027);
    expect(withDecree?.daysOff.find((d) => d.date === '2027-11-26')).toMatchObject({
      cause: 'decree',
      source: 'Order No. 1 (test)',
    });
    expect(withDecree?.workingWeekends.find((d) => d.date === '2027-11-20')).toMatchObject({
      source: 'Order No. 1 (test)',
    });
    const build = (dayOff: string, workingDay: string) => () =>
      buildCalendars(lawHolidays, {
        ...decreesByYear,
        2027: {
          kurbanAit: { date: '2027-05-16', source: 'x' },
          transfers: [{ dayOff, workingDay, source: 'x' }],
        },
      });
    expect(build('2027-11-27', '2027-11-20')).toThrow(/already off/); // a Saturday
    expect(build('2027-11-26', '2027-11-24')).toThrow(/not a weekend/); // a Wednesday
  });
});
