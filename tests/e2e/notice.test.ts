// The operator loads a year's holidays from the State Council notice as published, in the console:
// with the year's notice not yet loaded, they paste the 2026 notice (Xinhua's copy, no document
// number), see a mistyped sentence in red and cannot confirm; with the notice as published and
// its document number, they see its rest blocks on the calendar with the days that change marked,
// beside the running case the load will tell to recompute, and confirm. Screenshots in Chinese,
// also at a phone's width (390×844); axe finds nothing serious on the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, api, pageErrors } = ui;

const NOTICE_2026 = readFileSync(join(__dirname, '../fixtures/notices/2026.txt'), 'utf8');
const DOCUMENT_NO = OFFICIAL_NOTICES.find((n) => n.year === 2026)!.notice.documentNo;
const WRONG_WEEKDAY = '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。';

// The year is loaded from scratch here and put back as seeded afterwards.
let seeded: Awaited<ReturnType<typeof ui.h.db.calendarYear.findUniqueOrThrow>>;
let caseId: string;
beforeAll(async () => {
  seeded = await ui.h.db.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
  await ui.h.db.calendarYear.delete({ where: { year: 2026 } });
  const res = await fetch(`${ui.base}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: await bearer('lujiang-officer'), 'content-type': 'application/json' },
    body: JSON.stringify({ firmName: '厦门通知载入测试有限公司', creditCode: validSimingCode('MA7NTXT3'), street: 'lujiang', bank: 'xib', amount: '500000', purpose: '流动资金' }),
  });
  expect(res.status).toBe(201);
  caseId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  const restored = { ...seeded, arrangement: seeded.arrangement as object };
  await ui.h.db.calendarYear.upsert({ where: { year: 2026 }, create: restored, update: restored });
});

async function openLoader(page: Page) {
  await page.click('a[href="/calendar"]');
  await page.waitForSelector('#notice-text');
}

async function read(page: Page, text: string, documentNo = '') {
  await page.fill('#notice-text', text);
  await page.fill('#notice-docno', documentNo);
  await page.click('#notice-read');
  await page.waitForSelector('.notice-preview');
}

/** axe-core in the page (evaluated, as the console's CSP refuses injected scripts): no serious or critical violation. */
async function expectAccessible(page: Page) {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(`axe.run().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`);
  expect(violations).toEqual([]);
}

it('an unread sentence is shown in red and blocks the load; the notice as published loads', async () => {
  const page = await signedIn('operator');
  await openLoader(page);

  // A sentence mistyped (2021's 元旦 weekday): shown with its text and why; nothing to confirm.
  await read(page, NOTICE_2026.replace(/一、元旦：[^\n]*/, WRONG_WEEKDAY), DOCUMENT_NO);
  expect(await page.inputValue('#notice-year')).toBe('2026');
  const unread = page.locator('.unread-sentence');
  expect(await unread.count()).toBe(1);
  expect(await unread.locator('q').textContent()).toBe(WRONG_WEEKDAY);
  expect(await unread.locator('.why').textContent()).toBe('1月1日(周五)：2026-01-01是周四，通知写的是周五');
  expect(await page.evaluate(`getComputedStyle(document.querySelector('.unread-sentence')).color`)).toBe('rgb(179, 38, 30)');
  expect(await page.isDisabled('#notice-confirm')).toBe(true);
  await shot(page, 'notice-01-unread-sentence');

  // As Xinhua published it: every sentence read, but the document number is missing.
  await read(page, NOTICE_2026);
  expect(await page.locator('.unread-sentence').count()).toBe(0);
  expect(await page.textContent('.notice-preview .field-errors')).toContain('no document number');
  expect(await page.isDisabled('#notice-confirm')).toBe(true);

  // With it: the seven blocks on the calendar, the days that change marked, the running case beside.
  await read(page, NOTICE_2026, DOCUMENT_NO);
  expect(await page.locator('.notice-blocks tbody tr').allTextContents()).toEqual([
    '元旦2026-01-012026-01-033',
    '春节2026-02-152026-02-239',
    '清明节2026-04-042026-04-063',
    '劳动节2026-05-012026-05-055',
    '端午节2026-06-192026-06-213',
    '中秋节2026-09-252026-09-273',
    '国庆节2026-10-012026-10-077',
  ]);
  // 2026-02-23, a Monday, becomes a holiday; 2026-02-28, a Saturday, a working day.
  expect(await page.getAttribute('.notice-month [data-date="2026-02-23"]', 'class')).toMatch(/holiday.*changed/);
  expect(await page.getAttribute('.notice-month [data-date="2026-02-28"]', 'class')).toMatch(/working makeup.*changed/);
  expect(await page.textContent('.changed-dates')).toContain('2026-02-23: 工作日 → 节假日（春节）');
  await page.waitForSelector(`.running-workflows [data-running="${caseId}"]`);
  expect(await page.isDisabled('#notice-confirm')).toBe(false);
  await expectAccessible(page);
  await shot(page, 'notice-02-preview');

  await page.click('#notice-confirm');
  await page.waitForSelector('.notice-loader .ok');
  expect(await page.textContent('.notice-loader .ok')).toMatch(/^已载入：\d+ 个案件已通知，\d+ 个截止时间变动$/);
  const days = await api<{ days: { date: string; kind: string; source: string }[] }>('operator', '/api/v1/calendar/days?from=2026-02-23&to=2026-02-28');
  expect(days.days.filter((d) => d.date === '2026-02-23' || d.date === '2026-02-28')).toEqual([
    expect.objectContaining({ date: '2026-02-23', kind: 'HOLIDAY', source: 'NOTICE' }),
    expect.objectContaining({ date: '2026-02-28', kind: 'WORKING', source: 'MAKEUP_WORKDAY' }),
  ]);
  await shot(page, 'notice-03-loaded');
  expect(pageErrors).toEqual([]);
});

it('works at a phone’s width', async () => {
  const page = await signedIn('operator', { width: 390, height: 844 });
  await openLoader(page);
  await read(page, NOTICE_2026.replace(/一、元旦：[^\n]*/, WRONG_WEEKDAY), DOCUMENT_NO);
  await page.waitForSelector('.unread-sentence');
  // Nothing wider than the screen: the preview's columns stack and the calendar fits.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  expect(await page.locator('.unread-sentence').isVisible()).toBe(true);
  expect(await page.locator('.notice-blocks').isVisible()).toBe(true);
  await expectAccessible(page);
  await shot(page, 'notice-04-phone');
  expect(pageErrors).toEqual([]);
});
