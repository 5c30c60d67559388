// The fast-track case's SLA clock on stub activities: each branch's due and the five-working-day
// promise, AT_RISK then BREACHED with the notices and escalations they send, and what keeps,
// stops or moves the clock (finishing in time, a pause, a new holiday notice, a withdrawal, a
// decision). 2035 has no State Council notice loaded, so its dues are provisional (weekends and
// statutory holidays); the weeks used here hold no holiday. A Monday 10:00 acceptance gives:
//   due diligence  due 24:00 Monday,            AT_RISK 12:00 Monday
//   grid           due 24:00 Tuesday,           AT_RISK 12:00 Tuesday
//   bank VIP       due 24:00 Thursday,          AT_RISK 12:00 Thursday
//   promise        due 24:00 the next Monday,   AT_RISK 12:00 that Monday
// (half a working day, 12 h, before each due).
import type { WorkflowHandle } from '@temporalio/client';
import { TASK_KINDS } from '../../domain/fastTrack/policy';
import {
  calendarChangedUpdate,
  calendarNoticeLoadedSignal,
  completeTaskUpdate,
  decideUpdate,
  getStateQuery,
  pauseSlaUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CaseState,
  type CompleteTaskRequest,
  type TaskKind,
  type fastTrackCaseWorkflow,
} from '../../workflows/fastTrackCase';
import { HOUR, ddEvidence, eventually, gridEvidence, testNotice, vipEvidence } from '../support/caseScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, acceptCase, at, clockTo, expectNear, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;
const FIRM = '厦门鹭江装饰工程有限公司';
const EVIDENCE = { GRID_SUBMISSION: gridEvidence, BANK_VIP_CHANNEL: vipEvidence, DUE_DILIGENCE: ddEvidence };
const STREET_AND_TASK_FORCE = ['STREET_OFFICE:lujiang', 'TASK_FORCE'];
// A breach: the coordination group, whoever holds the work, the street office and the bank.
const breachAudience = (assignee: string) => ['TASK_FORCE:综合协调组', assignee, 'STREET_OFFICE:lujiang', 'BANK:xib'];

const stateOf = (handle: Case) => handle.query(getStateQuery);
const taskOf = (state: CaseState, kind: TaskKind) => state.tasks.find((t) => t.kind === kind)!;
const reject = { outcome: 'REJECTED' as const, actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons: [{ code: 'LOW_CREDIT_RATING' as const }] };
const approve = { outcome: 'APPROVED' as const, actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 500_000_000, rateBp: 385, termMonths: 12 };
const withdrawal = { reason: '企业已获他行贷款 the firm got a loan elsewhere', actor: 'officer@lujiang' };

/** The branch's holder completes it with good evidence. */
async function complete(handle: Case, kind: TaskKind): Promise<CaseState> {
  const actor = taskOf(await stateOf(handle), kind).assignee;
  return handle.executeUpdate(completeTaskUpdate, { args: [{ kind, actor, evidence: EVIDENCE[kind] } as CompleteTaskRequest] });
}

const DEADLINES = [
  { subject: 'DUE_DILIGENCE', monday: '2035-03-05', label: '第三方尽调 due diligence', assignee: 'assessor@xm-pingan', atRisk: at('2035-03-05', '12:00'), due: at('2035-03-05', '24:00'), dueText: '2035-03-05 24:00', stage: 'PARALLEL_REVIEW' },
  { subject: 'GRID_SUBMISSION', monday: '2035-03-12', label: '信易贷申报 grid submission', assignee: 'grid-officer@lujiang', atRisk: at('2035-03-13', '12:00'), due: at('2035-03-13', '24:00'), dueText: '2035-03-13 24:00', stage: 'PARALLEL_REVIEW' },
  { subject: 'BANK_VIP_CHANNEL', monday: '2035-03-19', label: '银行VIP通道 bank VIP channel', assignee: 'customer-manager@xib', atRisk: at('2035-03-22', '12:00'), due: at('2035-03-22', '24:00'), dueText: '2035-03-22 24:00', stage: 'PARALLEL_REVIEW' },
  { subject: 'PROMISE', monday: '2035-03-26', label: '5个工作日承诺 5-working-day promise', assignee: 'street-office@lujiang', atRisk: at('2035-04-02', '12:00'), due: at('2035-04-02', '24:00'), dueText: '2035-04-02 24:00', stage: 'CREDIT_DECISION' },
] as const;

