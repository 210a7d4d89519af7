/**
 * E-mails: to the applicant in the language of the complaint (R9, R10, R16–R21), and to officials
 * in Kazakh then Russian at once (R9, R11, R12, R16, R22, R24). Plain functions from the facts to
 * subject, text and HTML; every value is escaped in the HTML. Bodies are named, never identified by
 * id; a complaint is found by its registration number, never by an API path. The one address an
 * e-mail gives is the applicant's private follow-up link to the web desk (the receipt, and a link
 * asked for): it is given to these functions, never made or kept by them.
 */

import type { IsoDate } from '../calendar/dates.js';
import type { AccessLink, Alert, Complaint, Notice } from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { nameOfBody, type TextContext } from './context.js';
import { escapeHtml, htmlParagraph, noticeContent, type NoticeContent } from './notices.js';
import {
  calendarDaysText,
  closingTexts,
  dateText as date,
  greetingOf,
  legalDateOf,
  noticeKindPhrase,
  notLaterThan,
  russianPlural,
} from './wording.js';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A paragraph that ends with an address: the address on a line of its own, a link in HTML. */
interface LinkParagraph {
  readonly lead: string;
  readonly href: string;
}

type Paragraph = string | LinkParagraph;

const textOf = (paragraph: Paragraph): string =>
  typeof paragraph === 'string' ? paragraph : `${paragraph.lead}\n${paragraph.href}`;

const htmlOf = (paragraph: Paragraph): string =>
  typeof paragraph === 'string'
    ? htmlParagraph(paragraph)
    : `<p>${escapeHtml(paragraph.lead)}<br><a href="${escapeHtml(paragraph.href)}">${escapeHtml(paragraph.href)}</a></p>`;

function html(
  language: Language | 'kk ru',
  subject: string,
  blocks: readonly (readonly Paragraph[])[],
): string {
  const sections = blocks.map((paragraphs) => paragraphs.map(htmlOf).join('\n')).join('\n<hr>\n');
  return `<!doctype html>
<html lang="${language === 'kk ru' ? 'kk' : language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5">
${sections}
</body>
</html>
`;
}

/** An e-mail to the applicant: the greeting, the paragraphs, the closing and the signature. */
function toApplicant(
  letter: Pick<NoticeContent, 'language' | 'greeting' | 'signature'>,
  subject: string,
  body: readonly Paragraph[],
): EmailContent {
  const { language } = letter;
  const closing = `${closingTexts[language]}\n${letter.signature}`;
  const paragraphs = [letter.greeting, ...body, closing];
  return {
    subject,
    text: `${paragraphs.map(textOf).join('\n\n')}\n`,
    html: html(language, subject, [paragraphs]),
  };
}

/**
 * The applicant's private follow-up link, and what to know about it: it opens the complaint without
 * a password, so it is not to be passed on; a new one can be asked for.
 */
function followUpParagraphs(link: string, language: Language): Paragraph[] {
  return language === 'kk'
    ? [
        { lead: 'Шағымның қаралу барысын жеке сілтемеңіз арқылы қадағалай аласыз:', href: link },
        'Сілтеме шағымды құпиясөзсіз ашады: оны басқаларға жібермеңіз және жарияламаңыз. Жаңа сілтемені сайтта шағымның нөмірі мен электрондық пошта мекенжайыңызды көрсетіп сұратуға болады.',
      ]
    : [
        { lead: 'Следить за рассмотрением жалобы можно по Вашей личной ссылке:', href: link },
        'Ссылка открывает жалобу без пароля: не пересылайте и не публикуйте её. Новую ссылку можно запросить на сайте, указав номер жалобы и адрес электронной почты.',
      ];
}

/**
 * The e-mail form of a notice to the applicant, in the applicant's language. The receipt carries
 * the follow-up link when one is given (`followUpLink`: made by the sender, with a new token).
 */
export function applicantEmail(
  complaint: Complaint,
  notice: Notice,
  context: TextContext,
  followUpLink?: string,
): EmailContent {
  const content = noticeContent(complaint, notice, context);
  const link = followUpLink === undefined ? [] : followUpParagraphs(followUpLink, content.language);
  return toApplicant(content, content.subject, [...content.paragraphs, ...link]);
}

