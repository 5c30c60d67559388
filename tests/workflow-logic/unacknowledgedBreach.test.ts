// A breach nobody acknowledges goes one level up: four working hours (the policy, on the
// working-time calendar) after the breach notice, the case or consultation asks whether anyone it
// reached acknowledged it and, if nobody did, tells the task force's leaders. An acknowledged
// breach, or late work done in the meantime, stops there. 2035 has no State Council notice
// loaded; mid-May and July 2035 hold no holiday. Due diligence accepted at 10:00 is due 24:00
// that day; a sci-tech case is due 48 calendar hours after acceptance; a consultation opened on a
// Monday is due at 24:00 the next Monday.
import type { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { withdrawConsultationUpdate } from '../../workflows/jointConsultation';
import { sciTechDecideUpdate, sciTechGetStateQuery, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { ddEvidence, eventually, gridEvidence, vipEvidence } from '../support/caseScenarios';
import { borderline, sciTechInput, startSciTech } from '../support/sciTechScenarios';
import { consultationInput, startConsultation, taskForce } from '../workflows/consultationHarness';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, acceptCase, at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;
const LEADERS = ['TASK_FORCE:专班负责人'];

/** A case accepted at 10:00 whose grid and bank branches are done at once, so only due diligence can breach. */
async function acceptWithDueDiligenceOpen(date: string): Promise<{ caseNo: string; handle: Case; breachKey: string }> {
  const { input, handle } = await acceptCase(s, at(date, '10:00'), { assignees: { DUE_DILIGENCE: 'assessor-xm' } });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  return { caseNo: input.caseNo, handle, breachKey: `escalated:DUE_DILIGENCE:${at(date, '24:00').toISOString()}` };
}

const leadersNotices = (caseNo: string) => s.rec.notices(caseNo).filter((n) => n.audience.includes(LEADERS[0]!));

/** The one notice the leaders get about a case or consultation, once it has gone out. */
async function leadersHear(id: string) {
  const [up] = await eventually(async () => {
    const found = leadersNotices(id);
    expect(found).toHaveLength(1);
    return found;
  });
  return up;
}

/** The breach notice is out (so the four working hours run from now). */
async function breached(caseNo: string, date: string): Promise<void> {
  await clockTo(s.env, new Date(at(date, '24:00').getTime() + MINUTE));
  await eventually(async () => expect(s.rec.types(caseNo)).toContain('ESCALATED'));
}

test('a breach nobody acknowledges reaches the task force leaders four working hours later, not before', async () => {
  const { caseNo } = await acceptWithDueDiligenceOpen('2035-05-14'); // a Monday
  await breached(caseNo, '2035-05-14');
  const breach = s.rec.notices(caseNo).find((n) => n.type === 'ESCALATED')!;
  expect(breach.audience).toEqual(['TASK_FORCE:综合协调组', 'assessor-xm', 'STREET_OFFICE:lujiang', 'BANK:xib']);

  await clockTo(s.env, at('2035-05-15', '03:58'));
  expect(leadersNotices(caseNo)).toEqual([]);
  await clockTo(s.env, at('2035-05-15', '04:02'));
  const up = await leadersHear(caseNo);
  expect(up).toMatchObject({ type: 'ESCALATED', audience: LEADERS });
  expect(up!.zh).toMatch(new RegExp(`^【超时无人确认】案件 ${caseNo}（.+）的第三方尽调已于 2035-05-14 24:00 超时，4 个工作小时内无人确认，升级至专班负责人。$`));
  expect(up!.en).toBe(`[Breach unacknowledged] Case ${caseNo}: 第三方尽调 due diligence passed its due 2035-05-14 24:00 and nobody acknowledged it within 4 working hours; escalated to the task force's leaders.`);
});

test('an acknowledged breach goes no higher', async () => {
  const { caseNo, breachKey } = await acceptWithDueDiligenceOpen('2035-05-16'); // a Wednesday
  await breached(caseNo, '2035-05-16');
  s.rec.acknowledged.add(`${caseNo}/${breachKey}`);
  await clockTo(s.env, at('2035-05-17', '06:00'));
  // The wait is over and the workflow asked: nothing went to the leaders.
  expect(leadersNotices(caseNo)).toEqual([]);
});

test('late work done within the four working hours settles the breach: nobody is escalated to', async () => {
  const { caseNo, handle } = await acceptWithDueDiligenceOpen('2035-05-17'); // a Thursday
  await breached(caseNo, '2035-05-17');
  await clockTo(s.env, at('2035-05-18', '02:00'));
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor-xm', evidence: ddEvidence }] });
  await clockTo(s.env, at('2035-05-18', '06:00'));
  expect(leadersNotices(caseNo)).toEqual([]);
});

test('the four hours are working hours: a Friday-night breach reaches the leaders early on Monday, not over the weekend', async () => {
  const { caseNo } = await acceptWithDueDiligenceOpen('2035-05-18'); // a Friday
  await breached(caseNo, '2035-05-18');
  await clockTo(s.env, at('2035-05-20', '23:00')); // Sunday night
  expect(leadersNotices(caseNo)).toEqual([]);
  await clockTo(s.env, at('2035-05-21', '04:02'));
  await leadersHear(caseNo);
});

/** A borderline sci-tech case left with the bank's approver; its 48 hours run out two days later. */
async function sciTechAwaitingApprover(date: string, hhmm: string) {
  const acceptedAt = at(date, hhmm);
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline);
  const handle = await startSciTech(s, input);
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).stage).toBe('MANUAL_REVIEW'));
  return { caseNo: input.caseNo, handle, due: new Date(acceptedAt.getTime() + 48 * 60 * MINUTE) };
}