describe.each(DEADLINES)('$subject left undone', (d) => {
  test(`ON_TRACK until 12:00 before its due, AT_RISK with a notice to the street office and task force, then BREACHED and escalated to the coordination group (${d.assignee} named)`, async () => {
    const { input: { caseNo }, handle } = await acceptCase(s, at(d.monday, '10:00'), { assignees: { DUE_DILIGENCE: 'assessor@xm-pingan' } });
    // Every other branch done at once: this deadline is the one that runs out.
    for (const kind of TASK_KINDS) if (kind !== d.subject) await complete(handle, kind);
    const level = (state: CaseState) => (d.subject === 'PROMISE' ? state.slaState : taskOf(state, d.subject).slaState);

    let state = await stateOf(handle);
    expect(state.stage).toBe(d.stage);
    if (d.subject === 'PROMISE') {
      expect([state.promiseAtRiskAt, state.dueAt]).toEqual([d.atRisk.toISOString(), d.due.toISOString()]);
    } else {
      expect(taskOf(state, d.subject)).toMatchObject({ atRiskAt: d.atRisk.toISOString(), dueAt: d.due.toISOString() });
    }

    await clockTo(s.env, new Date(d.atRisk.getTime() - MINUTE));
    state = await stateOf(handle);
    expect([state.slaState, level(state)]).toEqual(['ON_TRACK', 'ON_TRACK']);
    expect(s.rec.slaTypes(caseNo)).toEqual([]);
    // The record says when its SLA level can next change by itself: reads before then need not ask the workflow.
    expect(s.rec.record(caseNo)?.quietUntil).toBe(d.atRisk.toISOString());

    await clockTo(s.env, new Date(d.atRisk.getTime() + MINUTE));
    await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
    state = await stateOf(handle);
    expect([state.slaState, level(state)]).toEqual(['AT_RISK', 'AT_RISK']);
    expect(s.rec.record(caseNo)).toMatchObject({ slaState: 'AT_RISK', quietUntil: d.due.toISOString() });
    const [alarm] = s.rec.slaEntries(caseNo);
    expect(alarm).toMatchObject({ type: 'SLA_AT_RISK', actor: 'system', data: { subject: d.subject, assignee: d.assignee, dueAt: d.due.toISOString() } });
    expectNear(alarm!.at, d.atRisk);
    const [atRiskNotice] = s.rec.notices(caseNo);
    expect(atRiskNotice!.audience).toEqual(STREET_AND_TASK_FORCE);
    const zhLabel = d.label.split(' ')[0];
    expect(atRiskNotice!.zh).toBe(`【预警】案件 ${caseNo}（${FIRM}）的${zhLabel}将于 ${d.dueText} 到期，负责人 ${d.assignee}，剩余 12.0 工作小时。`);
    expect(atRiskNotice!.en).toBe(`[At risk] Case ${caseNo} (${FIRM}): ${d.label} is due ${d.dueText} (Asia/Shanghai); owner ${d.assignee}; 12.0 working h left.`);

    await clockTo(s.env, new Date(d.due.getTime() - MINUTE));
    expect(level(await stateOf(handle))).toBe('AT_RISK');
    expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']);

    await clockTo(s.env, new Date(d.due.getTime() + MINUTE));
    await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
    state = await stateOf(handle);
    expect([state.slaState, level(state), state.stage]).toEqual(['BREACHED', 'BREACHED', d.stage]);
    expect(state.breaches).toEqual([{ subject: d.subject, assignee: d.assignee, stage: d.stage, dueAt: d.due.toISOString(), breachedAt: expect.any(String), lateWorkingMs: null }]);
    expectNear(state.breaches[0]!.breachedAt, d.due);
    expect(s.rec.record(caseNo)?.slaState).toBe('BREACHED');
    // Breached, the deadline changes no more: the record is quiet until the promise's warning; once the promise breached, no change is timed and reads ask.
    const quiet = s.rec.record(caseNo)?.quietUntil;
    if (d.subject === 'PROMISE') expect(quiet).toBeUndefined();
    else expect(new Date(quiet!).getTime()).toBeGreaterThan(d.due.getTime());
    expect(s.rec.slaEntries(caseNo)[2]).toMatchObject({ type: 'SLA_BREACHED', data: { subject: d.subject, assignee: d.assignee, stage: d.stage, dueAt: d.due.toISOString() } });
    const escalation = s.rec.notices(caseNo)[1]!;
    expect(escalation).toMatchObject({ type: 'ESCALATED', audience: breachAudience(d.assignee) });
    expect(escalation.zh).toMatch(new RegExp(`^【超时督办】案件 ${caseNo}（${FIRM}，.+）的${zhLabel}已于 ${d.dueText} 超时，负责人 ${d.assignee}，所处阶段 ${d.stage}。请综合协调组督办。$`));
    expect(escalation.en).toBe(`[SLA breached] Case ${caseNo}: ${d.label} passed its due ${d.dueText}; owner ${d.assignee}; stage ${d.stage}. Escalated to the task force's general coordination group.`);

    if (d.subject === 'PROMISE') {
      // Paid after all: the breach stays on the record, and the payment says it came late.
      await handle.executeUpdate(decideUpdate, { args: [approve] });
      const final = await finalResult(s, handle);
      expect([final.stage, final.slaState]).toEqual(['DISBURSED', 'BREACHED']);
      expect(s.rec.timeline(caseNo).find((e) => e.type === 'DISBURSED')?.data).toMatchObject({ withinPromise: false });
    } else {
      // The late work arrives two working hours after the due; how late is on the record.
      await clockTo(s.env, new Date(d.due.getTime() + 2 * HOUR));
      state = await complete(handle, d.subject);
      expect(state.stage).toBe('CREDIT_DECISION');
      expect(Math.abs(state.breaches[0]!.lateWorkingMs! - 2 * HOUR)).toBeLessThan(MINUTE);
      const done = s.rec.timeline(caseNo).find((e) => e.type === 'TASK_COMPLETED' && e.data.kind === d.subject)!;
      expect(done.data.lateWorkingMs).toBe(state.breaches[0]!.lateWorkingMs);
      // Decided: the clock stops, and a decided case keeps its breach.
      await handle.executeUpdate(decideUpdate, { args: [reject] });
      const final = await finalResult(s, handle);
      expect([final.stage, final.slaState]).toEqual(['REJECTED', 'BREACHED']);
    }
    expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']);
  });
});

