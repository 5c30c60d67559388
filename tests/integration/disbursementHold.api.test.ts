// A payment the bank reports at another amount, through the HTTP API on the dev server with the
// sandbox bank: the case is held for the case bank's credit approver instead of retrying forever,
// says so, and pays out as the approver decides; the consistency check finds nothing wrong.
import request from 'supertest';
import { SandboxBank } from '../../activities/adapters';
import { checkConsistency } from '../../maintenance/consistency';
import { bearer } from '../support/auth';
import { reportPaid } from '../support/bankHold';
import { caseAwaitingDecision } from '../support/apiCases';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();

const act = async (who: string, id: string, path: string, body: object) =>
  request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who)).send(body);
const view = async (id: string) => (await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('manager')).expect(200)).body;
/** The case's items in `who`'s inbox (GET /tasks), as kind and stage. */
const inbox = async (who: string, id: string) =>
  ((await request(stack.app).get('/api/v1/tasks?limit=200').set('authorization', await bearer(who)).expect(200)).body.items as { caseId: string; kind: string; stage: string; assignee: string | null }[])
    .filter((t) => t.caseId === id)
    .map(({ kind, stage, assignee }) => ({ kind, stage, assignee }));
const consistency = (id: string) => checkConsistency({ client: stack.client, db: stack.db, bank: new SandboxBank(stack.db), caseNos: [id], rounds: 2, settleMs: 300 });

it('the bank reports 79.9万 paid for an approved 80万: held for its approver, who confirms the reported payment', async () => {
  const id = await caseAwaitingDecision(stack.app, '厦门鹭江差额测试有限公司', 'MA7DFFR1');
  // The bank's books already hold a payment under this case's key, at 799,000.00.
  await reportPaid(stack.db, id, 'xib', 79_900_000);
  expect((await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 })).status).toBe(200);

  const held = await eventually(async () => {
    const c = await view(id);
    expect(c.stage).toBe('DISBURSEMENT_HELD');
    // The timeline is the record's: the hold's event lands with the write that follows the stage.
    expect(c.events.map((e: { type: string }) => e.type)).toContain('DISBURSEMENT_HELD');
    return c;
  });
  expect(held.disbursementHold).toMatchObject({ requestedFen: 80_000_000, reported: { reference: `FK-${id}`, amountFen: 79_900_000 }, assignee: { role: 'credit_approver', bank: 'xib' } });
  expect(held.disbursement).toBeNull();
  expect(held.events.find((e: { type: string }) => e.type === 'DISBURSEMENT_HELD').data).toMatchObject({ requestedFen: 80_000_000, reported: { amountFen: 79_900_000 } });
  expect((await consistency(id)).violations).toEqual([]);
  // It is in the inbox of the case bank's approvers, of nobody else's.
  expect(await inbox('xib-approver', id)).toEqual([{ kind: 'DISBURSEMENT_HELD', stage: 'DISBURSEMENT_HELD', assignee: null }]);
  for (const who of ['ccb-approver', 'xib-manager', 'lujiang-officer']) expect(await inbox(who, id)).toEqual([]);

  // Only the case bank's credit approver answers, with a valid action and a note.
  const confirm = { action: 'CONFIRM_REPORTED', note: '企业确认到账 79.9 万元' };
  expect((await act('lujiang-officer', id, '/disbursement/resolution', confirm)).status).toBe(403);
  expect((await act('ccb-approver', id, '/disbursement/resolution', confirm)).status).toBe(404);
  expect((await act('xib-approver', id, '/disbursement/resolution', { action: 'IGNORE', note: 'x' })).status).toBe(422);
  expect((await act('lujiang-officer', id, '/withdrawal', { reason: '撤回' })).status).toBe(409);

  expect((await act('xib-approver', id, '/disbursement/resolution', confirm)).status).toBe(200);
  const paid = await eventually(async () => {
    const c = await view(id);
    expect(c).toMatchObject({ stage: 'DISBURSED', answeredBy: 'RECORD' });
    return c;
  });
  expect(paid).toMatchObject({ disbursementHold: null, disbursement: { reference: `FK-${id}`, amountFen: 79_900_000 } });
  expect(await inbox('xib-approver', id)).toEqual([]);
  // The firm's SMS follows the payment (patch firm-disbursement-sms).
  await eventually(async () => {
    const types = (await view(id)).events.map((e: { type: string }) => e.type);
    expect(types.slice(types.indexOf('CONTRACT_SIGNED'))).toEqual(['CONTRACT_SIGNED', 'DISBURSEMENT_HELD', 'DISBURSEMENT_RESOLVED', 'DISBURSED', 'NOTIFICATION']);
  });
  expect((await act('xib-approver', id, '/disbursement/resolution', confirm)).status).toBe(409);
  expect((await new SandboxBank(stack.db).ledger([id])).payments).toHaveLength(1);
  expect((await consistency(id)).violations).toEqual([]);
});