test('a sci-tech breach nobody acknowledges reaches the leaders four working hours later; a Sunday breach, early on Monday', async () => {
  const { caseNo, handle, due } = await sciTechAwaitingApprover('2035-07-06', '18:00'); // a Friday: due Sunday 18:00
  await clockTo(s.env, new Date(due.getTime() + MINUTE));
  await eventually(async () => expect(s.rec.types(caseNo)).toContain('ESCALATED'));
  await clockTo(s.env, at('2035-07-09', '03:58'));
  expect(leadersNotices(caseNo)).toEqual([]);
  await clockTo(s.env, at('2035-07-09', '04:02'));
  const up = await leadersHear(caseNo);
  expect(up).toMatchObject({ type: 'ESCALATED', audience: LEADERS });
  expect(up!.zh).toBe(`【超时无人确认】善科贷案件 ${caseNo}（厦门莲前生物科技有限公司）的48小时承诺已于 2035-07-08 18:00 超时，4 个工作小时内无人确认，升级至专班负责人。`);
  expect(up!.en).toBe(`[Breach unacknowledged] Sci-tech case ${caseNo}: 48小时承诺 48-hour promise passed its due 2035-07-08 18:00 and nobody acknowledged it within 4 working hours; escalated to the task force's leaders.`);
  await handle.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: '测试结束 end of test', actor: 'loan-officer@ccb-lianqian' }] });
  await finalResult(s, handle);
  await saveHistory(handle, 'sci-tech-breach-unacknowledged-escalated');
});

test('a sci-tech case decided within the four working hours, or its breach acknowledged, goes no higher', async () => {
  const decided = await sciTechAwaitingApprover('2035-07-09', '10:00'); // due Wednesday 10:00
  const acknowledged = await sciTechAwaitingApprover('2035-07-09', '10:05');
  await clockTo(s.env, new Date(acknowledged.due.getTime() + MINUTE));
  await eventually(async () => expect(s.rec.types(acknowledged.caseNo)).toContain('ESCALATED'));
  s.rec.acknowledged.add(`${acknowledged.caseNo}/escalated:PROMISE:${acknowledged.due.toISOString()}`);
  await clockTo(s.env, new Date(decided.due.getTime() + 60 * MINUTE));
  await decided.handle.executeUpdate(sciTechDecideUpdate, { args: [{ outcome: 'REJECTED', actor: 'credit-approver@ccb', actorProfile: { role: 'credit_approver', bank: 'ccb' }, reasons: [{ code: 'LOW_SCORE' }] }] });
  await clockTo(s.env, new Date(decided.due.getTime() + 5 * 60 * MINUTE));
  expect(leadersNotices(decided.caseNo)).toEqual([]);
  expect(leadersNotices(acknowledged.caseNo)).toEqual([]);
});

test('a consultation breach nobody acknowledges reaches the leaders; an acknowledged one does not', async () => {
  await clockTo(s.env, at('2035-07-16', '10:00')); // a Monday: due 24:00 the next Monday
  const ignoredInput = consultationInput(at('2035-07-16', '10:00'));
  const ignored = await startConsultation(s, ignoredInput);
  const answeredInput = consultationInput(at('2035-07-16', '10:00'), { consultationId: `${ignoredInput.consultationId}-B` });
  const answered = await startConsultation(s, answeredInput);
  await clockTo(s.env, at('2035-07-24', '00:01'));
  await eventually(async () => expect(s.rec.types(ignoredInput.consultationId)).toContain('ESCALATED'));
  await eventually(async () => expect(s.rec.types(answeredInput.consultationId)).toContain('ESCALATED'));
  s.rec.acknowledged.add(`${answeredInput.consultationId}/escalated:${at('2035-07-23', '24:00').toISOString()}`);

  await clockTo(s.env, at('2035-07-24', '03:58'));
  expect(leadersNotices(ignoredInput.consultationId)).toEqual([]);
  await clockTo(s.env, at('2035-07-24', '04:02'));
  const up = await leadersHear(ignoredInput.consultationId);
  expect(up!.zh).toBe(`【超时无人确认】厦门鹭江五金制品有限公司的银行联合会诊 ${ignoredInput.consultationId}的5个工作日承诺已于 2035-07-23 24:00 超时，4 个工作小时内无人确认，升级至专班负责人。`);
  expect(up!.en).toBe(`[Breach unacknowledged] Joint consultation ${ignoredInput.consultationId}: 5个工作日承诺 5-working-day promise passed its due 2035-07-23 24:00 and nobody acknowledged it within 4 working hours; escalated to the task force's leaders.`);
  expect(leadersNotices(answeredInput.consultationId)).toEqual([]);
  for (const c of [ignored, answered]) await c.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '测试结束 end of test' }] });
  await finalResult(s, ignored);
  await saveHistory(ignored, 'joint-consultation-breach-unacknowledged-escalated');
});