test('branches finished before their AT_RISK instants and a decision inside the promise raise nothing: the case is MET', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-04-09', '10:00')); // a Monday

  await clockTo(s.env, at('2035-04-09', '11:00'));
  await complete(handle, 'DUE_DILIGENCE');
  // Past due diligence's AT_RISK (12:00) and due (24:00): done in time, nothing raised.
  await clockTo(s.env, at('2035-04-10', '11:00'));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await complete(handle, 'GRID_SUBMISSION');
  await clockTo(s.env, at('2035-04-12', '11:00'));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  const state = await complete(handle, 'BANK_VIP_CHANNEL');
  expect(state.stage).toBe('CREDIT_DECISION');
  expect(state.tasks.map((t) => [t.kind, t.status, t.slaState])).toEqual(TASK_KINDS.map((k) => [k, 'DONE', 'ON_TRACK']));

  await clockTo(s.env, at('2035-04-13', '15:00'));
  await handle.executeUpdate(decideUpdate, { args: [approve] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState, final.breaches]).toEqual(['DISBURSED', 'MET', []]);
  expect(s.rec.slaTypes(caseNo)).toEqual([]);
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'DISBURSED')?.data).toMatchObject({ withinPromise: true, workingDaysUsed: 4 });
  expect(s.rec.record(caseNo)).toMatchObject({ stage: 'DISBURSED', slaState: 'MET' });
});

