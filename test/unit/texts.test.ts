/**
 * What the e-mails, letters and coupons say (R9–R12, R16–R22, R24): the facts, in the right language,
 * dates as DD.MM.YYYY and inclusive, bodies by name, every value escaped in HTML. The complaints are
 * plain records (the texts read facts, not the lifecycle). No snapshots: each test names the facts it
 * expects.
 */

import { describe, expect, it } from 'vitest';
import type {
  AcceptedBy,
  Actor,
  Addressee,
  Alert,
  AlertKind,
  Applicant,
  Complaint,
  Decision,
  Extension,
  Forwarding,
  Notice,
  NoticeKind,
  Recommendation,
  Return,
  Withdrawal,
} from '../../shared/domain/complaint.js';
import { noticeKinds } from '../../shared/domain/complaint.js';
import type { Language, LocalizedText } from '../../shared/localized.js';
import type { TextContext } from '../../shared/texts/context.js';
import {
  applicantEmail,
  calendarWarningEmail,
  officialAlertEmail,
} from '../../shared/texts/emails.js';
import {
  decisionOutcomeTexts,
  escapeHtml,
  extensionReasonTexts,
  noticeContent,
  renderCoupon,
  renderLetter,
  returnGroundTexts,
} from '../../shared/texts/notices.js';
import {
  calendarDaysText,
  greetingOf,
  russianPlural,
  workingDaysText,
} from '../../shared/texts/wording.js';

// --- The bodies, the directory and the context ---------------------------------------------------

const akimat: Addressee = {
  id: 'akimat-astana',
  kind: 'local_executive_body',
  name: { kk: 'Астана қаласының әкімдігі', ru: 'Акимат города Астаны' },
};
const agency: Addressee = {
  id: 'agency-civil-service',
  kind: 'authorized_body',
  name: {
    kk: 'Қазақстан Республикасының Мемлекеттік қызмет істері агенттігі',
    ru: 'Агентство Республики Казахстан по делам государственной службы',
  },
};
const ministry = {
  id: 'ministry-justice',
  name: {
    kk: 'Қазақстан Республикасының Әділет министрлігі',
    ru: 'Министерство юстиции Республики Казахстан',
  },
} as const;
const directory = new Map<string, LocalizedText>(
  [akimat, agency, ministry].map((body) => [body.id, body.name]),
);

function contextOn(today: string, names: ReadonlyMap<string, LocalizedText> = directory) {
  return {
    bodyName: (id: string) => names.get(id),
    authorizedBody: { id: agency.id, name: agency.name },
    today,
  } satisfies TextContext;
}
const context = contextOn('2026-11-25');

// --- Applicants ----------------------------------------------------------------------------------

type Individual = Extract<Applicant, { type: 'individual' }>;

const contacts = { email: 'applicant@example.kz', postalAddress: 'Астана, ул. Бейбітшілік, 1' };
const woman = (language: Language = 'kk'): Individual => ({
  type: 'individual',
  iin: '900101400013', // 7th digit 4: a woman born in the 20th century
  name: 'Айгүл Серікқызы',
  language,
  ...contacts,
});
const man = (language: Language = 'ru'): Individual => ({
  type: 'individual',
  iin: '850315300128', // 7th digit 3: a man born in the 20th century
  name: 'Ерлан Сапаров',
  language,
  ...contacts,
});
const unknownSex = (language: Language = 'ru'): Individual => ({
  type: 'individual',
  iin: '900101000018', // 7th digit 0: no sex recorded
  name: 'John Smith',
  language,
  ...contacts,
});
const company = (language: Language = 'ru'): Applicant => ({
  type: 'legal_entity',
  bin: '180340021791',
  name: language === 'kk' ? '«Алтын Дән» ЖШС' : 'ТОО «Алтын Дән»',
  language,
  ...contacts,
});

// --- Complaints as plain records -----------------------------------------------------------------

const number = 'akimat-astana/2026/000042';
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;
const official: Actor = { type: 'official', sub: 'official-1', bodyId: akimat.id };

/** Filed 23.11.2026 10:00 with the akimat, due 30.11.2026 (5 working days), in Kazakh. */
function complaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: 'C1',
    registrationNumber: number,
    channel: 'electronic',
    status: 'under_review',
    addressee: akimat,
    applicant: woman(),
    subject: {
      type: 'decision',
      service: 'Выдача справки о зарегистрированных правах',
      respondent: 'ГУ «Отдел земельных отношений»',
      occurredOn: '2026-11-20',
    },
    text: 'Мне отказали без объяснения причин.',
    appealOf: null,
    receivedAt: '2026-11-23T10:00:00+05:00',
    acceptedBy: null,
    registrationDate: '2026-11-23',
    reviewWorkingDays: 5,
    dueDate: '2026-11-30',
    dueDateProvisional: false,
    extendedWorkingDays: 0,
    extensions: [],
    forwardedFrom: null,
    forwardedTo: null,
    forwarding: null,
    withdrawal: null,
    return: null,
    notices: [],
    decision: null,
    findings: null,
    recommendations: [],
    alerts: [],
    filedBy: { type: 'applicant' },
    version: 1,
    ...overrides,
  };
}

function notice(kind: NoticeKind, language: Language, overrides: Partial<Notice> = {}): Notice {
  return {
    id: `N-${kind}`,
    kind,
    form: 'email',
    language,
    dueDate: '2026-11-30',
    status: 'pending',
    createdAt: '2026-11-25T10:00:00+05:00',
    ...overrides,
  };
}

const extension = (workingDays = 3): Extension => ({
  id: 'E1',
  workingDays,
  reason: 'site_inspection',
  explanation: 'Требуется выезд на место.',
  previousDueDate: '2026-11-30',
  dueDate: '2026-12-03',
  grantedAt: '2026-11-25T10:00:00+05:00',
  grantedBy: official,
  noticeId: 'N-extension',
});

