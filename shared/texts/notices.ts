/**
 * What each notice to the applicant says (R9, R10, R16–R21), in the applicant's language (Kazakh
 * or Russian): the facts as plain sentences, rendered as a printable letter here and as e-mail in
 * emails.ts; and the coupon a paper complaint's applicant is given at the counter (R20). Every value
 * from a complaint is escaped when it becomes HTML; dates read DD.MM.YYYY, times HH:MM (Asia/Almaty).
 */

import { addCalendarDays } from '../calendar/dates.js';
import type {
  Complaint,
  DecisionOutcome,
  ExtensionReason,
  Notice,
  ReturnGround,
} from '../domain/complaint.js';
import type { Language } from '../localized.js';
import { decidedByAuthorizedBody, nameOfBody, type TextContext } from './context.js';
import {
  closingTexts,
  dateText as date,
  greetingOf,
  legalDateOf,
  notLaterThan,
  provisionalDueDateText,
  receiptMoment,
  workingDaysText,
} from './wording.js';

export type { TextContext } from './context.js';

export interface NoticeContent {
  readonly language: Language;
  readonly subject: string;
  /** «Құрметті …!», «Уважаемая …!», or for an organisation «Руководителю …» (see greetingOf). */
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** The addressee, by name. */
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

/** R18 (APPC art. 63, 64): why a complaint goes back unconsidered, as «Основание: …» / «Негізі: …». */
export const returnGroundTexts: Readonly<Record<ReturnGround, Record<Language, string>>> = {
  missing_details: {
    kk: 'шағымда заңда талап етілетін мәліметтер жоқ (мысалы, өтініш берушінің тегі, аты, әкесінің аты немесе атауы, мекенжайы, шағымның мәні)',
    ru: 'в жалобе нет сведений, которые она должна содержать по закону (например, фамилии, имени, отчества или наименования заявителя, его адреса, сути жалобы)',
  },
  not_a_complaint: {
    kk: 'өтініш шағым болып табылмайды, өйткені онда мемлекеттік қызмет көрсету кезіндегі шешімге, әрекетке немесе әрекетсіздікке шағым жасалмаған',
    ru: 'обращение не является жалобой, так как в нём не обжалуются решение, действие или бездействие при оказании государственной услуги',
  },
  repeated: {
    kk: 'шағым бұрын берілген және ол бойынша шешім қабылданған шағымды қайталайды, онда жаңа дәлелдер келтірілмеген',
    ru: 'жалоба повторяет ранее поданную жалобу, по которой уже принято решение, и не содержит новых доводов',
  },
};

/** «… жалоба № X, зарегистрированная 23.11.2026» and its Kazakh counterpart, in the right case. */
function registered(complaint: Complaint, language: Language): string {
  const number = complaint.registrationNumber;
  const on = date(complaint.registrationDate);
  return language === 'kk'
    ? `${on} тіркелген № ${number} шағымыңыз`
    : `жалоба № ${number}, зарегистрированная ${on}`;
}

/**
 * R21: where the applicant may go next. From a body other than the authorized body: the
 * authorized body, by name, or court; from the authorized body: court only. Never the body that
 * decided. `lead` is the start of the sentence: «Вы вправе обжаловать его» / «Сіз оған».
 */
function routeOnward(
  complaint: Complaint,
  context: TextContext,
  language: Language,
  lead: string,
): string {
  const courtOnly = decidedByAuthorizedBody(complaint, context);
  const authorized = context.authorizedBody.name[language];
  if (language === 'kk') {
    return courtOnly
      ? `${lead} сотқа шағым жасай аласыз.`
      : `${lead} мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға (${authorized}) немесе сотқа шағым жасай аласыз.`;
  }
  return courtOnly
    ? `${lead} в суд.`
    : `${lead} в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг (${authorized}) или в суд.`;
}

type Facts = Pick<NoticeContent, 'subject' | 'paragraphs'>;

function registrationFacts(complaint: Complaint, language: Language): Facts {
  const number = complaint.registrationNumber;
  const receipt = receiptMoment(complaint);
  const body = complaint.addressee.name[language];
  const period = workingDaysText(complaint.reviewWorkingDays, language);
  const due = notLaterThan(complaint.dueDate, language);
  const provisional = complaint.dueDateProvisional
    ? [provisionalDueDateText(complaint.dueDate, language)]
    : [];
  return language === 'kk'
    ? {
        subject: `Шағымыңыз тіркелді: № ${number}`,
        paragraphs: [
          `Сіздің шағымыңыз ${date(complaint.registrationDate)} тіркелді, тіркеу нөмірі № ${number}.`,
          `Шағымның келіп түскен күні мен уақыты: ${date(receipt.date)}, сағат ${receipt.time}.`,
          `Шағымды қарайтын орган: ${body}.`,
          `Шағымды қарау мерзімі – ${period}: ол бойынша шешім ${due} қабылданады.`,
          ...provisional,
          'Осы шағым бойынша жүгінген кезде оның нөмірін көрсетіңіз.',
        ],
      }
    : {
        subject: `Ваша жалоба зарегистрирована: № ${number}`,
        paragraphs: [
          `Ваша жалоба поступила ${date(receipt.date)} в ${receipt.time} и зарегистрирована ${date(complaint.registrationDate)} под № ${number}.`,
          `Орган, рассматривающий жалобу: ${body}.`,
          `Срок рассмотрения жалобы — ${period}: решение по ней будет принято ${due}.`,
          ...provisional,
          'При обращении по этой жалобе указывайте её номер.',
        ],
      };
}

function extensionFacts(
  complaint: Complaint,
  notice: Notice,
  context: TextContext,
  language: Language,
): Facts {
  const extension = complaint.extensions.find((e) => e.noticeId === notice.id);
  if (!extension) throw new RangeError(`Notice ${notice.id} is not an extension's`);
  const number = complaint.registrationNumber;
  const reason = extensionReasonTexts[extension.reason][language];
  const decidedOn = date(legalDateOf(extension.grantedAt));
  const days = extension.workingDays;
  const due = notLaterThan(extension.dueDate, language);
  const noticeDue = notLaterThan(notice.dueDate, language);
  // R22: a later extension or a recount may have moved the due date since; the caveat is for the current one.
  const provisional =
    complaint.dueDateProvisional && extension.dueDate === complaint.dueDate
      ? [provisionalDueDateText(extension.dueDate, language)]
      : [];
  // R9: the 3-working-day duty, stated so that it can be checked. Only an e-mail composed on or
  // before its due date says it is sent in time; a letter is printed on a day unknown here.
  const inTime = notice.form === 'email' && context.today <= notice.dueDate;
  return language === 'kk'
    ? {
        subject: `Шағымды қарау мерзімі ұзартылды: № ${number}`,
        paragraphs: [
          `Сіздің ${registered(complaint, 'kk')}ды қарау мерзімі ${String(days)} жұмыс күніне ұзартылғанын хабарлаймыз.`,
          `Ұзарту себебі: ${reason}.`,
          `Түсіндірме: ${extension.explanation}`,
          `Шағым бойынша шешім ${due} қабылданады.`,
          ...provisional,
          `Мерзімді ұзарту туралы шешім ${decidedOn} қабылданды.`,
          inTime
            ? `Бұл хабарлама заңда белгіленген мерзімде – ұзарту туралы шешім қабылданған күннен бастап үш жұмыс күні ішінде, ${noticeDue} жіберіліп отыр.`
            : `Заң бойынша қарау мерзімінің ұзартылғаны туралы өтініш берушіге шешім қабылданған күннен бастап үш жұмыс күні ішінде, яғни ${noticeDue} хабарланады.`,
        ],
      }
    : {
        subject: `Срок рассмотрения жалобы продлён: № ${number}`,
        paragraphs: [
          `Сообщаем, что срок рассмотрения Вашей жалобы № ${number}, зарегистрированной ${date(complaint.registrationDate)}, продлён на ${workingDaysText(days, 'ru')}.`,
          `Причина продления: ${reason}.`,
          `Пояснение: ${extension.explanation}`,
          `Решение по жалобе будет принято ${due}.`,
          ...provisional,
          `Решение о продлении принято ${decidedOn}.`,
          inTime
            ? `Настоящее уведомление направляется в установленный законом срок — в течение трёх рабочих дней со дня принятия решения о продлении, ${noticeDue}.`
            : `По закону о продлении срока заявителю сообщается в течение трёх рабочих дней со дня принятия решения о продлении, то есть ${noticeDue}.`,
        ],
      };
}

function decisionFacts(complaint: Complaint, context: TextContext, language: Language): Facts {
  const decision = complaint.decision;
  if (!decision) throw new RangeError(`Complaint ${complaint.id} has no decision`);
  const number = complaint.registrationNumber;
  const outcome = decisionOutcomeTexts[decision.outcome][language];
  const decidedOn = date(legalDateOf(decision.decidedAt));
  return language === 'kk'
    ? {
        subject: `Шағым бойынша шешім: № ${number}`,
        paragraphs: [
          `Сіздің ${registered(complaint, 'kk')} қаралды: ${decidedOn} қабылданған шешіммен шағым ${outcome}.`,
          decision.text,
          routeOnward(complaint, context, 'kk', 'Шешіммен келіспеген жағдайда, Сіз оған'),
        ],
      }
    : {
        subject: `Решение по жалобе: № ${number}`,
        paragraphs: [
          `Ваша ${registered(complaint, 'ru')}, рассмотрена: решением от ${decidedOn} жалоба ${outcome}.`,
          decision.text,
          routeOnward(
            complaint,
            context,
            'ru',
            'Если Вы не согласны с решением, Вы вправе обжаловать его',
          ),
        ],
      };
}

/** R16 (APPC art. 65): outside the addressee's competence, forwarded to the competent body. */
function forwardingFacts(complaint: Complaint, context: TextContext, language: Language): Facts {
  const forwarding = complaint.forwarding;
  if (!forwarding) throw new RangeError(`Complaint ${complaint.id} was not forwarded`);
  const number = complaint.registrationNumber;
  const to = nameOfBody(forwarding.toBodyId, complaint, context)[language];
  const on = date(legalDateOf(forwarding.forwardedAt));
  const there = forwarding.toRegistrationNumber;
  const registeredThere = date(forwarding.toRegistrationDate);
  const due = notLaterThan(forwarding.toDueDate, language);
  return language === 'kk'
    ? {
        subject: `Шағымыңыз құзыреті бойынша жіберілді: № ${number}`,
        paragraphs: [
          `Сіздің ${registered(complaint, 'kk')}ды қарау біздің құзыретімізге жатпайды.`,
          `Сондықтан шағым ${on} оны қарау құзыретіне жататын органға жіберілді: ${to}.`,
          `Онда шағым ${registeredThere} тіркелді, тіркеу нөмірі № ${there}; ол бойынша шешім ${due} қабылданады.`,
          `Түсіндірме: ${forwarding.explanation}`,
          `Шағымның әрі қарай қаралуы жөнінде осы органға жүгінгенде тіркеу нөмірін (№ ${there}) көрсетіңіз.`,
        ],
      }
    : {
        subject: `Жалоба направлена по подведомственности: № ${number}`,
        paragraphs: [
          `Рассмотрение Вашей жалобы № ${number}, зарегистрированной ${date(complaint.registrationDate)}, не относится к нашей компетенции.`,
          `Поэтому ${on} жалоба направлена по подведомственности в орган, к компетенции которого относится её рассмотрение: ${to}.`,
          `Там жалоба зарегистрирована ${registeredThere} под № ${there}; решение по ней будет принято ${due}.`,
          `Пояснение: ${forwarding.explanation}`,
          `По дальнейшему рассмотрению жалобы обращайтесь в этот орган, указывая её регистрационный номер там (№ ${there}).`,
        ],
      };
}

/** R17: the applicant withdrew the complaint; its review is ended. */
function withdrawalFacts(complaint: Complaint, language: Language): Facts {
  const withdrawal = complaint.withdrawal;
  if (!withdrawal) throw new RangeError(`Complaint ${complaint.id} was not withdrawn`);
  const number = complaint.registrationNumber;
  const statement = withdrawal.statementReceivedOn;
  const reason = withdrawal.reason;
  return language === 'kk'
    ? {
        subject: `Шағым кері қайтарып алынды: № ${number}`,
        paragraphs: [
          statement === null
            ? `Сіздің ${registered(complaint, 'kk')}дың өтінішіңіз бойынша ${date(legalDateOf(withdrawal.withdrawnAt))} кері қайтарып алынғанын растаймыз.`
            : `Сіздің ${registered(complaint, 'kk')}дың ${date(statement)} келіп түскен жазбаша өтінішіңіз негізінде кері қайтарып алынғанын растаймыз.`,
          ...(reason === null || reason === '' ? [] : [`Сіз көрсеткен себеп: ${reason}`]),
          'Шағымды қарау тоқтатылды.',
        ],
      }
    : {
        subject: `Жалоба отозвана: № ${number}`,
        paragraphs: [
          statement === null
            ? `Подтверждаем, что Ваша ${registered(complaint, 'ru')}, отозвана по Вашей просьбе ${date(legalDateOf(withdrawal.withdrawnAt))}.`
            : `Подтверждаем, что Ваша ${registered(complaint, 'ru')}, отозвана на основании Вашего письменного заявления, поступившего ${date(statement)}.`,
          ...(reason === null || reason === '' ? [] : [`Указанная Вами причина: ${reason}`]),
          'Рассмотрение жалобы прекращено.',
        ],
      };
}

/** R18 (APPC art. 63, 64): returned unconsidered, with its ground; not a decision on the merits. */
function returnFacts(complaint: Complaint, context: TextContext, language: Language): Facts {
  const returned = complaint.return;
  if (!returned) throw new RangeError(`Complaint ${complaint.id} was not returned`);
  const number = complaint.registrationNumber;
  const on = date(legalDateOf(returned.returnedAt));
  const ground = returnGroundTexts[returned.ground][language];
  const repeated = returned.ground === 'repeated' ? returned.repeatedRegistrationNumber : null;
  const remedy = returned.ground === 'missing_details';
  return language === 'kk'
    ? {
        subject: `Шағым қараусыз қайтарылды: № ${number}`,
        paragraphs: [
          `Сіздің ${registered(complaint, 'kk')} ${on} қараусыз қайтарылды.`,
          `Негізі: ${ground}.`,
          ...(repeated === null ? [] : [`Бұрын берілген шағым: № ${repeated}.`]),
          `Түсіндірме: ${returned.explanation}`,
          'Шағымның қайтарылуы оны мәні бойынша шешу болып табылмайды.',
          ...(remedy
            ? ['Көрсетілген кемшіліктерді жойғаннан кейін шағымды қайта беруге құқығыңыз бар.']
            : []),
          routeOnward(
            complaint,
            context,
            'kk',
            'Шағымның қайтарылуымен келіспеген жағдайда, Сіз оған',
          ),
        ],
      }
    : {
        subject: `Жалоба возвращена без рассмотрения: № ${number}`,
        paragraphs: [
          `Ваша ${registered(complaint, 'ru')}, возвращена ${on} без рассмотрения.`,
          `Основание: ${ground}.`,
          ...(repeated === null ? [] : [`Ранее поданная жалоба: № ${repeated}.`]),
          `Пояснение: ${returned.explanation}`,
          'Возврат жалобы не является решением по существу.',
          ...(remedy ? ['Устранив указанные недостатки, Вы вправе подать жалобу снова.'] : []),
          routeOnward(
            complaint,
            context,
            'ru',
            'Если Вы не согласны с возвратом жалобы, Вы вправе обжаловать его',
          ),
        ],
      };
}

/**
 * R19 (APPC art. 91(2)): no decision by the due date (inclusive) counts as a refusal from the day
 * after it.
 */
function deemedRefusalFacts(complaint: Complaint, context: TextContext, language: Language): Facts {
  const number = complaint.registrationNumber;
  const due = notLaterThan(complaint.dueDate, language);
  const refusedFrom = date(addCalendarDays(complaint.dueDate, 1));
  return language === 'kk'
    ? {
        subject: `Шағым бойынша шешім мерзімінде қабылданбады: № ${number}`,
        paragraphs: [
          `Сіздің ${registered(complaint, 'kk')} бойынша шешім ${due} қабылдануы тиіс еді, алайда бұл мерзімде шешім қабылданбады.`,
          `Заңға сәйкес белгіленген мерзімде шешімнің қабылданбауы шағымды қанағаттандырудан бас тарту болып саналады – мерзім өткеннен кейінгі күннен, яғни ${refusedFrom} бастап.`,
          routeOnward(complaint, context, 'kk', 'Сіз бұл бас тартуға'),
          `Шағымданған кезде осы шағымның нөмірін көрсете аласыз: № ${number}.`,
        ],
      }
    : {
        subject: `Решение по жалобе не принято в срок: № ${number}`,
        paragraphs: [
          `По Вашей жалобе № ${number}, зарегистрированной ${date(complaint.registrationDate)}, решение должно было быть принято ${due}, однако в этот срок оно не принято.`,
          `По закону непринятие решения в установленный срок считается отказом в удовлетворении жалобы — со дня, следующего за последним днём срока, то есть с ${refusedFrom}.`,
          routeOnward(complaint, context, 'ru', 'Вы вправе обжаловать этот отказ'),
          `При обжаловании Вы можете указать номер этой жалобы: № ${number}.`,
        ],
      };
}

function factsOf(
  complaint: Complaint,
  notice: Notice,
  context: TextContext,
  language: Language,
): Facts {
  switch (notice.kind) {
    case 'registration':
      return registrationFacts(complaint, language);
    case 'extension':
      return extensionFacts(complaint, notice, context, language);
    case 'decision':
      return decisionFacts(complaint, context, language);
    case 'forwarding':
      return forwardingFacts(complaint, context, language);
    case 'withdrawal':
      return withdrawalFacts(complaint, language);
    case 'return':
      return returnFacts(complaint, context, language);
    case 'deemed_refusal':
      return deemedRefusalFacts(complaint, context, language);
  }
}

/** The facts of a notice as sentences in the notice's language. */
export function noticeContent(
  complaint: Complaint,
  notice: Notice,
  context: TextContext,
): NoticeContent {
  const language = notice.language;
  return {
    language,
    greeting: greetingOf(complaint.applicant, language),
    ...factsOf(complaint, notice, context, language),
    signature: complaint.addressee.name[language],
  };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A paragraph of free text in HTML: escaped, its line breaks kept. */
export function htmlParagraph(text: string): string {
  return `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;
}

/**
 * R9: the printable letter of a paper notice: A4, the addressee's letterhead, the facts. An
 * organisation's letter is headed to its head (the greeting) above the postal address.
 */
/**
 * The printable letter's and coupon's only styles, one inline block each and no style attribute:
 * the web desk prints these documents under its CSP, which allows exactly these blocks by their
 * hashes (infra/web-headers.ts) and no other inline style.
 */
export const letterStyles = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Times New Roman", serif; font-size: 14pt; line-height: 1.4; }
h1 { font-size: 14pt; }
.letterhead { text-align: center; font-weight: bold; margin-bottom: 12mm; }
.recipient { margin-left: 50%; margin-bottom: 10mm; }
.meta { margin-bottom: 8mm; }
.signature { margin-top: 15mm; }
`;

export const couponStyles = `
@page { size: A5; margin: 12mm; }
body { font-family: "Times New Roman", serif; font-size: 12pt; line-height: 1.35; margin: 0; }
.body { text-align: center; font-weight: bold; margin-bottom: 6mm; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.5mm 2mm; border: 0.3mm solid #000; }
th { width: 42%; font-weight: normal; }
td { font-weight: bold; }
.note { font-size: 10.5pt; margin: 4mm 0 0; }
.sign { margin-top: 10mm; }
`;

export function renderLetter(complaint: Complaint, notice: Notice, context: TextContext): string {
  const content = noticeContent(complaint, notice, context);
  const organisation = complaint.applicant.type === 'legal_entity';
  const recipient = [
    organisation ? content.greeting : complaint.applicant.name,
    complaint.applicant.postalAddress ?? '',
  ].filter((line) => line !== '');
  const reference =
    content.language === 'kk'
      ? `№ ${complaint.registrationNumber} шағым бойынша · Шығыс күні: ____________`
      : `По жалобе № ${complaint.registrationNumber} · Дата отправки: ____________`;
  return `<!doctype html>
<html lang="${content.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(content.subject)}</title>
<style>${letterStyles}</style>
</head>
<body>
<div class="letterhead">${escapeHtml(complaint.addressee.name[content.language])}</div>
<div class="recipient">${recipient.map(escapeHtml).join('<br>')}</div>
<div class="meta">${escapeHtml(reference)}</div>
<h1>${escapeHtml(content.subject)}</h1>
${organisation ? '' : `<p>${escapeHtml(content.greeting)}</p>\n`}${content.paragraphs.map(htmlParagraph).join('\n')}
<p class="signature">${escapeHtml(closingTexts[content.language])}<br>${escapeHtml(content.signature)}</p>
</body>
</html>
`;
}

const couponLabels = {
  kk: {
    title: 'Шағымның қабылданғаны туралы талон',
    number: 'Тіркеу нөмірі',
    received: 'Келіп түскен күні мен уақыты',
    registered: 'Тіркелген күні',
    applicant: 'Өтініш беруші',
    service: 'Мемлекеттік көрсетілетін қызмет',
    period: 'Шағымды қарау мерзімі',
    due: 'Шешім қабылдау мерзімі',
    acceptedBy: 'Шағымды қабылдаған адам',
    signature: 'Қолы',
    keep: 'Талон шағымның қабылданғанын растайды. Оны сақтаңыз: шағым бойынша жүгінген кезде оның нөмірін көрсетіңіз.',
  },
  ru: {
    title: 'Талон о принятии жалобы',
    number: 'Регистрационный номер',
    received: 'Дата и время поступления',
    registered: 'Дата регистрации',
    applicant: 'Заявитель',
    service: 'Государственная услуга',
    period: 'Срок рассмотрения',
    due: 'Срок принятия решения',
    acceptedBy: 'Лицо, принявшее жалобу',
    signature: 'Подпись',
    keep: 'Талон подтверждает принятие жалобы. Сохраните его: при обращении по жалобе указывайте её номер.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/**
 * R20 (APPC art. 64(2),(3)): the coupon given to the applicant of a paper complaint accepted at the
 * counter, in the applicant's language: A5, printable, no external resources. Only for a complaint
 * with `acceptedBy` (a RangeError otherwise).
 */
export function renderCoupon(complaint: Complaint, _context: TextContext): string {
  const acceptedBy = complaint.acceptedBy;
  if (acceptedBy === null) {
    throw new RangeError(`Complaint ${complaint.id} was not accepted at a counter: no coupon`);
  }
  const language = complaint.applicant.language;
  const labels = couponLabels[language];
  const receipt = receiptMoment(complaint);
  const rows: readonly (readonly [string, string])[] = [
    [labels.number, `№ ${complaint.registrationNumber}`],
    [
      labels.received,
      language === 'kk'
        ? `${date(receipt.date)}, сағат ${receipt.time}`
        : `${date(receipt.date)}, ${receipt.time}`,
    ],
    [labels.registered, date(complaint.registrationDate)],
    [labels.applicant, complaint.applicant.name],
    [labels.service, complaint.subject.service],
    [labels.period, workingDaysText(complaint.reviewWorkingDays, language)],
    [labels.due, notLaterThan(complaint.dueDate, language)],
    [labels.acceptedBy, `${acceptedBy.name}, ${acceptedBy.position}`],
  ];
  const notes = [
    ...(complaint.dueDateProvisional ? [provisionalDueDateText(complaint.dueDate, language)] : []),
    labels.keep,
  ];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${labels.title} № ${complaint.registrationNumber}`)}</title>
<style>${couponStyles}</style>
</head>
<body>
<div class="body">${escapeHtml(complaint.addressee.name[language])}</div>
<h1>${escapeHtml(labels.title)}</h1>
<table>
${rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
${notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n')}
<p class="sign">${escapeHtml(labels.signature)}: ____________________</p>
</body>
</html>
`;
}
