// The screening import (大数据筛查) in the console, in headless Chromium against the real API and
// PostgreSQL: 鹭江's case officer, on a phone, pastes the street's firms with indicators; a
// malformed percentage is marked on its row and column before anything is sent, a building the
// street does not have is refused by the API (its message in Chinese on its row), and with the
// bad rows skipped the import answers the firm it flagged with each reason (input and threshold,
// Chinese first); the firm is then on the officer's visit list. Only the roles the API admits are
// offered the screen. Checked by axe-core at a phone's width; screenshots go to test-output/e2e/.
import { validSimingCode } from '../support/creditCodes';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, pageErrors, accessible } = ui;

// The database outlives a run: this run's firms have their own credit codes and names.
const run = String(Date.now()).slice(-5);
const FLAGGED = validSimingCode(`MD${run}1`);
const UNKNOWN_BUILDING = validSimingCode(`MD${run}2`);
const WELL = validSimingCode(`MD${run}3`);
const header = '统一社会信用代码,企业名称,楼宇,营收同比变化%,欠税欠费元,90天内到期贷款元,近期被拒贷';
const rows = (revenue: string) => [
  `${FLAGGED},厦门鹭江筛查贸易有限公司${run},,${revenue},20000,600000,否`,
  `${UNKNOWN_BUILDING},厦门鹭江筛查科技有限公司${run},lujiang-nope-${run},,,,是`,
  `${WELL},厦门鹭江稳健服务有限公司${run},,12,0,0,否`,
];

test('a street officer imports screening data on a phone: rows refused per row and column, bad rows skipped, flagged firms with their reasons on the visit list', async () => {
  const page = await signedIn('lujiang-officer', PHONE);
  await page.click('nav >> text=大数据筛查');
  await page.waitForSelector('#screening-csv');
  // A case officer imports for their own street only.
  expect(await page.locator('#screening-street option').allTextContents()).toEqual(['鹭江街道']);

  // A malformed percentage is marked on its row and column before anything is sent.
  await page.fill('#screening-csv', [header, ...rows('-35.5x')].join('\n'));
  expect(await page.textContent('tr[data-row="1"] [data-error="revenueChangePct"]')).toBe('有误: 须为百分比，例如 -35 或 12.5');
  expect(await page.textContent('[data-testid="screening-ready"]')).toBe('共 3 行，1 行有误');
  await page.click('button:has-text("导入并筛查")');
  expect(await page.textContent('[data-testid="screening-blocked"]')).toBe('1 行有误，整批未导入：请改正，或勾选跳过有误的行');

  // Corrected, the API refuses the building 鹭江 does not have: in Chinese, on its row; nothing is written.
  await page.fill('#screening-csv', [header, ...rows('-35.5')].join('\n'));
  await page.click('button:has-text("导入并筛查")');
  await page.waitForSelector('tr[data-row="2"] [data-error="building"]');
  expect(await page.textContent('tr[data-row="2"] [data-error="building"]')).toBe(`有误: 该街道（lujiang）没有楼宇“lujiang-nope-${run}”`);
  expect(await page.textContent('.problem')).toBe('填写内容有误');
  await shot(page, 'screening-01-refused-phone');

  // Skipping the bad row imports the others: one flagged, each reason with its input and threshold.
  await page.check('#screening-skip');
  await page.fill('#screening-source', `信易贷 e2e ${run}`);
  await page.click('button:has-text("导入并筛查")');
  await page.waitForSelector('[data-testid="screening-result"]');
  expect(await page.textContent('[data-testid="screening-result"] h2')).toBe('已导入 3 行，标记 1 家企业');
  expect(await page.textContent('[data-testid="written"] [data-total="created"]')).toBe('2');
  expect(await page.textContent('[data-testid="written"] [data-total="skipped"]')).toBe('1');
  const flagged = page.locator(`[data-testid="flagged-firms"] li[data-firm="${FLAGGED}"]`);
  expect(await flagged.locator('.badge').textContent()).toBe('7 分');
  expect(await flagged.locator('li[data-signal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))).toEqual(['LOANS_MATURING', 'ARREARS', 'REVENUE_DROP']);
  expect(await flagged.locator('li[data-signal="REVENUE_DROP"]').textContent()).toMatch(/^营收下降 \+2纳税申报营收同比 -35\.50%，不高于 -20\.00% 的阈值 tax-reported revenue/);
  expect(await page.$(`[data-testid="flagged-firms"] li[data-firm="${WELL}"]`)).toBeNull();
  expect(await page.textContent('[data-testid="screening-result"]')).toContain('另有 1 家企业未达标记分值');
  await accessible(page, 'screening import result, a case officer on a phone');
  await shot(page, 'screening-02-flagged-phone');

  // The flagged firm is on the street's visit list, with its reasons.
  await page.click('text=被标记的企业已加入该街道的走访清单');
  await page.waitForSelector(`[data-testid="screened-firms"] li[data-firm="${FLAGGED}"]`);
  expect(await page.textContent(`[data-testid="screened-firms"] li[data-firm="${FLAGGED}"] li[data-signal="LOANS_MATURING"]`)).toContain('90天内到期贷款 60万元，达到 50万元 的阈值');
  await accessible(page, 'visit list with screening flags, a case officer on a phone');
  expect(pageErrors).toEqual([]);
});

test('the task force chooses any street; roles the API does not admit are not offered the screen', async () => {
  const tf = await signedIn('task-force', PHONE);
  await tf.click('nav >> text=大数据筛查');
  await tf.waitForSelector('#screening-street');
  expect(await tf.locator('#screening-street option').count()).toBeGreaterThan(1);
  for (const who of ['lujiang-grid', 'manager', 'lujiang-visitor']) {
    const page = await signedIn(who, PHONE);
    expect(await page.locator('nav >> text=大数据筛查').count()).toBe(0);
    await page.goto(`${ui.base}/screening/import`);
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.$('#screening-csv')).toBeNull();
  }
  expect(pageErrors).toEqual([]);
});
