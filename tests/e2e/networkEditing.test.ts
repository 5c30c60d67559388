// Keeping the survey network's communities, banks and branches in the console, in headless
// Chromium against the real API and PostgreSQL: the task force, on a phone, adds a community of
// 鹭江 (a malformed code refused in the form first) and renames it, is refused retiring the seeded
// community whose teams and buildings are in use (the API's 409, in Chinese), adds a bank of this
// run's own with a branch stationed at 鹭江, stations it at 莲前 too, is refused retiring the bank
// while the branch is in use, then retires the branch and the bank (never deleted). A manager
// reads the network without the forms. Checked by axe-core at a phone's width.
import { PHONE, useConsole } from './consoleHarness';

const { signedIn, shot, api, pageErrors, accessible } = useConsole();

type Banks = { items: { code: string; retiredAt: string | null; branches: { code: string; stations: string[]; retiredAt: string | null }[] }[] };

// The database outlives a run: this run's community, bank and branch have their own codes.
const run = String(Date.now()).slice(-5);
const COMMUNITY = `lujiang-c${run}`;
const BANK = `e2ek${run}`;
const BRANCH = `${BANK}-1`;

test('the task force adds and changes a community, a bank and its branch on a phone; refused retirements read in Chinese', async () => {
  const page = await signedIn('task-force', PHONE);
  await page.click('nav >> text=摸排网络');
  await page.waitForSelector('[data-community="lujiang-01"]');

  // A community: refused empty and with a malformed code in the form, then added and renamed.
  await page.click('button:has-text("新增社区")');
  await page.click('[data-testid="community-form"] button[type="submit"]');
  expect(await page.textContent('#community-new-nameZh-error')).toBe('必填');
  await page.fill('#community-new-code', 'Lujiang C');
  expect(await page.textContent('#community-new-code-error')).toBe('须为 2-40 位小写字母、数字或“-”，以字母或数字开头');
  await page.fill('#community-new-code', COMMUNITY);
  await page.fill('#community-new-nameZh', `鹭江测试社区${run}`);
  await page.fill('#community-new-nameEn', `Lujiang test community ${run}`);
  await page.click('[data-testid="community-form"] button[type="submit"]');
  await page.waitForSelector(`[data-community="${COMMUNITY}"]`);
  await page.click(`[data-community="${COMMUNITY}"] h2 button:has-text("修改")`);
  await page.fill(`#community-${COMMUNITY}-nameZh`, `鹭江测试社区${run}（改）`);
  await page.click('[data-testid="community-form"] button[type="submit"]');
  await page.waitForSelector(`[data-community="${COMMUNITY}"] h2:has-text("鹭江测试社区${run}（改）")`);

  // The seeded community still has teams and buildings in use: the API refuses to retire it.
  await page.click('[data-community="lujiang-01"] h2 button:has-text("修改")');
  await page.check('#community-lujiang-01-retired');
  await page.click('[data-testid="community-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="community-form"] .problem');
  expect(await page.textContent('[data-testid="community-form"] .problem')).toMatch(/^此修改会影响已有记录，未保存 — 社区 lujiang-01 仍有在用的走访小组或楼宇，请先停用它们。 community lujiang-01 still has teams or buildings in use/);
  await page.click('[data-testid="community-form"] button:has-text("取消")');

  // A bank with a branch stationed at 鹭江, then at 莲前 too.
  await page.click('button:has-text("新增银行")');
  await page.fill('#bank-new-code', BANK);
  await page.fill('#bank-new-nameZh', `测试银行${run}`);
  await page.fill('#bank-new-nameEn', `Test Bank ${run}`);
  await page.click('[data-testid="bank-form"] button[type="submit"]');
  await page.waitForSelector(`tr[data-bank="${BANK}"]`);
  await page.click(`button[aria-label="新增网点 测试银行${run}"]`);
  await page.fill(`#branch-${BANK}-new-code`, BRANCH);
  await page.fill(`#branch-${BANK}-new-nameZh`, `测试银行${run}鹭江支行`);
  await page.fill(`#branch-${BANK}-new-nameEn`, `Test Bank ${run} Lujiang`);
  await page.check(`#branch-${BANK}-new-station-lujiang`);
  await page.click('[data-testid="branch-form"] button[type="submit"]');
  await page.waitForSelector(`tr[data-branch="${BRANCH}"]`);
  expect(await page.textContent(`tr[data-branch="${BRANCH}"] td:nth-child(3)`)).toBe('鹭江街道');
  await page.click(`tr[data-branch="${BRANCH}"] button[aria-label="修改 测试银行${run}鹭江支行"]`);
  await page.check(`#branch-${BRANCH}-station-lianqian`);
  await accessible(page, 'branch form, the task force on a phone');
  await shot(page, 'network-01-branch-form-phone');
  await page.click('[data-testid="branch-form"] button[type="submit"]');
  await page.waitForSelector(`tr[data-branch="${BRANCH}"] td:nth-child(3):has-text("莲前")`);

  // The bank cannot retire while its branch is in use; the branch retires, then the bank.
  await page.click(`tr[data-bank="${BANK}"] button[aria-label="修改 测试银行${run}"]`);
  await page.check(`#bank-${BANK}-retired`);
  await page.click('[data-testid="bank-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="bank-form"] .problem');
  expect(await page.textContent('[data-testid="bank-form"] .problem')).toMatch(/^此修改会影响已有记录，未保存 — /);
  await shot(page, 'network-02-bank-refused-phone');
  await page.click('[data-testid="bank-form"] button:has-text("取消")');
  await page.click(`tr[data-branch="${BRANCH}"] button[aria-label="修改 测试银行${run}鹭江支行"]`);
  await page.check(`#branch-${BRANCH}-retired`);
  await page.click('[data-testid="branch-form"] button[type="submit"]');
  await page.waitForSelector(`tr[data-branch="${BRANCH}"] .badge.retired`);
  await page.click(`tr[data-bank="${BANK}"] button[aria-label="修改 测试银行${run}"]`);
  await page.check(`#bank-${BANK}-retired`);
  await page.click('[data-testid="bank-form"] button[type="submit"]');
  await page.waitForSelector(`tr[data-bank="${BANK}"] td:first-child .badge.retired`);
  await accessible(page, 'network page after the changes, the task force on a phone');
  const bank = (await api<Banks>('task-force', '/api/v1/banks')).items.find((b) => b.code === BANK)!;
  expect(bank.retiredAt).not.toBeNull();
  expect(bank.branches.map((b) => [b.code, b.retiredAt !== null])).toEqual([[BRANCH, true]]);
  expect(pageErrors).toEqual([]);
});

test('a manager reads the network without the forms', async () => {
  const page = await signedIn('manager', PHONE);
  await page.goto(page.url().replace(/\/[^/]*$/, '/survey-network'));
  await page.waitForSelector('[data-testid="banks"]');
  expect(await page.locator('button:has-text("新增银行"), button:has-text("新增社区"), button:has-text("修改")').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