/**
 * A follow-up link asked for (`POST /v1/access-links`), in the complaint's language: the link to the
 * complaint, that earlier links still work, and that nothing needs doing if the applicant did not
 * ask (the link went to their address only).
 */
export function accessLinkEmail(
  complaint: Complaint,
  link: AccessLink,
  followUpLink: string,
): EmailContent {
  const number = complaint.registrationNumber;
  const on = date(complaint.registrationDate);
  // As the notices are: greeted by name (an organisation's head), signed by the addressee.
  const letter = (language: Language) => ({
    language,
    greeting: greetingOf(complaint.applicant, language),
    signature: complaint.addressee.name[language],
  });
  return link.language === 'kk'
    ? toApplicant(letter('kk'), `Шағымыңызға сілтеме: № ${number}`, [
        `Сұрауыңыз бойынша ${on} тіркелген № ${number} шағымыңызға жаңа жеке сілтеме жібереміз.`,
        ...followUpParagraphs(followUpLink, 'kk'),
        'Бұрын алынған сілтемелер де жарамды болып қала береді.',
        'Егер сілтемені Сіз сұрамаған болсаңыз, ештеңе істеудің қажеті жоқ: хат тек Сіздің мекенжайыңызға жіберілді, сілтемені Сізден басқа ешкім білмейді.',
      ])
    : toApplicant(letter('ru'), `Ссылка на Вашу жалобу: № ${number}`, [
        `По Вашему запросу направляем новую личную ссылку на Вашу жалобу № ${number}, зарегистрированную ${on}.`,
        ...followUpParagraphs(followUpLink, 'ru'),
        'Ранее полученные ссылки продолжают действовать.',
        'Если ссылку запрашивали не Вы, ничего делать не нужно: письмо отправлено только на Ваш адрес, и ссылку не знает никто, кроме Вас.',
      ]);
}

interface Sentences {
  readonly subject: string;
  readonly paragraphs: readonly string[];
}

/** Officials are addressed as colleagues: the e-mail goes to a body's shared address. */
const colleagues: Readonly<Record<Language, string>> = {
  kk: 'Құрметті әріптестер!',
  ru: 'Уважаемые коллеги!',
};

function noticeOf(complaint: Complaint, alert: Alert): Notice {
  const notice = complaint.notices.find((n) => n.id === alert.subjectId);
  if (!notice) throw new RangeError(`Alert ${alert.id} names no notice of ${complaint.id}`);
  return notice;
}