const decision: Decision = {
  outcome: 'rejected',
  text: 'Оснований нет.',
  decidedAt: '2026-11-26T12:00:00+05:00',
  decidedBy: official,
  timely: true,
  noticeId: 'N-decision',
};

const forwarding = (forwardedAt = '2026-11-25T11:30:00+05:00', timely = true): Forwarding => ({
  toBodyId: ministry.id,
  toComplaintId: 'C2',
  toRegistrationNumber: 'ministry-justice/2026/000007',
  toRegistrationDate: '2026-11-25',
  toDueDate: '2026-12-02',
  explanation: 'Регистрация прав на недвижимость относится к органам юстиции.',
  forwardedAt,
  forwardedBy: official,
  dueDate: '2026-11-26',
  timely,
  noticeId: 'N-forwarding',
});

const withdrawal = (statementReceivedOn: string | null = null): Withdrawal => ({
  reason: null,
  statementReceivedOn,
  withdrawnAt: '2026-11-24T16:00:00+05:00',
  withdrawnBy: statementReceivedOn === null ? { type: 'applicant' } : official,
  noticeId: 'N-withdrawal',
});

const returned = (ground: Return['ground'] = 'missing_details'): Return => ({
  ground,
  explanation: 'Не указан адрес заявителя.',
  repeatedOf: ground === 'repeated' ? 'C0' : null,
  repeatedRegistrationNumber: ground === 'repeated' ? 'akimat-astana/2026/000017' : null,
  returnedAt: '2026-11-24T15:00:00+05:00',
  returnedBy: official,
  noticeId: 'N-return',
});

const recommendation: Recommendation = {
  id: 'R1',
  bodyId: ministry.id,
  measures: 'Пересмотреть решение.',
  respondBy: '2026-12-10',
  sentAt: '2026-11-25T10:00:00+05:00',
  sentBy: official,
  response: null,
  control: null,
};

function alert(kind: AlertKind, about: string, subjectId: string | null): Alert {
  return {
    id: `A-${kind}`,
    kind,
    recipient: akimat.id,
    about,
    subjectId,
    status: 'pending',
    createdAt: '2026-11-25T10:00:00+05:00',
  };
}

const alerts: readonly Alert[] = [
  alert('due_soon', '2026-11-30', null),
  alert('overdue', '2026-11-30', null),
  alert('recommendation_unanswered', '2026-12-10', 'R1'),
  alert('letter_not_dispatched', '2026-11-30', 'N-decision'),
  alert('notice_failed', '2026-11-30', 'N-registration'),
  alert('forwarded_late', '2026-11-26', 'C2'),
];
const alertKinds: readonly AlertKind[] = [
  'due_soon',
  'overdue',
  'recommendation_unanswered',
  'letter_not_dispatched',
  'notice_failed',
  'forwarded_late',
];

/** A complaint carrying every record a notice or an alert can be about (texts read, not check). */
function everything(applicant: Applicant, addressee: Addressee = akimat): Complaint {
  return complaint({
    applicant,
    addressee,
    extensions: [extension()],
    decision,
    forwarding: forwarding('2026-11-27T11:30:00+05:00', false),
    withdrawal: withdrawal(),
    return: returned(),
    recommendations: [recommendation],
    notices: noticeKinds.map((kind) => notice(kind, applicant.language)),
    alerts,
  });
}

/** Everything the applicant may read of a notice: the e-mail (text and HTML) and the letter. */
function allOf(c: Complaint, n: Notice, ctx: TextContext = context): string {
  const email = applicantEmail(c, n, ctx);
  return [
    email.subject,
    email.text,
    email.html,
    renderLetter(c, { ...n, form: 'letter' }, ctx),
  ].join('\n');
}

function findAlert(kind: AlertKind): Alert {
  const found = alerts.find((a) => a.kind === kind);
  if (!found) throw new Error(`No alert ${kind}`);
  return found;
}

/** The Kazakh and the Russian half of an alert's text. */
function halves(text: string): { kk: string; ru: string } {
  const [kk = '', ru = ''] = text.split('\n\n---\n\n');
  return { kk, ru };
}

const applicants = [woman, man, unknownSex, company];
const languages: readonly Language[] = ['kk', 'ru'];

// --- The registration receipt --------------------------------------------------------------------

