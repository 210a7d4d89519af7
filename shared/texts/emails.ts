/**
 * E-mails: to the applicant in the language of the complaint (R9, R10), and to officials in Kazakh
 * and Russian at once (R9, R11, R12). Plain functions from the facts to subject, text and HTML;
 * every value is escaped in the HTML.
 */

import { formatDayMonthYear } from '../calendar/dates.js';
import type { Alert, Complaint, Notice } from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { escapeHtml, noticeContent } from './notices.js';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function html(language: Language | 'kk ru', blocks: readonly (readonly string[])[]): string {
  const sections = blocks
    .map((paragraphs) => paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'))
    .join('\n<hr>\n');
  return `<!doctype html>
<html lang="${language === 'kk ru' ? 'kk' : language}">
<head><meta charset="utf-8"></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5">
${sections}
</body>
</html>
`;
}

/** The e-mail form of a notice to the applicant, in the applicant's language. */
export function applicantEmail(complaint: Complaint, notice: Notice): EmailContent {
  const content = noticeContent(complaint, notice);
  const paragraphs = [content.greeting, ...content.paragraphs, content.signature];
  return {
    subject: content.subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: html(content.language, [paragraphs]),
  };
}

const date = formatDayMonthYear;

function alertSentences(
  complaint: Complaint,
  alert: Alert,
  language: Language,
): { subject: string; paragraphs: string[] } {
  const number = complaint.registrationNumber;
  const body = complaint.addressee.name[language];
  const subjectId = alert.subjectId;
  const recommendedBody = complaint.recommendations.find((r) => r.id === subjectId)?.bodyId ?? '';
  const kk = language === 'kk';
  switch (alert.kind) {
    case 'due_soon':
      return kk
        ? {
            subject: `Қарау мерзімі аяқталуға жақын: № ${number}`,
            paragraphs: [
              `№ ${number} шағымды қарау мерзімі ${date(alert.about)} аяқталады: бір жұмыс күні қалды.`,
              `Мекенжай: ${body}.`,
            ],
          }
        : {
            subject: `Срок рассмотрения истекает: № ${number}`,
            paragraphs: [
              `Срок рассмотрения жалобы № ${number} истекает ${date(alert.about)}: остался один рабочий день.`,
              `Адресат: ${body}.`,
            ],
          };
    case 'overdue':
      return kk
        ? {
            subject: `Шағым мерзімінде қаралмады: № ${number}`,
            paragraphs: [
              `№ ${number} шағым белгіленген мерзімде, ${date(alert.about)} дейін, қаралмады.`,
              `Мекенжай: ${body}.`,
            ],
          }
        : {
            subject: `Жалоба не рассмотрена в срок: № ${number}`,
            paragraphs: [
              `Жалоба № ${number} не рассмотрена в установленный срок, до ${date(alert.about)}.`,
              `Адресат: ${body}.`,
            ],
          };
    case 'recommendation_unanswered':
      return kk
        ? {
            subject: `Ұсынымға жауап берілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша жіберілген ұсынымға (${recommendedBody}) ${date(alert.about)} дейін жауап берілмеді.`,
            ],
          }
        : {
            subject: `Нет ответа на рекомендацию: № ${number}`,
            paragraphs: [
              `На рекомендацию по жалобе № ${number} (${recommendedBody}) ответ не получен к ${date(alert.about)}.`,
            ],
          };
    case 'letter_not_dispatched':
      return kk
        ? {
            subject: `Хабарлама хат жіберілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша өтініш берушіге хабарлама хат ${date(alert.about)} дейін жіберілмеді.`,
              `Мекенжай: ${body}.`,
            ],
          }
        : {
            subject: `Письмо заявителю не отправлено: № ${number}`,
            paragraphs: [
              `Письмо-уведомление заявителю по жалобе № ${number} не отправлено до ${date(alert.about)}.`,
              `Адресат: ${body}.`,
            ],
          };
    case 'notice_failed':
      return kk
        ? {
            subject: `Өтініш берушіге хабарлама жеткізілмеді: № ${number}`,
            paragraphs: [
              `№ ${number} шағым бойынша өтініш берушіге электрондық хабарлама жеткізілмеді; оны басқа тәсілмен жіберу қажет.`,
            ],
          }
        : {
            subject: `Уведомление заявителю не доставлено: № ${number}`,
            paragraphs: [
              `Электронное уведомление заявителю по жалобе № ${number} не доставлено; его нужно направить иным способом.`,
            ],
          };
  }
}

/** An alert to officials, in Kazakh then Russian, with where to open the complaint. */
export function officialAlertEmail(complaint: Complaint, alert: Alert): EmailContent {
  const kk = alertSentences(complaint, alert, 'kk');
  const ru = alertSentences(complaint, alert, 'ru');
  const where = `GET /v1/complaints/${complaint.id}`;
  const kkParagraphs = [...kk.paragraphs, `Шағым: ${where}`];
  const ruParagraphs = [...ru.paragraphs, `Жалоба: ${where}`];
  return {
    subject: `${kk.subject} / ${ru.subject}`,
    text: `${kkParagraphs.join('\n\n')}\n\n---\n\n${ruParagraphs.join('\n\n')}\n`,
    html: html('kk ru', [kkParagraphs, ruParagraphs]),
  };
}
