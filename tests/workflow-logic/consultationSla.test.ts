// The joint consultation's five working days on stub activities: AT_RISK half a working day
// before the due with a notice to the task force and the bank of the plan (the refusing bank
// until there is one), BREACHED with an escalation to the coordination group; the clock stands
// still while the firm supplies materials and stops once the bank has re-reviewed. 2035 has no
// notice loaded (provisional dues) and the weeks used hold no holiday: opened on a Monday at
// 10:00, a consultation is due at 24:00 the next Monday, AT_RISK from 12:00 that day. A notice
// loaded mid-case moves the due, and the escalation of a wait for materials, with the calendar.
import type { WorkflowHandle } from '@temporalio/client';
import { extendByPauses } from '../../domain/calendar/shiftWorkingTime';
import { calendarNoticeLoadedSignal } from '../../workflows/fastTrackCaseMessages';
import {
  completeMaterialsUpdate,
  consultationStateQuery,
  proposePlanUpdate,
  reReviewUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
  type jointConsultationWorkflow,
} from '../../workflows/jointConsultation';
import { HOUR, calendar, eventually } from '../support/caseScenarios';
import { ccbApprover, ccbManager, consultationInput, startConsultation, taskForce } from '../workflows/consultationHarness';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, at, clockTo, expectNear, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Consultation = WorkflowHandle<typeof jointConsultationWorkflow>;
const FIRM = '厦门鹭江五金制品有限公司';
const ccbPlan = { kind: 'DIFFERENT_BANK' as const, product: 'FAST_TRACK' as const, bankCode: 'ccb', amountFen: 250_000_000, note: '建行抵押要求较低 CCB asks less collateral' };
const stateOf = (handle: Consultation) => handle.query(consultationStateQuery);
const after = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** 2035's notice, with one rest day, loaded by the operator: the consultation hears of it. */
async function loadNotice(handle: Consultation, restDay: string): Promise<void> {
  s.rec.calendarYears.push({
    year: 2035,
    notice: { title: '测试通知 test notice', documentNo: '测试〔2035〕1号', publishedOn: '2034-11-01' },
    holidays: [{ name: '测试休息日', nameEn: 'test rest day', from: restDay, to: restDay }],
    makeupWorkdays: [],
  });
  await handle.signal(calendarNoticeLoadedSignal, { actor: 'calendar-admin', year: 2035 });
}

async function open(openedAt: Date): Promise<{ id: string; handle: Consultation }> {
  await clockTo(s.env, openedAt);
  const input = consultationInput(openedAt);
  return { id: input.consultationId, handle: await startConsultation(s, input) };
}

test('left alone: AT_RISK with a notice to the task force and the refusing bank, then BREACHED and escalated to the coordination group; a withdrawal keeps the breach', async () => {
  const { id, handle } = await open(at('2035-03-05', '10:00'));
  const atRisk = at('2035-03-12', '12:00');
  const due = at('2035-03-12', '24:00');
  let state = await stateOf(handle);
  expect([state.stage, state.atRiskAt, state.dueAt]).toEqual(['REASONS_RECORDED', atRisk.toISOString(), due.toISOString()]);

  await clockTo(s.env, after(atRisk, -MINUTE));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  expect(s.rec.slaTypes(id)).toEqual([]);

  await clockTo(s.env, after(atRisk, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect((await stateOf(handle)).slaState).toBe('AT_RISK');
  expect(s.rec.record(id)?.slaState).toBe('AT_RISK');
  const [alarm, notice] = s.rec.slaEntries(id);
  expect(alarm!.data).toEqual({ dueAt: due.toISOString() });
  expectNear(alarm!.at, atRisk);
  expect(notice!.data).toEqual({
    audience: ['TASK_FORCE', 'BANK:xib'],
    zh: `【预警】${FIRM}的银行联合会诊 ${id} 将于 2035-03-12 24:00 到期（阶段 REASONS_RECORDED），剩余 12.0 工作小时。`,
    en: `[At risk] Joint consultation ${id} (${FIRM}) is due 2035-03-12 24:00 (Asia/Shanghai); stage REASONS_RECORDED; 12.0 working h left.`,
  });

  await clockTo(s.env, after(due, -MINUTE));
  expect((await stateOf(handle)).slaState).toBe('AT_RISK');
  await clockTo(s.env, after(due, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
  state = await stateOf(handle);
  expect(state.slaState).toBe('BREACHED');
  expect(state.breaches).toEqual([{ dueAt: due.toISOString(), breachedAt: expect.any(String), stage: 'REASONS_RECORDED' }]);
  expect(s.rec.slaEntries(id)[2]!.data).toEqual({ dueAt: due.toISOString(), stage: 'REASONS_RECORDED' });
  const escalation = s.rec.notices(id)[1]!;
  expect(escalation).toMatchObject({ type: 'ESCALATED', audience: ['TASK_FORCE:综合协调组', 'STREET_OFFICE:lujiang'] });
  expect(escalation.zh).toBe(`【超时督办】${FIRM}的银行联合会诊 ${id} 已于 2035-03-12 24:00 超过5个工作日，所处阶段 REASONS_RECORDED。请综合协调组督办。`);
  expect(s.rec.record(id)?.slaState).toBe('BREACHED');

  await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '企业已另行融资 the firm found other funding' }] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['WITHDRAWN', 'BREACHED']);
});

test('a plan from another bank waiting for re-review is still on the clock: the alarm goes to that bank; accepted late, the linked case opens and the breach stays', async () => {
  const { id, handle } = await open(at('2035-03-19', '10:00'));
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: ccbPlan }] });
  const ready = await handle.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce, note: '材料齐全 file complete' }] });
  expect([ready.stage, ready.dueAt]).toEqual(['RE_REVIEW', at('2035-03-26', '24:00').toISOString()]);

  await clockTo(s.env, at('2035-03-26', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.notices(id)[0]).toMatchObject({ audience: ['TASK_FORCE', 'BANK:ccb'], zh: expect.stringContaining('（阶段 RE_REVIEW）') });
  await clockTo(s.env, at('2035-03-27', '00:01'));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
  expect((await stateOf(handle)).breaches).toEqual([expect.objectContaining({ stage: 'RE_REVIEW' })]);

  const accepted = await handle.executeUpdate(reReviewUpdate, { args: [{ actor: ccbApprover, outcome: 'ACCEPTED', note: '同意按250万授信 agreed at 2.5m' }] });
  expect(accepted.stage).toBe('ACCEPTED');
  expect(accepted.linkedCase).toMatchObject({ caseNo: expect.stringMatching(/^GL-2035-\d{6}$/), product: 'FAST_TRACK' });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['ACCEPTED', 'BREACHED']);
  expect(s.rec.timeline(id).find((e) => e.type === 'ACCEPTED')).toMatchObject({ actor: 'ccb-approver', data: { caseNo: accepted.linkedCase!.caseNo, product: 'FAST_TRACK' } });
});