describe('R9, R14, R20: the registration receipt', () => {
  it('R9, R14: the number, the date and time of receipt, the addressee, the period and the inclusive due date, in Kazakh', () => {
    const c = complaint();
    const email = applicantEmail(c, notice('registration', 'kk'), context);
    expect(email.subject).toBe(`Шағымыңыз тіркелді: № ${number}`);
    expect(email.text).toContain('Құрметті Айгүл Серікқызы!');
    expect(email.text).toContain(`23.11.2026 тіркелді, тіркеу нөмірі № ${number}`);
    expect(email.text).toContain('Шағымның келіп түскен күні мен уақыты: 23.11.2026, сағат 10:00.');
    expect(email.text).toContain('Шағымды қарайтын орган: Астана қаласының әкімдігі.');
    expect(email.text).toContain('Шағымды қарау мерзімі – 5 жұмыс күні');
    expect(email.text).toContain('30.11.2026 кешіктірмей қабылданады');
    expect(email.text).toContain('Құрметпен,\nАстана қаласының әкімдігі');
    expect(email.text).not.toMatch(isoDate);
    expect(email.text).not.toMatch(/жалоб|зарегистр/i); // nothing in Russian
    expect(email.html).toContain('<html lang="kk">');
    expect(email.html).toContain(`№ ${number}`);
  });

  it('R9: in Russian for an applicant who wrote in Russian, without jargon', () => {
    const c = complaint({ applicant: woman('ru') });
    const email = applicantEmail(c, notice('registration', 'ru'), context);
    expect(email.subject).toBe(`Ваша жалоба зарегистрирована: № ${number}`);
    expect(email.text).toContain(
      `поступила 23.11.2026 в 10:00 и зарегистрирована 23.11.2026 под № ${number}.`,
    );
    expect(email.text).toContain('Орган, рассматривающий жалобу: Акимат города Астаны.');
    expect(email.text).toContain(
      'Срок рассмотрения жалобы — 5 рабочих дней: решение по ней будет принято не позднее 30.11.2026.',
    );
    expect(email.text).toContain('С уважением,\nАкимат города Астаны');
    expect(email.text).not.toMatch(/ключ|доступ|токен|token|api/i);
    expect(email.text).not.toMatch(/шағым|тіркел/i); // nothing in Kazakh
    expect(email.html).toContain('<html lang="ru">');
  });

  it('R4, R20: states the time of receipt in Almaty time, and a receipt after hours registered the next day', () => {
    const c = complaint({
      applicant: woman('ru'),
      receivedAt: '2026-11-23T14:15:00Z', // 19:15 in Astana
      registrationDate: '2026-11-24',
      dueDate: '2026-12-01',
    });
    const ru = applicantEmail(c, notice('registration', 'ru'), context).text;
    expect(ru).toContain('поступила 23.11.2026 в 19:15 и зарегистрирована 24.11.2026');
    expect(ru).toContain('не позднее 01.12.2026');
    const kk = applicantEmail(
      { ...c, applicant: woman('kk') },
      notice('registration', 'kk'),
      context,
    ).text;
    expect(kk).toContain('23.11.2026, сағат 19:15');
    expect(kk).toContain('24.11.2026 тіркелді');
  });

  it('R22: a provisional due date says so in one sentence, with its year; an official one does not', () => {
    const provisional = complaint({ dueDate: '2027-01-08', dueDateProvisional: true });
    const ru = noticeContent(
      { ...provisional, applicant: woman('ru') },
      notice('registration', 'ru'),
      context,
    ).paragraphs;
    const caveat = ru.filter((p) => p.includes('предварительн'));
    expect(caveat).toEqual([
      'Дата 08.01.2027 предварительная: она рассчитана до опубликования официального производственного календаря на 2027 год и может быть уточнена.',
    ]);
    const kk = noticeContent(provisional, notice('registration', 'kk'), context).paragraphs;
    expect(kk.filter((p) => p.includes('алдын ала'))).toHaveLength(1);
    expect(kk.join('\n')).toContain('2027 жылғы ресми өндірістік күнтізбе');
    const official = applicantEmail(
      complaint({ applicant: woman('ru') }),
      notice('registration', 'ru'),
      context,
    );
    expect(official.text).not.toContain('предварительн');
  });
});

// --- The extension notice ------------------------------------------------------------------------

describe('R7–R9: the extension notice', () => {
  const kk = complaint({
    extensions: [extension()],
    dueDate: '2026-12-03',
    extendedWorkingDays: 3,
  });
  const ru = { ...kk, applicant: woman('ru') };

  it('R7, R8, R9: the reason, the explanation, the days granted and the new due date, in Kazakh', () => {
    const email = applicantEmail(kk, notice('extension', 'kk'), context);
    expect(email.subject).toBe(`Шағымды қарау мерзімі ұзартылды: № ${number}`);
    expect(email.text).toContain('3 жұмыс күніне ұзартылғанын');
    expect(email.text).toContain(`Ұзарту себебі: ${extensionReasonTexts.site_inspection.kk}.`);
    expect(email.text).toContain('Түсіндірме: Требуется выезд на место.');
    expect(email.text).toContain('Шағым бойынша шешім 03.12.2026 кешіктірмей қабылданады.');
    // R9: the day of the extension, and the notice's 3-working-day due date.
    expect(email.text).toContain('шешім 25.11.2026 қабылданды');
    expect(email.text).toContain('үш жұмыс күні ішінде, 30.11.2026 кешіктірмей');
    expect(email.text).not.toContain(extensionReasonTexts.site_inspection.ru);
  });

  it('R7, R8, R9: the same facts in Russian, with the plural agreeing with the number', () => {
    const email = applicantEmail(ru, notice('extension', 'ru'), context);
    expect(email.subject).toBe(`Срок рассмотрения жалобы продлён: № ${number}`);
    expect(email.text).toContain('продлён на 3 рабочих дня.');
    expect(email.text).toContain(`Причина продления: ${extensionReasonTexts.site_inspection.ru}.`);
    expect(email.text).toContain('Пояснение: Требуется выезд на место.');
    expect(email.text).toContain('Решение по жалобе будет принято не позднее 03.12.2026.');
    expect(email.text).toContain('Решение о продлении принято 25.11.2026');
    expect(email.text).toContain('не позднее 30.11.2026');
    expect(email.text).not.toMatch(isoDate);
    const oneDay = { ...ru, extensions: [extension(1)] };
    expect(applicantEmail(oneDay, notice('extension', 'ru'), context).text).toContain(
      'продлён на 1 рабочий день.',
    );
  });

  it('R9: an e-mail composed on or before its due date says it is sent within the legal term', () => {
    for (const today of ['2026-11-25', '2026-11-30']) {
      const ctx = contextOn(today);
      expect(applicantEmail(ru, notice('extension', 'ru'), ctx).text).toContain(
        'направляется в установленный законом срок',
      );
      expect(applicantEmail(kk, notice('extension', 'kk'), ctx).text).toContain(
        'заңда белгіленген мерзімде',
      );
    }
  });

  it('R9: an e-mail composed after its due date states the duty and the date, and claims nothing', () => {
    const late = contextOn('2026-12-01');
    const ruText = applicantEmail(ru, notice('extension', 'ru'), late).text;
    expect(ruText).not.toContain('в установленный законом срок');
    expect(ruText).not.toContain('направляется');
    expect(ruText).toContain('в течение трёх рабочих дней');
    expect(ruText).toContain('не позднее 30.11.2026');
    const kkText = applicantEmail(kk, notice('extension', 'kk'), late).text;
    expect(kkText).not.toContain('заңда белгіленген мерзімде');
    expect(kkText).toContain('30.11.2026 кешіктірмей');
  });

  it('R9: a letter, printed on a day unknown, never claims to be in time', () => {
    const letter = { ...notice('extension', 'ru'), form: 'letter' } as const;
    const html = renderLetter({ ...ru, channel: 'paper' }, letter, contextOn('2026-11-25'));
    expect(html).not.toContain('в установленный законом срок');
    expect(html).toContain('не позднее 30.11.2026');
    const kkLetter = { ...notice('extension', 'kk'), form: 'letter' } as const;
    expect(renderLetter({ ...kk, channel: 'paper' }, kkLetter, context)).not.toContain(
      'заңда белгіленген мерзімде',
    );
  });

  it('R22: the new due date, when provisional, carries the caveat', () => {
    const provisional = { ...ru, dueDateProvisional: true };
    expect(applicantEmail(provisional, notice('extension', 'ru'), context).text).toContain(
      'Дата 03.12.2026 предварительная',
    );
  });

  it('every reason, outcome and return ground has its words in both languages', () => {
    for (const table of [extensionReasonTexts, decisionOutcomeTexts, returnGroundTexts]) {
      for (const texts of Object.values(table)) {
        expect(texts.kk).not.toBe('');
        expect(texts.ru).not.toBe('');
        expect(texts.kk).not.toBe(texts.ru);
      }
    }
  });
});

