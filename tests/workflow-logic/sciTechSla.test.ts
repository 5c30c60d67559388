// The sci-tech case's 48-hour promise on stub activities: calendar hours (nights and weekends
// count), AT_RISK 8 h before the due with a notice to whoever holds the case, the street office
// and the task force, BREACHED with an escalation that includes the bank; a decision inside the
// promise or a withdrawal stops the clock.
import type { WorkflowHandle } from '@temporalio/client';
import { sciTechCaseWorkflow, sciTechDecideUpdate, sciTechGetStateQuery, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { HOUR, eventually } from '../support/caseScenarios';
import { biotech, borderline, sciTechInput, startSciTech, weak } from '../support/sciTechScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, at, clockTo, expectNear, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type SciTechCase = WorkflowHandle<typeof sciTechCaseWorkflow>;
const FIRM = '厦门莲前生物科技有限公司';
const APPROVER = 'credit-approver@ccb';
const approve = { outcome: 'APPROVED' as const, actor: APPROVER, actorProfile: { role: 'credit_approver' as const, bank: 'ccb' }, amountFen: 50_000_000, rateBp: 420, termMonths: 12 };
const stateOf = (handle: SciTechCase) => handle.query(sciTechGetStateQuery);
const after = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** A borderline application: the model leaves the decision to the bank's approver. */
async function awaitingApprover(acceptedAt: Date): Promise<{ caseNo: string; handle: SciTechCase }> {
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline);
  const handle = await startSciTech(s, input);
  await eventually(async () => expect((await stateOf(handle)).stage).toBe('MANUAL_REVIEW'));
  return { caseNo: input.caseNo, handle };
}

test.each([
  { application: biotech, band: 'AUTO_APPROVE', stage: 'DISBURSED', acceptedAt: at('2035-03-05', '10:00') },
  { application: weak, band: 'AUTO_REJECT', stage: 'REJECTED', acceptedAt: at('2035-03-06', '10:00') },
])('decided by the scoring model ($band) at once: $stage, MET, no alarm', async ({ application, band, stage, acceptedAt }) => {
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, application);
  // No acceptance update: a case the model decides may have ended before it would arrive.
  const handle = await s.env.client.workflow.start(sciTechCaseWorkflow, { workflowId: `case-${input.caseNo}`, taskQueue: s.taskQueue, args: [input] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage, band, slaState: 'MET', breaches: [], dueAt: after(acceptedAt, 48 * HOUR).toISOString() });
  expect(s.rec.slaTypes(input.caseNo)).toEqual([]);
  expect(s.rec.record(input.caseNo)).toMatchObject({ stage, slaState: 'MET' });
});