test('while the firm supplies materials the consultation reads PAUSED; the due moves on by the working days of the wait, and a decline at re-review stops the clock', async () => {
  const { id, handle } = await open(at('2035-04-09', '10:00'));
  const due = at('2035-04-16', '24:00');
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: ccbPlan }] });
  await clockTo(s.env, at('2035-04-09', '11:00'));
  const paused = await handle.executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['2034年度审计报告 2034 audited accounts'], reason: '建行需要审计报告 CCB needs audited accounts' }] });
  expect([paused.stage, paused.slaState]).toEqual(['MATERIALS', 'PAUSED']);

  // The consultation's AT_RISK (12:00) and due (24:00) on Monday the 16th pass while the firm gathers its accounts.
  await clockTo(s.env, at('2035-04-18', '10:00'));
  expect((await stateOf(handle)).slaState).toBe('PAUSED');
  expect(s.rec.record(id)?.slaState).toBe('PAUSED');
  expect(s.rec.slaTypes(id)).toEqual([]);

  const resumed = await handle.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce, note: '审计报告已补 accounts supplied' }] });
  // Monday the 9th not counted; 10–13 and 16–18 April: seven working days.
  expect(resumed.materials[0]).toMatchObject({ pausedWorkingDays: 7 });
  const newDue = at('2035-04-25', '24:00');
  expect(newDue.toISOString()).toBe(extendByPauses(calendar, due, { workingDays: 7, workingMs: 0 }).toISOString());
  expect([resumed.stage, resumed.dueAt, resumed.slaState]).toEqual(['RE_REVIEW', newDue.toISOString(), 'ON_TRACK']);
  expect(s.rec.timeline(id).find((e) => e.type === 'MATERIALS_COMPLETE')!.data).toMatchObject({ pausedWorkingDays: 7, dueAt: newDue.toISOString() });
  expect(s.rec.record(id)?.dueAt).toBe(newDue.toISOString());

  const newAtRisk = after(newDue, -12 * HOUR);
  await clockTo(s.env, after(newAtRisk, -MINUTE));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, after(newAtRisk, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(id)[0]!.data).toEqual({ dueAt: newDue.toISOString() });

  await handle.executeUpdate(reReviewUpdate, { args: [{ actor: ccbApprover, outcome: 'DECLINED', note: '审计报告显示亏损 the accounts show a loss' }] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState, final.breaches]).toEqual(['DECLINED', 'MET', []]);
  await clockTo(s.env, after(newDue, HOUR)); // past the due: a decided consultation raises nothing more
  expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']);
  await saveHistory(handle, 'joint-consultation-paused-working-days');
});

test("a year's notice signalled to a running consultation moves its due: the old AT_RISK instant passes quietly", async () => {
  const { id, handle } = await open(at('2035-05-14', '10:00'));
  expect((await stateOf(handle)).dueAt).toBe(at('2035-05-21', '24:00').toISOString());

  await clockTo(s.env, at('2035-05-14', '11:00'));
  await loadNotice(handle, '2035-05-18');
  const due = at('2035-05-22', '24:00').toISOString();
  await eventually(async () => expect((await stateOf(handle)).dueAt).toBe(due));
  expect(s.rec.timeline(id).find((e) => e.type === 'DUE_RECOMPUTED')).toMatchObject({
    actor: 'calendar-admin',
    data: { before: at('2035-05-21', '24:00').toISOString(), after: due, year: 2035 },
  });
  expect(s.rec.record(id)?.dueAt).toBe(due);

  await clockTo(s.env, at('2035-05-21', '12:01'));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, at('2035-05-22', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(id)[0]!.data).toEqual({ dueAt: due });

  await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '测试结束 test over' }] });
  await finalResult(s, handle);
});

