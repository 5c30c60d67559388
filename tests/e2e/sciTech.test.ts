// Sci-tech credit (善科贷) in the console, in headless Chromium against the real API, worker and
// PostgreSQL: the 莲前 street's officer enters a biotech's online application (two invention
// patents, weak revenue), first refused field by field by the API's own rules in the browser;
// the scoring sends it to the bank's approver, whose inbox lists it; the approver reads the score,
// every factor and the limit per pledged patent on the case page, is refused an amount above the
// recommended limit (the workflow's 409, Chinese first), approves within it, and the money is
// paid. Each screen passes the accessibility check at desk and phone width; screenshots in
// Chinese go to test-output/e2e/.
import type { Page } from 'playwright-core';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../workflows/caseHarness';
import { PHONE, useConsole } from './consoleHarness';
import { fillSciTechApplication } from './sciTechForm';

const ui = useConsole();
const { signedIn, shot, api, pageErrors, accessible } = ui;

type SciTechJson = { stage: string; slaState: string; scoring: { score: number; band: string } | null; decision: { amountFen: number; automatic: boolean } | null; disbursement: { amountFen: number } | null };

/** The biotech of tests/integration/sciTech.api.test.ts: revenue 150万, two invention patents. */
async function fillApplication(page: Page) {
  await page.fill('#firmName', '厦门莲前基因科技有限公司');
  await page.fill('#creditCode', validSimingCode('MA8E2K01'));
  await page.selectOption('#bank', 'ccb');
  await page.fill('#amount', '1200000.00');
  await page.fill('#purpose', '研发与临床试验');
  await fillSciTechApplication(page, 'application', {
    patents: [
      { patentNo: 'ZL202210000041.1', remainingYears: '15' },
      { patentNo: 'ZL202210000042.1', remainingYears: '15' },
    ],
    rdSpend: '600000.00',
    revenue: ['800000.00', '1200000.00', '1500000.00'],
    yearsInOperation: '3',
    existingDebt: '0',
  });
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

test('the officer opens a weak-revenue biotech with two invention patents; the approver reviews its score and limit, approves within them, and the money is paid', async () => {
  const officer = await signedIn('lianqian-officer');
  await officer.click('a[href="/cases/new/sci-tech"]');
  await officer.waitForSelector('#application-patents-0-patentNo');

  // Submitted empty, then with a malformed patent number and fractional years: the API's own
  // rules refuse each field in the browser, in Chinese, before anything is sent.
  await officer.click('button[type="submit"]');
  await officer.waitForSelector('#application-yearsInOperation-error');
  expect(await officer.textContent('#firmName-error')).toBe('必填');
  expect(await officer.textContent('#application-patents-0-remainingYears-error')).toBe('必填');
  await fillApplication(officer);
  await officer.fill('#application-patents-1-patentNo', 'CN2022100000421');
  await officer.fill('#application-yearsInOperation', '2.5');
  await officer.click('button[type="submit"]');
  await officer.waitForSelector('#application-patents-1-patentNo-error');
  expect(await officer.textContent('#application-patents-1-patentNo-error')).toBe('须为国家知识产权局专利号，例如 ZL202010000001.1');
  expect(await officer.textContent('#application-yearsInOperation-error')).toBe('须为整年数');
  expect(officer.url()).toMatch(/\/cases\/new\/sci-tech$/);
  await shot(officer, 'sci-tech-01-application-refused');
  await accessible(officer, 'sci-tech application, refused');
  await officer.fill('#application-patents-1-patentNo', 'ZL202210000042.1');
  await officer.fill('#application-yearsInOperation', '3');
  await officer.waitForSelector('#application-patents-1-patentNo-error', { state: 'detached' });
  await shot(officer, 'sci-tech-02-application');

  const phoneForm = await signedIn('lianqian-officer', PHONE);
  await phoneForm.goto(`${ui.base}/cases/new/sci-tech`);
  await fillApplication(phoneForm);
  await shot(phoneForm, 'sci-tech-02-application-phone');
  await accessible(phoneForm, 'sci-tech application on a phone');
  await phoneForm.context().close();

  await officer.click('button[type="submit"]');
  await officer.waitForURL(/\/cases\/GL-\d{4}-\d{6,}$/);
  const id = officer.url().split('/').pop()!;
  await officer.waitForSelector('[data-testid="application"]');
  expect(await texts(officer, '[data-testid="application"] tbody td:first-child')).toEqual(['ZL202210000041.1', 'ZL202210000042.1']);
  // Undecided, the street may still withdraw it.
  expect(await officer.$(`form[data-action="${id}-withdraw"]`)).not.toBeNull();
  await accessible(officer, 'sci-tech case opened');

  // The scoring (as the API test expects): 80, above the pass mark, but weak revenue sends it to a person.
  const review = await eventually(async () => {
    const c = await api<SciTechJson>('manager', `/api/v1/cases/${id}`);
    expect(c.stage).toBe('MANUAL_REVIEW');
    return c;
  }, 60_000);
  expect(review.scoring).toMatchObject({ score: 80, band: 'MANUAL_REVIEW' });
  await officer.context().close();

  // The approver's inbox lists it with its score and the 48 hours' time left.
  const approver = await signedIn('ccb-approver');
  const item = `li.inbox-item[data-case="${id}"][data-task="SCI_TECH_REVIEW"]`;
  await approver.waitForSelector(item);
  expect(await approver.textContent(`${item} [data-testid="score-band"]`)).toBe('评分 80 · 人工审批');
  expect(await approver.textContent(`${item} .time-left`)).toMatch(/^4[78]\.\d 小时$/);
  await shot(approver, 'sci-tech-03-inbox-approver');
  await accessible(approver, 'approver\'s inbox with a sci-tech review');

  await approver.click(`${item} a.review-link`);
  await approver.waitForSelector('[data-testid="scoring"]');
  expect(await approver.textContent('[data-testid="score"]')).toBe('80 / 100 分');
  expect(await approver.textContent('[data-testid="band"]')).toBe('人工审批');
  expect(await approver.$$eval('[data-testid="band-reasons"] li', (li) => li.map((l) => l.getAttribute('data-reason')))).toEqual(['SCORE_ABOVE_PASS', 'WEAK_REVENUE']);
  expect(await texts(approver, '[data-testid="band-reasons"] li')).toEqual(['评分 80 高于 65', expect.stringMatching(/^现有负债加申请金额 120000000 分超过最近一年营收的 30%，需人工审批$/)]);
  // Every factor with its input and points.
  const factors = await approver.$$eval('tr[data-factor]', (rows) =>
    rows.map((r) => [r.getAttribute('data-factor'), r.querySelector('[data-testid="factor-input"]')!.textContent, r.querySelector('[data-testid="factor-points"]')!.textContent]),
  );
  expect(factors).toEqual([
    ['PATENT_PORTFOLIO', '16 分', '16 / 20 分'],
    ['IP_COVERAGE', '125%', '15 / 20 分'],
    ['RD_INTENSITY', '40%', '20 / 20 分'],
    ['REVENUE_TREND', '87.5%', '20 / 20 分'],
    ['YEARS_IN_OPERATION', '3 年', '7 / 10 分'],
    ['LEVERAGE', '80%', '2 / 10 分'],
  ]);
  // The limit per pledged patent: 150万 each at 50 %, 75万 of lending value; the request binds.
  for (const patentNo of ['ZL202210000041.1', 'ZL202210000042.1']) {
    expect(await approver.textContent(`tr[data-patent="${patentNo}"] [data-testid="pledge-rate"]`)).toBe('50%');
    expect(await approver.textContent(`tr[data-patent="${patentNo}"] [data-testid="lending-value"]`)).toBe('750,000.00');
  }
  expect(await approver.textContent('[data-testid="recommended"]')).toBe('1,200,000.00');
  expect(await approver.textContent('[data-testid="binding-cap"]')).toBe('申请金额');
  expect(await approver.textContent('[data-testid="promise"] .time-left')).toMatch(/^4[78]\.\d 小时$/);
  await shot(approver, 'sci-tech-04-review');
  await accessible(approver, 'sci-tech review');

  // Outside the product's terms: refused at the field by the API's schema, nothing sent.
  const approve = `form[data-action="${id}-approve"]`;
  await approver.fill(`#${id}-approve-rateBp`, '1500');
  await approver.click(`${approve} button[type="submit"]`);
  expect(await approver.textContent(`#${id}-approve-rateBp-error`)).toBe('最多 1200（12%）');
  // Over the recommended limit: only the workflow knows it; its 409 shows Chinese first, and the form keeps the values.
  await approver.fill(`#${id}-approve-rateBp`, '420');
  await approver.fill(`#${id}-approve-termMonths`, '24');
  await approver.fill(`#${id}-approve-amount`, '1200000.01');
  await approver.click(`${approve} button[type="submit"]`);
  await approver.waitForSelector(`${approve} .problem`);
  expect(await approver.textContent(`${approve} .problem`)).toMatch(/^此操作被拒绝 — 批准金额超过建议额度 120000000 分 amountFen 120000001 exceeds the recommended limit 120000000/);
  expect(await approver.inputValue(`#${id}-approve-termMonths`)).toBe('24');
  expect((await api<SciTechJson>('manager', `/api/v1/cases/${id}`)).decision).toBeNull();
  await accessible(approver, 'sci-tech review, approval refused');

  const phone = await signedIn('ccb-approver', PHONE);
  await phone.goto(`${ui.base}/cases/${id}`);
  await phone.waitForSelector('[data-testid="limit"]');
  await shot(phone, 'sci-tech-05-review-phone');
  await accessible(phone, 'sci-tech review on a phone');
  await phone.context().close();

  await approver.fill(`#${id}-approve-amount`, '1200000.00');
  await approver.click(`${approve} button[type="submit"]`);
  await approver.waitForSelector('[data-testid="decision"]');
  expect(await approver.textContent('[data-testid="decision"]')).toMatch(/^批准：ccb-approver，/);
  expect(await approver.$(approve)).toBeNull();

  const paid = await eventually(async () => {
    const c = await api<SciTechJson>('manager', `/api/v1/cases/${id}`);
    expect(c.stage).toBe('DISBURSED');
    return c;
  }, 60_000);
  expect(paid).toMatchObject({ slaState: 'MET', decision: { automatic: false, amountFen: 120_000_000 }, disbursement: { amountFen: 120_000_000 } });
  await approver.reload();
  await approver.waitForSelector('[data-testid="stage"]');
  expect(await approver.textContent('[data-testid="stage"]')).toBe('已放款');
  await shot(approver, 'sci-tech-06-disbursed');
  await accessible(approver, 'sci-tech case paid');
  // In English, the scoring's reasons read their English half.
  await approver.click('header button:has-text("English")');
  await approver.waitForSelector('[data-testid="band"]:has-text("Manual review")');
  expect(await texts(approver, '[data-testid="band-reasons"] li')).toEqual(['score 80 is above 65', 'existing debt plus the request exceed 30% of the latest revenue: an approver decides']);
  expect(await approver.textContent('[data-testid="binding-cap"]')).toBe('Requested amount');
  await accessible(approver, 'sci-tech case paid, in English');
  await approver.context().close();

  expect(pageErrors).toEqual([]);
}, 170_000);
