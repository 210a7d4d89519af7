/**
 * The small pieces every text is made of, in Kazakh and Russian: counts with their nouns, inclusive
 * dates, the time of receipt, greetings, the notice kinds in words.
 */

import { formatDayMonthYear, type IsoDate } from '../calendar/dates.js';
import type { Applicant, Complaint, NoticeKind } from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { recordedInstant, toLegalDateTime } from '../time/legal-time.js';

/** The three forms a Russian noun takes after a number: 1 день, 2 дня, 5 дней. */
export interface RussianForms {
  /** After 1, 21, 31, 101 …: «рабочий день». */
  readonly one: string;
  /** After 2–4, 22–24 …: «рабочих дня». */
  readonly few: string;
  /** After 0, 5–20, 25–30 …: «рабочих дней». */
  readonly many: string;
}

const russianPluralRules = new Intl.PluralRules('ru');

/**
 * The form of a Russian noun after `count` (nominative and accusative: «продлён на 21 рабочий
 * день»), by the CLDR rules for Russian. A fraction («1,5 дня») takes the `few` form.
 */
export function russianPlural(count: number, forms: RussianForms): string {
  switch (russianPluralRules.select(count)) {
    case 'one':
      return forms.one;
    case 'many':
      return forms.many;
    default:
      return forms.few;
  }
}

/** The count and its noun (nominative). Kazakh nouns take no plural after a numeral. */
function counted(count: number, language: Language, kk: string, ru: RussianForms): string {
  return `${String(count)} ${language === 'kk' ? kk : russianPlural(count, ru)}`;
}

/** «5 жұмыс күні» / «5 рабочих дней», «1 рабочий день», «2 рабочих дня». */
export function workingDaysText(count: number, language: Language): string {
  return counted(count, language, 'жұмыс күні', {
    one: 'рабочий день',
    few: 'рабочих дня',
    many: 'рабочих дней',
  });
}

/** «5 күн» / «5 дней», «1 день», «2 дня». */
export function calendarDaysText(count: number, language: Language): string {
  return counted(count, language, 'күн', { one: 'день', few: 'дня', many: 'дней' });
}

/** `DD.MM.YYYY`. */
export const dateText = formatDayMonthYear;

/**
 * A due date as the last day allowed, the day included: «не позднее 30.11.2026» /
 * «30.11.2026 кешіктірмей».
 */
export function notLaterThan(date: IsoDate, language: Language): string {
  return language === 'kk' ? `${dateText(date)} кешіктірмей` : `не позднее ${dateText(date)}`;
}

/** The legal date of a recorded instant (Asia/Almaty). */
export function legalDateOf(instant: string): IsoDate {
  return toLegalDateTime(recordedInstant(instant)).date;
}

/** R4, R20: the legal date and the time of day (`HH:MM`, Asia/Almaty) the complaint was received. */
export function receiptMoment(complaint: Pick<Complaint, 'receivedAt'>): {
  readonly date: IsoDate;
  readonly time: string;
} {
  const { date, minuteOfDay } = toLegalDateTime(recordedInstant(complaint.receivedAt));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { date, time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}` };
}

/**
 * The sex the IIN records in its 7th digit (1, 3, 5 a man; 2, 4, 6 a woman, by century of birth);
 * undefined for any other digit (0 is given to some foreign nationals).
 */
export function sexOfIin(iin: string): 'male' | 'female' | undefined {
  const digit = iin[6];
  if (digit === '1' || digit === '3' || digit === '5') return 'male';
  if (digit === '2' || digit === '4' || digit === '6') return 'female';
  return undefined;
}

/**
 * The first line of a notice to the applicant.
 *
 * A person: «Құрметті <name>!» in Kazakh (no grammatical gender); in Russian «Уважаемый» or
 * «Уважаемая» by the IIN's sex, else «Здравствуйте, <name>!» (never «Уважаемый(ая)»).
 *
 * An organisation (BIN): the heading of an official letter to an organisation, addressed to its
 * head in the dative, as Kazakh and Russian official correspondence does: «<name> басшысына» /
 * «Руководителю <name>» (e.g. «Руководителю ТОО «Альфа»»). It names no person, so it assumes no sex
 * and needs no «Уважаемый ...!» line.
 */
export function greetingOf(applicant: Applicant, language: Language): string {
  const name = applicant.name;
  if (applicant.type === 'legal_entity') {
    return language === 'kk' ? `${name} басшысына` : `Руководителю ${name}`;
  }
  if (language === 'kk') return `Құрметті ${name}!`;
  switch (sexOfIin(applicant.iin)) {
    case 'male':
      return `Уважаемый ${name}!`;
    case 'female':
      return `Уважаемая ${name}!`;
    default:
      return `Здравствуйте, ${name}!`;
  }
}

/** The closing line before the body's name. */
export const closingTexts: Readonly<Record<Language, string>> = {
  kk: 'Құрметпен,',
  ru: 'С уважением,',
};

/** What a notice is about, in words, after «по жалобе № …»: «уведомление <ru>», «<kk> хабарлама». */
export const noticeKindTexts: Readonly<Record<NoticeKind, Record<Language, string>>> = {
  registration: { kk: 'шағымның тіркелгені туралы', ru: 'о регистрации' },
  extension: {
    kk: 'шағымды қарау мерзімінің ұзартылғаны туралы',
    ru: 'о продлении срока рассмотрения',
  },
  decision: { kk: 'шағым бойынша қабылданған шешім туралы', ru: 'о принятом решении' },
  forwarding: {
    kk: 'шағымның құзыреті бойынша жіберілгені туралы',
    ru: 'о направлении по подведомственности',
  },
  withdrawal: { kk: 'шағымның кері қайтарып алынғаны туралы', ru: 'об отзыве' },
  return: {
    kk: 'шағымның қараусыз қайтарылғаны туралы',
    ru: 'о возврате без рассмотрения',
  },
  deemed_refusal: {
    kk: 'шағым бойынша шешімнің мерзімінде қабылданбағаны туралы',
    ru: 'о непринятии решения в срок',
  },
};

/** «уведомление о регистрации жалобы» / «шағымның тіркелгені туралы хабарлама». */
export function noticeKindPhrase(kind: NoticeKind, language: Language): string {
  const about = noticeKindTexts[kind][language];
  return language === 'kk' ? `${about} хабарлама` : `уведомление ${about}`;
}

/**
 * R22: the one sentence that says a due date was counted before the official working-day calendar
 * of its year was published, and may be specified later.
 */
export function provisionalDueDateText(dueDate: IsoDate, language: Language): string {
  const year = dueDate.slice(0, 4);
  return language === 'kk'
    ? `${dateText(dueDate)} күні алдын ала белгіленген: ол ${year} жылғы ресми өндірістік күнтізбе жарияланғанға дейін есептелді, сондықтан кейін нақтылануы мүмкін.`
    : `Дата ${dateText(dueDate)} предварительная: она рассчитана до опубликования официального производственного календаря на ${year} год и может быть уточнена.`;
}
