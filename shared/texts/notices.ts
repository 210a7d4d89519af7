/**
 * What each notice to the applicant says (R9, R10), in Kazakh and Russian: the facts as plain
 * sentences, rendered as a printable letter here and as e-mail by the notice function. Every value
 * from a complaint is escaped when it becomes HTML; dates read DD.MM.YYYY.
 */

import { formatDayMonthYear } from '../calendar/dates.js';
import type { Complaint, DecisionOutcome, ExtensionReason, Notice } from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { legalDate, recordedInstant } from '../time/legal-time.js';

export interface NoticeContent {
  readonly language: Language;
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly signature: string;
}

export const extensionReasonTexts: Readonly<Record<ExtensionReason, Record<Language, string>>> = {
  additional_study: {
    kk: 'шағымды қосымша зерделеу немесе тексеру жүргізу',
    ru: 'проведение дополнительного изучения или проверки жалобы',
  },
  site_inspection: {
    kk: 'жергілікті жерге бара отырып тексеру жүргізу',
    ru: 'проведение проверки с выездом на место',
  },
  additional_information: {
    kk: 'қосымша ақпарат алу',
    ru: 'получение дополнительной информации',
  },
};

export const decisionOutcomeTexts: Readonly<Record<DecisionOutcome, Record<Language, string>>> = {
  satisfied: { kk: 'қанағаттандырылды', ru: 'удовлетворена' },
  partially_satisfied: { kk: 'ішінара қанағаттандырылды', ru: 'удовлетворена частично' },
  rejected: { kk: 'қанағаттандырусыз қалдырылды', ru: 'оставлена без удовлетворения' },
};

const date = formatDayMonthYear;

/** The facts of a notice as sentences in the notice's language. */
export function noticeContent(complaint: Complaint, notice: Notice): NoticeContent {
  const language = notice.language;
  const number = complaint.registrationNumber;
  const body = complaint.addressee.name[language];
  const greeting =
    language === 'kk'
      ? `Құрметті ${complaint.applicant.name}!`
      : `Уважаемый(ая) ${complaint.applicant.name}!`;
  const signature = body;
  switch (notice.kind) {
    case 'registration':
      return {
        language,
        greeting,
        signature,
        subject:
          language === 'kk'
            ? `Шағымыңыз тіркелді: № ${number}`
            : `Ваша жалоба зарегистрирована: № ${number}`,
        paragraphs:
          language === 'kk'
            ? [
                `Сіздің шағымыңыз ${date(complaint.registrationDate)} тіркелді, тіркеу нөмірі № ${number}.`,
                `Шағым ${complaint.reviewWorkingDays} жұмыс күні ішінде, ${date(complaint.dueDate)} дейін қаралады.`,
                'Шағымның барысын тіркеу кезінде берілген қол жеткізу кілті арқылы көре аласыз.',
              ]
            : [
                `Ваша жалоба зарегистрирована ${date(complaint.registrationDate)}, регистрационный номер № ${number}.`,
                `Жалоба будет рассмотрена в течение ${complaint.reviewWorkingDays} рабочих дней, до ${date(complaint.dueDate)}.`,
                'Ход рассмотрения можно видеть по ключу доступа, выданному при регистрации.',
              ],
      };
    case 'extension': {
      const extension = complaint.extensions.find((e) => e.noticeId === notice.id);
      if (!extension) throw new RangeError(`Notice ${notice.id} is not an extension's`);
      const reason = extensionReasonTexts[extension.reason][language];
      const decidedOn = legalDate(recordedInstant(extension.grantedAt));
      return {
        language,
        greeting,
        signature,
        subject:
          language === 'kk'
            ? `Шағымды қарау мерзімі ұзартылды: № ${number}`
            : `Срок рассмотрения жалобы продлён: № ${number}`,
        paragraphs:
          language === 'kk'
            ? [
                `Сіздің ${date(complaint.registrationDate)} тіркелген № ${number} шағымыңызды қарау мерзімі ${extension.workingDays} жұмыс күніне ұзартылғанын хабарлаймыз.`,
                `Ұзарту себебі: ${reason}.`,
                `Түсіндірме: ${extension.explanation}`,
                `Шағым ${date(extension.dueDate)} дейін қаралады.`,
                // R9: the day of the extension and the 3-working-day duty, so it can be checked.
                `Ұзарту туралы шешім ${date(decidedOn)} қабылданды; осы хабарлама заңда белгіленген үш жұмыс күні ішінде, ${date(notice.dueDate)} кешіктірілмей жіберіледі.`,
              ]
            : [
                `Сообщаем, что срок рассмотрения Вашей жалобы № ${number}, зарегистрированной ${date(complaint.registrationDate)}, продлён на ${extension.workingDays} рабочих дней.`,
                `Причина продления: ${reason}.`,
                `Пояснение: ${extension.explanation}`,
                `Жалоба будет рассмотрена до ${date(extension.dueDate)}.`,
                `Решение о продлении принято ${date(decidedOn)}; настоящее уведомление направляется в установленный законом срок — в течение трёх рабочих дней, не позднее ${date(notice.dueDate)}.`,
              ],
      };
    }
    case 'decision': {
      const decision = complaint.decision;
      if (!decision) throw new RangeError(`Complaint ${complaint.id} has no decision`);
      const outcome = decisionOutcomeTexts[decision.outcome][language];
      return {
        language,
        greeting,
        signature,
        subject:
          language === 'kk' ? `Шағым бойынша шешім: № ${number}` : `Решение по жалобе: № ${number}`,
        paragraphs:
          language === 'kk'
            ? [
                `Сіздің ${date(complaint.registrationDate)} тіркелген № ${number} шағымыңыз қаралды: шағым ${outcome}.`,
                decision.text,
                'Шешіммен келіспеген жағдайда, мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға шағым беруге құқығыңыз бар.',
              ]
            : [
                `Ваша жалоба № ${number}, зарегистрированная ${date(complaint.registrationDate)}, рассмотрена: жалоба ${outcome}.`,
                decision.text,
                'В случае несогласия с решением Вы вправе обратиться с жалобой в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг.',
              ],
      };
    }
  }
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** R9: the printable letter of a paper notice: A4, the addressee's letterhead, the facts. */
export function renderLetter(complaint: Complaint, notice: Notice): string {
  const content = noticeContent(complaint, notice);
  const recipient = [complaint.applicant.name, complaint.applicant.postalAddress ?? ''].filter(
    (line) => line !== '',
  );
  const outgoing = content.language === 'kk' ? 'Шығыс күні' : 'Дата';
  return `<!doctype html>
<html lang="${content.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(content.subject)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Times New Roman", serif; font-size: 14pt; line-height: 1.4; }
.letterhead { text-align: center; font-weight: bold; margin-bottom: 12mm; }
.recipient { margin-left: 50%; margin-bottom: 10mm; }
.meta { margin-bottom: 8mm; }
.signature { margin-top: 15mm; }
</style>
</head>
<body>
<div class="letterhead">${escapeHtml(complaint.addressee.name[content.language])}</div>
<div class="recipient">${recipient.map(escapeHtml).join('<br>')}</div>
<div class="meta">№ ${escapeHtml(complaint.registrationNumber)} · ${outgoing}: ____________</div>
<h1 style="font-size:14pt">${escapeHtml(content.subject)}</h1>
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p class="signature">${escapeHtml(content.signature)}</p>
</body>
</html>
`;
}
