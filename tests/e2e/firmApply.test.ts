// 善科贷 applied for online, on phones (390×844): 建设银行's customer manager prepares the 莲前
// biotech's application with its patents, the firm finds it on its own page, checks it and
// presses 确认, and its new case reads where it stands in plain Chinese; the bank's list shows
// the application submitted with its case, which records the guide. The firm also applies
// itself from its menu, a malformed patent refused at the field first. Each screen passes
// ui.accessible (axe-core) and is saved as a Chinese screenshot (the two cards alone for docs/firm.md).
// A prepared application today's rules refuse says so on its card and offers only 放弃.
import { randomBytes } from 'node:crypto';
import { DEV_USERS } from '../../infra/devUsers';
import { LIANQIAN_BIOTECH_APPLICATION } from '../../dev/demo';
import { testDatabase } from '../support/env';
import { eventually } from '../workflows/caseHarness';
import { PHONE, useConsole } from './consoleHarness';
import { fillSciTechApplication } from './sciTechForm';

const ui = useConsole();
const FIRM = DEV_USERS.find((u) => u.role === 'firm')!;
const values = {
  patents: LIANQIAN_BIOTECH_APPLICATION.patents.slice(0, 3).map((p) => ({ patentNo: p.patentNo, remainingYears: String(p.remainingYears) })),
  rdSpend: '2400000',
  revenue: ['6000000', '8500000', '12000000'] as [string, string, string],
  yearsInOperation: '6',
  existingDebt: '1000000',
};

interface SciTechJson {
  guidedBy: string | null;
  events: { type: string; actor: string }[];
}

test('on phones, the customer manager prepares the firm’s 善科贷 application and the firm confirms it, then follows its case', async () => {
  const manager = await ui.signedIn('ccb-manager', PHONE);
  await manager.goto(`${ui.base}/firm-applications`);
  await manager.waitForSelector('#creditCode');
  await manager.fill('#firmName', '厦门莲前生物科技有限公司');
  await manager.fill('#creditCode', FIRM.creditCode!);
  await manager.selectOption('#street', 'lianqian');
  await manager.fill('#amount', '1200000');
  await manager.fill('#purpose', '研发设备采购');
  await fillSciTechApplication(manager, 'application', values);
  await ui.shot(manager, 'firm-apply-01-manager-prepares');
  await manager.click('form button[type="submit"]');
  const prepared = await manager.waitForSelector('[data-testid="prepared"]');
  const id = /FA-[0-9A-F]{16}/.exec((await prepared.textContent()) ?? '')![0];
  await manager.locator('[data-testid="bank-application"]', { hasText: '待企业确认' }).first().waitFor();
  await ui.accessible(manager, 'the customer manager’s prepared application');

  const firm = await ui.signedIn(FIRM.sub, PHONE);
  const card = `article[data-testid="prepared-application"][aria-labelledby="prepared-${id}"]`;
  await firm.waitForSelector(card);
  const facts = (await firm.textContent(`${card} dl`)) ?? '';
  expect(facts).toContain('厦门莲前生物科技有限公司');
  expect(facts).toContain('ZL202010000001.1、ZL202010000002.1、ZL202010000003.1');
  expect(facts).toContain('刘洋 (建设银行客户经理)');
  await ui.accessible(firm, 'the firm’s prepared application');
  await ui.shot(firm, 'firm-apply-02-firm-reviews');
  await ui.shotOf(firm.locator(card), 'firm-apply-02-prepared-card');

  await firm.click(`${card} button.primary`);
  await firm.waitForSelector(card, { state: 'detached' });
  const { items } = await ui.api<{ items: { id: string; status: string; caseNo: string | null }[] }>('ccb-manager', '/api/v1/firm-applications');
  const caseNo = items.find((a) => a.id === id)!.caseNo!;
  expect(caseNo).toMatch(/^GL-\d{4}-\d{6,}$/);
  // Its case on the firm's list: the sentence of where it stands, which the firm reads as it moves on.
  const caseCard = `article[data-testid="firm-case"][aria-labelledby="firm-case-${caseNo}"]`;
  // It applied on its phone, so once the bank approves it confirms the terms there too (firm.test.ts).
  await eventually(async () => {
    await firm.reload();
    await firm.waitForSelector(`${caseCard} [data-testid="firm-terms"]`, { timeout: 5_000 });
  }, 60_000);
  await firm.click(`${caseCard} form button[type="submit"]`);
  await eventually(async () => {
    await firm.reload();
    await firm.waitForSelector(caseCard, { timeout: 5_000 });
    expect(await firm.textContent(`${caseCard} [data-testid="firm-status"]`)).toMatch(/^120万元已于\d+月\d+日放款到账。$/);
  }, 60_000);
  await ui.accessible(firm, 'the firm’s case after it confirmed');
  await ui.shot(firm, 'firm-apply-03-firm-case');
  await ui.shotOf(firm.locator(caseCard), 'firm-apply-03-case-card');

  const staff = await ui.api<SciTechJson>('ccb-manager', `/api/v1/cases/${caseNo}`);
  expect(staff.guidedBy).toBe('ccb-manager');
  expect(staff.events[0]).toMatchObject({ type: 'ACCEPTED', actor: FIRM.sub });
  await manager.reload();
  await manager.locator('[data-testid="bank-application"]', { hasText: caseNo }).waitFor();
  await manager.context().close();

  // The firm applies itself: the form refuses a malformed patent number at the field, in the API's words.
  await firm.click('nav >> text=申请善科贷');
  await firm.waitForSelector('#application-rdSpend');
  await firm.fill('#firmName', '厦门莲前生物科技有限公司');
  await firm.selectOption('#street', 'lianqian');
  await firm.selectOption('#bank', 'ccb');
  await firm.fill('#amount', '300000');
  await firm.fill('#purpose', '试剂采购');
  await fillSciTechApplication(firm, 'application', { ...values, patents: [{ patentNo: 'CN2020-1', remainingYears: '8' }] });
  await firm.click('form button[type="submit"]');
  expect(await firm.textContent('#application-patents-0-patentNo-error')).toMatch(/ZL202010000001\.1/);
  await ui.accessible(firm, 'the firm’s own application, refused at a field');
  await ui.shot(firm, 'firm-apply-04-firm-applies');
  await firm.fill('#application-patents-0-patentNo', 'ZL202310000009.1');
  await firm.click('form button[type="submit"]');
  await firm.waitForURL(/\/firm$/);
  await firm.locator('article[data-testid="firm-case"]', { hasText: '¥300,000' }).first().waitFor();
  await firm.context().close();
  expect(ui.pageErrors).toEqual([]);
});

