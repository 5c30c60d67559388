import { SandboxBank } from '../../activities/adapters';
import { CaseStage } from '../../workflows/searchAttributes';
import { decideUpdate } from '../../workflows/fastTrackCase';
import { advanceTo, caseInput, completeAllBranches, eventsOf, nextWorkingMorning, saveHistory, startCase, useHarnessWithWorker } from './caseHarness';

const h = useHarnessWithWorker();

test('a rejected case ends with its categorised reasons recorded and no money moved', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  expect((await completeAllBranches(handle, input)).stage).toBe('CREDIT_DECISION');

  const reasons = [
    { code: 'LOW_CREDIT_RATING' as const },
    { code: 'REVENUE_BELOW_THRESHOLD' as const, note: '2025年营收低于准入线 2025 revenue below the entry line' },
  ];
  await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'REJECTED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons }] });
  // The approver's answer comes once the rejection is on the record: a consultation may start from it at once.
  expect((await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).stage).toBe('REJECTED');
  expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type)).toContain('REJECTED');
  const state = await handle.result();

  expect(state.stage).toBe('REJECTED');
  expect(state.decision).toMatchObject({ outcome: 'REJECTED', by: 'approver@xib', reasons });
  expect(state.contract).toBeUndefined();
  expect(state.disbursement).toBeUndefined();
  const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } });
  expect(record.stage).toBe('REJECTED');
  const rejected = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'REJECTED')!;
  expect(rejected).toMatchObject({ actor: 'approver@xib', data: { reasons } });
  expect((await new SandboxBank(h.db).ledger([input.caseNo]))).toEqual({ contracts: [], payments: [] });
  expect((await handle.describe()).typedSearchAttributes.get(CaseStage)).toBe('REJECTED');
  await saveHistory(handle, 'rejected');
  // The same path since the decision answers once recorded (patch decision-answers-once-recorded).
  await saveHistory(handle, 'rejected-answered-once-recorded');
});
