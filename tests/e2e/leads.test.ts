// Leads (线索) in the console, in headless Chromium against the real API, Temporal and PostgreSQL:
// 鹭江第1社区's visiting team member records a visit that found a need on a phone and opens its
// lead from the confirmation; as the team's street-office seat they own it and record first
// contact (the clock stops). The street's case officer, whose page still offered first contact,
// is refused (409, in Chinese) and converts the lead into a fast-track case, then follows the link
// to the case, which links back. A firm a bank already refused goes to the joint consultation instead: the task
// force converts its lead without choosing a bank and the consultation links back. Every screen passes the accessibility check at a phone's
// width; screenshots in Chinese go to test-output/e2e/.
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, api, pageErrors, accessible } = ui;

type LeadJson = { id: string; owner: string; stage: string; slaState: string; conversion: { kind: string; caseNo: string | null } | null };
type BanksJson = { items: { code: string; retiredAt: string | null }[] };

// The database outlives a run: this run's firm has its own name and code.
const run = String(Date.now()).slice(-5);
const FIRM = `厦门鹭江线索装饰有限公司${run}`;

let firmId: string;

/** A POST as the development visitor, answering the body (expecting 201). */
async function postAsVisitor<T>(path: string, body: object): Promise<T> {
  const res = await fetch(`${ui.base}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: await bearer('lujiang-visitor'), 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  ({ id: firmId } = await postAsVisitor<{ id: string }>('/survey-network/buildings/lujiang-01-b1/firms', { name: FIRM, creditCode: validSimingCode(`MB${run}1`) }));
}, 60_000);

test('a visit’s need becomes a lead; its owner records first contact on a phone and the street office converts it into a fast-track case', async () => {
  // The visit, on the phone: the confirmation names the lead as a link.
  const visitor = await signedIn('lujiang-visitor', PHONE);
  await visitor.goto(`${ui.base}/visit-list/firms/${firmId}`);
  await visitor.check('#outcome-NEED_FOUND');
  await visitor.fill('#need-amount', '300');
  await visitor.fill('#need-purpose', '采购装修材料');
  await visitor.selectOption('#need-urgency', 'WITHIN_MONTH');
  await visitor.fill('#need-patents', '0');
  await visitor.click('button[type="submit"]');
  await visitor.waitForSelector('[data-testid="visit-lead"] a');
  const leadId = (await visitor.textContent('[data-testid="visit-lead"] a'))!;
  expect(leadId).toMatch(/^LD-[0-9A-F]{16}$/);
  await visitor.click('[data-testid="visit-lead"] a');
  await visitor.waitForSelector(`[data-lead="${leadId}"]`);
  expect(visitor.url()).toMatch(new RegExp(`/leads/${leadId}$`));
  // The team's street-office seat owns it; the first-contact clock runs.
  expect(await visitor.textContent('[data-testid="lead-owner"]')).toBe('lujiang-visitor');
  expect(await visitor.textContent('[data-testid="lead-stage"]')).toBe('待联系');
  expect(await visitor.textContent('[data-testid="need-amount"]')).toBe('300万元');
  expect(await visitor.textContent('[data-lead] h1 .badge')).toBe('正常');
  expect(await visitor.$(`[data-lead] .time-left`)).not.toBeNull();
  // A team member may not convert: no such form.
  expect(await visitor.$(`[data-action="${leadId}-convert"]`)).toBeNull();
  await shot(visitor, 'leads-01-lead-phone');
  await accessible(visitor, 'a lead, its owner on a phone');

  // The street's case officer opens it from the leads list before the owner calls the firm.
  const officer = await signedIn('lujiang-officer', PHONE);
  await officer.click('a[href="/leads"]');
  await officer.waitForSelector(`[data-lead="${leadId}"]`);
  await shot(officer, 'leads-02-list-phone');
  await accessible(officer, 'the leads, the street office on a phone');
  await officer.click(`[data-lead="${leadId}"] a`);
  await officer.waitForSelector(`[data-action="${leadId}-contact"]`);

  // The owner records first contact: the clock stops.
  await visitor.fill(`#${leadId}-contact-note`, '已电话联系企业负责人，约定下周提交材料');
  await visitor.click(`[data-action="${leadId}-contact"] button[type="submit"]`);
  await visitor.waitForSelector('[data-testid="contacted-at"]');
  expect(await visitor.textContent('[data-testid="lead-stage"]')).toBe('已联系');
  expect(await visitor.textContent('[data-lead] h1 .badge')).toBe('按时办结');
  expect(await visitor.$(`[data-action="${leadId}-contact"]`)).toBeNull();
  await shot(visitor, 'leads-03-contacted-phone');
  await visitor.context().close();

  // The officer's page still offers first contact: the workflow refuses it, said in Chinese.
  await officer.click(`[data-action="${leadId}-contact"] button[type="submit"]`);
  await officer.waitForSelector(`[data-action="${leadId}-contact"] [data-problem="update-rejected"]`);
  expect(await officer.textContent(`[data-action="${leadId}-contact"] [data-problem="update-rejected"]`)).toContain('此操作被拒绝');
  expect(await officer.textContent(`[data-action="${leadId}-contact"] [data-problem="update-rejected"]`)).toContain('不能记录首次联系');

  // Convert: refused without a bank, then into a fast-track case at a bank in use.
  const banks = await api<BanksJson>('lujiang-officer', '/api/v1/banks');
  const bank = banks.items.find((b) => b.code === 'xib' && !b.retiredAt) ?? banks.items.find((b) => !b.retiredAt)!;
  await officer.click(`[data-action="${leadId}-convert"] button[type="submit"]`);
  await officer.waitForSelector(`#${leadId}-convert-bank-error`);
  expect(await officer.textContent(`#${leadId}-convert-bank-error`)).toBe('必填');
  await officer.selectOption(`#${leadId}-convert-bank`, bank.code);
  await shot(officer, 'leads-04-convert-phone');
  await accessible(officer, 'a lead, the street office converting it');
  await officer.click(`[data-action="${leadId}-convert"] button[type="submit"]`);
  await officer.waitForSelector('[data-testid="lead-conversion"] a');
  expect(await officer.textContent('[data-testid="lead-stage"]')).toBe('已转化');
  expect(await officer.$(`[data-action="${leadId}-convert"]`)).toBeNull();
  const lead = await api<LeadJson>('lujiang-officer', `/api/v1/leads/${leadId}`);
  expect(lead).toMatchObject({ stage: 'CONVERTED', owner: 'lujiang-visitor', slaState: 'MET', conversion: { kind: 'FAST_TRACK', caseNo: expect.stringMatching(/^GL-\d{4}-\d{6,}$/) } });
  const caseNo = lead.conversion!.caseNo!;
  expect(await officer.textContent('[data-testid="lead-conversion"] a')).toBe(`绿色审批通道贷款 ${caseNo}`);
  await shot(officer, 'leads-05-converted-phone');
  await accessible(officer, 'a converted lead');

  // The link leads to the case, pre-filled with the firm and the need's amount.
  await officer.click('[data-testid="lead-conversion"] a');
  await officer.waitForSelector('[data-testid="stage"]');
  expect(officer.url()).toMatch(new RegExp(`/cases/${caseNo}$`));
  expect(await officer.textContent('h1')).toContain(caseNo);
  expect(await officer.textContent('main')).toContain(FIRM);
  expect(await officer.textContent('main')).toContain('3,000,000.00');
  expect(await officer.textContent('[data-testid="case-lead"] a')).toBe(leadId);
  await shot(officer, 'leads-06-case-phone');
  await officer.context().close();
  expect(pageErrors).toEqual([]);
}, 120_000);