// --- The decision and R21's route onward ---------------------------------------------------------

describe('R10, R21: the decision notice and where to go next', () => {
  it('R10: the outcome, the date and the decision text', () => {
    const c = complaint({ applicant: woman('ru'), decision, status: 'decided' });
    const email = applicantEmail(c, notice('decision', 'ru'), context);
    expect(email.subject).toBe(`Решение по жалобе: № ${number}`);
    expect(email.text).toContain(
      'рассмотрена: решением от 26.11.2026 жалоба оставлена без удовлетворения.',
    );
    expect(email.text).toContain('Оснований нет.');
  });

  /** The notices whose route onward R21 governs, and the records they need. */
  const routed = (addressee: Addressee, language: Language): Complaint =>
    complaint({
      addressee,
      applicant: woman(language),
      decision,
      return: returned(),
      registrationNumber: `${addressee.id}/2026/000042`,
    });
  const routedKinds = ['decision', 'return', 'deemed_refusal'] as const;

  it('R21: from a body other than the authorized body: the authorized body by name, or court; never the body itself', () => {
    for (const language of languages) {
      for (const kind of routedKinds) {
        const paragraphs = noticeContent(
          routed(akimat, language),
          notice(kind, language),
          context,
        ).paragraphs.join('\n');
        expect(paragraphs).toContain(`(${agency.name[language]})`);
        expect(paragraphs).toContain(
          language === 'kk' ? 'уәкілетті органға' : 'в уполномоченный орган',
        );
        expect(paragraphs).toContain(language === 'kk' ? 'немесе сотқа' : 'или в суд');
        expect(paragraphs).not.toContain(akimat.name[language]);
      }
    }
  });

  it('R21: from the authorized body: court only, never the authorized body itself', () => {
    for (const language of languages) {
      for (const kind of routedKinds) {
        const content = noticeContent(routed(agency, language), notice(kind, language), context);
        const paragraphs = content.paragraphs.join('\n');
        expect(paragraphs).not.toContain(agency.name[language]);
        expect(paragraphs).not.toMatch(/уполномоченн|уәкілетті/);
        expect(paragraphs).toContain(language === 'kk' ? 'сотқа' : 'в суд');
        expect(content.signature).toBe(agency.name[language]); // it signs, it is not appealed to
      }
    }
  });

  it('R21: the authorized body is recognised by its id too, whatever kind the complaint records', () => {
    const c = routed({ ...agency, kind: 'central_state_body' }, 'ru');
    const paragraphs = noticeContent(c, notice('decision', 'ru'), context).paragraphs.join('\n');
    expect(paragraphs).not.toContain('уполномоченный орган');
    expect(paragraphs).toContain('в суд');
  });
});

// --- The side paths ------------------------------------------------------------------------------

