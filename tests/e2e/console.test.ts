// The browser console end to end, in headless Chromium against the real API, worker and
// PostgreSQL, on the time-skipping server so a missed deadline can happen within the test:
// a case officer opens a case (confirming a pilot credit code), the customer manager, assessor
// and grid officer complete their branches from their inboxes, the approver decides and the
// manager sees the case on time on the SLA board; a second case misses its due and shows as
// BREACHED with its owner, and the street office acknowledges the breach at the header's bell.
// First, a branch paused for the firm reads PAUSED (since, by, why) on the case page and the SLA
// board. Screenshots of the key screens go to test-output/e2e/.
import type { Page } from 'playwright-core';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { advanceTo, eventually } from '../workflows/caseHarness';
import { useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, api, pageErrors, accessible } = ui;

type CaseJson = { id: string; stage: string; slaState: string; tasks: { kind: string; assignee: string; dueAt: string; status: string }[] };

/** The officer fills the form; a pilot code (check character off) needs confirming first. */
async function openCase(page: Page, firmName: string, creditCode: string, { pilot }: { pilot: boolean }): Promise<string> {
  await page.click('a[href="/cases/new"]');
  await page.waitForSelector('#firmName');
  if (pilot) {
    // Submitting empty shows each field's error in Chinese, next to it.
    await page.click('button[type="submit"]');
    await page.waitForSelector('#amount-error');
    expect(await page.textContent('#firmName-error')).toBe('必填');
    await accessible(page, 'new case, refused empty');
  }
  await page.fill('#firmName', firmName);
  await page.fill('#creditCode', creditCode);
  await page.selectOption('#bank', 'xib');
  await page.fill('#amount', '3000000');
  await page.fill('#purpose', '新订单备料 materials for a new order');
  if (pilot) {
    // The API's own credit-code rule runs in the browser: the check character fails.
    await page.waitForSelector('#confirmCreditCode');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.warning .field-error');
    expect(page.url()).toMatch(/\/cases\/new$/);
    expect(await page.inputValue('#firmName')).toBe(firmName);
    await shot(page, '01-new-case-pilot-code');
    await accessible(page, 'new case, pilot code to confirm');
    await page.check('#confirmCreditCode');
  }
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/cases\/GL-\d{4}-\d{6,}$/);
  await page.waitForSelector('[data-task="DUE_DILIGENCE"]');
  await accessible(page, 'case opened');
  return page.url().split('/').pop()!;
}

/** From their inbox, the assignee completes their branch of the case. */
async function completeFromInbox(userId: string, caseId: string, kind: string, fill: (page: Page, prefix: string) => Promise<void>, screenshot?: string) {
  const page = await signedIn(userId);
  const item = `li.inbox-item[data-case="${caseId}"][data-task="${kind}"]`;
  await page.waitForSelector(item);
  const slug = kind.toLowerCase().replace(/_/g, '-');
  await fill(page, `#${caseId}-${slug}-complete`);
  await accessible(page, `inbox of ${userId}`);
  if (screenshot) await shot(page, screenshot);
  await page.click(`${item} form[data-action="${caseId}-${slug}-complete"] button[type="submit"]`);
  await page.waitForSelector(`${item} [data-testid="item-done"]`);
  await page.context().close();
}

test('a branch paused for the firm shows PAUSED with since, by and why on the case page and the SLA board; resumed the same day, no due moves', async () => {
  const officer = await signedIn('lujiang-officer');
  const id = await openCase(officer, '厦门鹭江暂停测试有限公司', validSimingCode('MA8E2E03'), { pilot: false });
  const opened = await api<{ dueAt: string }>('manager', `/api/v1/cases/${id}`);
  const pause = `#${id}-grid-submission-pause`;
  await officer.click(`[data-task="GRID_SUBMISSION"] details:has(form[data-action="${id}-grid-submission-pause"]) summary`);
  await officer.fill(`${pause}-reason`, '等待企业补充财务报表');
  await officer.click(`form[data-action="${id}-grid-submission-pause"] button[type="submit"]`);
  await officer.waitForSelector('.facts [data-testid="paused"]');
  expect(await officer.textContent('h1 .badge.sla-PAUSED')).toBe('暂停计时');
  expect(await officer.textContent('.facts [data-testid="paused"]')).toMatch(/起等待企业补充材料，lujiang-officer 暂停：等待企业补充财务报表$/);
  await shot(officer, '08-case-paused');
  await accessible(officer, 'case paused');

  const manager = await signedIn('manager');
  const listed = `[data-testid="paused-cases"] li:has(a[href="/cases/${id}"])`;
  await manager.waitForSelector(listed);
  expect(await manager.textContent(`${listed} [data-testid="paused"]`)).toMatch(/lujiang-officer 暂停：等待企业补充财务报表$/);
  await shot(manager, '09-sla-board-paused');
  await accessible(manager, 'SLA board with a paused case');
  await manager.context().close();

  // The firm brings its statements the same day: the clock runs again, no due moved. (This test
  // runs first and leaves the server clock alone: the next one needs it near the wall clock.
  // A pause over days is the workflow tests' and the API journey's.)
  await officer.reload();
  const resume = `form[data-action="${id}-grid-submission-resume"]`;
  await officer.click(`[data-task="GRID_SUBMISSION"] details:has(${resume}) summary`);
  await officer.click(`${resume} button[type="submit"]`);
  await officer.waitForSelector('h1 .badge.sla-ON_TRACK');
  expect(await api<{ dueAt: string }>('manager', `/api/v1/cases/${id}`)).toMatchObject({ pausedWorkingDays: 0, dueAt: opened.dueAt });
  expect(await officer.$('.facts [data-testid="paused"]')).toBeNull();
  await officer.context().close();
  expect(pageErrors).toEqual([]);
}, 90_000);

