/**
 * What the e-mails and letters say (R9, R10, R11, R12): the facts, in the right language, dates as
 * DD.MM.YYYY, every value escaped in HTML. No snapshots: each test names the facts it expects.
 */

import { describe, expect, it } from 'vitest';
import type { Alert, Complaint, Notice } from '../../shared/domain/complaint.js';
import { applicantEmail, officialAlertEmail } from '../../shared/texts/emails.js';
import { extensionReasonTexts, renderLetter } from '../../shared/texts/notices.js';
import { bodies, principals } from '../fixtures.js';
import {
  apply,
  decide,
  extend,
  file,
  paper,
  recommendedComplaint,
  request,
} from '../support/complaints.js';

const official = principals.officialOf(bodies.akimat);
const number = 'akimat-astana/2026/000042';
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;

function notice(complaint: Complaint, id: string): Notice {
  const found = complaint.notices.find((n) => n.id === id);
  if (!found) throw new Error(`No notice ${id}`);
  return found;
}

function alert(complaint: Complaint, id: string): Alert {
  const found = complaint.alerts.find((a) => a.id === id);
  if (!found) throw new Error(`No alert ${id}`);
  return found;
}

const inRussian = { applicant: { ...request().applicant, language: 'ru' } } as const;

describe('R9: the registration receipt', () => {
  it('R9, R14: states the registration number, the date and the due date, in Kazakh', () => {
    const complaint = file('2026-11-23T10:00');
    const email = applicantEmail(complaint, notice(complaint, 'N0'));
    expect(email.subject).toBe(`Шағымыңыз тіркелді: № ${number}`);
    expect(email.text).toContain('Құрметті Айгүл Серікқызы!');
    expect(email.text).toContain(`23.11.2026 тіркелді, тіркеу нөмірі № ${number}`);
    expect(email.text).toContain('5 жұмыс күні ішінде, 30.11.2026 дейін');
    expect(email.text).not.toMatch(isoDate);
    expect(email.text).not.toMatch(/жалоб|зарегистр/i); // nothing in Russian
    expect(email.html).toContain('<html lang="kk">');
    expect(email.html).toContain(`№ ${number}`);
  });

  it('R9: in Russian for an applicant who wrote in Russian', () => {
    const complaint = file('2026-11-23T10:00', bodies.akimat, inRussian);
    const email = applicantEmail(complaint, notice(complaint, 'N0'));
    expect(email.subject).toBe(`Ваша жалоба зарегистрирована: № ${number}`);
    expect(email.text).toContain(`зарегистрирована 23.11.2026, регистрационный номер № ${number}`);
    expect(email.text).toContain('в течение 5 рабочих дней, до 30.11.2026');
    expect(email.text).not.toMatch(/шағым|тіркел/i); // nothing in Kazakh
    expect(email.html).toContain('<html lang="ru">');
  });
});

describe('R9: the extension notice', () => {
  const complaint = apply(file('2026-11-23T10:00'), extend(official, 3), '2026-11-25T10:00');
  const russian = apply(
    file('2026-11-23T10:00', bodies.akimat, inRussian),
    extend(official, 3),
    '2026-11-25T10:00',
  );

  it('R7, R8, R9: the reason, the explanation, the days granted and the new due date, in Kazakh', () => {
    const email = applicantEmail(complaint, notice(complaint, 'NE1'));
    expect(email.subject).toBe(`Шағымды қарау мерзімі ұзартылды: № ${number}`);
    expect(email.text).toContain('3 жұмыс күніне ұзартылғанын');
    expect(email.text).toContain(`Ұзарту себебі: ${extensionReasonTexts.site_inspection.kk}.`);
    expect(email.text).toContain('Түсіндірме: Требуется выезд на место.');
    expect(email.text).toContain('Шағым 03.12.2026 дейін қаралады.');
    // R9: the day of the extension, and the notice's 3-working-day due date.
    expect(email.text).toContain('шешім 25.11.2026 қабылданды');
    expect(email.text).toContain('үш жұмыс күні ішінде, 30.11.2026 кешіктірілмей');
    expect(email.text).not.toContain(extensionReasonTexts.site_inspection.ru);
  });

  it('R7, R8, R9: the same facts in Russian', () => {
    const email = applicantEmail(russian, notice(russian, 'NE1'));
    expect(email.subject).toBe(`Срок рассмотрения жалобы продлён: № ${number}`);
    expect(email.text).toContain('продлён на 3 рабочих дней');
    expect(email.text).toContain(`Причина продления: ${extensionReasonTexts.site_inspection.ru}.`);
    expect(email.text).toContain('Пояснение: Требуется выезд на место.');
    expect(email.text).toContain('Жалоба будет рассмотрена до 03.12.2026.');
    expect(email.text).toContain('Решение о продлении принято 25.11.2026');
    expect(email.text).toContain('не позднее 30.11.2026');
    expect(email.text).not.toMatch(isoDate);
  });

  it('every reason has its words in both languages', () => {
    for (const texts of Object.values(extensionReasonTexts)) {
      expect(texts.kk).not.toBe('');
      expect(texts.ru).not.toBe('');
      expect(texts.kk).not.toBe(texts.ru);
    }
  });
});

