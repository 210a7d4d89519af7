/**
 * The holidays that are days off by law (R3): the Law of the Republic of Kazakhstan "On holidays in
 * the Republic of Kazakhstan" of 13.12.2001 No. 267-II, as amended, and the two religious holidays
 * that are days off without carry-over. Each entry names the years it applies to, so the calendar of
 * any known year follows the law as it stood that year, and a provisional year (R22) the law as it
 * stands now. Two amendments fall inside 2019–2027:
 * - the law of 29.09.2022 "on cinematography, culture and holidays": Republic Day (25 October) a
 *   day off again; First President Day (1 December) and the second day of Independence Day
 *   (17 December) no longer days off, already in 2022;
 * - the Constitution adopted at the referendum of 15.03.2026 (in force 01.07.2026, art. 94(2)) and
 *   the amendment of the law that followed it: Constitution Day moves from 30 August to 15 March.
 *   The Ministry of Labour stated on 18.03.2026 that 30 August is no longer a day off from 2026
 *   (so Monday 31.08.2026 is no carry-over) and that 15 March is one from 2027. The same amendment
 *   (in force 01.07.2026) renames Republic Day (25 October) the Day of the Republic of Kazakhstan.
 */

import type { LawHoliday } from './types.js';

const holidaysLaw = 'Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267-II';
const law2022 = `${holidaysLaw}, as amended by the law of 29.09.2022 on cinematography, culture and holidays`;
const constitution2026 = `${holidaysLaw}, as amended after the Constitution adopted at the referendum of 15.03.2026 (art. 94(2)); Ministry of Labour and Social Protection, 18.03.2026`;
const rename2026 = `${holidaysLaw}, as amended by the law of 11.06.2026 No. 306-VIII (in force 01.07.2026) after the Constitution adopted at the referendum of 15.03.2026`;
const religiousHolidays =
  'Labour Code of 23.11.2015 No. 414-V: religious holidays that are days off, without carry-over (as published in the egov.kz holiday calendar)';

export const lawHolidays: readonly LawHoliday[] = [
  {
    key: 'new-year',
    name: { kk: 'Жаңа жыл', ru: 'Новый год' },
    days: ['01-01', '01-02'],
    carriedOver: true,
    fromYear: 2002,
    source: holidaysLaw,
  },
  {
    key: 'orthodox-christmas',
    name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество' },
    days: ['01-07'],
    // A religious holiday: a day off on its date only.
    carriedOver: false,
    fromYear: 2006,
    source: religiousHolidays,
  },
  {
    key: 'womens-day',
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день' },
    days: ['03-08'],
    carriedOver: true,
    fromYear: 2002,
    source: holidaysLaw,
  },
  {
    key: 'nauryz',
    name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' },
    days: ['03-21', '03-22', '03-23'],
    carriedOver: true,
    fromYear: 2010,
    source: holidaysLaw,
  },
  {
    key: 'unity-day',
    name: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана' },
    days: ['05-01'],
    carriedOver: true,
    fromYear: 2002,
    source: holidaysLaw,
  },
  {
    key: 'defender-day',
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества' },
    days: ['05-07'],
    carriedOver: true,
    fromYear: 2013,
    source: holidaysLaw,
  },
  {
    key: 'victory-day',
    name: { kk: 'Жеңіс күні', ru: 'День Победы' },
    days: ['05-09'],
    carriedOver: true,
    fromYear: 2002,
    source: holidaysLaw,
  },
  {
    key: 'capital-day',
    name: { kk: 'Астана күні', ru: 'День Столицы' },
    days: ['07-06'],
    carriedOver: true,
    fromYear: 2009,
    source: holidaysLaw,
  },
  {
    key: 'constitution-day-1995',
    name: {
      kk: 'Қазақстан Республикасының Конституциясы күні',
      ru: 'День Конституции Республики Казахстан',
    },
    days: ['08-30'],
    carriedOver: true,
    fromYear: 2002,
    // Not a day off from 2026 (Constitution of 15.03.2026; see above).
    untilYear: 2025,
    source: holidaysLaw,
  },
  {
    key: 'constitution-day-2026',
    name: {
      kk: 'Қазақстан Республикасының Конституциясы күні',
      ru: 'День Конституции Республики Казахстан',
    },
    days: ['03-15'],
    carriedOver: true,
    fromYear: 2027,
    source: constitution2026,
  },
  {
    key: 'republic-day',
    name: { kk: 'Республика күні', ru: 'День Республики' },
    days: ['10-25'],
    carriedOver: true,
    fromYear: 2022,
    // Renamed from 2026 (the amendment of 11.06.2026; see above).
    untilYear: 2025,
    source: law2022,
  },
  {
    key: 'republic-day-2026',
    name: { kk: 'Қазақстан Республикасы күні', ru: 'День Республики Казахстан' },
    days: ['10-25'],
    carriedOver: true,
    fromYear: 2026,
    source: rename2026,
  },
  {
    key: 'first-president-day',
    name: {
      kk: 'Қазақстан Республикасының Тұңғыш Президенті күні',
      ru: 'День Первого Президента Республики Казахстан',
    },
    days: ['12-01'],
    carriedOver: true,
    fromYear: 2012,
    // Not a day off from 2022 (law of 29.09.2022).
    untilYear: 2021,
    source: holidaysLaw,
  },
  {
    key: 'independence-day',
    name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' },
    days: ['12-16'],
    carriedOver: true,
    fromYear: 2002,
    source: holidaysLaw,
  },
  {
    key: 'independence-day-second',
    name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' },
    days: ['12-17'],
    carriedOver: true,
    fromYear: 2002,
    // Not a day off from 2022 (law of 29.09.2022).
    untilYear: 2021,
    source: holidaysLaw,
  },
];