describe('R16–R19: forwarding, withdrawal, return, deemed refusal', () => {
  it('R16: the forwarding names the receiving body, the date, its number there and its due date', () => {
    const c = complaint({ applicant: woman('ru'), forwarding: forwarding(), status: 'forwarded' });
    const email = applicantEmail(c, notice('forwarding', 'ru'), context);
    expect(email.subject).toBe(`Жалоба направлена по подведомственности: № ${number}`);
    expect(email.text).toContain('не относится к нашей компетенции');
    expect(email.text).toContain(
      `25.11.2026 жалоба направлена по подведомственности в орган, к компетенции которого относится её рассмотрение: ${ministry.name.ru}.`,
    );
    expect(email.text).toContain(
      'зарегистрирована 25.11.2026 под № ministry-justice/2026/000007; решение по ней будет принято не позднее 02.12.2026.',
    );
    expect(email.text).toContain(
      'Пояснение: Регистрация прав на недвижимость относится к органам юстиции.',
    );
    expect(email.text).not.toMatch(/ministry-justice(?!\/2026)/); // the body by name, not by id
    const kk = applicantEmail(
      { ...c, applicant: woman('kk') },
      notice('forwarding', 'kk'),
      context,
    ).text;
    expect(kk).toContain(`қарау құзыретіне жататын органға жіберілді: ${ministry.name.kk}.`);
    expect(kk).toContain('25.11.2026 тіркелді, тіркеу нөмірі № ministry-justice/2026/000007;');
    expect(kk).toContain('02.12.2026 кешіктірмей');
  });

  it('R17: the withdrawal is confirmed and the review ended; a paper one names the statement’s date', () => {
    const online = complaint({ applicant: woman('ru'), withdrawal: withdrawal() });
    const text = applicantEmail(online, notice('withdrawal', 'ru'), context).text;
    expect(text).toContain(`Ваша жалоба № ${number}, зарегистрированная 23.11.2026,`);
    expect(text).toContain('отозвана по Вашей просьбе 24.11.2026');
    expect(text).toContain('Рассмотрение жалобы прекращено.');
    const onPaper = complaint({
      applicant: woman('ru'),
      channel: 'paper',
      withdrawal: withdrawal('2026-11-24'),
    });
    const letter = renderLetter(onPaper, notice('withdrawal', 'ru', { form: 'letter' }), context);
    expect(letter).toContain('на основании Вашего письменного заявления, поступившего 24.11.2026');
    const kk = applicantEmail(
      { ...onPaper, applicant: woman('kk') },
      notice('withdrawal', 'kk'),
      context,
    ).text;
    expect(kk).toContain(
      '24.11.2026 келіп түскен жазбаша өтінішіңіз негізінде кері қайтарып алынғанын',
    );
    expect(kk).toContain('Шағымды қарау тоқтатылды.');
  });

  it('R18: the return states its ground, that it is no decision on the merits, and for missing details that one may file again', () => {
    const c = complaint({ applicant: woman('ru'), return: returned('missing_details') });
    const text = applicantEmail(c, notice('return', 'ru'), context).text;
    expect(text).toContain('возвращена 24.11.2026 без рассмотрения');
    expect(text).toContain(`Основание: ${returnGroundTexts.missing_details.ru}.`);
    expect(text).toContain('Пояснение: Не указан адрес заявителя.');
    expect(text).toContain('не является решением по существу');
    expect(text).toContain('Вы вправе подать жалобу снова');
    const kk = applicantEmail(
      { ...c, applicant: woman('kk') },
      notice('return', 'kk'),
      context,
    ).text;
    expect(kk).toContain(`Негізі: ${returnGroundTexts.missing_details.kk}.`);
    expect(kk).toContain('мәні бойынша шешу болып табылмайды');
    expect(kk).toContain('қайта беруге құқығыңыз бар');
  });

  it('R18: a repeated complaint names the decided one; other grounds do not invite filing again', () => {
    const repeated = complaint({ applicant: woman('ru'), return: returned('repeated') });
    const text = applicantEmail(repeated, notice('return', 'ru'), context).text;
    expect(text).toContain(returnGroundTexts.repeated.ru);
    expect(text).toContain('Ранее поданная жалоба: № akimat-astana/2026/000017.');
    expect(text).not.toContain('подать жалобу снова');
    const kk = applicantEmail(
      { ...repeated, applicant: woman('kk') },
      notice('return', 'kk'),
      context,
    ).text;
    expect(kk).toContain('Бұрын берілген шағым: № akimat-astana/2026/000017.');
    const notAComplaint = complaint({
      applicant: woman('ru'),
      return: returned('not_a_complaint'),
    });
    const other = applicantEmail(notAComplaint, notice('return', 'ru'), context).text;
    expect(other).toContain(returnGroundTexts.not_a_complaint.ru);
    expect(other).not.toContain('подать жалобу снова');
  });

  it('R19: the deemed refusal states the missed due date, the refusal from the day after, and the number to cite', () => {
    const c = complaint({ applicant: woman('ru'), status: 'overdue' });
    const email = applicantEmail(c, notice('deemed_refusal', 'ru'), context);
    expect(email.subject).toBe(`Решение по жалобе не принято в срок: № ${number}`);
    expect(email.text).toContain('решение должно было быть принято не позднее 30.11.2026');
    expect(email.text).toContain('считается отказом в удовлетворении жалобы');
    expect(email.text).toContain('с 01.12.2026');
    expect(email.text).toContain(`указать номер этой жалобы: № ${number}.`);
    const kk = applicantEmail(
      { ...c, applicant: woman('kk') },
      notice('deemed_refusal', 'kk'),
      context,
    ).text;
    expect(kk).toContain('30.11.2026 кешіктірмей қабылдануы тиіс еді');
    expect(kk).toContain('01.12.2026 бастап');
    expect(kk).toContain(`№ ${number}.`);
  });
});

// --- Greetings and plurals -----------------------------------------------------------------------

describe('greetings', () => {
  it('a person in Russian by the IIN’s 7th digit: man, woman, or a neutral greeting', () => {
    expect(greetingOf(man('ru'), 'ru')).toBe('Уважаемый Ерлан Сапаров!');
    expect(greetingOf(woman('ru'), 'ru')).toBe('Уважаемая Айгүл Серікқызы!');
    expect(greetingOf(unknownSex('ru'), 'ru')).toBe('Здравствуйте, John Smith!');
    for (const [digit, expected] of [
      ['1', 'Уважаемый'],
      ['2', 'Уважаемая'],
      ['5', 'Уважаемый'],
      ['6', 'Уважаемая'],
      ['7', 'Здравствуйте,'],
    ] as const) {
      const applicant: Applicant = { ...man('ru'), iin: `000101${digit}00000` };
      expect(greetingOf(applicant, 'ru').startsWith(expected)).toBe(true);
    }
  });

  it('a person in Kazakh: «Құрметті …!» whatever the sex', () => {
    for (const applicant of [man('kk'), woman('kk'), unknownSex('kk')]) {
      expect(greetingOf(applicant, 'kk')).toBe(`Құрметті ${applicant.name}!`);
    }
  });

  it('an organisation is addressed through its head, in both languages', () => {
    expect(greetingOf(company('ru'), 'ru')).toBe('Руководителю ТОО «Алтын Дән»');
    expect(greetingOf(company('kk'), 'kk')).toBe('«Алтын Дән» ЖШС басшысына');
    const c = everything(company('ru'));
    const email = applicantEmail(c, notice('decision', 'ru'), context);
    expect(email.text.startsWith('Руководителю ТОО «Алтын Дән»\n')).toBe(true);
  });

  it('no text to an organisation says «Уважаемый/Уважаемая», in any notice kind', () => {
    for (const language of languages) {
      const c = everything(company(language));
      for (const kind of noticeKinds) {
        expect(allOf(c, notice(kind, language))).not.toMatch(/Уважаем/);
      }
    }
  });

  it('no text ever says «Уважаемый(ая)»', () => {
    for (const make of applicants) {
      for (const language of languages) {
        const c = everything(make(language));
        for (const kind of noticeKinds) {
          expect(allOf(c, notice(kind, language))).not.toContain('Уважаемый(ая)');
        }
        for (const a of alerts)
          expect(officialAlertEmail(c, a, context).text).not.toContain('(ая)');
      }
    }
  });
});

