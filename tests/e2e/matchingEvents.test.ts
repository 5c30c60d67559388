// Bank–enterprise matching events (银企对接会) in the console, in headless Chromium against the real
// API, worker and PostgreSQL: the survey group, on a phone, schedules an event of this run's own
// with 建设银行 and 厦门国际银行 (no bank refused in the form first), registers two firms (one
// refused by the API until its street is named, in Chinese), records a 300万 need with 建设银行,
// which opens a lead it follows to the lead page, and a note with 厦门国际银行, then reads the
// event's report: firms registered and came, meetings, needs and 元, leads, per bank. 建设银行's
// customer manager finds the event and may record only their own bank's meetings; a case officer is
// not offered the events. Checked by axe-core at a phone's width; screenshots go to test-output/e2e/.
import { validSimingCode } from '../support/creditCodes';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, pageErrors, accessible } = ui;

// The database outlives a run: this run's event and firms have their own titles and credit codes.
const run = String(Date.now()).slice(-5);
const TITLE = `软件园二期银企对接会${run}`;
const FIRM_A = { name: `厦门软件园需求科技有限公司${run}`, code: validSimingCode(`ME${run}1`) };
const FIRM_B = { name: `厦门软件园洽谈服务有限公司${run}`, code: validSimingCode(`ME${run}2`) };

test('the survey group schedules an event, registers firms, records a need (a lead) and a note, and reads the report on a phone', async () => {
  const page = await signedIn('survey-group', PHONE);
  await page.click('nav >> text=银企对接会');
  await page.click('button:has-text("安排对接会")');
  await page.fill('#event-titleZh', TITLE);
  await page.fill('#event-titleEn', `Software Park matching event ${run}`);
  await page.fill('#event-place', '软件园二期');
  await page.selectOption('#event-organiser', 'SURVEY_GROUP');
  await page.click('[data-testid="schedule-form"] button[type="submit"]');
  expect(await page.textContent('#event-bank-error')).toBe('至少选择一家银行');
  await page.check('#event-bank-ccb');
  await page.check('#event-bank-xib');
  await page.click('[data-testid="schedule-form"] button[type="submit"]');
  await page.waitForSelector(`h1:has-text("${TITLE}")`);
  expect(page.url()).toMatch(/\/matching-events\/ME-[0-9A-F]{12}$/);
  const eventPath = new URL(page.url()).pathname;

  // Registering without a street: the API refuses it, in Chinese, at the street.
  await page.fill('#reg-name', FIRM_A.name);
  await page.fill('#reg-creditCode', FIRM_A.code);
  await page.click('[data-testid="register-form"] button[type="submit"]');
  await page.waitForSelector('#reg-street-error');
  expect(await page.textContent('#reg-street-error')).toBe('有误: 请选择企业所在街道（其融资需求将在该街道生成线索）');
  await page.selectOption('#reg-street', 'lujiang');
  await page.check('#reg-came');
  await page.click('[data-testid="register-form"] button[type="submit"]');
  await page.waitForSelector(`[data-testid="registrations"] li[data-firm="${FIRM_A.code}"]`);
  await page.fill('#reg-name', FIRM_B.name);
  await page.fill('#reg-creditCode', FIRM_B.code);
  await page.selectOption('#reg-street', 'lianqian');
  await page.click('[data-testid="register-form"] button[type="submit"]');
  await page.waitForSelector(`[data-testid="registrations"] li[data-firm="${FIRM_B.code}"]`);

  // A need with 建设银行: 300万 entered in 万元, a lead opened and linked.
  await page.selectOption('#outcome-firm', FIRM_A.code);
  await page.selectOption('#outcome-bank', 'ccb');
  await page.check('#outcome-kind-NEED');
  await page.fill('#need-amount', '300');
  await page.fill('#need-purpose', '研发设备采购');
  await page.selectOption('#need-urgency', 'WITHIN_MONTH');
  await page.click('[data-testid="outcome-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="outcome-recorded"] a');
  const lead = (await page.textContent('[data-testid="outcome-recorded"] a'))!;
  expect(lead).toMatch(/^LD-[0-9A-F]{16}$/);
  expect(await page.textContent(`[data-testid="outcomes"] li:has-text("${FIRM_A.name}")`)).toContain('3,000,000.00 元');
  // A note with 厦门国际银行, refused empty first.
  await page.selectOption('#outcome-firm', FIRM_B.code);
  await page.selectOption('#outcome-bank', 'xib');
  await page.check('#outcome-kind-NOTE');
  await page.click('[data-testid="outcome-form"] button[type="submit"]');
  expect(await page.textContent('#outcome-note-error')).toBe('请填写洽谈内容');
  await page.fill('#outcome-note', '介绍供应链融资产品，企业将于下月提交材料');
  await page.click('[data-testid="outcome-form"] button[type="submit"]');
  await page.waitForSelector(`[data-testid="outcomes"] li:has-text("${FIRM_B.name}")`);
  await accessible(page, 'matching event, the survey group on a phone');
  await shot(page, 'events-01-event-phone');

  // The lead the need opened.
  await page.click(`[data-testid="outcomes"] a:has-text("${lead}")`);
  await page.waitForSelector('[data-testid="lead-stage"]');
  expect(await page.textContent('main')).toContain(FIRM_A.name);

  // The report: registered and came, meetings, needs and 元, leads, per bank.
  await page.goto(`${ui.base}${eventPath}/report`);
  await page.waitForSelector('[data-testid="event-report"]');
  const figure = (k: string) => page.textContent(`[data-testid="event-report"] [data-total="${k}"]`);
  expect([await figure('firmsRegistered'), await figure('firmsCame'), await figure('meetings'), await figure('needsFound'), await figure('needsAmount'), await figure('leads')]).toEqual(['2', '2', '2', '1', '3,000,000.00', '1']);
  // The lead is not converted yet: nothing became a case or money.
  expect([await figure('casesOpened'), await figure('decided'), await figure('disbursed'), await figure('disbursedAmount')]).toEqual(['0', '0', '0', '0.00']);
  expect(await page.locator('[data-testid="event-report-banks"] tr[data-bank="ccb"] td').allTextContents()).toEqual(['1', '1']);
  expect(await page.locator('[data-testid="event-report-banks"] tr[data-bank="xib"] td').allTextContents()).toEqual(['1', '0']);
  await accessible(page, 'matching event report on a phone');
  await shot(page, 'events-02-report-phone');

  // 建设银行's customer manager finds the event and may record only their own bank's meetings.
  const ccb = await signedIn('ccb-manager', PHONE);
  await ccb.click('nav >> text=银企对接会');
  await ccb.click(`a:has-text("${TITLE}")`);
  await ccb.waitForSelector('#outcome-bank');
  expect(await ccb.locator('#outcome-bank option').allTextContents()).toEqual(['—', '中国建设银行']);
  expect(await ccb.$('[data-testid="register-form"]')).toBeNull();

  // A case officer is not offered the events.
  const officer = await signedIn('lujiang-officer', PHONE);
  expect(await officer.locator('nav >> text=银企对接会').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
