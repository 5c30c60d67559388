// The bank and branch import (银行及网点导入) in the console, in headless Chromium against the real
// API and PostgreSQL: the survey group, on a phone, opens it from the network page and pastes a
// bank of this run's own with two branches. A bank row naming stations is marked before sending;
// a street that does not exist is refused by the API (in Chinese, on its row) and nothing of the
// CSV is written; corrected, each row says what it did, and the same CSV again changes nothing.
// Roles the API does not admit are not offered the screen. Checked by axe-core at a phone's width.
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, api, pageErrors, accessible } = ui;

type Banks = { items: { code: string; branches: { code: string; stations: string[] }[] }[] };

// The database outlives a run: this run's bank and branches have their own codes.
const run = String(Date.now()).slice(-5);
const BANK = `e2eb${run}`;
const csv = (bankStations: string, secondStations: string) =>
  [
    '银行,网点,中文名称,英文名称,驻点街道',
    `${BANK},,测试银行${run},Test Bank ${run},${bankStations}`,
    `${BANK},${BANK}-1,测试银行${run}鹭江支行,Test Bank ${run} Lujiang,lujiang`,
    `${BANK},${BANK}-2,测试银行${run}莲前支行,Test Bank ${run} Lianqian,${secondStations}`,
  ].join('\n');

test('the survey group imports a bank and its branches on a phone: a wrong row refuses the whole CSV, then each row says what it did', async () => {
  const page = await signedIn('survey-group', PHONE);
  await page.click('nav >> text=摸排网络');
  await page.click('a:has-text("导入银行及网点")');
  await page.waitForSelector('#banks-csv');

  // A bank row has no stations: marked on its row before anything is sent.
  await page.fill('#banks-csv', csv('lujiang', 'lianqian'));
  expect(await page.textContent('tr[data-row="1"] [data-error="stations"]')).toBe('有误: 银行行（未填网点）不填驻点街道');

  // A street that does not exist: the API refuses it on its row, in Chinese, and writes nothing.
  await page.fill('#banks-csv', csv('', `lianqian;nowhere${run}`));
  expect(await page.textContent('[data-testid="banks-ready"]')).toBe('共 3 行，0 行有误');
  await page.click('button:has-text("导入")');
  await page.waitForSelector('tr[data-row="3"] [data-error="stations"]');
  expect(await page.textContent('tr[data-row="3"] [data-error="stations"]')).toBe(`有误: 没有街道“nowhere${run}”`);
  expect(await page.textContent('.problem')).toBe('填写内容有误');
  expect((await api<Banks>('survey-group', '/api/v1/banks')).items.some((b) => b.code === BANK)).toBe(false);
  await shot(page, 'bank-import-01-refused-phone');

  // Corrected: the bank and both branches are added, each row saying so.
  await page.fill('#banks-csv', csv('', 'lianqian;lujiang'));
  await page.click('button:has-text("导入")');
  await page.waitForSelector('[data-testid="banks-result"]');
  expect(await page.locator('[data-testid="bank-entries"] li').allTextContents()).toEqual([`行 1: 银行 ${BANK} — 新增`, `行 2: 网点 ${BANK}-1 — 新增`, `行 3: 网点 ${BANK}-2 — 新增`]);
  expect(await page.textContent('[data-testid="written"] [data-total="created"]')).toBe('3');
  await accessible(page, 'bank import result, the survey group on a phone');
  await shot(page, 'bank-import-02-imported-phone');
  const bank = (await api<Banks>('survey-group', '/api/v1/banks')).items.find((b) => b.code === BANK)!;
  expect(bank.branches.map((b) => [b.code, [...b.stations].sort()])).toEqual([
    [`${BANK}-1`, ['lujiang']],
    [`${BANK}-2`, ['lianqian', 'lujiang']],
  ]);

  // The same CSV again changes nothing; a renamed branch is changed.
  await page.click('button:has-text("导入")');
  await page.waitForSelector('[data-testid="written"] [data-total="unchanged"]:text-is("3")');
  await page.fill('#banks-csv', csv('', 'lianqian;lujiang').replace(`测试银行${run}莲前支行`, `测试银行${run}莲前分理处`));
  await page.click('button:has-text("导入")');
  await page.waitForSelector(`[data-testid="bank-entries"] li[data-entry="${BANK}-2"][data-result="CHANGED"]`);

  // The network page lists the bank with its branches and their stations.
  await page.click('a:has-text("摸排网络")');
  await page.waitForSelector(`tr[data-bank="${BANK}"]`);
  expect(await page.locator(`tr[data-bank="${BANK}"]`).count()).toBe(2);
  expect(pageErrors).toEqual([]);
});

test('roles the API does not admit are not offered the import', async () => {
  for (const who of ['manager', 'lujiang-officer']) {
    const page = await signedIn(who, PHONE);
    await page.goto(`${ui.base}/survey-network/bank-import`);
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.$('#banks-csv')).toBeNull();
  }
  // The operator keeps the network: offered the import.
  const operator = await signedIn('operator', PHONE);
  await operator.click('nav >> text=摸排网络');
  await operator.waitForSelector('a:has-text("导入银行及网点")');
});