describe('Russian plurals (Intl.PluralRules), Kazakh invariant', () => {
  it('working days: 1, 2, 3, 5, 11, 21, 22, 25', () => {
    expect([1, 2, 3, 5, 11, 21, 22, 25].map((n) => workingDaysText(n, 'ru'))).toEqual([
      '1 рабочий день',
      '2 рабочих дня',
      '3 рабочих дня',
      '5 рабочих дней',
      '11 рабочих дней',
      '21 рабочий день',
      '22 рабочих дня',
      '25 рабочих дней',
    ]);
    expect([1, 5, 21].map((n) => workingDaysText(n, 'kk'))).toEqual([
      '1 жұмыс күні',
      '5 жұмыс күні',
      '21 жұмыс күні',
    ]);
  });

  it('calendar days and any noun: день, дня, дней', () => {
    expect([1, 2, 5, 12, 101, 111].map((n) => calendarDaysText(n, 'ru'))).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '12 дней',
      '101 день',
      '111 дней',
    ]);
    expect(calendarDaysText(5, 'kk')).toBe('5 күн');
    expect(russianPlural(24, { one: 'жалоба', few: 'жалобы', many: 'жалоб' })).toBe('жалобы');
  });

  it('the review period of the authorized body: 15 рабочих дней', () => {
    const c = complaint({ applicant: woman('ru'), addressee: agency, reviewWorkingDays: 15 });
    expect(applicantEmail(c, notice('registration', 'ru'), context).text).toContain(
      'Срок рассмотрения жалобы — 15 рабочих дней',
    );
  });
});

// --- Alerts to officials -------------------------------------------------------------------------

describe('R9, R11, R12, R16, R24: alerts to officials, in Kazakh and Russian at once', () => {
  const c = everything(woman());

  it('R11: the due-soon reminder names the complaint, the addressee and the due date in both languages', () => {
    const email = officialAlertEmail(c, findAlert('due_soon'), context);
    expect(email.subject).toBe(
      `Қарау мерзімі аяқталуға жақын: № ${number} / Срок рассмотрения истекает: № ${number}`,
    );
    const { kk, ru } = halves(email.text);
    expect(kk).toContain('30.11.2026 аяқталады');
    expect(kk).toContain('Адресат: Астана қаласының әкімдігі.');
    expect(ru).toContain('истекает 30.11.2026');
    expect(ru).toContain('не позднее этого дня');
    expect(ru).toContain('Адресат: Акимат города Астаны.');
    expect(email.text.indexOf('Қарау')).toBeLessThan(email.text.indexOf('Срок')); // Kazakh first
    expect(email.html).toContain('<html lang="kk">');
    expect(email.html).toContain('<hr>');
  });

  it('R11, R19: the overdue alert states the missed due date and that the applicant is told of the refusal', () => {
    const { kk, ru } = halves(officialAlertEmail(c, findAlert('overdue'), context).text);
    expect(kk).toContain(
      `№ ${number} шағым белгіленген мерзімде (30.11.2026 кешіктірмей) қаралмады.`,
    );
    expect(kk).toContain('бас тарту болып саналатыны туралы хабарлама жіберілді');
    expect(ru).toContain(
      `Жалоба № ${number} не рассмотрена в установленный срок (не позднее 30.11.2026).`,
    );
    expect(ru).toContain('Заявителю направлено уведомление');
    expect(ru).toContain('считается отказом в удовлетворении жалобы');
  });

  it('R12: the unanswered recommendation names the recommended body by name and its answer-by date', () => {
    const email = officialAlertEmail(c, findAlert('recommendation_unanswered'), context);
    const { kk, ru } = halves(email.text);
    expect(kk).toContain(`Ұсыным жіберілген орган: ${ministry.name.kk}.`);
    expect(kk).toContain('(10.12.2026 кешіктірмей) жауап берілмеді');
    expect(ru).toContain(`Орган, которому направлена рекомендация: ${ministry.name.ru}.`);
    expect(ru).toContain('(не позднее 10.12.2026)');
    expect(email.text).not.toContain(ministry.id);
    expect(email.text).not.toMatch(isoDate);
  });

  it('R12: a body missing from the directory is named by its id, as a last resort only', () => {
    const blind = contextOn('2026-11-25', new Map());
    const text = officialAlertEmail(c, findAlert('recommendation_unanswered'), blind).text;
    expect(text).toContain(`Орган, которому направлена рекомендация: ${ministry.id}.`);
  });

  it('R9: a letter not dispatched says which notice, by when, and what to do', () => {
    const { kk, ru } = halves(
      officialAlertEmail(c, findAlert('letter_not_dispatched'), context).text,
    );
    expect(ru).toContain(
      `По жалобе № ${number} письменное уведомление о принятом решении не отправлено заявителю`,
    );
    expect(ru).toContain('(не позднее 30.11.2026)');
    expect(ru).toContain('отметьте в системе дату и способ отправки');
    expect(kk).toContain('шағым бойынша қабылданған шешім туралы хабарлама');
  });

  it('R24: a failed e-mail notice: which notice in words, to be delivered another way and recorded, by its due date', () => {
    const { kk, ru } = halves(officialAlertEmail(c, findAlert('notice_failed'), context).text);
    expect(ru).toContain(
      `По жалобе № ${number} не удалось доставить заявителю электронное уведомление о регистрации.`,
    );
    expect(ru).toContain('почтой, курьером или лично');
    expect(ru).toContain('отметить доставку в системе');
    expect(ru).toContain('Уведомление должно быть доставлено не позднее 30.11.2026.');
    expect(kk).toContain('шағымның тіркелгені туралы хабарлама жеткізілмеді');
    expect(kk).toContain('поштамен, курьер арқылы немесе қолма-қол');
    expect(kk).toContain('Хабарлама 30.11.2026 кешіктірмей жеткізілуі тиіс.');
  });

  it('R16: a late forwarding names the receiving body, the day of forwarding and the term it missed', () => {
    const email = officialAlertEmail(c, findAlert('forwarded_late'), context);
    const { kk, ru } = halves(email.text);
    expect(ru).toContain(`Жалоба № ${number} направлена по подведомственности 27.11.2026`);
    expect(ru).toContain('срока в три рабочих дня, который закончился 26.11.2026');
    expect(ru).toContain(`Орган, в который направлена жалоба: ${ministry.name.ru}`);
    expect(ru).toContain('№ ministry-justice/2026/000007');
    expect(kk).toContain(`№ ${number} шағым құзыреті бойынша 27.11.2026`);
    expect(kk).toContain('(26.11.2026 аяқталған)');
    expect(kk).toContain(`Шағым жіберілген орган: ${ministry.name.kk}`);
  });

  it('every Kazakh half says «Адресат», never «Мекенжай» (a postal address)', () => {
    for (const a of alerts) {
      const email = officialAlertEmail(c, a, context);
      const { kk } = halves(email.text);
      expect(kk).toContain(`Адресат: ${akimat.name.kk}.`);
      expect(`${email.text}${email.html}`).not.toMatch(/мекенжай/i);
    }
  });

  it('every alert says where to find the complaint in words, by its number, with no API path', () => {
    for (const a of alerts) {
      const email = officialAlertEmail(c, a, context);
      const { kk, ru } = halves(email.text);
      expect(kk).toContain(`№ ${number} шағымды шағымдарды қарау жүйесінде ашыңыз`);
      expect(ru).toContain(`Откройте жалобу № ${number} в системе рассмотрения жалоб`);
      expect(`${email.text}${email.html}`).not.toMatch(/\/v1\/|GET |C1\b/);
    }
  });
});

