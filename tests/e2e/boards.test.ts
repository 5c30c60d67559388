// The managers' boards drawn, in the browser: the SLA board's median working days per stage as
// bars with their values, the on-time trend per street and per bank as small multiples with the
// figures behind each chart, the empty states, and the cadence reports' small chart per period
// with the periods' CSV; at desk and phone width, checked by axe-core, screenshots in Chinese.
// The SLA board's data are cases this file opens and decides through the API (in 梧村 with 兴业银行,
// where no other test works); a report's period is past, so its cases are records written for a
// week no other test uses (April 2025).
import request from 'supertest';
import type { Page } from 'playwright-core';
import { addDays, shanghaiDate, shanghaiDateTime, shanghaiEndOfDay } from '../../domain/calendar/timeZone';
import type { Principal } from '../../domain/people';
import { DEV_USERS } from '../../infra/devUsers';
import { seedStaff } from '../../infra/seed';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventuallyRecorded } from '../support/eventually';
import { HOUR, advanceTo, nextWorkingMorning } from '../workflows/caseHarness';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();

// 梧村 street and 兴业银行: no other test opens cases there, so the medians drawn are this file's.
const PEOPLE: Principal[] = [
  { sub: 'wucun-officer', name: '梧村街道经济服务办', role: 'case_officer', street: 'wucun' },
  { sub: 'wucun-grid', name: '梧村街道网格员', role: 'grid_officer', street: 'wucun' },
  { sub: 'cib-manager', name: '兴业银行客户经理', role: 'customer_manager', bank: 'cib' },
  { sub: 'cib-approver', name: '兴业银行审批', role: 'credit_approver', bank: 'cib' },
];
const as = (sub: string) => bearerAs([...PEOPLE, ...DEV_USERS].find((p) => p.sub === sub)!);

async function act(who: string, path: string, body: object) {
  const res = await request(ui.base).post(`/api/v1${path}`).set('authorization', await as(who)).send(body);
  expect([path, res.status, res.body.detail]).toEqual([path, path === '/cases' ? 201 : 200, undefined]);
  return res.body as { id: string };
}

/** The numbers a trend chart's caption writes: paid in time, paid, decided in time, decided. */
async function captionFigures(page: Page, group: string): Promise<number[]> {
  const caption = await page.textContent(`[data-trend="bank"] [data-group="${group}"] figcaption`);
  const m = /按时放款 (\d+)\/(\d+) · 按时决定 (\d+)\/(\d+)/.exec(caption ?? '');
  if (!m) throw new Error(`no figures in the caption: ${caption}`);
  return m.slice(1).map(Number);
}