test('a paused case reads PAUSED with since, by and why, raises nothing; on resume its dues move on by the working days of the pause, to 24:00, and run out from there', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-04-16', '10:00')); // a Monday
  await complete(handle, 'DUE_DILIGENCE');
  await complete(handle, 'BANK_VIP_CHANNEL');
  expect(taskOf(await stateOf(handle), 'GRID_SUBMISSION').dueAt).toBe(at('2035-04-17', '24:00').toISOString());
  expect((await stateOf(handle)).dueAt).toBe(at('2035-04-23', '24:00').toISOString());

  await clockTo(s.env, at('2035-04-16', '11:00'));
  const reason = '企业补充财务报表 firm supplementing financial statements';
  let state = await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason, actor: 'officer@lujiang' }] });
  expect(state.slaState).toBe('PAUSED');
  expect(state.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', reason, by: 'officer@lujiang', escalatesAt: at('2035-04-30', '24:00').toISOString() })]);
  expect(s.rec.record(caseNo)?.slaState).toBe('PAUSED');

  // The grid's AT_RISK (12:00 Tuesday) and due (24:00 Tuesday) pass while the firm gathers its accounts.
  await clockTo(s.env, at('2035-04-18', '10:00'));
  state = await stateOf(handle);
  expect([state.slaState, taskOf(state, 'GRID_SUBMISSION').slaState]).toEqual(['PAUSED', 'ON_TRACK']);
  expect(s.rec.slaTypes(caseNo)).toEqual([]);

  // Paused Monday, resumed Wednesday: Tuesday and Wednesday count, Monday does not.
  state = await handle.executeUpdate(resumeSlaUpdate, { args: [{ actor: 'officer@lujiang', note: '材料已补齐 materials complete' }] });
  expect(state.pauses[0]).toMatchObject({ pausedWorkingDays: 2 });
  expect(state.pauses[0]!.pausedWorkingMs).toBeUndefined();
  const newGridDue = at('2035-04-19', '24:00');
  const newPromiseDue = at('2035-04-25', '24:00');
  expect(taskOf(state, 'GRID_SUBMISSION').dueAt).toBe(newGridDue.toISOString());
  expect(state.dueAt).toBe(newPromiseDue.toISOString());
  expect(state.slaState).toBe('ON_TRACK');
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'SLA_PAUSED')).toMatchObject({ actor: 'officer@lujiang', data: { kind: 'GRID_SUBMISSION', reason } });
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'SLA_RESUMED')).toMatchObject({
    actor: 'officer@lujiang',
    data: { kind: 'GRID_SUBMISSION', pausedWorkingDays: 2, taskDueAt: newGridDue.toISOString(), caseDueAt: newPromiseDue.toISOString() },
  });
  expect(s.rec.record(caseNo)).toMatchObject({ slaState: 'ON_TRACK', dueAt: newPromiseDue.toISOString() });

  const newAtRisk = at('2035-04-19', '12:00');
  await clockTo(s.env, new Date(newAtRisk.getTime() - MINUTE));
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, new Date(newAtRisk.getTime() + MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(caseNo)[0]!.data).toMatchObject({ subject: 'GRID_SUBMISSION', dueAt: newGridDue.toISOString() });
  await clockTo(s.env, new Date(newGridDue.getTime() + MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
  expect((await stateOf(handle)).breaches).toEqual([expect.objectContaining({ subject: 'GRID_SUBMISSION', dueAt: newGridDue.toISOString() })]);

  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['WITHDRAWN', 'BREACHED']);
});

test('paused and resumed the same day moves no due', async () => {
  const { handle } = await acceptCase(s, at('2035-04-23', '10:00')); // a Monday
  const before = await stateOf(handle);
  await clockTo(s.env, at('2035-04-23', '11:00'));
  await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', reason: '企业补充营业执照 firm re-issuing its licence', actor: 'manager@xib' }] });
  await clockTo(s.env, at('2035-04-23', '23:00'));
  const state = await handle.executeUpdate(resumeSlaUpdate, { args: [{ actor: 'manager@xib' }] });
  expect(state.pauses[0]).toMatchObject({ pausedWorkingDays: 0 });
  expect([taskOf(state, 'BANK_VIP_CHANNEL').dueAt, state.dueAt]).toEqual([taskOf(before, 'BANK_VIP_CHANNEL').dueAt, before.dueAt]);
  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  await finalResult(s, handle);
});

