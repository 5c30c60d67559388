// A payment the bank reports at another amount is not retried forever (on stub activities): the
// case is held for the case bank's credit approver, says so, and waits for the approver's answer.
import { resolveDisbursementUpdate } from '../../workflows/contractMessages';
import { decideUpdate, getStateQuery, withdrawUpdate } from '../../workflows/fastTrackCase';
import { caseInput, completeAllBranches, eventually, refusal, startCase } from '../support/caseScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();
const approver = { actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' } };

test('the bank reports 4,990,000 paid for an approved 5,000,000: held for the approver, asked again once, then the reported payment confirmed', async () => {
  const acceptedAt = at('2035-07-03', '10:00');
  await clockTo(s.env, acceptedAt);
  const input = caseInput(acceptedAt);
  s.rec.bankReports.set(input.caseNo, 499_000_000);
  const handle = await startCase(s, input);
  await completeAllBranches(handle, input);
  await handle.executeUpdate(decideUpdate, { args: [{ ...approver, outcome: 'APPROVED', amountFen: 500_000_000, rateBp: 385, termMonths: 12 }] });

  const held = await eventually(async () => {
    const state = await handle.query(getStateQuery);
    expect(state.stage).toBe('DISBURSEMENT_HELD');
    return state;
  });
  expect(held.disbursementHold).toMatchObject({ requestedFen: 500_000_000, reported: { reference: `FK-${input.caseNo}`, amountFen: 499_000_000 }, assignee: { role: 'credit_approver', bank: 'xib' } });
  expect(s.rec.timeline(input.caseNo).find((e) => e.type === 'DISBURSEMENT_HELD')?.data).toMatchObject({ requestedFen: 500_000_000, reported: { amountFen: 499_000_000 } });
  // Not retried on its own: one attempt, however long the case waits.
  await clockTo(s.env, at('2035-07-03', '18:00'));
  expect(s.rec.disburseCalls.get(input.caseNo)).toBe(1);
  expect((await handle.query(getStateQuery)).stage).toBe('DISBURSEMENT_HELD');

  const answer = { action: 'RETRY' as const, note: '已请银行核对后重新放款 the bank checks and pays again' };
  expect(await refusal(handle.executeUpdate(resolveDisbursementUpdate, { args: [{ ...answer, actor: 'approver@ccb', actorProfile: { role: 'credit_approver', bank: 'ccb' } }] }))).toMatch(/approver@ccb is credit_approver of ccb/);
  expect(await refusal(handle.executeUpdate(resolveDisbursementUpdate, { args: [{ ...answer, note: '', ...approver }] }))).toMatch(/a note is required/);
  expect(await refusal(handle.executeUpdate(withdrawUpdate, { args: [{ reason: '撤回 withdraw', actor: 'officer@lujiang' }] }))).toMatch(/the bank must cancel it first/);

  // Asked again, the bank reports the same: held again, a second timeline entry.
  await handle.executeUpdate(resolveDisbursementUpdate, { args: [{ ...answer, ...approver }] });
  await eventually(async () => expect(s.rec.types(input.caseNo).filter((t) => t === 'DISBURSEMENT_HELD')).toHaveLength(2));
  expect(s.rec.disburseCalls.get(input.caseNo)).toBe(2);

  await handle.executeUpdate(resolveDisbursementUpdate, { args: [{ action: 'CONFIRM_REPORTED', note: '企业确认到账 499 万元 the firm confirms 4.99 million received', ...approver }] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'DISBURSED', disbursement: { reference: `FK-${input.caseNo}`, amountFen: 499_000_000 } });
  expect(final.disbursementHold).toBeUndefined();
  expect(s.rec.types(input.caseNo).slice(-6)).toEqual(['DISBURSEMENT_HELD', 'DISBURSEMENT_RESOLVED', 'DISBURSEMENT_HELD', 'DISBURSEMENT_RESOLVED', 'DISBURSED', 'NOTIFICATION']);
  // The firm gets the bank's SMS (patch firm-disbursement-sms) for what it was paid, not what was asked.
  expect(s.rec.notices(input.caseNo).at(-1)).toMatchObject({
    audience: [`FIRM:${input.firm.creditCode}`],
    zh: `您申请的贷款499万元已放款到账（申请编号 ${input.caseNo}，放款流水号 FK-${input.caseNo}）。`,
    en: `Your loan of CNY 4990000.00 has been paid to your account (application ${input.caseNo}, payment reference FK-${input.caseNo}).`,
  });
  await saveHistory(handle, 'disbursement-held-then-confirmed');
  await saveHistory(handle, 'firm-disbursement-sms');
});