test('a lead of a firm a bank refused converts into the joint consultation, which links back to the lead', async () => {
  const firm = await postAsVisitor<{ id: string }>('/survey-network/buildings/lujiang-01-b1/firms', { name: `厦门鹭江拒贷五金有限公司${run}`, creditCode: validSimingCode(`MB${run}2`) });
  const visit = await postAsVisitor<{ lead: string }>('/visits', {
    firmId: firm.id,
    outcome: 'NEED_FOUND',
    need: { amount: '800000', purpose: '补充流动资金', urgency: 'IMMEDIATE', patents: 0, refusedBy: { bank: 'ccb', reason: '营收未达准入门槛' } },
  });
  const leadId = visit.lead;

  const taskForce = await signedIn('task-force', PHONE);
  await taskForce.goto(`${ui.base}/leads/${leadId}`);
  await taskForce.waitForSelector(`[data-action="${leadId}-convert"]`);
  // The refusing bank takes part in the consultation: no bank to choose.
  expect(await taskForce.$(`#${leadId}-convert-bank`)).toBeNull();
  expect(await taskForce.textContent(`[data-action="${leadId}-convert"]`)).toContain('将转入联合会诊');
  await shot(taskForce, 'leads-07-refused-firm-phone');
  await accessible(taskForce, 'a refused firm’s lead, the task force');
  await taskForce.click(`[data-action="${leadId}-convert"] button[type="submit"]`);
  await taskForce.waitForSelector('[data-testid="lead-conversion"] a');
  expect(await taskForce.textContent('[data-testid="lead-conversion"] a')).toBe(`会诊 JC-${leadId}`);
  expect(await api<LeadJson>('task-force', `/api/v1/leads/${leadId}`)).toMatchObject({ stage: 'CONVERTED', conversion: { kind: 'JOINT_CONSULTATION', caseNo: null } });

  await taskForce.click('[data-testid="lead-conversion"] a');
  await taskForce.waitForSelector('[data-testid="from-lead"] a');
  expect(taskForce.url()).toMatch(new RegExp(`/consultations/JC-${leadId}$`));
  await taskForce.click('[data-testid="from-lead"] a');
  await taskForce.waitForSelector(`[data-lead="${leadId}"]`);
  await taskForce.context().close();
  expect(pageErrors).toEqual([]);
}, 120_000);
