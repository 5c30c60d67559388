// The firm's own page on a phone (企业端): the demo's 莲前 biotech signs in, sees its case waiting
// for its materials in plain Chinese with the promised date, sends them from the page, and the
// case reads as running again (the clock resumed in the workflow). Each screen passes
// ui.accessible (axe-core, nothing wider than the phone) and is saved as a Chinese screenshot.
// A 善科贷 case the officer opens for the firm to confirm online (the form's checkbox) shows the
// firm the approved terms and 确认; once the firm confirms, the bank pays and the firm reads the
// money and the bank's SMS.
import request from 'supertest';
import { LIANQIAN_BIOTECH_APPLICATION } from '../../dev/demo';
import { DEV_USERS } from '../../infra/devUsers';
import { bearer } from '../support/auth';
import { eventually } from '../workflows/caseHarness';
import { PHONE, useConsole } from './consoleHarness';
import { fillSciTechApplication } from './sciTechForm';

const ui = useConsole();
const FIRM = DEV_USERS.find((u) => u.role === 'firm')!;

test('on a phone, the firm follows its paused case and sends the materials it waits for, which resumes the clock', async () => {
  const opened = await request(ui.base)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lianqian-officer'))
    .send({ firmName: '厦门莲前生物科技有限公司', creditCode: FIRM.creditCode, street: 'lianqian', bank: 'ccb', amount: '1200000', purpose: '研发设备采购' })
    .expect(201);
  const id = opened.body.id as string;
  await request(ui.base).post(`/api/v1/cases/${id}/tasks/grid-submission/pause`).set('authorization', await bearer('lianqian-officer')).send({ reason: '请补充近三个月银行流水' }).expect(200);

  const page = await ui.signedIn(FIRM.sub, PHONE);
  const card = `article[data-testid="firm-case"][aria-labelledby="firm-case-${id}"]`;
  await page.waitForSelector(card);
  expect(await page.textContent(`${card} [data-testid="firm-status"]`)).toBe('等待您补充材料：请补充近三个月银行流水。材料交齐后继续计时，计时暂停期间不计入办结时限。');
  expect(await page.textContent(`${card} dl`)).toMatch(/正在等待您（企业）承诺办结日\d{4}-\d{2}-\d{2}/);
  await ui.accessible(page, 'the firm’s paused case');
  await ui.shot(page, '11-firm-waiting-for-materials');

  // An empty list of documents is refused in the page, with the API's own rule.
  await page.fill(`#${id}-materials-text`, '已补充近三个月银行流水及纳税证明');
  await page.click(`${card} form button[type="submit"]`);
  await page.waitForSelector(`#${id}-materials-documents-error`);
  await page.fill(`#${id}-materials-documents`, '2026年9-11月银行流水\n2026年纳税证明');
  await ui.shot(page, '12-firm-sending-materials');
  await page.click(`${card} form button[type="submit"]`);
  await page.locator(`${card} [data-testid="firm-status"]`).filter({ hasText: /^并联审批中/ }).waitFor();
  expect(await page.$(`${card} form`)).toBeNull();
  await ui.accessible(page, 'the firm’s case running again');
  await ui.shot(page, '13-firm-materials-sent');
  await page.context().close();

  const c = await eventually(async () => {
    const v = await ui.api<{ slaState: string; events: { type: string; actor: string; data: { documents?: string[] } }[] }>('manager', `/api/v1/cases/${id}`);
    expect(v.events.find((e) => e.type === 'SLA_RESUMED')).toBeDefined();
    return v;
  }, 30_000);
  expect(c.slaState).not.toBe('PAUSED');
  expect(c.events.find((e) => e.type === 'SLA_RESUMED')).toMatchObject({ actor: FIRM.sub, data: { documents: ['2026年9-11月银行流水', '2026年纳税证明'] } });
  expect(ui.pageErrors).toEqual([]);
});

