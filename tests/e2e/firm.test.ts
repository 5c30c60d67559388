// The firm's own page on a phone (企业端): the demo's 莲前 biotech signs in, sees its case waiting
// for its materials in plain Chinese with the promised date, sends them from the page, and the
// case reads as running again (the clock resumed in the workflow). Each screen passes
// ui.accessible (axe-core, nothing wider than the phone) and is saved as a Chinese screenshot.
import request from 'supertest';
import { DEV_USERS } from '../../infra/devUsers';
import { bearer } from '../support/auth';
import { eventually } from '../workflows/caseHarness';
import { PHONE, useConsole } from './consoleHarness';

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