test('a holiday notice loaded through calendarChanged moves the dues: the old AT_RISK instant passes quietly, the new one raises the alarm', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-05-07', '10:00')); // a Monday
  await complete(handle, 'DUE_DILIGENCE');
  let state = await stateOf(handle);
  expect(state.dueProvisional).toBe(true);
  expect([taskOf(state, 'GRID_SUBMISSION').dueAt, taskOf(state, 'BANK_VIP_CHANNEL').dueAt, state.dueAt]).toEqual(
    [at('2035-05-08', '24:00'), at('2035-05-10', '24:00'), at('2035-05-14', '24:00')].map((d) => d.toISOString()),
  );

  // 2035's notice rests on Tuesday and Wednesday: the working days after Monday are Thu, Fri, Mon, Tue, Wed.
  await clockTo(s.env, at('2035-05-07', '11:00'));
  s.rec.calendarYears.push(testNotice(2035, '测试休息日', '2035-05-08', '2035-05-09'));
  state = await handle.executeUpdate(calendarChangedUpdate, { args: [{ actor: 'calendar-admin' }] });
  const after = [at('2035-05-10', '24:00'), at('2035-05-14', '24:00'), at('2035-05-16', '24:00')].map((d) => d.toISOString());
  expect([taskOf(state, 'GRID_SUBMISSION').dueAt, taskOf(state, 'BANK_VIP_CHANNEL').dueAt, state.dueAt]).toEqual(after);
  expect(state.dueProvisional).toBe(false);
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'DUES_RECOMPUTED')).toMatchObject({
    actor: 'calendar-admin',
    data: { before: { dueAt: at('2035-05-14', '24:00').toISOString(), provisional: true }, after: { dueAt: after[2], provisional: false } },
  });
  expect(s.rec.record(caseNo)?.dueAt).toBe(after[2]);

  await clockTo(s.env, at('2035-05-08', '12:01')); // the grid's old AT_RISK instant
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, at('2035-05-10', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(caseNo)[0]!.data).toMatchObject({ subject: 'GRID_SUBMISSION', dueAt: after[0] });

  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  await finalResult(s, handle);
});

test('the calendarNoticeLoaded signal moves the promise with the reason on the timeline; decided while AT_RISK, the case meets its promise and its clock stops', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-05-14', '10:00')); // a Monday
  for (const kind of TASK_KINDS) await complete(handle, kind);
  expect((await stateOf(handle)).dueAt).toBe(at('2035-05-21', '24:00').toISOString());

  // The notice rests on Friday: the fifth working day is Tuesday the 22nd.
  await clockTo(s.env, at('2035-05-14', '11:00'));
  s.rec.calendarYears.push(testNotice(2035, '测试休息日', '2035-05-18'));
  await handle.signal(calendarNoticeLoadedSignal, { actor: 'calendar-admin', year: 2035 });
  const due = at('2035-05-22', '24:00').toISOString();
  await eventually(async () => expect((await stateOf(handle)).dueAt).toBe(due));
  expect((await stateOf(handle)).dueProvisional).toBe(false);
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'DUES_RECOMPUTED')).toMatchObject({
    actor: 'calendar-admin',
    data: {
      year: 2035,
      message: '截止时间由 2035-05-21 24:00 调整为 2035-05-22 24:00：已载入 2035 年放假安排 / deadline moved from 2035-05-21 24:00 to 2035-05-22 24:00 because the 2035 notice was loaded',
    },
  });

  await clockTo(s.env, at('2035-05-21', '12:01')); // the promise's old AT_RISK instant
  expect((await stateOf(handle)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, at('2035-05-22', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(caseNo)[0]!.data).toMatchObject({ subject: 'PROMISE', dueAt: due });
  expect((await stateOf(handle)).slaState).toBe('AT_RISK');

  await handle.executeUpdate(decideUpdate, { args: [reject] });
  const final = await finalResult(s, handle);
  expect([final.stage, final.slaState]).toEqual(['REJECTED', 'MET']);
  await clockTo(s.env, at('2035-05-23', '12:00')); // past the due: a decided case raises nothing more
  expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']);
});

