import { CaseStage } from '../../workflows/searchAttributes';
import { completeTaskUpdate, getStateQuery, withdrawUpdate } from '../../workflows/fastTrackCase';
import { advanceTo, caseInput, eventsOf, gridEvidence, nextWorkingMorning, refusal, saveHistory, startCase, useHarnessWithWorker } from './caseHarness';

const h = useHarnessWithWorker();

test('the firm withdraws mid-review: the case ends WITHDRAWN with the reason, and nothing more is accepted', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });

  expect(await refusal(handle.executeUpdate(withdrawUpdate, { args: [{ reason: '  ', actor: 'officer@lujiang' }] }))).toMatch(/withdrawal reason is required/);
  const reason = '企业已获他行贷款 the firm got a loan elsewhere';
  const withdrawn = await handle.executeUpdate(withdrawUpdate, { args: [{ reason, actor: 'officer@lujiang' }] });
  expect(withdrawn.stage).toBe('WITHDRAWN');
  const state = await handle.result();
  expect(state.withdrawal).toMatchObject({ reason, by: 'officer@lujiang' });

  const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } });
  expect(record.stage).toBe('WITHDRAWN');
  expect((await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'WITHDRAWN')).toMatchObject({ actor: 'officer@lujiang', data: { reason } });
  expect((await handle.describe()).typedSearchAttributes.get(CaseStage)).toBe('WITHDRAWN');
  expect((await handle.query(getStateQuery)).stage).toBe('WITHDRAWN');
  await saveHistory(handle, 'withdrawn');
});
