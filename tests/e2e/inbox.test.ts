// The credit approver's inbox in the browser: a payment the bank reported at another amount
// (DISBURSEMENT_HELD) is there with the requested and reported amounts, and confirming the
// bank's payment from the inbox pays the case out at the reported amount.
import request from 'supertest';
import { bearer } from '../support/auth';
import { caseAwaitingDecision } from '../support/apiCases';
import { reportPaid } from '../support/bankHold';
import { eventually } from '../workflows/caseHarness';
import { useConsole } from './consoleHarness';

const ui = useConsole();

test('a held payment waits in its bank approver’s inbox, who confirms the reported amount there', async () => {
  const id = await caseAwaitingDecision(ui.base, '厦门鹭江待核放款有限公司', 'MA7HLDQ1');
  await reportPaid(ui.h.db, id, 'xib', 79_900_000);
  await request(ui.base).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('xib-approver')).send({ outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 }).expect(200);
  await eventually(async () => expect((await ui.api<{ stage: string }>('manager', `/api/v1/cases/${id}`)).stage).toBe('DISBURSEMENT_HELD'), 60_000);

  const approver = await ui.signedIn('xib-approver');
  const item = `li.inbox-item[data-case="${id}"][data-task="DISBURSEMENT_HELD"]`;
  await approver.waitForSelector(item);
  expect(await approver.textContent(`${item} strong`)).toBe('放款金额待核');
  expect(await approver.textContent(`${item} [data-testid="disbursement-held"]`)).toMatch(/800,?000\.00.*799,?000\.00/);
  await approver.fill(`#${id}-resolve-disbursement-note`, '企业确认到账 79.9 万元');
  await ui.shot(approver, '10-inbox-disbursement-held');
  await approver.click(`${item} form[data-action="${id}-resolve-disbursement"] button[type="submit"]`);
  await approver.waitForSelector(`${item} [data-testid="item-done"]`);
  await approver.context().close();

  const paid = await eventually(async () => {
    const c = await ui.api<{ stage: string; disbursement: { amountFen: number } | null }>('manager', `/api/v1/cases/${id}`);
    expect(c.stage).toBe('DISBURSED');
    return c;
  }, 60_000);
  expect(paid.disbursement?.amountFen).toBe(79_900_000);
  expect(ui.pageErrors).toEqual([]);
});