describe('R22: the calendar warning', () => {
  it('states the end of the official calendar, the days left and what to add, Kazakh first', () => {
    const email = calendarWarningEmail({ officialCalendarEnd: '2026-12-31', daysLeft: 30 });
    const { kk, ru } = halves(email.text);
    expect(email.subject).toContain('31.12.2026');
    expect(kk).toContain('31.12.2026 аяқталады: 30 күн қалды.');
    expect(kk).toContain('алдын ала');
    expect(kk).toContain('2027 жылғы күнтізбені');
    expect(kk).toContain('Құрбан айт');
    expect(ru).toContain('заканчивается 31.12.2026: осталось 30 дней.');
    expect(ru).toContain('установленным законом, и отмечаются как предварительные');
    expect(ru).toContain('календарь на 2027 год');
    expect(ru).toContain('Министра труда');
    expect(ru).toContain('Курбан айта');
    expect(email.text.indexOf('Құрметті')).toBeLessThan(email.text.indexOf('Уважаемые'));
    expect(email.html).toContain('<hr>');
  });

  it('counts the days left with the right plural', () => {
    const ru = (daysLeft: number) =>
      halves(calendarWarningEmail({ officialCalendarEnd: '2026-12-31', daysLeft }).text).ru;
    expect(ru(1)).toContain('остался 1 день.');
    expect(ru(2)).toContain('осталось 2 дня.');
    expect(ru(5)).toContain('осталось 5 дней.');
    expect(ru(21)).toContain('остался 21 день.');
    expect(ru(0)).toContain('это сегодня');
  });
});

// --- Every text, every language ------------------------------------------------------------------

