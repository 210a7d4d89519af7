/**
 * The web desk in a real browser (Debian's Chromium through Playwright), on `npm start`'s own
 * engines, each role walked through as a person would: an applicant files with the keyboard only,
 * in Kazakh, and follows the complaint; an official signs in, extends and decides, and the
 * applicant's e-mails reach the local SES; a paper complaint is registered and its coupon printed
 * to PDF; the Agency opens its statistics. Every page passes axe-core (WCAG 2.2 AA) with no
 * violation and breaks no rule of the CSP; each is saved as a screenshot in both languages
 * (`test-results/screenshots/`).
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.js';
import { localIssuerAt } from '../../infra/local/issuer.js';
import { receivedEmails } from '../../infra/local/ses.js';
import { repositoryRoot } from '../../infra/local/stack.js';
import { acceptedBy, electronicFiling } from '../fixtures.js';
import { chromiumPath, installInstruction } from '../support/chromium.js';
import { npmStart, type StartedNpmStart } from '../support/npm-start.js';

const screenshots = path.join(repositoryRoot, 'test-results', 'screenshots');
const addressee = 'akimat-astana';
const addresseeName = 'Астана қаласының әкімдігі';

let localDirectory: string;
let base: string;
let sesUrl: string;
let started: StartedNpmStart;
let browser: Browser;
/** What each page broke: console errors (a CSP refusal is one) and uncaught exceptions. */
const faults: string[] = [];

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error(installInstruction);
  localDirectory = await mkdtemp(path.join(tmpdir(), 'complaint-desk-browser-'));
  const port = await freePort();
  base = `http://127.0.0.1:${String(port)}`;
  started = await npmStart({ localDirectory, port });
  const endpoints = JSON.parse(
    await readFile(path.join(localDirectory, 'endpoints.json'), 'utf8'),
  ) as Record<string, string>;
  sesUrl = endpoints.ses ?? '';
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser.close();
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  if (started.child.pid !== undefined) process.kill(-started.child.pid, 'SIGINT');
  await exited;
  await rm(localDirectory, { recursive: true, force: true });
}, 60_000);

async function newPage(
  locale: 'kk-KZ' | 'ru-RU',
): Promise<{ context: BrowserContext; page: Page }> {
  faults.length = 0; // each test answers for its own pages
  const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') faults.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => faults.push(`${page.url()}: ${String(error)}`));
  return { context, page };
}

/** axe-core on the page as it stands: WCAG 2.0–2.2 A and AA, no violation allowed. */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations, page.url()).toEqual([]);
  expect(faults).toEqual([]);
}

/** The page checked and saved in the language it is in, then in the other one. */
async function checkInBothLanguages(page: Page, name: string): Promise<void> {
  const first = await page.evaluate(() => document.documentElement.lang);
  for (const language of [first, first === 'kk' ? 'ru' : 'kk']) {
    if (language !== first) {
      await page.click(`.languages button[lang=${language}]`);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    }
    await expectAccessible(page);
    await page.screenshot({
      path: path.join(screenshots, `${name}-${language}.png`),
      fullPage: true,
    });
  }
  await page.click(`.languages button[lang=${first}]`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, first);
}

/** Presses Tab until the focused element matches `selector` (the keyboard's way there). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Types a date into the focused `<input type=date>`, its parts in the order this browser shows
 * them for the page's locale: found first by typing a known date into a scratch input.
 */
async function typeDate(page: Page, isoDate: string): Promise<void> {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  const field = await page.evaluate(() => document.activeElement?.id ?? '');
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'date';
    probe.id = 'date-order-probe';
    document.body.append(probe);
    probe.focus();
  });
  await page.keyboard.type('01022003');
  const probed = await page.evaluate(() => {
    const probe = document.getElementById('date-order-probe') as HTMLInputElement;
    probe.remove();
    return probe.value;
  });
  const order =
    probed === '2003-01-02'
      ? [month, day, year]
      : probed === '2003-02-01'
        ? [day, month, year]
        : [year, month, day];
  await tabTo(page, `#${field}`);
  for (const part of order) await page.keyboard.type(part);
  expect(await page.inputValue(`#${field}`)).toBe(isoDate);
}

/** Today's date in Kazakhstan's legal time, as the API counts it. */
async function today(): Promise<string> {
  const { legalDate } = await import('../../shared/time/legal-time.js');
  return legalDate(Date.now());
}