test('on phones, a prepared application today’s rules refuse says to ask for it again and offers only 放弃', async () => {
  // Prepared under older rules, written as stored: a patent number in a form the schema no longer takes.
  const db = testDatabase();
  const id = `FA-${randomBytes(8).toString('hex').toUpperCase()}`;
  const application = { ...LIANQIAN_BIOTECH_APPLICATION, patents: [{ patentNo: 'CN202010000001.1', type: 'INVENTION', remainingYears: 5 }] };
  const body = { product: 'SCI_TECH', firmName: '厦门莲前生物科技有限公司', creditCode: FIRM.creditCode!, street: 'lianqian', bank: 'ccb', amount: '500000', purpose: '研发', application };
  try {
    await db.firmApplication.create({
      data: { id, creditCode: FIRM.creditCode!, firmName: body.firmName, streetCode: 'lianqian', bankCode: 'ccb', body, preparedBy: 'ccb-manager', preparedByName: '刘洋 (建设银行客户经理)', preparedAt: new Date(), status: 'DRAFT' },
    });
  } finally {
    await db.$disconnect();
  }
  const firm = await ui.signedIn(FIRM.sub, PHONE);
  const card = `article[data-testid="prepared-application"][aria-labelledby="prepared-${id}"]`;
  await firm.waitForSelector(card);
  expect(await firm.textContent(card)).toContain('规则在准备之后有变化，此申请已不能提交，请联系客户经理重新准备。');
  expect(await firm.locator(`${card} button`).allTextContents()).toEqual(['放弃']);
  await ui.accessible(firm, 'an outdated prepared application');
  await firm.click(`${card} button`);
  await firm.waitForSelector(card, { state: 'detached' });
  await firm.context().close();
  expect(ui.pageErrors).toEqual([]);
});