describe('every notice and alert kind, in both languages', () => {
  const broken = /undefined|null|NaN|\[object/;

  it('every notice kind renders for every applicant in both languages, with nothing missing', () => {
    for (const make of applicants) {
      for (const language of languages) {
        for (const addressee of [akimat, agency]) {
          const c = everything(make(language), addressee);
          for (const kind of noticeKinds) {
            const all = allOf(c, notice(kind, language));
            expect(all, `${kind} ${language}`).not.toMatch(broken);
            expect(all).not.toContain('/v1/');
            expect(all).not.toMatch(isoDate);
            expect(all).toContain(c.registrationNumber);
            // Nothing in the other language (the records' free text is in Russian, so only kk is checked for ru).
            if (language === 'ru') expect(all).not.toMatch(/шағым|тіркел/i);
          }
        }
      }
    }
  });

  it('every alert kind renders in both languages, with nothing missing', () => {
    expect(alerts.map((a) => a.kind)).toEqual(alertKinds);
    for (const language of languages) {
      const c = everything(company(language));
      for (const a of alerts) {
        const email = officialAlertEmail(c, a, context);
        const all = `${email.subject}\n${email.text}\n${email.html}`;
        expect(all, a.kind).not.toMatch(broken);
        expect(all).not.toContain('/v1/');
        expect(all).not.toMatch(isoDate);
        const { kk, ru } = halves(email.text);
        expect(kk).not.toBe('');
        expect(ru).not.toBe('');
        expect(ru).toMatch(/жалоб/i);
        expect(kk).toMatch(/шағым/i);
      }
    }
    const warning = calendarWarningEmail({ officialCalendarEnd: '2026-12-31', daysLeft: 3 });
    expect(`${warning.subject}${warning.text}${warning.html}`).not.toMatch(broken);
  });
});

// --- The coupon ----------------------------------------------------------------------------------

describe('R20: the coupon for a paper complaint accepted at the counter', () => {
  const acceptedBy: AcceptedBy = {
    name: 'Жанар Ахметова',
    position: 'главный специалист канцелярии',
  };
  const atCounter = complaint({
    channel: 'paper',
    applicant: woman('ru'),
    receivedAt: '2026-11-23T17:45:00+05:00',
    acceptedBy,
    filedBy: official,
  });

  it('states the number, the date and time of receipt, the registration date, who accepted it and the inclusive due date', () => {
    const html = renderCoupon(atCounter, context);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Талон о принятии жалобы');
    expect(html).toContain('Акимат города Астаны');
    expect(html).toContain(`№ ${number}`);
    expect(html).toContain('23.11.2026, 17:45');
    expect(html).toContain('<th>Дата регистрации</th><td>23.11.2026</td>');
    expect(html).toContain('Жанар Ахметова, главный специалист канцелярии');
    expect(html).toContain('Айгүл Серікқызы');
    expect(html).toContain('Выдача справки о зарегистрированных правах');
    expect(html).toContain('5 рабочих дней');
    expect(html).toContain('не позднее 30.11.2026');
    expect(html).toContain('@page { size: A5');
    expect(html).not.toMatch(/src=|href=|@import|url\(|<script/); // nothing external, nothing run
    expect(html).not.toMatch(/undefined|null|NaN/);
    expect(html).not.toContain('предварительн');
  });

  it('in Kazakh for a Kazakh-speaking applicant, with the provisional caveat when it applies', () => {
    const html = renderCoupon(
      {
        ...atCounter,
        applicant: woman('kk'),
        dueDate: '2027-01-08',
        dueDateProvisional: true,
      },
      context,
    );
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain('Шағымның қабылданғаны туралы талон');
    expect(html).toContain('Астана қаласының әкімдігі');
    expect(html).toContain('23.11.2026, сағат 17:45');
    expect(html).toContain('08.01.2027 кешіктірмей');
    expect(html).toContain('5 жұмыс күні');
    expect(html).toContain('2027 жылғы ресми өндірістік күнтізбе');
  });

  it('escapes every value', () => {
    const hostile = renderCoupon(
      {
        ...atCounter,
        applicant: { ...woman('ru'), name: 'Иван <script>alert("x")</script> & Co' },
        acceptedBy: { name: '<b>Жанар</b>', position: 'специалист' },
      },
      context,
    );
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain(escapeHtml('Иван <script>alert("x")</script> & Co'));
    expect(hostile).toContain('&lt;b&gt;Жанар&lt;/b&gt;, специалист');
  });

  it('is refused for a complaint nobody accepted at a counter', () => {
    expect(() => renderCoupon(complaint(), context)).toThrow(RangeError);
  });
});

// --- Escaping and letters ------------------------------------------------------------------------

describe('escaping and letters', () => {
  const explanation = 'См. <b>акт</b> & "протокол" от 24.11.2026';
  const hostile = complaint({
    applicant: { ...woman('ru'), name: 'Иван <script>alert("x")</script> & Co' },
    extensions: [{ ...extension(2), reason: 'additional_study', explanation }],
  });

  it('keeps the applicant’s words as they are in text, and escapes them in HTML', () => {
    const email = applicantEmail(hostile, notice('extension', 'ru'), context);
    expect(email.text).toContain('<script>alert("x")</script>');
    expect(email.text).toContain(explanation);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).toContain('См. &lt;b&gt;акт&lt;/b&gt; &amp; &quot;протокол&quot;');
  });

  it('R9: the printable letter escapes too, and is addressed to the postal address', () => {
    const onPaper = complaint({
      channel: 'paper',
      applicant: { ...woman('kk'), name: '<img src=x onerror=alert(1)>' },
      extensions: [extension()],
      dueDate: '2026-12-03',
    });
    const letter = renderLetter(onPaper, notice('extension', 'kk', { form: 'letter' }), context);
    expect(letter).not.toContain('<img');
    expect(letter).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(letter).toContain('Астана, ул. Бейбітшілік, 1');
    expect(letter).toContain(`№ ${number}`);
    expect(letter).toContain('03.12.2026');
    expect(letter).toContain('@page { size: A4');
    expect(letter).toContain('Құрметпен,<br>Астана қаласының әкімдігі');
  });

  it('R9, R16: a letter escapes bodies’ names and explanations from the records', () => {
    const names = new Map([[ministry.id, { kk: '<i>министрлік</i>', ru: '<i>министерство</i>' }]]);
    const c = complaint({
      applicant: woman('ru'),
      channel: 'paper',
      forwarding: { ...forwarding(), explanation: '<script>x</script>' },
    });
    const letter = renderLetter(
      c,
      notice('forwarding', 'ru', { form: 'letter' }),
      contextOn('2026-11-25', names),
    );
    expect(letter).not.toMatch(/<i>|<script>/);
    expect(letter).toContain('&lt;i&gt;министерство&lt;/i&gt;');
  });

  it('an organisation’s letter is headed to its head above the postal address', () => {
    const c = everything(company('ru'));
    const letter = renderLetter(c, notice('decision', 'ru', { form: 'letter' }), context);
    expect(letter).toContain(
      '<div class="recipient">Руководителю ТОО «Алтын Дән»<br>Астана, ул. Бейбітшілік, 1</div>',
    );
    expect(letter).not.toMatch(/Уважаем/);
  });
});
