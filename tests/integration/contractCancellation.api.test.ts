// A signed contract stands until the bank cancels it, through the HTTP API on the dev server with
// the sandbox bank: while the bank has not paid, the street cannot withdraw the case; the case
// bank's credit approver cancels the contract, the bank never pays it, and the case is withdrawn.
import request from 'supertest';
import { ContractPaidError, SandboxBank } from '../../activities/adapters';
import { bearer } from '../support/auth';
import { holdPayment } from '../support/bankHold';
import { caseAwaitingDecision } from '../support/apiCases';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();

const act = async (who: string, id: string, path: string, body: object) =>
  request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who)).send(body);
const view = async (id: string) => (await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('manager')).expect(200)).body;

it('withdrawal waits for the bank to cancel the signed contract; only the case bank’s approver cancels, and the money never moves', async () => {
  const id = await caseAwaitingDecision(stack.app, '厦门鹭江撤约测试有限公司', 'MA7CNCL1');
  // The bank's payment system refuses this case's payment for now: signed, not paid.
  const release = await holdPayment(stack.db, id);
  try {
    expect((await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 })).status).toBe(200);
    const signed = await eventually(async () => {
      const c = await view(id);
      expect(c).toMatchObject({ stage: 'DISBURSING', contract: { contractNo: `HT-XIB-${id}` } });
      return c;
    });

    const refused = await act('lujiang-officer', id, '/withdrawal', { reason: '企业不再需要贷款' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`合同已签署（${signed.contract.contractNo}），须先由银行撤销合同 the contract ${signed.contract.contractNo} is signed; the bank must cancel it first`);

    // Another role, another bank's approver: refused, nothing changes.
    expect((await act('lujiang-officer', id, '/contract/cancellation', { reason: '撤约' })).status).toBe(403);
    expect((await act('ccb-approver', id, '/contract/cancellation', { reason: '撤约' })).status).toBe(404);
    expect((await act('xib-approver', id, '/contract/cancellation', {})).status).toBe(422);
    expect((await view(id)).stage).toBe('DISBURSING');

    const cancelled = await act('xib-approver', id, '/contract/cancellation', { reason: '企业申请撤回，银行撤销合同' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ stage: 'CONTRACT_CANCELLED', contract: { contractNo: signed.contract.contractNo, cancellation: { reason: '企业申请撤回，银行撤销合同', by: 'xib-approver' } } });
    expect((await act('xib-approver', id, '/contract/cancellation', { reason: '再次撤约' })).status).toBe(409);

    const withdrawn = await act('lujiang-officer', id, '/withdrawal', { reason: '企业不再需要贷款' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ stage: 'WITHDRAWN', disbursement: null, contract: { cancellation: { by: 'xib-approver' } } });
    const types = (await view(id)).events.map((e: { type: string }) => e.type);
    expect(types.slice(types.indexOf('CONTRACT_SIGNED'))).toEqual(['CONTRACT_SIGNED', 'CONTRACT_CANCELLED', 'WITHDRAWN']);
  } finally {
    await release();
  }
  // Once its payment system answers again, the bank still never pays the cancelled contract.
  const bank = new SandboxBank(stack.db);
  await expect(bank.disburse({ caseNo: id, bankCode: 'xib', contractNo: `HT-XIB-${id}`, amountFen: 80_000_000 })).rejects.toThrow(/was cancelled/);
  expect((await bank.ledger([id])).payments).toEqual([]);
});

it('the sandbox bank refuses to cancel a contract it has paid', async () => {
  const bank = new SandboxBank(stack.db);
  const caseNo = `GL-CNCL-${Date.now()}`;
  const { contractNo } = await bank.signContract({ caseNo, bankCode: 'xib', amountFen: 100_000, rateBp: 385, termMonths: 12 });
  await bank.disburse({ caseNo, bankCode: 'xib', contractNo, amountFen: 100_000 });
  await expect(bank.cancelContract({ caseNo, bankCode: 'xib', contractNo, reason: '撤约' })).rejects.toBeInstanceOf(ContractPaidError);
});
