/**
 * Kazakh and Russian through i18next (plurals by the language's own rules, interpolation). The
 * language is the one chosen here before (local storage), else the browser's first of kk/ru, else
 * Kazakh, the state language.
 */

import i18next from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { kk } from './kk.js';
import { ru } from './ru.js';
import { formatDayMonthYear } from '../../../shared/calendar/dates.js';
import { parseInstant, toLegalDateTime } from '../../../shared/time/legal-time.js';

export const languages = ['kk', 'ru'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'desk.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'kk' || value === 'ru';
}

export function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'kk';
}

export const i18n = i18next.createInstance();

/** Synchronous: the resources are bundled, so the first render already has its texts. */
export function startI18n(language: Language): void {
  void i18n.init({
    initAsync: false,
    lng: language,
    fallbackLng: false,
    resources: { kk: { translation: kk }, ru: { translation: ru } },
    interpolation: { escapeValue: false }, // Preact escapes what it renders
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface LanguageState {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({
  language: 'kk',
  t: (key) => key,
  setLanguage: () => undefined,
});

export function useI18n(): LanguageState {
  return useContext(LanguageContext);
}

/**
 * A date YYYY-MM-DD as the letters, coupons and e-mails print it (DD.MM.YYYY, both languages): one
 * form of a date across the desk and the notices.
 */
export function formatDate(date: string, _language: Language): string {
  return formatDayMonthYear(date);
}

/** An instant (ISO 8601 with offset) as a date and time in Kazakhstan's legal time (R4). */
export function formatInstant(instant: string, language: Language): string {
  const parsed = parseInstant(instant);
  if (parsed === undefined) return instant;
  const { date, minuteOfDay } = toLegalDateTime(parsed);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${formatDate(date, language)}, ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