test('a case goes through the console on time; another misses its due and shows BREACHED with its owner', async () => {
  const body = 'MA8E2E01';
  const valid = validSimingCode(body);
  // Same 17 characters, another check character: legal for early pilot codes, needs confirming.
  const pilot = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A');

  const officer = await signedIn('lujiang-officer');
  await officer.waitForSelector('main h1');
  await shot(officer, '00-officer-cases');
  await accessible(officer, 'the street\'s cases');
  const first = await openCase(officer, '厦门鹭江控制台测试有限公司', pilot, { pilot: true });
  await shot(officer, '02-case-opened');
  const opened = await api<CaseJson>('manager', `/api/v1/cases/${first}`);
  expect(opened.stage).toBe('PARALLEL_REVIEW');
  expect(Object.fromEntries(opened.tasks.map((t) => [t.kind, t.assignee]))).toEqual({ GRID_SUBMISSION: 'lujiang-grid', BANK_VIP_CHANNEL: 'xib-manager', DUE_DILIGENCE: 'assessor' });

  await completeFromInbox('xib-manager', first, 'BANK_VIP_CHANNEL', async (page, prefix) => {
    await page.selectOption(`${prefix}-assessmentOutcome`, 'RECOMMEND');
    await page.fill(`${prefix}-note`, '联合评估通过');
  }, '03-inbox-customer-manager');
  await completeFromInbox('assessor', first, 'DUE_DILIGENCE', async (page, prefix) => {
    await page.fill(`${prefix}-reportNo`, 'DD-E2E-0001');
    await page.fill(`${prefix}-summary`, '经营正常，订单真实');
  });
  // The grid officer first types a wrong application number: refused next to the field, kept.
  await completeFromInbox('lujiang-grid', first, 'GRID_SUBMISSION', async (page, prefix) => {
    await page.fill(`${prefix}-applicationNo`, 'XYD-wrong');
    await page.click(`form[data-action="${first}-grid-submission-complete"] button[type="submit"]`);
    await page.waitForSelector(`${prefix}-applicationNo-error`);
    expect(await page.inputValue(`${prefix}-applicationNo`)).toBe('XYD-wrong');
    await page.fill(`${prefix}-applicationNo`, 'XYD20261127000888');
  });

  const approver = await signedIn('xib-approver');
  const decision = `li.inbox-item[data-case="${first}"][data-task="DECISION"]`;
  await approver.waitForSelector(decision);
  await shot(approver, '04-inbox-approver');
  await accessible(approver, 'approver\'s inbox');
  await approver.click(`${decision} form[data-action="${first}-approve"] button[type="submit"]`);
  await approver.waitForSelector(`${decision} [data-testid="item-done"]`);
  await approver.context().close();
  const closed = await eventually(async () => {
    const c = await api<CaseJson>('manager', `/api/v1/cases/${first}`);
    expect(c.stage).toBe('DISBURSED');
    return c;
  }, 60_000);
  expect(closed.slaState).toBe('MET');

  // The second case: nobody acts; the server clock passes its first due.
  const second = await openCase(officer, '厦门鹭江超时测试有限公司', validSimingCode('MA8E2E02'), { pilot: false });
  // A refusal only the API can make (no such staff member): shown at the field, input kept.
  const reassign = `#${second}-due-diligence-reassign`;
  await officer.click(`[data-task="DUE_DILIGENCE"] details:has(form[data-action="${second}-due-diligence-reassign"]) summary`);
  await officer.fill(`${reassign}-assignee`, 'nobody-here');
  await officer.fill(`${reassign}-reason`, '评估机构人手不足');
  await officer.click(`form[data-action="${second}-due-diligence-reassign"] button[type="submit"]`);
  await officer.waitForSelector(`${reassign}-assignee-error`);
  expect(await officer.textContent(`${reassign}-assignee-error`)).toMatch(/^有误: 没有在职人员“nobody-here”/);
  expect(await officer.inputValue(`${reassign}-reason`)).toBe('评估机构人手不足');
  await shot(officer, '02b-reassign-refused');
  await accessible(officer, 'case, reassignment refused');
  const late = await api<CaseJson>('manager', `/api/v1/cases/${second}`);
  const firstDue = late.tasks.reduce((a, t) => (t.dueAt < a.dueAt ? t : a));
  await advanceTo(ui.h.env, new Date(Date.parse(firstDue.dueAt) + 60_000));
  await eventually(async () => {
    const c = await api<CaseJson>('manager', `/api/v1/cases/${second}`);
    expect(c.slaState).toBe('BREACHED');
  }, 60_000);

  const manager = await signedIn('manager');
  await manager.waitForSelector('#range-from');
  const from = shanghaiDate(new Date(Date.now() - 86_400_000));
  const to = shanghaiDate(new Date(await ui.h.env.currentTimeMs()));
  await manager.fill('#range-from', from);
  await manager.fill('#range-to', to);
  await manager.click('form.range button[type="submit"]');
  const onTime = `[data-testid="cases-in-range"] tr[data-case="${first}"]`;
  await manager.waitForSelector(onTime);
  expect(await manager.textContent(`${onTime} .badge`)).toBe('按时办结');
  const breach = `[data-testid="breaches"] tr[data-case="${second}"]`;
  await manager.waitForSelector(breach);
  expect(await manager.textContent(`${breach} [data-testid="owner"]`)).toBe(firstDue.assignee);
  expect(await manager.textContent(`${breach} .badge`)).toBe('已超时');
  await shot(manager, '05-sla-board');
  await accessible(manager, 'SLA board');
  // The English switch, kept across a reload.
  await manager.click('header button:has-text("English")');
  await manager.reload();
  await manager.waitForSelector(breach);
  expect(await manager.textContent(`${breach} .badge`)).toBe('Breached');
  await shot(manager, '06-sla-board-en');
  await accessible(manager, 'SLA board in English');

  // The street office hears of the breach at the header's bell and acknowledges it there.
  await officer.reload();
  await officer.waitForSelector('[data-testid="unread-count"]');
  await officer.click('[data-testid="notification-bell"]');
  const notice = `.bell-list li.unread:has-text("${second}"):has-text("【超时督办】")`;
  await officer.waitForSelector(notice);
  await shot(officer, '06b-notifications');
  await accessible(officer, 'notifications');
  await officer.click(`${notice} button:has-text("确认已读")`);
  await officer.waitForSelector(`.bell-list li.read:has-text("${second}"):has-text("【超时督办】")`);
  const mine = await api<{ items: { source: string; type: string; acknowledgedAt: string | null }[] }>('lujiang-officer', '/api/v1/notifications?limit=100');
  expect(mine.items.find((n) => n.source === second && n.type === 'ESCALATED')?.acknowledgedAt).toEqual(expect.any(String));

  // On a phone: the breached case, its branches and owners.
  const phone = await signedIn('lujiang-officer', { width: 390, height: 844 });
  await phone.goto(`${ui.base}/cases/${second}`);
  await phone.waitForSelector(`[data-task="${firstDue.kind}"].sla-BREACHED`);
  await shot(phone, '07-case-breached-phone');
  await accessible(phone, 'breached case on a phone');

  expect(pageErrors).toEqual([]);
}, 170_000);

