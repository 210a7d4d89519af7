/**
 * E-mails: to the applicant in the language of the complaint (R9, R10, R16–R21), and to officials
 * in Kazakh then Russian at once (R9, R11, R12, R16, R22, R24). Plain functions from the facts to
 * subject, text and HTML; every value is escaped in the HTML. Bodies are named, never identified by
 * id; a complaint is found by its registration number, never by an API path.
 */

import type { IsoDate } from '../calendar/dates.js';
import type { Alert, Complaint, Notice } from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { nameOfBody, type TextContext } from './context.js';
import { escapeHtml, htmlParagraph, noticeContent } from './notices.js';
import {
  calendarDaysText,
  closingTexts,
  dateText as date,
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

function html(
  language: Language | 'kk ru',
  subject: string,
  blocks: readonly (readonly string[])[],
): string {
  const sections = blocks
    .map((paragraphs) => paragraphs.map(htmlParagraph).join('\n'))
    .join('\n<hr>\n');
  return `<!doctype html>
<html lang="${language === 'kk ru' ? 'kk' : language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5">
${sections}
</body>
</html>
`;
}

/** The e-mail form of a notice to the applicant, in the applicant's language. */
export function applicantEmail(
  complaint: Complaint,
  notice: Notice,
  context: TextContext,
): EmailContent {
  const content = noticeContent(complaint, notice, context);
  const closing = `${closingTexts[content.language]}\n${content.signature}`;
  const paragraphs = [content.greeting, ...content.paragraphs, closing];
  return {
    subject: content.subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: html(content.language, content.subject, [paragraphs]),
  };
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
