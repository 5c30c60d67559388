// A case or a consultation that ends while its clock stands paused for the firm ends the pause
// then (patch pause-ends-with-case): the pause's working days are counted as a period is, the
// case no longer reads PAUSED but the level the clock stood at beneath the pause, the record's
// pause is cleared, and the withdrawal on the timeline names the pause it closed. 2035 has no
// notice loaded; the weeks used here hold no holiday.
import type { WorkflowHandle } from '@temporalio/client';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { completeTaskUpdate, getStateQuery, pauseSlaUpdate, withdrawUpdate, type CaseState, type CompleteTaskRequest, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { consultationStateQuery, proposePlanUpdate, requestMaterialsUpdate, withdrawConsultationUpdate } from '../../workflows/jointConsultation';
import { ddEvidence, vipEvidence } from '../support/caseScenarios';
import { ccbManager, consultationInput, startConsultation, taskForce } from '../workflows/consultationHarness';
import { saveHistory } from '../workflows/historyFiles';
import { acceptCase, at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;
const EVIDENCE = { BANK_VIP_CHANNEL: vipEvidence, DUE_DILIGENCE: ddEvidence };

async function complete(handle: Case, kind: 'BANK_VIP_CHANNEL' | 'DUE_DILIGENCE'): Promise<CaseState> {
  const actor = (await handle.query(getStateQuery)).tasks.find((t) => t.kind === kind)!.assignee;
  return handle.executeUpdate(completeTaskUpdate, { args: [{ kind, actor, evidence: EVIDENCE[kind] } as CompleteTaskRequest] });
}

test('a case withdrawn while paused no longer reads PAUSED: the pause ends at the withdrawal with its working days, the record clears it and the timeline closes it', async () => {
  const {
    input: { caseNo },
    handle,
  } = await acceptCase(s, at('2035-03-05', '10:00')); // a Monday
  await complete(handle, 'DUE_DILIGENCE');
  await complete(handle, 'BANK_VIP_CHANNEL');
  await clockTo(s.env, at('2035-03-05', '11:00'));
  const reason = '企业补充财务报表 firm supplementing financial statements';
  const paused = await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason, actor: 'officer@lujiang' }] });
  expect(paused.slaState).toBe('PAUSED');
  expect(s.rec.record(caseNo)).toMatchObject({ slaState: 'PAUSED', pause: { by: 'officer@lujiang', reason } });

  // Withdrawn on Wednesday, the grid's Tuesday due passed while paused.
  const withdrawnAt = at('2035-03-07', '10:00');
  await clockTo(s.env, withdrawnAt);
  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: '企业已获他行贷款 the firm got a loan elsewhere', actor: 'officer@lujiang' }] });
  const final = await finalResult(s, handle);

  // What GET /cases/:id shows from the running case: ON_TRACK as before the pause, which ended
  // at the withdrawal after two working days (Tuesday and Wednesday; Monday not counted).
  expect([final.stage, final.slaState, final.breaches]).toEqual(['WITHDRAWN', 'ON_TRACK', []]);
  expect(final.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', until: final.withdrawal!.at, pausedWorkingDays: 2 })]);
  // The record's paused_since, paused_by and paused_reason are cleared.
  expect(s.rec.record(caseNo)).toMatchObject({ stage: 'WITHDRAWN', slaState: 'ON_TRACK', pause: null });
  const withdrawal = s.rec.timeline(caseNo).find((e) => e.type === 'WITHDRAWN')!;
  expect(withdrawal.data).toMatchObject({ pauseEnded: { kind: 'GRID_SUBMISSION', pausedWorkingDays: 2 } });
  // Past retention, the case is rebuilt from its timeline: the pause is closed there too.
  const rebuilt = fastTrackCaseFacts(undefined, s.rec.timeline(caseNo).map((e) => ({ ...e, at: new Date(e.at) })));
  expect(rebuilt.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', until: withdrawal.at, pausedWorkingDays: 2 })]);
  await saveHistory(handle, 'withdrawn-while-paused');
});

test('a consultation withdrawn while the firm supplies materials no longer reads PAUSED, and the wait ends with its working days on the timeline', async () => {
  const openedAt = at('2035-04-09', '10:00'); // a Monday
  await clockTo(s.env, openedAt);
  const input = consultationInput(openedAt);
  const id = input.consultationId;
  const handle = await startConsultation(s, input);
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: { kind: 'DIFFERENT_BANK', product: 'FAST_TRACK', bankCode: 'ccb', amountFen: 250_000_000, note: '建行抵押要求较低 CCB asks less collateral' } }] });
  await clockTo(s.env, at('2035-04-09', '11:00'));
  const waiting = await handle.executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['2034年度审计报告 2034 audited accounts'], reason: '建行需要审计报告 CCB needs audited accounts' }] });
  expect(waiting.slaState).toBe('PAUSED');

  await clockTo(s.env, at('2035-04-11', '10:00')); // Wednesday
  await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '企业已另行融资 the firm found other funding' }] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['WITHDRAWN', 'ON_TRACK']);
  expect(final.materials).toEqual([expect.objectContaining({ until: final.withdrawal!.at, pausedWorkingDays: 2 })]);
  expect(s.rec.record(id)).toMatchObject({ stage: 'WITHDRAWN', slaState: 'ON_TRACK' });
  expect(s.rec.timeline(id).find((e) => e.type === 'WITHDRAWN')!.data).toMatchObject({ pauseEnded: { pausedWorkingDays: 2 } });
  // What the API reads from the closed workflow (a query replays it).
  expect(await handle.query(consultationStateQuery)).toMatchObject({ slaState: 'ON_TRACK' });
  await saveHistory(handle, 'joint-consultation-withdrawn-while-paused');
});