function alertSentences(
  complaint: Complaint,
  alert: Alert,
  context: TextContext,
  language: Language,
): Sentences {
  const number = complaint.registrationNumber;
  const kk = language === 'kk';
  const about = notLaterThan(alert.about, language);
  switch (alert.kind) {
    case 'due_soon':
      return kk
        ? {
            subject: `Қарау мерзімі аяқталуға жақын: № ${number}`,
            paragraphs: [
              `№ ${number} шағымды қарау мерзімі ${date(alert.about)} аяқталады: ол бойынша шешім осы күннен кешіктірілмей қабылдануы тиіс.`,
            ],
          }
        : {
            subject: `Срок рассмотрения истекает: № ${number}`,
            paragraphs: [
              `Срок рассмотрения жалобы № ${number} истекает ${date(alert.about)}: решение по ней должно быть принято не позднее этого дня.`,
            ],
          };
    case 'overdue':
      // R11, R19: the applicant is told at the same time that the silence counts as a refusal.
      return kk
        ? {
            subject: `Шағым мерзімінде қаралмады: № ${number}`,
            paragraphs: [
              `№ ${number} шағым белгіленген мерзімде (${about}) қаралмады.`,
              'Өтініш берушіге белгіленген мерзімде шешімнің қабылданбауы шағымды қанағаттандырудан бас тарту болып саналатыны туралы хабарлама жіберілді.',
            ],
          }
        : {
            subject: `Жалоба не рассмотрена в срок: № ${number}`,
            paragraphs: [
              `Жалоба № ${number} не рассмотрена в установленный срок (${about}).`,
              'Заявителю направлено уведомление о том, что непринятие решения в установленный срок считается отказом в удовлетворении жалобы.',
            ],
          };
    case 'recommendation_unanswered': {
      const recommendation = complaint.recommendations.find((r) => r.id === alert.subjectId);
      if (!recommendation) {
        throw new RangeError(`Alert ${alert.id} names no recommendation of ${complaint.id}`);
      }
      const body = nameOfBody(recommendation.bodyId, complaint, context)[language];
      return kk
        ? {
            subject: `Ұсынымға жауап берілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша жіберілген ұсынымға белгіленген мерзімде (${about}) жауап берілмеді.`,
              `Ұсыным жіберілген орган: ${body}.`,
            ],
          }
        : {
            subject: `Нет ответа на рекомендацию: № ${number}`,
            paragraphs: [
              `Ответ на рекомендацию по жалобе № ${number} не получен в установленный срок (${about}).`,
              `Орган, которому направлена рекомендация: ${body}.`,
            ],
          };
    }
    case 'letter_not_dispatched': {
      const what = noticeKindPhrase(noticeOf(complaint, alert).kind, language);
      return kk
        ? {
            subject: `Хабарлама хат жіберілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша өтініш берушіге хат түріндегі ${what} белгіленген мерзімде (${about}) жіберілмеді.`,
              'Хатты жіберіп, жүйеде оның жіберілген күні мен тәсілін белгілеңіз.',
            ],
          }
        : {
            subject: `Письмо заявителю не отправлено: № ${number}`,
            paragraphs: [
              `По жалобе № ${number} письменное ${what} не отправлено заявителю в установленный срок (${about}).`,
              'Отправьте письмо и отметьте в системе дату и способ отправки.',
            ],
          };
    }
    case 'notice_failed': {
      // R24: the e-mail will not arrive; the addressee owes the notice by other means.
      const what = noticeKindPhrase(noticeOf(complaint, alert).kind, language);
      return kk
        ? {
            subject: `Өтініш берушіге хабарлама жеткізілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша өтініш берушіге электрондық пошта арқылы жіберілген ${what} жеткізілмеді.`,
              'Шағымның адресаты оны басқа тәсілмен – поштамен, курьер арқылы немесе қолма-қол – жеткізіп, жүйеде жеткізілгенін белгілеуі тиіс.',
              `Хабарлама ${about} жеткізілуі тиіс.`,
            ],
          }
        : {
            subject: `Уведомление заявителю не доставлено: № ${number}`,
            paragraphs: [
              `По жалобе № ${number} не удалось доставить заявителю электронное ${what}.`,
              'Адресат жалобы должен доставить его иным способом — почтой, курьером или лично — и отметить доставку в системе.',
              `Уведомление должно быть доставлено ${about}.`,
            ],
          };
    }
    case 'forwarded_late': {
      // R16 (APPC art. 65): forwarded after its 3 working days; the alert's date is their last day.
      const forwarding = complaint.forwarding;
      if (!forwarding) throw new RangeError(`Complaint ${complaint.id} was not forwarded`);
      const to = nameOfBody(forwarding.toBodyId, complaint, context)[language];
      const on = date(legalDateOf(forwarding.forwardedAt));
      const there = forwarding.toRegistrationNumber;
      return kk
        ? {
            subject: `Шағым құзыреті бойынша кешігіп жіберілді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым құзыреті бойынша ${on}, яғни заңда белгіленген үш жұмыс күні мерзімі (${date(alert.about)} аяқталған) өткеннен кейін жіберілді.`,
              `Шағым жіберілген орган: ${to}; ондағы тіркеу нөмірі № ${there}.`,
            ],
          }
        : {
            subject: `Жалоба направлена по подведомственности с опозданием: № ${number}`,
            paragraphs: [
              `Жалоба № ${number} направлена по подведомственности ${on}, то есть после истечения установленного законом срока в три рабочих дня, который закончился ${date(alert.about)}.`,
              `Орган, в который направлена жалоба: ${to}; там она зарегистрирована под № ${there}.`,
            ],
          };
    }
  }
}

