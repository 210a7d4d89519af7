/**
 * The API's validation messages (shared/validation, in English, the contract's language) in
 * Kazakh and Russian, for people: the web desk shows every field error, whether its own check or
 * the API's answer found it, through this one table, so the same fault reads the same way wherever
 * it was caught. A message not in the table is shown as the API wrote it.
 */

import type { ProblemSlug } from '../domain/errors.js';
import type { Language } from '../localized.js';

type Phrase = (match: RegExpExecArray) => string;

/** Most specific first: the first pattern that matches the whole message wins. */
const table: readonly (readonly [RegExp, Readonly<Record<Language, Phrase>>])[] = [
  [/^is required$/, { kk: () => 'міндетті өріс', ru: () => 'обязательное поле' }],
  [/^must not be empty$/, { kk: () => 'бос болмауы тиіс', ru: () => 'не может быть пустым' }],
  [
    /^must be at most (\d+) characters$/,
    {
      kk: (m) => `${m[1] ?? ''} таңбадан аспауы тиіс`,
      ru: (m) => `не более ${m[1] ?? ''} символов`,
    },
  ],
  [
    /^must be well-formed Unicode text$/,
    { kk: () => 'мәтінде қате таңбалар бар', ru: () => 'текст содержит недопустимые символы' },
  ],
  [
    /^must not contain control characters/,
    {
      kk: () => 'басқару таңбалары болмауы тиіс (табуляция мен жол ауыстырудан басқа)',
      ru: () => 'не должно содержать управляющих символов (кроме табуляции и переноса строки)',
    },
  ],
  [
    /^must be a valid IIN/,
    {
      kk: () => 'ЖСН дұрыс емес: 12 цифр, соңғысы бақылау цифры',
      ru: () => 'неверный ИИН: 12 цифр с правильной контрольной цифрой',
    },
  ],
  [
    /^must be a valid BIN/,
    {
      kk: () => 'БСН дұрыс емес: 12 цифр, соңғысы бақылау цифры',
      ru: () => 'неверный БИН: 12 цифр с правильной контрольной цифрой',
    },
  ],
  [/^must be an IIN of 12 digits$/, { kk: () => 'ЖСН — 12 цифр', ru: () => 'ИИН — 12 цифр' }],
  [/^must be a BIN of 12 digits$/, { kk: () => 'БСН — 12 цифр', ru: () => 'БИН — 12 цифр' }],
  [
    /^must be an e-mail address$/,
    {
      kk: () => 'электрондық пошта мекенжайы болуы тиіс',
      ru: () => 'должен быть адрес электронной почты',
    },
  ],
  [
    /^must be at most 254 characters$/,
    { kk: () => '254 таңбадан аспауы тиіс', ru: () => 'не более 254 символов' },
  ],
  [
    /^must be a Kazakhstan phone number/,
    {
      kk: () => 'Қазақстан телефон нөмірі: +7 және 10 цифр',
      ru: () => 'номер телефона Казахстана: +7 и 10 цифр',
    },
  ],
  [
    /^must be a phone number$/,
    { kk: () => 'телефон нөмірі болуы тиіс', ru: () => 'должен быть номер телефона' },
  ],
  [
    /^must be a (real calendar )?date/,
    {
      kk: () => 'нақты күн болуы тиіс (ЖЖЖЖ-АА-КК)',
      ru: () => 'должна быть действительная дата (ГГГГ-ММ-ДД)',
    },
  ],
  [
    /^must be a month/,
    { kk: () => 'ай болуы тиіс (ЖЖЖЖ-АА)', ru: () => 'должен быть месяц (ГГГГ-ММ)' },
  ],
  [
    /^must be on or before (\d{4})-(\d{2})-(\d{2})/,
    {
      kk: (m) =>
        `${m[3] ?? ''}.${m[2] ?? ''}.${m[1] ?? ''} кешіктірмей болуы тиіс: күнтізбе одан әрі есептелмейді`,
      ru: (m) =>
        `не позднее ${m[3] ?? ''}.${m[2] ?? ''}.${m[1] ?? ''}: календарь дальше не считается`,
    },
  ],
  [
    /^must be an instant/,
    {
      kk: () => 'уақыт белдеуі бар уақыт болуы тиіс, мысалы 2026-11-23T17:00:00+05:00',
      ru: () => 'должно быть время с часовым поясом, например 2026-11-23T17:00:00+05:00',
    },
  ],
  [/^must be one of: /, { kk: () => 'тізімнен таңдаңыз', ru: () => 'выберите из списка' }],
  [
    /^type must be individual/,
    { kk: () => 'өтініш берушінің түрін таңдаңыз', ru: () => 'выберите вид заявителя' },
  ],
  [
    /^must be a whole number of working days$/,
    { kk: () => 'жұмыс күндерінің бүтін саны болуы тиіс', ru: () => 'целое число рабочих дней' },
  ],
  [
    /^must be at least (\d+)$/,
    { kk: (m) => `кемінде ${m[1] ?? ''}`, ru: (m) => `не менее ${m[1] ?? ''}` },
  ],
  [
    /^must be at most 10 \(R8/,
    {
      kk: () => '10-нан аспауы тиіс: барлығы 10 жұмыс күнінен артық ұзартуға болмайды',
      ru: () => 'не более 10: всего можно продлить не более чем на 10 рабочих дней',
    },
  ],
  [
    /^must be at most (\d+)$/,
    { kk: (m) => `${m[1] ?? ''}-ден аспауы тиіс`, ru: (m) => `не более ${m[1] ?? ''}` },
  ],
  [/^must be an id/, { kk: () => 'тізімнен таңдаңыз', ru: () => 'выберите из списка' }],
  [/^must be a string$/, { kk: () => 'мәтін болуы тиіс', ru: () => 'должно быть текстом' }],
  [
    /^must be an object$/,
    { kk: () => 'өрістер тобы болуы тиіс', ru: () => 'должно быть группой полей' },
  ],
  [
    /^is not a cursor/,
    { kk: () => 'тізімнің жалғасы жарамсыз', ru: () => 'неверное продолжение списка' },
  ],
  [/^must be true or false$/, { kk: () => 'иә немесе жоқ', ru: () => 'да или нет' }],
  [/^is not a known field$/, { kk: () => 'белгісіз өріс', ru: () => 'неизвестное поле' }],
  [
    /^is required for an electronic complaint$/,
    { kk: () => 'электрондық шағым үшін міндетті', ru: () => 'обязательно для электронной жалобы' },
  ],
  [
    /^is required for a paper complaint/,
    { kk: () => 'қағаз шағым үшін міндетті', ru: () => 'обязательно для бумажной жалобы' },
  ],
  [
    /^is for a paper complaint only/,
    { kk: () => 'тек қағаз шағым үшін', ru: () => 'только для бумажной жалобы' },
  ],
  [
    /^is required for the ground "repeated"/,
    {
      kk: () => '«қайталама» негіздемесі үшін міндетті: ол қайталайтын шешілген шағым',
      ru: () => 'обязательно для основания «повторная»: решённая жалоба, которую она повторяет',
    },
  ],
  [
    /^is only for the ground "repeated"$/,
    { kk: () => '«қайталама» негіздемесі үшін ғана', ru: () => 'только для основания «повторная»' },
  ],
  [
    /^is required when violationFound is true/,
    {
      kk: () => 'бұзушылық анықталса, міндетті: бұзушылыққа жол берген орган',
      ru: () => 'обязательно, если нарушение установлено: орган, допустивший нарушение',
    },
  ],
  [
    /^is not a body of the directory/,
    { kk: () => 'анықтамалықтағы органды таңдаңыз', ru: () => 'выберите орган из справочника' },
  ],
];

/** A field's message in the reader's language; as the API wrote it when the table lacks it. */
export function localizeFieldMessage(message: string, language: Language): string {
  for (const [pattern, phrases] of table) {
    const match = pattern.exec(message);
    if (match) return phrases[language](match);
  }
  return message;
}

/** What each problem of the API means, by its slug (docs/api.md, errors). */
const problemTitles: Readonly<Record<ProblemSlug, Readonly<Record<Language, string>>>> = {
  'validation-failed': { kk: 'Белгіленген өрістерді түзетіңіз', ru: 'Исправьте отмеченные поля' },
  unauthorized: { kk: 'Кіру қажет немесе кілт жарамсыз', ru: 'Нужен вход или ключ не подходит' },
  'not-found': { kk: 'Табылмады', ru: 'Не найдено' },
  'invalid-state': {
    kk: 'Шағымның қазіргі күйінде бұл әрекет мүмкін емес',
    ru: 'В текущем состоянии жалобы это действие невозможно',
  },
  'version-conflict': {
    kk: 'Шағым осы арада өзгерді: бетті жаңартып, қайталаңыз',
    ru: 'Жалоба тем временем изменилась: обновите страницу и повторите',
  },
  'extension-not-allowed': {
    kk: 'Бұл шағым бойынша мерзімді ұзартуға болмайды',
    ru: 'Срок по этой жалобе продлить нельзя',
  },
  'extension-limit-exceeded': {
    kk: 'Барлығы 10 жұмыс күнінен артық ұзартуға болмайды',
    ru: 'Всего можно продлить не более чем на 10 рабочих дней',
  },
  'idempotency-conflict': {
    kk: 'Бұл сұрау басқа деректермен жіберілген',
    ru: 'Этот запрос уже отправлялся с другими данными',
  },
  'payload-too-large': { kk: 'Сұрау тым үлкен', ru: 'Слишком большой запрос' },
  'rate-limited': { kk: 'Сұраулар тым көп: сәл күтіңіз', ru: 'Слишком много запросов: подождите' },
  forbidden: { kk: 'Бұл әрекетке құқығыңыз жоқ', ru: 'Нет прав на это действие' },
  'method-not-allowed': { kk: 'Бұл әрекет мүмкін емес', ru: 'Это действие невозможно' },
  'unsupported-media-type': { kk: 'Сұрау пішімі қате', ru: 'Неверный формат запроса' },
  internal: {
    kk: 'Сервердегі қате: кейінірек қайталаңыз',
    ru: 'Ошибка на сервере: повторите позже',
  },
};

export function localizeProblemTitle(slug: string, language: Language): string | undefined {
  return slug in problemTitles ? problemTitles[slug as ProblemSlug][language] : undefined;
}