async function officialToken(bodyId: string): Promise<string> {
  const issuer = await localIssuerAt(path.join(localDirectory, 'issuer'));
  return issuer.sign({ bodyId });
}

async function complaintsOf(bodyId: string): Promise<{ id: string; registrationNumber: string }[]> {
  const response = await fetch(`${base}/v1/complaints?addresseeId=${bodyId}&limit=100`, {
    headers: { authorization: `Bearer ${await officialToken(bodyId)}` },
  });
  return ((await response.json()) as { items: { id: string; registrationNumber: string }[] }).items;
}

async function signIn(page: Page, bodyId: string, role: 'official' | 'agency'): Promise<void> {
  await page.goto(`${base}/desk`);
  await page.click('.desk-sign-in');
  await page.waitForURL(/\/oauth2\/authorize/);
  await page.selectOption('select', bodyId);
  await page.check(`input[name=role][value=${role === 'agency' ? 'agency' : 'body'}]`);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/desk`);
  await page.waitForSelector('h1');
}

let filed: { registrationNumber: string; followLink: string };

describe('the web desk in a browser', () => {
  it('an applicant files with the keyboard only, in Kazakh, sees the due date first, and gets the number, the token once and the follow-up link', async () => {
    const { context, page } = await newPage('kk-KZ');
    await page.goto(`${base}/`);
    await page.waitForSelector('h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await checkInBothLanguages(page, 'home');

    await page.goto(`${base}/file`);
    await page.waitForSelector('input[name=addressee]');
    await tabTo(page, '#search');
    await page.keyboard.type(addresseeName);
    await page.waitForSelector(`input[name=addressee][value=${addressee}]`);
    await tabTo(page, 'input[name=addressee]');
    await page.keyboard.press('Space');
    expect(await page.inputValue('input[name=addressee]:checked')).toBe(addressee);
    // R5: the due date the law gives, before anything is sent.
    await expect(page.locator('.due-preview').textContent()).resolves.toMatch(/кешіктірілмей/);

    // The IIN is checked as it is typed, with the API's check-digit rule.
    await tabTo(page, '#identifier');
    await page.keyboard.type('900101400012');
    await expect(page.locator('#identifier-error').textContent()).resolves.not.toBe('');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(electronicFiling.applicant.iin.slice(-1));
    await expect(page.locator('#identifier-hint').textContent()).resolves.toBe('Нөмір дұрыс');
    await tabTo(page, '#name');
    await page.keyboard.type(electronicFiling.applicant.name);
    await tabTo(page, '#email');
    await page.keyboard.type(electronicFiling.applicant.email);
    await tabTo(page, 'input[name=subjectType]');
    await page.keyboard.press('Space');
    await tabTo(page, '#service');
    await page.keyboard.type(electronicFiling.subject.service);
    await tabTo(page, '#respondent');
    await page.keyboard.type(electronicFiling.subject.respondent);
    await tabTo(page, '#occurredOn');
    await typeDate(page, electronicFiling.subject.occurredOn);
    await tabTo(page, '#text');
    // Sent once without the text: the API's own rule answers next to the field, nothing is lost.
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#text-error');
    expect(await page.inputValue('#name')).toBe(electronicFiling.applicant.name);
    await checkInBothLanguages(page, 'file-errors');
    await tabTo(page, '#text');
    await page.keyboard.type(electronicFiling.text);
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    await page.waitForSelector('.registration-number');
    const registrationNumber = (await page.textContent('.registration-number')) ?? '';
    expect(registrationNumber).toMatch(/\S/);
    const token = (await page.textContent('#access-token')) ?? '';
    expect(token).toMatch(/^ap\./);
    const followLink = (await page.getAttribute('#follow-link', 'href')) ?? '';
    expect(new URL(followLink).search).toBe('');
    expect(new URL(followLink).hash).toContain('token=');
    filed = { registrationNumber, followLink };
    await checkInBothLanguages(page, 'filed');
    const mine = await complaintsOf(addressee);
    expect(mine.filter((c) => c.registrationNumber === registrationNumber)).toHaveLength(1);
    await context.close();
  }, 180_000);

  it('the applicant follows the complaint from the private link: the token leaves the address bar for session storage', async () => {
    const { context, page } = await newPage('ru-RU');
    await page.goto(filed.followLink);
    await page.waitForSelector('.timeline li');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('desk.access-token'))).toMatch(/^ap\./);
    // The link's language (the notices' language) is the page's.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await expect(page.textContent('h1')).resolves.toContain(filed.registrationNumber);
    await checkInBothLanguages(page, 'follow');
    await context.close();
  }, 120_000);

  it('the receipt e-mail’s link opens the complaint; an applicant who lost it asks for a new one, which arrives and works', async () => {
    const linksIn = async (): Promise<string[]> =>
      (await receivedEmails(sesUrl))
        .filter((email) => email.destination.to.includes(electronicFiling.applicant.email))
        .flatMap((email) =>
          [...(email.body.text ?? '').matchAll(/https?:\/\/\S+\/follow#\S+/g)].map((m) => m[0]),
        );
    const waitForLinks = async (count: number): Promise<string[]> => {
      const deadline = Date.now() + 20_000;
      let links = await linksIn();
      while (links.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        links = await linksIn();
      }
      return links;
    };
    const [receiptLink] = await waitForLinks(1);
    expect(receiptLink).toBeDefined();
    expect(new URL(receiptLink ?? '').search).toBe('');

    const { context, page } = await newPage('ru-RU');
    await page.goto(receiptLink ?? '');
    await expect(page.textContent('h1')).resolves.toContain(filed.registrationNumber);

    // Lost: the page without a token offers the request for a new link (202 whatever is typed).
    await page.click('text=Шағымнан шығу');
    await page.waitForSelector('#lost-heading');
    await checkInBothLanguages(page, 'follow-lost');
    await page.fill('#lost-number', filed.registrationNumber);
    await page.fill('#lost-email', electronicFiling.applicant.email);
    await page.click('#lost-heading ~ form button[type=submit]');
    await page.waitForSelector('.alert-success');
    const links = await waitForLinks(2);
    const fresh = links.find((link) => link !== receiptLink);
    expect(fresh).toBeDefined();
    const second = await context.newPage();
    await second.goto(fresh ?? '');
    await expect(second.textContent('h1')).resolves.toContain(filed.registrationNumber);
    await context.close();
  }, 120_000);

  it('an official signs in, finds the complaint in the queue, extends and decides it; the applicant’s e-mails arrive', async () => {
    const { context, page } = await newPage('ru-RU');
    await signIn(page, addressee, 'official');
    const row = page.locator('tr', { hasText: filed.registrationNumber });
    await row.waitFor();
    await checkInBothLanguages(page, 'queue');
    await row.locator('a').click();
    await page.waitForSelector('#extend-heading');
    await checkInBothLanguages(page, 'complaint-official');

    await page.fill('#extend-workingDays', '3');
    await page.selectOption('#extend-reason', 'additional_information');
    await page.fill('#extend-explanation', 'Запрошены документы у отдела.');
    // Switching the language keeps what was typed.
    await page.click('.languages button[lang=kk]');
    await page.waitForFunction(() => document.documentElement.lang === 'kk');
    expect(await page.inputValue('#extend-explanation')).toBe('Запрошены документы у отдела.');
    await page.click('.languages button[lang=ru]');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await page.click('#extend-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Продления срока');

    await page.check('input[name=decide-outcome][value=satisfied]');
    await page.fill('#decide-text', 'Справка выдана.');
    await page.dblclick('#decide-heading ~ form button[type=submit]');
    await page.waitForSelector('.badge-success');
    await expect(page.textContent('.facts')).resolves.toContain('Решение принято');

    // R9, R10: the receipt, the extension notice and the decision notice reach the local SES
    // (besides the follow-up link asked for above).
    const notices = [
      'Шағымыңыз тіркелді',
      'Шағымды қарау мерзімі ұзартылды',
      'Шағым бойынша шешім',
    ];
    const deadline = Date.now() + 20_000;
    let subjects: string[] = [];
    while (!notices.every((notice) => subjects.includes(notice)) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      subjects = (await receivedEmails(sesUrl))
        .filter((email) => email.destination.to.includes(electronicFiling.applicant.email))
        .map((email) => email.subject.split(':')[0] ?? '');
    }
    for (const notice of notices)
      expect(subjects.filter((subject) => subject === notice)).toHaveLength(1);
    await context.close();
  }, 180_000);

  it('an official registers a paper complaint and prints its coupon to PDF', async () => {
    const { context, page } = await newPage('ru-RU');
    await signIn(page, addressee, 'official');
    await page.goto(`${base}/desk/paper`);
    await page.waitForSelector('#paper-heading');
    await page.check('input[name="paper-applicant.type"][value=individual]');
    await page.fill('[id="paper-applicant.iin"]', electronicFiling.applicant.iin);
    await page.fill('[id="paper-applicant.name"]', electronicFiling.applicant.name);
    await page.fill('[id="paper-applicant.postalAddress"]', 'Астана, ул. Бейбітшілік, 10');
    await page.check('input[name="paper-applicant.language"][value=ru]');
    await page.check('input[name="paper-subject.type"][value=action]');
    await page.fill('[id="paper-subject.service"]', electronicFiling.subject.service);
    await page.fill('[id="paper-subject.respondent"]', electronicFiling.subject.respondent);
    await page.fill('[id="paper-subject.occurredOn"]', electronicFiling.subject.occurredOn);
    await page.fill('[id="paper-text"]', electronicFiling.text);
    await page.fill('[id="paper-acceptedBy.name"]', acceptedBy.name);
    await page.fill('[id="paper-acceptedBy.position"]', acceptedBy.position);
    await checkInBothLanguages(page, 'paper');
    await page.click('#paper-heading ~ form button[type=submit]');
    await page.waitForSelector('.alert-success .registration-number');

    const [coupon] = await Promise.all([
      page.waitForEvent('popup'),
      page.click('.alert-success button'),
    ]);
    await coupon.waitForLoadState();
    await expect(coupon.textContent('h1')).resolves.toMatch(/талон/i);
    const pdf = await coupon.pdf({ format: 'A5' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await writeFile(path.join(screenshots, 'coupon.pdf'), pdf);

    // R9: a paper complaint's notices are letters: an extension's is printed on A4, then marked
    // dispatched.
    await page.click('.alert-success a');
    await page.waitForSelector('#extend-heading');
    await page.fill('#extend-workingDays', '2');
    await page.selectOption('#extend-reason', 'site_inspection');
    await page.fill('#extend-explanation', 'Нужен выезд на место.');
    await page.click('#extend-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Печать письма');
    const [letter] = await Promise.all([
      page.waitForEvent('popup'),
      page.click('text=Печать письма'),
    ]);
    await letter.waitForLoadState();
    const letterPdf = await letter.pdf({ format: 'A4' });
    expect(letterPdf.subarray(0, 5).toString()).toBe('%PDF-');
    await writeFile(path.join(screenshots, 'letter.pdf'), letterPdf);
    const dispatch = page.locator('form', { has: page.locator('[id$="-sentOn"]') });
    await dispatch.locator('[id$="-sentOn"]').fill(await today());
    await dispatch.locator('select').selectOption('post');
    await dispatch.locator('button[type=submit]').click();
    await page.waitForSelector('text=Отправлено почтой');
    await expectAccessible(page);
    await context.close();
  }, 180_000);

  it('an official forwards one complaint to the competent body (R16) and returns another (R18)', async () => {
    const file = async (): Promise<{ id: string; registrationNumber: string }> => {
      const response = await fetch(`${base}/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(electronicFiling),
      });
      return (await response.json()) as { id: string; registrationNumber: string };
    };
    const [toForward, toReturn] = [await file(), await file()];
    const { context, page } = await newPage('ru-RU');
    await signIn(page, addressee, 'official');

    await page.goto(`${base}/desk/complaints/${toForward.id}`);
    await page.waitForSelector('#forward-heading');
    await page.selectOption('#forward-toBodyId', 'ministry-justice');
    await page.fill(
      '#forward-explanation',
      'Вопрос регистрации прав — в ведении Министерства юстиции.',
    );
    await page.click('#forward-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Перенаправлена');
    expect(await page.locator('#forward-heading').count()).toBe(0);

    await page.goto(`${base}/desk/complaints/${toReturn.id}`);
    await page.waitForSelector('#return-heading');
    // The API's rule, checked in the browser: "repeated" needs the complaint it repeats.
    await page.selectOption('#return-ground', 'repeated');
    await page.fill('#return-explanation', 'Повторная жалоба.');
    await page.click('#return-heading ~ form button[type=submit]');
    await expect(page.textContent('[id="return-repeatedOf-error"]')).resolves.toContain(
      'обязательно для основания «повторная»',
    );
    await page.selectOption('#return-ground', 'not_a_complaint');
    await page.fill('#return-explanation', 'Обращение не содержит жалобы.');
    await page.click('#return-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Возвращена');
    await expectAccessible(page);
    await context.close();
  }, 180_000);

  it('an applicant withdraws an open complaint from the follow page (R17)', async () => {
    const response = await fetch(`${base}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, language: 'ru' },
      }),
    });
    const { accessToken } = (await response.json()) as { accessToken: string };
    const { context, page } = await newPage('ru-RU');
    await page.goto(`${base}/follow#lang=ru&token=${encodeURIComponent(accessToken)}`);
    await page.waitForSelector('#withdraw-heading');
    await page.fill('#withdraw-reason', 'Вопрос решён.');
    await page.click('#withdraw-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Отозвана');
    expect(await page.locator('#withdraw-heading').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it('the Agency opens its statistics: charts, the table and the CSV', async () => {
    const { context, page } = await newPage('kk-KZ');
    await signIn(page, 'agency-civil-service', 'agency');
    await page.goto(`${base}/desk/statistics`);
    await page.waitForSelector('table');
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(4);
    await expect(page.textContent('table')).resolves.toContain(addresseeName);
    await checkInBothLanguages(page, 'statistics');

    await page.click('text=CSV дайындау');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=CSV жүктеу'),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^body_id,month,/);
    expect(csv).toContain(addressee);
    await context.close();
  }, 180_000);

  it('the Agency records findings and a recommendation on a complaint to it (R12); the sign-in pages pass axe too', async () => {
    const filedToAgency = await fetch(`${base}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...electronicFiling, addresseeId: 'agency-civil-service' }),
    });
    expect(filedToAgency.status).toBe(201);
    const { id } = (await filedToAgency.json()) as { id: string };

    const { context, page } = await newPage('ru-RU');
    await page.goto(`${base}/desk`);
    await page.waitForSelector('.desk-sign-in');
    await checkInBothLanguages(page, 'desk-sign-in');
    await page.click('.desk-sign-in');
    await page.waitForURL(/\/oauth2\/authorize/);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(screenshots, 'local-sign-in.png'), fullPage: true });
    await page.check('input[name=role][value=agency]');
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/desk`);

    await page.goto(`${base}/desk/complaints/${id}`);
    await page.waitForSelector('#findings-heading');
    await checkInBothLanguages(page, 'complaint-agency');
    await page.fill('#findings-reasons', 'Заявителю не разъяснили основания отказа.');
    await page.check('#findings-violationFound');
    await page.selectOption('#findings-bodyId', addressee);
    await page.click('#findings-heading ~ form button[type=submit]');
    await page.waitForSelector('section.panel >> text=Заявителю не разъяснили основания отказа.');

    await page.selectOption('#recommend-bodyId', addressee);
    await page.fill('#recommend-measures', 'Разъяснить заявителю основания отказа письменно.');
    await page.fill('#recommend-respondBy', '2026-12-31');
    await page.click('#recommend-heading ~ form button[type=submit]');
    await page.waitForSelector('text=Разъяснить заявителю основания отказа письменно.');
    await expectAccessible(page);
    await context.close();
  }, 180_000);

  it('a double click on “file” files once', async () => {
    const before = (await complaintsOf(addressee)).length;
    const { context, page } = await newPage('ru-RU');
    await page.goto(`${base}/file`);
    await page.fill('#search', addresseeName);
    await page.check(`input[name=addressee][value=${addressee}]`);
    await page.fill('#identifier', electronicFiling.applicant.iin);
    await page.fill('#name', electronicFiling.applicant.name);
    await page.fill('#email', electronicFiling.applicant.email);
    await page.check('input[name=subjectType][value=inaction]');
    await page.fill('#service', electronicFiling.subject.service);
    await page.fill('#respondent', electronicFiling.subject.respondent);
    await page.fill('#occurredOn', electronicFiling.subject.occurredOn);
    await page.fill('#text', electronicFiling.text);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/complaints'))
        sent.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.dblclick('button[type=submit]');
    await page.waitForSelector('#access-token');
    await page.waitForTimeout(500);
    // One request, with its Idempotency-Key (a retry of the same draft would carry the same one).
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await complaintsOf(addressee)).length).toBe(before + 1);
    await context.close();
  }, 120_000);
});