/** Which complaint, and where to find it: by its number, in words (no API path). */
function whereToFind(complaint: Complaint, language: Language): readonly string[] {
  const number = complaint.registrationNumber;
  return language === 'kk'
    ? [
        `Адресат: ${complaint.addressee.name.kk}.`,
        `№ ${number} шағымды шағымдарды қарау жүйесінде ашыңыз: оны осы нөмір бойынша табуға болады.`,
      ]
    : [
        `Адресат: ${complaint.addressee.name.ru}.`,
        `Откройте жалобу № ${number} в системе рассмотрения жалоб: её можно найти по этому номеру.`,
      ];
}

function bilingual(kk: Sentences, ru: Sentences): EmailContent {
  const kkParagraphs = [colleagues.kk, ...kk.paragraphs];
  const ruParagraphs = [colleagues.ru, ...ru.paragraphs];
  const subject = `${kk.subject} / ${ru.subject}`;
  return {
    subject,
    text: `${kkParagraphs.join('\n\n')}\n\n---\n\n${ruParagraphs.join('\n\n')}\n`,
    html: html('kk ru', subject, [kkParagraphs, ruParagraphs]),
  };
}

/** An alert to officials, in Kazakh then Russian: the facts, the addressee, how to find the complaint. */
export function officialAlertEmail(
  complaint: Complaint,
  alert: Alert,
  context: TextContext,
): EmailContent {
  const sentences = (language: Language): Sentences => {
    const facts = alertSentences(complaint, alert, context, language);
    return {
      subject: facts.subject,
      paragraphs: [...facts.paragraphs, ...whereToFind(complaint, language)],
    };
  };
  return bilingual(sentences('kk'), sentences('ru'));
}

/**
 * R22: to the authorized body's officials, Kazakh then Russian: the official working-day calendar
 * the system knows is running out; past its end due dates are provisional until the next year's
 * calendar is added.
 */
export function calendarWarningEmail(facts: {
  readonly officialCalendarEnd: IsoDate;
  readonly daysLeft: number;
}): EmailContent {
  const { officialCalendarEnd, daysLeft } = facts;
  const end = date(officialCalendarEnd);
  const nextYear = String(Number(officialCalendarEnd.slice(0, 4)) + 1);
  const left: Record<Language, string> =
    daysLeft > 0
      ? {
          kk: `${calendarDaysText(daysLeft, 'kk')} қалды`,
          ru: `${russianPlural(daysLeft, { one: 'остался', few: 'осталось', many: 'осталось' })} ${calendarDaysText(daysLeft, 'ru')}`,
        }
      : daysLeft === 0
        ? { kk: 'бұл – бүгін', ru: 'это сегодня' }
        : { kk: 'бұл күн өтіп кетті', ru: 'эта дата уже прошла' };
  return bilingual(
    {
      subject: `Өндірістік күнтізбе ${end} аяқталады: ${nextYear} жылғы күнтізбені енгізу қажет`,
      paragraphs: [
        `Жүйеге белгілі ресми өндірістік күнтізбе (жұмыс және демалыс күндері) ${end} аяқталады: ${left.kk}.`,
        'Осы күннен кейінгі мерзімдер тек заңда белгіленген демалыс және мереке күндері бойынша есептеледі және алдын ала деп белгіленеді.',
        `Жүйеге ${nextYear} жылғы күнтізбені енгізу қажет: онда Еңбек және халықты әлеуметтік қорғау министрінің бұйрығымен демалыс күндерінің ауыстырылуы және Құрбан айт күні көрсетіледі.`,
      ],
    },
    {
      subject: `Производственный календарь заканчивается ${end}: нужно внести календарь на ${nextYear} год`,
      paragraphs: [
        `Официальный производственный календарь (рабочие и выходные дни), известный системе, заканчивается ${end}: ${left.ru}.`,
        'Сроки, приходящиеся на дни после этой даты, рассчитываются только по выходным и праздничным дням, установленным законом, и отмечаются как предварительные.',
        `В систему необходимо внести календарь на ${nextYear} год: переносы выходных дней по приказу Министра труда и социальной защиты населения и дату Курбан айта.`,
      ],
    },
  );
}