test('the screens the journeys above do not reach pass the accessibility check at desk and phone width: sign-in, the operator’s calendar, a daily report', async () => {
  const operator = await signedIn('operator');
  await operator.waitForSelector('.month .day');
  await shot(operator, '10-calendar');
  await accessible(operator, 'working calendar');
  await operator.click('header button:has-text("退出")');
  await operator.waitForSelector('button[data-user="operator"]');
  await accessible(operator, 'sign-in');
  await operator.context().close();

  // A daily report published for a past working day, so its board can be read.
  const run = await fetch(`${ui.base}/api/v1/reports/daily/runs`, {
    method: 'POST',
    headers: { authorization: await bearer('operator'), 'content-type': 'application/json' },
    body: JSON.stringify({ date: '2026-11-27' }),
  });
  expect(run.status).toBe(201);
  const manager = await signedIn('manager');
  await manager.click('a[href="/reports"]');
  // Other files publish later dates: this one is found by its id, wherever the list puts it.
  await manager.click('ul.reports li[data-listed="daily-2026-11-27"] button.link');
  await manager.waitForSelector('[data-report="daily-2026-11-27"] table');
  // The district's oldest open case, with the working days it has been open, as the report says.
  const { board } = await api<{ board: { overall: { open: { oldest: { caseId: string; workingDaysOpen: number } | null } } } }>('manager', '/api/v1/reports/daily-2026-11-27');
  const oldest = board.overall.open.oldest!;
  expect(await manager.textContent('[data-report="daily-2026-11-27"] tr[data-group="ALL"] td[data-label="最久在办"]')).toBe(`${oldest.caseId} · 已 ${oldest.workingDaysOpen} 个工作日`);
  await shot(manager, '11-daily-report');
  await accessible(manager, 'a daily report');
  await manager.context().close();
  expect(pageErrors).toEqual([]);
}, 60_000);