describe('R10: the decision notice', () => {
  it('R10: the outcome and the decision text, and where to appeal', () => {
    const complaint = apply(
      file('2026-11-23T10:00', bodies.akimat, inRussian),
      decide(official),
      '2026-11-26T12:00',
    );
    const email = applicantEmail(complaint, notice(complaint, 'ND'));
    expect(email.subject).toBe(`Решение по жалобе: № ${number}`);
    expect(email.text).toContain('рассмотрена: жалоба оставлена без удовлетворения.');
    expect(email.text).toContain('Оснований нет.');
    expect(email.text).toContain('уполномоченный орган');
  });
});

describe('escaping', () => {
  const hostile = {
    applicant: { ...request().applicant, name: 'Иван <script>alert("x")</script> & Co' },
  } as const;
  const explanation = 'См. <b>акт</b> & "протокол" от 24.11.2026';
  const extended = apply(
    file('2026-11-23T10:00', bodies.akimat, hostile),
    {
      type: 'extend',
      principal: official,
      extensionId: 'E1',
      noticeId: 'NE1',
      request: { workingDays: 2, reason: 'additional_study', explanation },
    },
    '2026-11-25T10:00',
  );

  it('keeps the applicant’s words as they are in text, and escapes them in HTML', () => {
    const email = applicantEmail(extended, notice(extended, 'NE1'));
    expect(email.text).toContain('<script>alert("x")</script>');
    expect(email.text).toContain(explanation);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).toContain('См. &lt;b&gt;акт&lt;/b&gt; &amp; &quot;протокол&quot;');
  });

  it('R9: the printable letter escapes too, and is addressed to the postal address', () => {
    const onPaper = apply(
      file('2026-11-23T10:00', bodies.akimat, {
        ...paper,
        applicant: { ...paper.applicant, name: '<img src=x onerror=alert(1)>' },
      }),
      extend(official, 3),
      '2026-11-25T10:00',
    );
    const letter = renderLetter(onPaper, notice(onPaper, 'NE1'));
    expect(letter).not.toContain('<img');
    expect(letter).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(letter).toContain('Астана, ул. Бейбітшілік, 1');
    expect(letter).toContain(`№ ${number}`);
    expect(letter).toContain('03.12.2026');
    expect(letter).toContain('@page { size: A4');
  });
});

describe('R11, R12: alerts to officials, in Kazakh and Russian at once', () => {
  const filed = file('2026-11-23T10:00');

  it('R11: the due-soon reminder names the complaint, the body and the due date in both languages', () => {
    const reminded = apply(
      filed,
      { type: 'remindDueSoon', principal: principals.system, alertId: 'AR' },
      '2026-11-27T09:00',
    );
    const email = officialAlertEmail(reminded, alert(reminded, 'AR'));
    expect(email.subject).toBe(
      `Қарау мерзімі аяқталуға жақын: № ${number} / Срок рассмотрения истекает: № ${number}`,
    );
    expect(email.text).toContain('30.11.2026 аяқталады');
    expect(email.text).toContain('истекает 30.11.2026');
    expect(email.text).toContain('Мекенжай: akimat-astana (kk).');
    expect(email.text).toContain('Адресат: akimat-astana (ru).');
    expect(email.text).toContain('GET /v1/complaints/C1');
    expect(email.text.indexOf('Қарау')).toBeLessThan(email.text.indexOf('Срок')); // Kazakh first
  });

  it('R11: the overdue alert states the missed due date', () => {
    const overdue = apply(
      filed,
      {
        type: 'markOverdue',
        principal: principals.system,
        alertIds: ['AO', 'AO2'],
        authorizedBodyId: bodies.agency.id,
      },
      '2026-12-01T00:00',
    );
    const toAuthorizedBody = alert(overdue, 'AO2');
    expect(toAuthorizedBody.recipient).toBe(bodies.agency.id);
    const email = officialAlertEmail(overdue, toAuthorizedBody);
    expect(email.text).toContain(`№ ${number} шағым белгіленген мерзімде, 30.11.2026 дейін`);
    expect(email.text).toContain(
      `Жалоба № ${number} не рассмотрена в установленный срок, до 30.11.2026.`,
    );
    expect(email.html).toContain('<html lang="kk">');
    expect(email.html).toContain('<hr>');
  });

  it('R12: the unanswered recommendation names the body and its answer-by date', () => {
    const complaint = apply(
      recommendedComplaint(),
      {
        type: 'alertUnansweredRecommendation',
        principal: principals.system,
        recommendationId: 'R1',
        alertId: 'AC',
        authorizedBodyId: bodies.agency.id,
      },
      '2026-12-11T00:00',
    );
    const email = officialAlertEmail(complaint, alert(complaint, 'AC'));
    expect(email.text).toContain('(akimat-astana) 10.12.2026 дейін жауап берілмеді');
    expect(email.text).toContain('(akimat-astana) ответ не получен к 10.12.2026');
    expect(email.text).not.toMatch(isoDate);
  });
});