test('waiting on the approver over a weekend: AT_RISK at 40 h with a notice to the approver, street office and task force, BREACHED at 48 h and escalated to the bank too', async () => {
  const acceptedAt = at('2035-03-09', '18:00'); // a Friday evening: the 48 hours run through the weekend
  const { caseNo, handle } = await awaitingApprover(acceptedAt);
  const atRisk = at('2035-03-11', '10:00');
  const due = at('2035-03-11', '18:00');
  const dueText = '2035-03-11 18:00';
  let state = await stateOf(handle);
  expect([state.atRiskAt, state.dueAt, state.slaState]).toEqual([atRisk.toISOString(), due.toISOString(), 'ON_TRACK']);
  // The approver hears of the case first, with the promise's due.
  expect(s.rec.notices(caseNo)).toEqual([expect.objectContaining({ type: 'NOTIFICATION', audience: [APPROVER], zh: expect.stringContaining(`48小时承诺于 ${dueText} 到期`) })]);

  await clockTo(s.env, after(atRisk, -MINUTE));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  expect(s.rec.slaTypes(caseNo)).toEqual([]);

  await clockTo(s.env, after(atRisk, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect((await stateOf(handle)).slaState).toBe('AT_RISK');
  expect(s.rec.record(caseNo)?.slaState).toBe('AT_RISK');
  const [alarm, notice] = s.rec.slaEntries(caseNo);
  expect(alarm).toMatchObject({ actor: 'system', data: { subject: 'PROMISE', assignee: APPROVER, stage: 'MANUAL_REVIEW', dueAt: due.toISOString() } });
  expectNear(alarm!.at, atRisk);
  expect(notice!.data).toEqual({
    audience: [APPROVER, 'STREET_OFFICE:lianqian', 'TASK_FORCE'],
    zh: `【预警】善科贷案件 ${caseNo}（${FIRM}）的48小时承诺将于 ${dueText} 到期，剩余 8.0 小时，当前阶段 MANUAL_REVIEW，负责人 ${APPROVER}。`,
    en: `[At risk] Sci-tech case ${caseNo} (${FIRM}): the 48-hour promise is due ${dueText} (Asia/Shanghai), 8.0 h left; stage MANUAL_REVIEW; owner ${APPROVER}.`,
  });

  await clockTo(s.env, after(due, -MINUTE));
  expect((await stateOf(handle)).slaState).toBe('AT_RISK');
  await clockTo(s.env, after(due, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
  state = await stateOf(handle);
  expect([state.slaState, state.stage]).toEqual(['BREACHED', 'MANUAL_REVIEW']);
  expect(state.breaches).toEqual([{ dueAt: due.toISOString(), breachedAt: expect.any(String), stage: 'MANUAL_REVIEW' }]);
  expectNear(state.breaches[0]!.breachedAt, due);
  expect(s.rec.slaEntries(caseNo)[2]).toMatchObject({ type: 'SLA_BREACHED', data: { subject: 'PROMISE', assignee: APPROVER, stage: 'MANUAL_REVIEW', dueAt: due.toISOString() } });
  const escalation = s.rec.notices(caseNo).find((n) => n.type === 'ESCALATED')!;
  expect(escalation.audience).toEqual(['TASK_FORCE:综合协调组', APPROVER, 'STREET_OFFICE:lianqian', 'BANK:ccb']);
  expect(escalation.zh).toBe(`【超时督办】善科贷案件 ${caseNo}（${FIRM}，50万元）的48小时承诺已于 ${dueText} 超时，所处阶段 MANUAL_REVIEW，负责人 ${APPROVER}。请综合协调组督办。`);
  expect(s.rec.record(caseNo)?.slaState).toBe('BREACHED');

  // Approved late: paid, and the breach stays on the record.
  await clockTo(s.env, after(due, 2 * HOUR));
  await handle.executeUpdate(sciTechDecideUpdate, { args: [approve] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['DISBURSED', 'BREACHED']);
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'DISBURSED')?.data).toMatchObject({ withinPromise: false });
  expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']);
});

test('approved inside the 48 hours: paid, MET, and no alarm even after the due instant passes', async () => {
  const acceptedAt = at('2035-03-19', '10:00');
  const { caseNo, handle } = await awaitingApprover(acceptedAt);
  await clockTo(s.env, after(acceptedAt, 10 * HOUR));
  await handle.executeUpdate(sciTechDecideUpdate, { args: [approve] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState, final.breaches]).toEqual(['DISBURSED', 'MET', []]);
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'DISBURSED')?.data).toMatchObject({ withinPromise: true });
  await clockTo(s.env, after(acceptedAt, 49 * HOUR));
  expect(s.rec.slaTypes(caseNo)).toEqual([]);
});

test('withdrawn while AT_RISK: the clock stops, and the 48 hours pass without a breach', async () => {
  const acceptedAt = at('2035-03-26', '10:00');
  const { caseNo, handle } = await awaitingApprover(acceptedAt);
  await clockTo(s.env, after(acceptedAt, 41 * HOUR));
  await eventually(async () => expect((await stateOf(handle)).slaState).toBe('AT_RISK'));
  await handle.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: '企业暂不需要资金 no longer needed', actor: 'loan-officer@ccb-lianqian' }] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'WITHDRAWN', breaches: [] });
  await clockTo(s.env, after(acceptedAt, 49 * HOUR));
  expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']);
});

test('a withdrawal that lands while the score is being recorded stands: no manual review, nothing paid', async () => {
  const acceptedAt = at('2035-06-04', '10:00'); // after every other test's instants: the server's clock only moves on
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline);
  // A local write runs inside the workflow task, where no update lands; refused there three times
  // (PostgreSQL down), the score's write waits at the server as an activity, and the withdrawal lands.
  s.rec.refuse('EVALUATED', 3);
  const scoring = s.rec.holdNext('EVALUATED');
  const handle = await startSciTech(s, input);
  await scoring.reached;
  await handle.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: '企业撤回申请 the firm withdrew', actor: 'lianqian-officer' }] });
  scoring.release();

  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'WITHDRAWN', withdrawal: { by: 'lianqian-officer' } });
  expect(final.decision).toBeUndefined();
  expect(s.rec.types(input.caseNo)).not.toEqual(expect.arrayContaining(['MANUAL_REVIEW']));
  expect(s.rec.types(input.caseNo)).not.toContain('DISBURSED');
  expect(s.rec.record(input.caseNo)).toMatchObject({ stage: 'WITHDRAWN' });
  await saveHistory(handle, 'sci-tech-withdrawn-while-scoring');
});