test('the SLA board draws the stage medians as bars and the on-time trend per bank and street, with the figures as text', async () => {
  await seedStaff(ui.h.db, PEOPLE);
  const first = shanghaiDate(new Date());
  const open = (firmName: string, body: string) =>
    act('wucun-officer', '/cases', { firmName, creditCode: validSimingCode(body), street: 'wucun', bank: 'cib', amount: '600000', purpose: '流动资金' });
  const approved = (await open('厦门梧村看板批准测试有限公司', 'MA7BRDA1')).id;
  const rejected = (await open('厦门梧村看板拒贷测试有限公司', 'MA7BRDA2')).id;
  // The branches are done the next working morning and the decisions two hours later (the workflows'
  // clock), so each stage takes working time whatever the hour or the day this runs.
  const morning = await nextWorkingMorning(ui.h.env);
  await advanceTo(ui.h.env, morning);
  for (const id of [approved, rejected]) {
    await act('wucun-grid', `/cases/${id}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261201000888' });
    await act('cib-manager', `/cases/${id}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'RECOMMEND' });
    await act('assessor', `/cases/${id}/tasks/due-diligence/complete`, { reportNo: 'DD-2026-0888', riskRating: 'LOW', summary: '订单真实' });
  }
  await advanceTo(ui.h.env, new Date(morning.getTime() + 2 * HOUR));
  await act('cib-approver', `/cases/${approved}/decision`, { outcome: 'APPROVED', amount: '600000', rateBp: 385, termMonths: 12 });
  await act('cib-approver', `/cases/${rejected}/decision`, { outcome: 'REJECTED', reasons: [{ code: 'LOW_CREDIT_RATING' }] });
  // The boards read the record.
  await eventuallyRecorded(() => ui.api('manager', `/api/v1/cases/${approved}`), 'DISBURSED', 60_000);
  // Four weeks up to the day the workflows' clock reached.
  const range = { from: addDays(first, -27), to: shanghaiDate(new Date(await ui.h.env.currentTimeMs())) };

  const manager = await ui.signedIn('manager');
  await manager.goto(`${ui.base}/sla?from=${range.from}&to=${range.to}&bucket=week`);
  const medians = '[data-summary="bank"] .median-group[data-group="cib"]';
  await manager.waitForSelector(medians);
  // Every stage that took working time has a bar with its value beside it, in working days (and
  // hours when under one); the signing and payment took seconds, which reads as 0 without a bar.
  for (const stage of ['parallelReview', 'creditDecision', 'acceptanceToDecision']) {
    const row = `${medians} .bar-row[data-bar="${stage}"]`;
    expect(await manager.isVisible(`${row} .bar`)).toBe(true);
    expect(await manager.textContent(`${row} .bar-value`)).toMatch(/^\d+(\.\d+)? 个工作日/);
  }
  expect(await manager.textContent(`${medians} .bar-row[data-bar="creditDecision"] .bar-value`)).toBe('0.08 个工作日（2.0 小时）');
  expect(await manager.textContent(`${medians} .bar-row[data-bar="contractingDisbursing"] .bar-value`)).toMatch(/^(0|<0\.01) 个工作日/);
  expect(await manager.textContent(`${medians} .bar-row[data-bar="parallelReview"] dt`)).toBe('并行审查');
  expect(await manager.locator('[data-summary="street"] .median-group[data-group="wucun"] .bar').count()).toBe(3);
  // The summary's table no longer carries columns of dashes for the medians.
  expect(await manager.locator('[data-summary="bank"] table th', { hasText: '并行审查' }).count()).toBe(0);

  // The trend: 兴业银行's small multiple has a point for the week the cases were decided, and its
  // caption counts at least this file's two decisions and one payment, all in time.
  const cibTrend = '[data-trend="bank"] [data-group="cib"]';
  await manager.waitForSelector(`${cibTrend} svg circle`);
  const [paidInTime, paid, decidedInTime, decided] = await captionFigures(manager, 'cib');
  expect(paid).toBeGreaterThanOrEqual(1);
  expect(paidInTime).toBeGreaterThanOrEqual(1);
  expect(decided).toBeGreaterThanOrEqual(2);
  expect(decidedInTime).toBeGreaterThanOrEqual(2);
  expect(await manager.textContent('[data-trend="bank"] h2')).toBe('按时率趋势 · 按银行');
  expect(await manager.isVisible('[data-trend="street"] [data-group="wucun"] svg')).toBe(true);
  // The figures behind the chart, one row per week of the range, as the API buckets them.
  const trend = await ui.api<{ buckets: { from: string; to: string }[] }>('manager', `/api/v1/sla/trend?from=${range.from}&to=${range.to}&groupBy=bank&bucket=week`);
  await manager.click(`${cibTrend} summary`);
  expect(await manager.locator(`${cibTrend} details tbody tr`).count()).toBe(trend.buckets.length);
  expect(await manager.textContent(`${cibTrend} details tbody tr:first-child th`)).toBe(`${trend.buckets[0]!.from} – ${trend.buckets[0]!.to}`);
  await ui.shot(manager, 'b01-sla-board-bars-trend');
  await ui.shotOf(manager.locator('[data-summary="bank"]'), 'b05-sla-board-bank-medians');
  await ui.shotOf(manager.locator('[data-trend="bank"]'), 'b06-sla-board-bank-trend');
  await ui.accessible(manager, 'SLA board with stage bars and the on-time trend');

  await manager.setViewportSize(PHONE);
  await manager.locator('[data-trend="bank"]').scrollIntoViewIfNeeded();
  await ui.shot(manager, 'b02-sla-board-phone');

  // By month: the same cases in this month's bucket.
  await manager.goto(`${ui.base}/sla?from=${range.from}&to=${range.to}&bucket=month`);
  await manager.waitForSelector(`${cibTrend} svg circle`);
  expect(await manager.inputValue('#range-bucket')).toBe('month');
  // In English the longer words still fit a phone, and the values keep their units.
  await manager.click('header button:has-text("English")');
  await manager.waitForSelector(`${medians} .bar-row[data-bar="creditDecision"] .bar-value:has-text("working days")`);
  expect(await manager.textContent(`${medians} .bar-row[data-bar="creditDecision"] .bar-value`)).toBe('0.08 working days (2.0 h)');
  await ui.accessible(manager, 'SLA board in English, by month');
  await manager.context().close();
  expect(ui.pageErrors).toEqual([]);
});