test('a wait for materials past ten working days escalates once to the coordination group and the street office, is no breach, and the consultation still reads PAUSED', async () => {
  const { id, handle } = await open(at('2035-07-02', '10:00')); // a Monday
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: ccbPlan }] });
  await clockTo(s.env, at('2035-07-02', '11:00'));
  const paused = await handle.executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['2034年度审计报告 2034 audited accounts'], reason: '建行需要审计报告 CCB needs audited accounts' }] });
  // The tenth working day after the wait's own day: 24:00 on Monday the 16th.
  const limit = at('2035-07-16', '24:00');
  expect(paused.materials[0]!.escalatesAt).toBe(limit.toISOString());
  expect(s.rec.timeline(id).find((e) => e.type === 'MATERIALS_REQUESTED')!.data).toMatchObject({ escalatesAt: limit.toISOString() });

  await clockTo(s.env, after(limit, -MINUTE));
  expect(s.rec.types(id)).not.toContain('SLA_PAUSE_LIMIT');
  await clockTo(s.env, after(limit, MINUTE));
  await eventually(async () => expect(s.rec.types(id)).toContain('ESCALATED'));
  expect(s.rec.timeline(id).find((e) => e.type === 'SLA_PAUSE_LIMIT')).toMatchObject({ actor: 'system', data: { since: paused.materials[0]!.since, by: 'task-force', limitWorkingDays: 10 } });
  const [notice] = s.rec.notices(id).filter((n) => n.type === 'ESCALATED');
  expect(notice).toMatchObject({
    audience: ['TASK_FORCE:综合协调组', 'STREET_OFFICE:lujiang'],
    zh: `【暂停超限督办】${FIRM}的银行联合会诊 ${id} 自 2035-07-02 11:00 起等待企业补充材料（2034年度审计报告 2034 audited accounts），已超过10个工作日（task-force 暂停，原因：建行需要审计报告 CCB needs audited accounts）。请综合协调组督办。`,
  });
  let state = await stateOf(handle);
  expect([state.slaState, state.breaches]).toEqual(['PAUSED', []]);

  // Still waiting a week later: no second notice. Then the materials come, and the clock runs on.
  await clockTo(s.env, at('2035-07-23', '10:00'));
  await handle.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce }] });
  state = await stateOf(handle);
  expect([state.stage, state.slaState, state.dueAt]).toEqual(['RE_REVIEW', 'ON_TRACK', at('2035-07-30', '24:00').toISOString()]); // 5 working days, plus the 15 of the wait
  expect(s.rec.notices(id).filter((n) => n.type === 'ESCALATED')).toHaveLength(1);
  await saveHistory(handle, 'joint-consultation-pause-limit');
  await handle.executeUpdate(reReviewUpdate, { args: [{ actor: ccbApprover, outcome: 'DECLINED', note: '测试结束 test over' }] });
  await finalResult(s, handle);
});

test("a year's notice loaded while the firm supplies materials moves the wait's escalation with the calendar: not at the old limit, at the new one", async () => {
  const { id, handle } = await open(at('2035-08-06', '10:00')); // a Monday
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: ccbPlan }] });
  await clockTo(s.env, at('2035-08-06', '11:00'));
  await handle.executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['2034年度审计报告 2034 audited accounts'], reason: '建行需要审计报告 CCB needs audited accounts' }] });
  const oldLimit = at('2035-08-20', '24:00');
  expect((await stateOf(handle)).materials[0]!.escalatesAt).toBe(oldLimit.toISOString());

  // The notice makes Tuesday the 14th a rest day: the tenth working day of the wait is now Tuesday the 21st.
  await clockTo(s.env, at('2035-08-09', '10:00'));
  await loadNotice(handle, '2035-08-14');
  const newLimit = at('2035-08-21', '24:00');
  await eventually(async () => expect((await stateOf(handle)).materials[0]!.escalatesAt).toBe(newLimit.toISOString()));
  expect(s.rec.timeline(id).find((e) => e.type === 'DUE_RECOMPUTED')!.data).toMatchObject({ pauseEscalatesAt: newLimit.toISOString(), year: 2035 });

  await clockTo(s.env, after(oldLimit, MINUTE));
  expect(s.rec.types(id)).not.toContain('SLA_PAUSE_LIMIT');
  await clockTo(s.env, after(newLimit, MINUTE));
  await eventually(async () => expect(s.rec.types(id)).toContain('SLA_PAUSE_LIMIT'));
  expect(s.rec.notices(id).filter((n) => n.type === 'ESCALATED')).toHaveLength(1);
  expect((await stateOf(handle)).slaState).toBe('PAUSED');

  await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '测试结束 test over' }] });
  await finalResult(s, handle);
});