test('the officer opens a 善科贷 case for the firm to confirm online; on a phone the firm confirms the approved terms, then reads the money paid and the bank’s SMS', async () => {
  // The street's officer ticks 企业在线确认合同 on the new-case form.
  const officer = await ui.signedIn('lianqian-officer');
  await officer.goto(`${ui.base}/cases/new/sci-tech`);
  await officer.fill('#firmName', '厦门莲前生物科技有限公司');
  await officer.fill('#creditCode', FIRM.creditCode!);
  await officer.selectOption('#bank', 'ccb');
  await officer.fill('#amount', '1200000.00');
  await officer.fill('#purpose', '研发与临床试验');
  const a = LIANQIAN_BIOTECH_APPLICATION;
  await fillSciTechApplication(officer, 'application', {
    patents: a.patents.map((p) => ({ patentNo: p.patentNo, remainingYears: String(p.remainingYears) })),
    rdSpend: a.rdSpend,
    revenue: [...a.revenue],
    yearsInOperation: String(a.yearsInOperation),
    existingDebt: a.existingDebt,
  });
  await officer.check('#firmConfirmsContract');
  await officer.click('button[type="submit"]');
  await officer.waitForURL(/\/cases\/GL-\d{4}-\d{6,}$/);
  const id = officer.url().split('/').pop()!;
  // Approved automatically; the page is read once the record says the case waits for the firm.
  await eventually(async () => {
    const v = await ui.api<{ events: { type: string }[] }>('manager', `/api/v1/cases/${id}`);
    expect(v.events.map((e) => e.type)).toContain('CONTRACT_CONFIRMATION_REQUESTED');
  }, 30_000);
  // The officer's case page says it waits for the firm, beside the stage.
  await officer.reload();
  await officer.locator('[data-testid="contract-confirmation"]').filter({ hasText: /^等待企业确认合同 · / }).waitFor();
  await officer.context().close();

  const page = await ui.signedIn(FIRM.sub, PHONE);
  const card = `article[data-testid="firm-case"][aria-labelledby="firm-case-${id}"]`;
  await page.waitForSelector(`${card} [data-testid="firm-terms"]`);
  expect(await page.textContent(`${card} [data-testid="firm-status"]`)).toMatch(/^中国建设银行已批准：120万元，年利率3\.65%，期限12个月。等待您确认合同条款，请于\d+月\d+日前确认。$/);
  expect(await page.textContent(`${card} [data-testid="firm-terms"]`)).toMatch(/^批准金额¥1,200,000\.00年利率3\.65%期限12个月请于此日前确认\d{4}-\d{2}-\d{2}$/);
  await ui.accessible(page, 'the firm’s approved case waiting for its confirmation');
  await ui.shot(page, '14-firm-confirming-contract');

  await page.click(`${card} form button[type="submit"]`);
  await eventually(async () => {
    const v = await ui.api<{ events: { type: string; actor: string }[] }>('manager', `/api/v1/cases/${id}`);
    expect(v.events.map((e) => e.type)).toEqual(expect.arrayContaining(['CONTRACT_CONFIRMED', 'DISBURSED']));
    expect(v.events.find((e) => e.type === 'CONTRACT_CONFIRMED')?.actor).toBe(FIRM.sub);
  }, 30_000);
  await page.reload();
  await page.locator(`${card} [data-testid="firm-status"]`).filter({ hasText: /^120万元已于\d+月\d+日放款到账。$/ }).waitFor();
  expect(await page.$(`${card} [data-testid="firm-terms"]`)).toBeNull();
  await ui.accessible(page, 'the firm’s paid case');
  await ui.shot(page, '15-firm-confirmed-and-paid');
  await page.click('[data-testid="notification-bell"]');
  await page.locator(`.bell-list li:has-text("${id}")`).filter({ hasText: '已放款到账' }).waitFor();
  await ui.accessible(page, 'the firm’s notifications with the bank’s SMS');
  await page.context().close();
  expect(ui.pageErrors).toEqual([]);
});