test('a corrected notice that moves an AT_RISK due later puts the branch back ON_TRACK until its new AT_RISK instant', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-05-28', '10:00')); // a Monday
  await complete(handle, 'DUE_DILIGENCE');
  await complete(handle, 'GRID_SUBMISSION');

  await clockTo(s.env, at('2035-05-31', '13:00'));
  await eventually(async () => expect(taskOf(await stateOf(handle), 'BANK_VIP_CHANNEL').slaState).toBe('AT_RISK'));

  // Wednesday turns out to have been a rest day: the bank's third working day is Friday.
  s.rec.calendarYears.push(testNotice(2035, '测试调休 corrected rest day', '2035-05-30'));
  const state = await handle.executeUpdate(calendarChangedUpdate, { args: [{ actor: 'calendar-admin', year: 2035 }] });
  const newDue = at('2035-06-01', '24:00').toISOString();
  expect(taskOf(state, 'BANK_VIP_CHANNEL')).toMatchObject({ dueAt: newDue, slaState: 'ON_TRACK' });
  expect(state.slaState).toBe('ON_TRACK');

  await clockTo(s.env, at('2035-06-01', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.slaEntries(caseNo).filter((e) => e.type === 'SLA_AT_RISK').map((e) => e.data.dueAt)).toEqual([at('2035-05-31', '24:00').toISOString(), newDue]);

  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  await finalResult(s, handle);
});

test('a withdrawn case stops its clock: no branch or promise is breached afterwards', async () => {
  // A Tuesday: Monday 2035-06-11 is a rest day, made up for the Dragon Boat Festival on Sunday.
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-06-12', '10:00'));
  await clockTo(s.env, at('2035-06-12', '13:00'));
  await eventually(async () => expect((await stateOf(handle)).slaState).toBe('AT_RISK')); // due diligence

  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'WITHDRAWN', breaches: [], withdrawal: { reason: withdrawal.reason, by: 'officer@lujiang' } });
  await clockTo(s.env, at('2035-06-19', '12:00')); // past every due
  expect(s.rec.slaTypes(caseNo)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']);
  expect(s.rec.record(caseNo)?.stage).toBe('WITHDRAWN');
});

test('a pause longer than the policy limit (10 working days) escalates to the coordination group, once, without counting as a breach', async () => {
  const { input: { caseNo }, handle } = await acceptCase(s, at('2035-11-05', '10:00')); // a Monday
  await complete(handle, 'DUE_DILIGENCE');
  await complete(handle, 'BANK_VIP_CHANNEL');
  await clockTo(s.env, at('2035-11-05', '11:00'));
  const reason = '企业补充审计报告 firm obtaining audited accounts';
  await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason, actor: 'officer@lujiang' }] });

  // The tenth working day after Monday 5 November is Monday 19 November; the pause outlasts it at 24:00.
  await clockTo(s.env, at('2035-11-19', '23:59'));
  expect(s.rec.types(caseNo)).not.toContain('SLA_PAUSE_LIMIT');
  await clockTo(s.env, at('2035-11-20', '00:01'));
  await eventually(async () => expect(s.rec.types(caseNo)).toContain('ESCALATED'));
  expect(s.rec.timeline(caseNo).find((e) => e.type === 'SLA_PAUSE_LIMIT')).toMatchObject({ data: { kind: 'GRID_SUBMISSION', by: 'officer@lujiang', reason, limitWorkingDays: 10 } });
  const [notice] = s.rec.notices(caseNo).filter((n) => n.type === 'ESCALATED');
  expect(notice).toMatchObject({ audience: ['TASK_FORCE:综合协调组', 'STREET_OFFICE:lujiang'] });
  expect(notice!.zh).toMatch(/^【暂停超限督办】.*自 2035-11-05 11:00 起等待企业补充材料，已超过10个工作日（officer@lujiang 暂停，原因：企业补充审计报告/);
  let state = await stateOf(handle);
  expect([state.slaState, state.breaches]).toEqual(['PAUSED', []]);
  expect(state.pauses[0]!.escalatedAt).toBeDefined();

  // Resumed on Wednesday 21 November: twelve working days (6–9, 12–16, 19–21 November, Monday 5th not counted).
  await clockTo(s.env, at('2035-11-21', '10:00'));
  state = await handle.executeUpdate(resumeSlaUpdate, { args: [{ actor: 'officer@lujiang' }] });
  expect(state.pauses[0]).toMatchObject({ pausedWorkingDays: 12 });
  expect(taskOf(state, 'GRID_SUBMISSION').dueAt).toBe(at('2035-11-22', '24:00').toISOString());
  expect(state.dueAt).toBe(at('2035-11-28', '24:00').toISOString());
  expect(s.rec.notices(caseNo).filter((n) => n.type === 'ESCALATED')).toHaveLength(1);
  await handle.executeUpdate(withdrawUpdate, { args: [withdrawal] });
  await finalResult(s, handle);
  await saveHistory(handle, 'pause-working-days');
});