test('a range where nothing happened says so instead of drawing empty charts', async () => {
  const manager = await ui.signedIn('manager');
  await manager.goto(`${ui.base}/sla?from=2001-01-01&to=2001-01-31`);
  await manager.waitForSelector('[data-summary="street"] [data-testid="medians-empty"]');
  expect(await manager.textContent('[data-summary="street"] [data-testid="medians-empty"]')).toMatch(/^区间内受理的案件还没有走完任何阶段/);
  expect(await manager.textContent('[data-trend="bank"] .empty-chart')).toBe('区间内没有作出决定或放款的案件，暂无趋势。');
  expect(await manager.locator('.bar-list').count()).toBe(0);
  await ui.shot(manager, 'b03-sla-board-empty');
  await ui.accessible(manager, 'SLA board with nothing in the range');
  await manager.context().close();
  expect(ui.pageErrors).toEqual([]);
});

// The week 2025-04-07..13: one case paid in time, one rejected after a breach.
const WEEK_CASES = [
  { caseNo: 'GL-2025-970001', stage: 'DISBURSED', events: [['APPROVED', '2025-04-09'], ['DISBURSED', '2025-04-10']] },
  { caseNo: 'GL-2025-970002', stage: 'REJECTED', events: [['SLA_BREACHED', '2025-04-08'], ['REJECTED', '2025-04-11']] },
] as const;

test('the weekly packs list draws each period’s opened, decided, paid and breached beside it, with the periods’ CSV', async () => {
  const at = (date: string) => shanghaiDateTime(date, '10:00');
  await ui.h.db.loanCase.createMany({
    data: WEEK_CASES.map((c) => ({
      caseNo: c.caseNo,
      workflowId: `case-${c.caseNo}`,
      product: 'FAST_TRACK',
      firmName: '厦门周报图表测试有限公司',
      creditCode: validSimingCode('BRD25041'),
      streetCode: 'wucun',
      bankCode: 'cib',
      amountFen: 50_000_000n,
      purpose: 'board chart fixture',
      stage: c.stage,
      slaState: 'MET',
      acceptedAt: at('2025-04-07'),
      dueAt: shanghaiEndOfDay('2025-04-14'),
      createdBy: 'wucun-officer',
    })),
    skipDuplicates: true,
  });
  await ui.h.db.caseEvent.createMany({
    data: WEEK_CASES.flatMap((c) => [
      { caseNo: c.caseNo, eventKey: 'accepted', type: 'ACCEPTED', actor: 'wucun-officer', at: at('2025-04-07'), data: {} },
      ...c.events.map(([type, on]) => ({ caseNo: c.caseNo, eventKey: type.toLowerCase(), type, actor: 'system', at: at(on), data: { subject: 'PROMISE' } })),
    ]),
    skipDuplicates: true,
  });
  await request(ui.base).post('/api/v1/reports/weekly/runs').set('authorization', await bearer('operator')).send({ date: '2025-04-14' }).expect(201);

  const manager = await ui.signedIn('manager');
  await manager.click('a[href="/reports"]');
  await manager.click('.tabs button:has-text("周报")');
  const chart = '[data-period="weekly-2025-04-14"]';
  await manager.waitForSelector(chart);
  const bar = (key: string) => manager.textContent(`${chart} .bar-row[data-bar="${key}"] .bar-value`);
  expect([await bar('opened'), await bar('decided'), await bar('disbursed'), await bar('breached')]).toEqual(['2', '2', '1', '1']);
  expect(await manager.textContent(`${chart} .bar-row[data-bar="opened"] dt`)).toBe('受理');
  expect(await manager.isVisible(`${chart} .bar-row[data-bar="opened"] .bar`)).toBe(true);
  await ui.shot(manager, 'b04-weekly-reports-charts');
  await ui.accessible(manager, 'weekly packs with a chart per period');
  // The pack itself ends with its week's survey funnel by street, each stage's figure written out.
  await manager.click('[data-listed="weekly-2025-04-14"] button');
  const funnel = '[data-report="weekly-2025-04-14"] [data-testid="report-funnel"]';
  await manager.waitForSelector(`${funnel} tr[data-group="ALL"]`);
  expect(await manager.locator(`${funnel} .bar-row`).count()).toBe(7);
  expect(await manager.textContent(`${funnel} .bar-row[data-bar="needsFound"] dt`)).toBe('发现需求');
  expect(await manager.textContent(`${funnel} .bar-row[data-bar="needsFound"] .bar-value`)).toMatch(/^\d+（/);
  await ui.accessible(manager, 'a weekly pack with its survey funnel');
  await manager.context().close();

  // The CSV the button downloads: the same periods, one line each.
  const csv = await request(ui.base).get('/api/v1/reports?kind=WEEKLY&limit=20&format=csv').set('authorization', await bearer('manager')).expect(200);
  expect(csv.text.split('\r\n')).toContain('weekly-2025-04-14,2025-04-07,2025-04-13,2,2,1,1,100.00%,100.00%,');
  expect(ui.pageErrors).toEqual([]);
});
