// A signed contract stands until the bank cancels it: on stub activities, a case (either product)
// whose money has not moved cannot be withdrawn; the case bank's credit approver (and nobody else) cancels the
// contract, the payment is called off, and the case can then be withdrawn.
import type { WorkflowHandle } from '@temporalio/client';
import { cancelContractUpdate } from '../../workflows/contractMessages';
import { decideUpdate, getStateQuery, withdrawUpdate } from '../../workflows/fastTrackCase';
import { sciTechGetStateQuery, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { completeAllBranches, eventually, refusal } from '../support/caseScenarios';
import { biotech, sciTechInput, startSciTech } from '../support/sciTechScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { acceptCase, at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();
const approver = { actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' } };

/**
 * Lets the held payment go and waits until the workflow has applied its result. The Java
 * time-skipping server cannot take a withdrawal that lands with it: the task that ends the
 * workflow fails because the payment's result arrived while the task ran (UNHANDLED_COMMAND), and
 * the retried task's update then fails the server's own check ("Invalid Transition from NONE,
 * COMPLETE"), so the test hangs. The sequence itself is legal: Temporal's server retries the task.
 */
async function releaseAndSettle(payment: { release(): void }, handle: WorkflowHandle) {
  payment.release();
  await eventually(async () => {
    const { raw } = await handle.describe();
    expect(raw.pendingActivities ?? []).toHaveLength(0);
    expect(raw.pendingWorkflowTask).toBeFalsy();
  });
}

/** A case accepted on `date` whose three branches are done: the bank's decision is next. */
async function awaitingDecision(date: string) {
  const { input, handle } = await acceptCase(s, at(date, '10:00'));
  await completeAllBranches(handle, input);
  return { input, handle };
}

test('signed, not yet paid: withdrawal is refused until the bank’s approver cancels the contract, then the case is withdrawn without money', async () => {
  const { input, handle } = await awaitingDecision('2035-06-05');
  // The bank's payment system is slow to answer: the contract is signed, the money not yet paid.
  const payment = s.rec.holdNext('disburse');
  await handle.executeUpdate(decideUpdate, { args: [{ ...approver, outcome: 'APPROVED', amountFen: 500_000_000, rateBp: 385, termMonths: 12 }] });
  await payment.reached;
  const signed = await handle.query(getStateQuery);
  expect(signed).toMatchObject({ stage: 'DISBURSING', contract: { contractNo: `HT-XIB-${input.caseNo}` } });

  const withdrawal = { reason: '企业不再需要贷款 the firm no longer needs the loan', actor: 'officer@lujiang' };
  expect(await refusal(handle.executeUpdate(withdrawUpdate, { args: [withdrawal] }))).toBe(
    `合同已签署（HT-XIB-${input.caseNo}），须先由银行撤销合同 the contract HT-XIB-${input.caseNo} is signed; the bank must cancel it first`,
  );
  // Only the case bank's credit approver cancels, with a reason.
  const cancellation = { reason: '企业申请撤回 the firm withdraws its application' };
  expect(await refusal(handle.executeUpdate(cancelContractUpdate, { args: [{ ...cancellation, actor: 'officer@lujiang', actorProfile: { role: 'case_officer', street: 'lujiang' } }] }))).toMatch(/credit approver of the case's bank/);
  expect(await refusal(handle.executeUpdate(cancelContractUpdate, { args: [{ ...cancellation, actor: 'approver@ccb', actorProfile: { role: 'credit_approver', bank: 'ccb' } }] }))).toMatch(/approver@ccb is credit_approver of ccb/);
  expect(await refusal(handle.executeUpdate(cancelContractUpdate, { args: [{ reason: ' ', ...approver }] }))).toMatch(/a cancellation reason is required/);

  const cancelled = await handle.executeUpdate(cancelContractUpdate, { args: [{ ...cancellation, ...approver }] });
  expect(cancelled).toMatchObject({ stage: 'CONTRACT_CANCELLED', contract: { cancellation: { reason: cancellation.reason, by: 'approver@xib' } } });
  expect(await refusal(handle.executeUpdate(cancelContractUpdate, { args: [{ ...cancellation, ...approver }] }))).toMatch(/already cancelled/);
  await releaseAndSettle(payment, handle);

  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'WITHDRAWN', withdrawal: { by: 'officer@lujiang' } });
  expect(final.disbursement).toBeUndefined();
  expect(s.rec.types(input.caseNo).slice(-3)).toEqual(['CONTRACT_SIGNED', 'CONTRACT_CANCELLED', 'WITHDRAWN']);
  expect(s.rec.record(input.caseNo)?.stage).toBe('WITHDRAWN');
  await saveHistory(handle, 'contract-cancelled-then-withdrawn');
});

test('before the contract is signed there is nothing to cancel', async () => {
  const { handle } = await awaitingDecision('2035-06-12');
  await eventually(async () => expect((await handle.query(getStateQuery)).stage).toBe('CREDIT_DECISION'));
  expect(await refusal(handle.executeUpdate(cancelContractUpdate, { args: [{ reason: '撤销 cancel', ...approver }] }))).toBe(
    '案件处于CREDIT_DECISION，尚无已签署的合同 a case in CREDIT_DECISION has no signed contract to cancel',
  );
});

test('a sci-tech case approved automatically: the same rule, its bank’s approver cancels, then it is withdrawn', async () => {
  const acceptedAt = at('2035-06-19', '10:00');
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, biotech);
  const payment = s.rec.holdNext('disburse');
  const handle = await startSciTech(s, input);
  await payment.reached;
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).stage).toBe('DISBURSING'));
  const withdrawal = { reason: '企业放弃 the firm gives up', actor: 'loan-officer@ccb-lianqian' };
  expect(await refusal(handle.executeUpdate(sciTechWithdrawUpdate, { args: [withdrawal] }))).toMatch(/the bank must cancel it first/);
  const ccbApprover = { actor: 'approver@ccb', actorProfile: { role: 'credit_approver' as const, bank: 'ccb' } };
  expect(await handle.executeUpdate(cancelContractUpdate, { args: [{ reason: '企业申请撤回 the firm withdraws', ...ccbApprover }] })).toMatchObject({ stage: 'CONTRACT_CANCELLED' });
  await releaseAndSettle(payment, handle);
  await handle.executeUpdate(sciTechWithdrawUpdate, { args: [withdrawal] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'WITHDRAWN', contract: { cancellation: { by: 'approver@ccb' } } });
  expect(final.disbursement).toBeUndefined();
});
