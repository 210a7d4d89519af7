/**
 * Each year's Kurban Ait and the transfers of days off by government decree (to 2023) or by order
 * of the Minister of Labour and Social Protection of the Population (since 2024, Labour Code
 * art. 85(3)), with the act each rests on. Adilet codes (P…, G…) identify the acts on adilet.zan.kz.
 *
 * Adding a decree published later is one line in its year's `transfers`. Adding a year is its entry
 * here, and its official working-day count in test/unit/calendar.test.ts.
 */

import type { YearDecrees } from './types.js';

/** Kurban Ait's date is announced each year by the Spiritual Administration of Muslims (ДУМК). */
const kurbanAit = (date: string, note = ''): YearDecrees['kurbanAit'] => ({
  date,
  source: `Spiritual Administration of Muslims of Kazakhstan, first day of Kurban Ait ${date.slice(0, 4)}, as published in the egov.kz holiday calendar${note}`,
});

export const decreesByYear: Readonly<Record<number, YearDecrees>> = {
  2019: {
    kurbanAit: kurbanAit('2019-08-11'),
    transfers: [
      {
        dayOff: '2019-05-10',
        workingDay: '2019-05-04',
        source:
          'Government decree No. 888 of 2018 on the transfer of days of rest in 2019 (P1800000888)',
      },
    ],
  },
  2020: {
    kurbanAit: kurbanAit('2020-07-31'),
    transfers: [
      // Sundays worked: the decree moved Sunday rest days, not Saturdays.
      { dayOff: '2020-01-03', workingDay: '2020-01-05', source: decree2020() },
      // The Monday carry-over of Victory Day (Saturday 9 May) moved to Friday 8 May.
      { dayOff: '2020-05-08', workingDay: '2020-05-11', source: decree2020() },
      { dayOff: '2020-12-18', workingDay: '2020-12-20', source: decree2020() },
    ],
  },
  2021: {
    kurbanAit: kurbanAit('2021-07-20'),
    transfers: [
      {
        dayOff: '2021-07-05',
        workingDay: '2021-07-03',
        source:
          'Government decree No. 930 of 2020 on the transfer of days of rest in 2021 (P2000000930)',
      },
    ],
  },
  2022: {
    kurbanAit: kurbanAit('2022-07-09'),
    transfers: [
      { dayOff: '2022-03-07', workingDay: '2022-03-05', source: decree2022() },
      { dayOff: '2022-08-29', workingDay: '2022-08-27', source: decree2022() },
      {
        dayOff: '2022-10-24',
        workingDay: '2022-10-22',
        source:
          'Government decree No. 796 of 2022 amending decree No. 713 (P2200000796), after Republic Day became a day off',
      },
    ],
  },
  2023: {
    kurbanAit: kurbanAit('2023-06-28'),
    transfers: [
      {
        dayOff: '2023-07-07',
        workingDay: '2023-07-01',
        source:
          'Government decree No. 326 of 25.04.2023 on the transfer of a day of rest in 2023 (P2300000326)',
      },
    ],
  },
  2024: {
    // ДУМК moved it to Sunday 16 June on 07.06.2024; Monday 17 June, announced as the day off, was worked.
    kurbanAit: kurbanAit('2024-06-16', '; moved to 16 June on 07.06.2024 (17 June a working day)'),
    transfers: [
      {
        dayOff: '2024-05-08',
        workingDay: '2024-05-04',
        source:
          'Order of the Minister of Labour and Social Protection of April 2024 on the transfer of a day of rest in 2024 (G24G0000109)',
      },
    ],
  },
  2025: {
    kurbanAit: kurbanAit('2025-06-06'),
    transfers: [
      {
        dayOff: '2025-01-03',
        workingDay: '2025-01-05',
        source:
          'Order of the Minister of Labour and Social Protection No. 436 of 2024 on the transfer of a day of rest in 2025 (G24G0000436)',
      },
    ],
  },
  2026: {
    kurbanAit: kurbanAit('2026-05-27'),
    // No transfer: 1–2 January fell on Thursday and Friday.
    transfers: [],
  },
  2027: {
    kurbanAit: {
      date: '2027-05-16',
      source:
        'Astronomical estimate of the first day of Kurban Ait 2027 (10 Dhu al-Hijjah 1448); not yet announced by the Spiritual Administration of Muslims',
    },
    transfers: [],
    provisional:
      'Kurban Ait 2027 is an estimate (Sunday 16 May) until the Spiritual Administration of Muslims announces it, and no Ministry of Labour order on transfers for 2027 is published yet',
  },
};

function decree2020(): string {
  return 'Government decree No. 820 of 2019 on the transfer of days of rest in 2020 (P1900000820)';
}

function decree2022(): string {
  return 'Government decree No. 713 of 06.10.2021 on the transfer of days of rest in 2022';
}
