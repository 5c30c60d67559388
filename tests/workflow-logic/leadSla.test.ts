// The lead's first-contact clock and its one-action endings on stub activities: AT_RISK half a
// working day before the due with a notice to the owner and the street office, BREACHED with an
// escalation to the coordination group; first contact stops the clock; a conversion opens a
// fast-track case pre-filled from the need (or, for a firm a bank refused, the joint
// consultation); a closure takes a reason from the list. 2035 has no notice loaded and the weeks
// used hold no holiday: opened on a Monday at 10:00, first contact is due at 24:00 on Wednesday,
// AT_RISK from 12:00 that day.
import type { WorkflowHandle } from '@temporalio/client';
import {
  closeLeadUpdate,
  convertLeadUpdate,
  leadOpenedUpdate,
  leadStateQuery,
  leadWorkflow,
  leadWorkflowId,
  reassignLeadUpdate,
  recordContactUpdate,
  type LeadActor,
  type LeadInput,
} from '../../workflows/lead';
import { calendarNoticeLoadedSignal } from '../../workflows/fastTrackCaseMessages';
import { eventually, refusal } from '../support/caseScenarios';
import { firmCode, sciTechApplication } from '../workflows/consultationHarness';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, at, clockTo, expectNear, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type LeadHandle = WorkflowHandle<typeof leadWorkflow>;
const FIRM = '厦门鹭江装饰工程有限公司';
const owner: LeadActor = { id: 'lujiang-visitor', role: 'visit_team_member' };
const lujiangOfficer: LeadActor = { id: 'lujiang-officer', role: 'case_officer', street: 'lujiang' };
const lianqianOfficer: LeadActor = { id: 'lianqian-officer', role: 'case_officer', street: 'lianqian' };
const taskForce: LeadActor = { id: 'task-force', role: 'task_force' };
const after = (t: Date, ms: number) => new Date(t.getTime() + ms);
let seq = 0;

function leadInput(openedAt: Date, overrides: Partial<LeadInput> = {}): LeadInput {
  const leadId = `LD-${String(Date.now().toString(16).toUpperCase() + String(++seq)).padStart(16, '0').slice(-16)}`;
  return {
    leadId,
    source: { kind: 'VISIT', id: `VS-${leadId.slice(3)}` },
    firm: { name: FIRM, creditCode: firmCode(seq) },
    need: { amountFen: 514_000_000, purpose: '新订单备料 materials for a new order', urgency: 'IMMEDIATE', collateral: '厂房 a workshop', patents: 0 },
    streetCode: 'lujiang',
    communityCode: 'lujiang-01',
    teamCode: 'lujiang-01-t1',
    owner: owner.id,
    openedAt: openedAt.toISOString(),
    openedBy: owner.id,
    ...overrides,
  };
}

async function open(openedAt: Date, overrides: Partial<LeadInput> = {}): Promise<{ id: string; handle: LeadHandle }> {
  await clockTo(s.env, openedAt);
  const input = leadInput(openedAt, overrides);
  const handle = await s.env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(input.leadId), taskQueue: s.taskQueue, args: [input] });
  await handle.executeUpdate(leadOpenedUpdate);
  return { id: input.leadId, handle };
}

test('left alone: AT_RISK with a notice to the owner and the street office, then BREACHED and escalated (unacknowledged, to the leaders); closed with a reason, the breach stays', async () => {
  const { id, handle } = await open(at('2035-03-05', '10:00'));
  const atRisk = at('2035-03-07', '12:00');
  const due = at('2035-03-07', '24:00');
  const state = await handle.query(leadStateQuery);
  expect([state.stage, state.slaState, state.owner, state.atRiskAt, state.dueAt]).toEqual(['OPEN', 'ON_TRACK', 'lujiang-visitor', atRisk.toISOString(), due.toISOString()]);

  await clockTo(s.env, after(atRisk, -MINUTE));
  expect(s.rec.slaTypes(id)).toEqual([]);
  await clockTo(s.env, after(atRisk, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(s.rec.record(id)?.slaState).toBe('AT_RISK');
  const [warning] = s.rec.notices(id);
  expectNear(warning!.at, atRisk);
  expect(warning).toMatchObject({
    audience: ['lujiang-visitor', 'STREET_OFFICE:lujiang'],
    zh: `【预警】${FIRM}的融资需求线索 ${id} 须于 2035-03-07 24:00 前首次联系企业（负责人 lujiang-visitor），剩余 12.0 工作小时。`,
  });

  await clockTo(s.env, after(due, MINUTE));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']));
  expect(s.rec.record(id)?.slaState).toBe('BREACHED');
  expect(s.rec.notices(id)[1]).toMatchObject({ type: 'ESCALATED', audience: ['TASK_FORCE:综合协调组', 'lujiang-visitor', 'STREET_OFFICE:lujiang'] });
  // Nobody acknowledged it within four working hours: the task force's leaders hear.
  await clockTo(s.env, after(due, 4 * 60 * MINUTE + MINUTE));
  await eventually(async () => expect(s.rec.notices(id)[2]).toMatchObject({ type: 'ESCALATED', audience: ['TASK_FORCE:专班负责人'] }));

  // Only the listed reasons; OTHER needs its note.
  expect(await refusal(handle.executeUpdate(closeLeadUpdate, { args: [{ actor: owner, reason: 'BORED' as never }] }))).toMatch(/关闭原因无效 reason must be one of NO_LONGER_NEEDED/);
  expect(await refusal(handle.executeUpdate(closeLeadUpdate, { args: [{ actor: owner, reason: 'OTHER' }] }))).toMatch(/缺少关闭说明/);
  const closed = await handle.executeUpdate(closeLeadUpdate, { args: [{ actor: owner, reason: 'UNREACHABLE' }] });
  expect(closed).toMatchObject({ stage: 'CLOSED', slaState: 'BREACHED', closure: { reason: 'UNREACHABLE', by: 'lujiang-visitor' } });
  const result = await finalResult(s, handle);
  expect(result.stage).toBe('CLOSED');
  expect(s.rec.types(id)).toEqual(['OPENED', 'SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED', 'ESCALATED', 'CLOSED']);
  await saveHistory(handle, 'lead-breached-closed');
});

test('first contact stops the clock (MET); one action converts it into a fast-track case pre-filled from the need, naming the lead', async () => {
  const { id, handle } = await open(at('2035-03-12', '10:00'));
  // Only the owner, the lead's street office and the task force: not a case officer of another street.
  expect(await refusal(handle.executeUpdate(recordContactUpdate, { args: [{ actor: lianqianOfficer }] }))).toMatch(/只能处理本街道的线索 lianqian-officer works for lianqian, not lujiang/);
  const contacted = await handle.executeUpdate(recordContactUpdate, { args: [{ actor: owner, note: '已电话联系，企业下午提交材料 called; materials this afternoon' }] });
  expect(contacted).toMatchObject({ stage: 'CONTACTED', slaState: 'MET', contact: { by: 'lujiang-visitor' } });

  await clockTo(s.env, at('2035-03-15', '10:00'));
  expect(s.rec.slaTypes(id)).toEqual([]);

  // The team member owns the lead but opening a case is the street office's.
  expect(await refusal(handle.executeUpdate(convertLeadUpdate, { args: [{ actor: owner, product: 'FAST_TRACK', bankCode: 'xib' }] }))).toMatch(/该角色不能执行此操作 role visit_team_member may not do this; needs one of case_officer, task_force/);
  expect(await refusal(handle.executeUpdate(convertLeadUpdate, { args: [{ actor: lujiangOfficer, product: 'FAST_TRACK' }] }))).toMatch(/缺少银行 bank is required/);
  expect(await refusal(handle.executeUpdate(convertLeadUpdate, { args: [{ actor: lujiangOfficer, product: 'SCI_TECH', bankCode: 'ccb' }] }))).toMatch(/科创贷须提供企业的申请信息/);

  const converted = await handle.executeUpdate(convertLeadUpdate, { args: [{ actor: lujiangOfficer, product: 'FAST_TRACK', bankCode: 'xib' }] });
  expect(converted).toMatchObject({ stage: 'CONVERTED', slaState: 'MET', conversion: { kind: 'FAST_TRACK', caseNo: expect.stringMatching(/^GL-2035-9\d{5}$/), by: 'lujiang-officer' } });
  expect(s.rec.linkedStarts.at(-1)).toMatchObject({
    caseNo: converted.conversion!.caseNo,
    firm: { name: FIRM },
    streetCode: 'lujiang',
    bankCode: 'xib',
    amountFen: 514_000_000,
    purpose: `新订单备料 materials for a new order（走访线索 ${id}）`,
    acceptedBy: 'lujiang-officer',
    leadId: id,
  });
  // Converted, the lead's workflow ends: nothing more is done on it (the API answers 409 lead-closed).
  expect((await finalResult(s, handle)).stage).toBe('CONVERTED');
  expect(s.rec.types(id)).toEqual(['OPENED', 'CONTACTED', 'CONVERTED']);
  await saveHistory(handle, 'lead-contacted-converted');
});

test('a firm a bank refused converts into the joint consultation with that bank; a reassigned lead warns its new owner', async () => {
  const refusedBy = { bankCode: 'ccb', reason: '营收低于准入门槛 revenue below threshold' };
  const { id, handle } = await open(at('2035-03-19', '10:00'), { need: { amountFen: 120_000_000, purpose: '研发 R&D', urgency: 'WITHIN_MONTH', patents: 3, refusedBy } });
  expect(await refusal(handle.executeUpdate(reassignLeadUpdate, { args: [{ actor: owner, owner: 'lujiang-officer', reason: '街道跟进' }] }))).toMatch(/role visit_team_member may not do this/);
  const reassigned = await handle.executeUpdate(reassignLeadUpdate, { args: [{ actor: taskForce, owner: 'lujiang-officer', reason: '街道跟进 the street office follows up' }] });
  expect(reassigned).toMatchObject({ owner: 'lujiang-officer', reassignments: [{ from: 'lujiang-visitor', to: 'lujiang-officer', by: 'task-force' }] });

  await clockTo(s.env, at('2035-03-21', '12:01'));
  await eventually(async () => expect(s.rec.notices(id)[0]?.audience).toEqual(['lujiang-officer', 'STREET_OFFICE:lujiang']));

  // No bank needed: the consultation starts with the one that refused; its sci-tech application comes with a plan later.
  // Converted before the due, the first contact was in time: MET.
  const converted = await handle.executeUpdate(convertLeadUpdate, { args: [{ actor: lujiangOfficer, product: 'SCI_TECH' }] });
  expect(converted).toMatchObject({ stage: 'CONVERTED', slaState: 'MET', conversion: { kind: 'JOINT_CONSULTATION', consultationId: `JC-${id}`, workflowId: `consultation-JC-${id}` } });
  expect(s.rec.linkedStarts.at(-1)).toMatchObject({
    consultationId: `JC-${id}`,
    firm: { name: FIRM, streetCode: 'lujiang' },
    refused: { product: 'SCI_TECH', bankCode: 'ccb', amountFen: 120_000_000, purpose: '研发 R&D（拒贷原因：营收低于准入门槛 revenue below threshold）' },
    openedBy: 'lujiang-officer',
    leadId: id,
  });
  expect((await finalResult(s, handle)).stage).toBe('CONVERTED');
});

test('a sci-tech conversion carries the firm’s application, the requested credit the lead’s amount', async () => {
  const { handle } = await open(at('2035-03-26', '10:00'), { need: { amountFen: 120_000_000, purpose: '研发 R&D', urgency: 'IMMEDIATE', patents: 3 } });
  const { requestedFen: _, ...application } = sciTechApplication(0);
  const converted = await handle.executeUpdate(convertLeadUpdate, { args: [{ actor: taskForce, product: 'SCI_TECH', bankCode: 'ccb', sciTech: application }] });
  expect(converted.conversion).toMatchObject({ kind: 'SCI_TECH', caseNo: expect.any(String) });
  expect(s.rec.linkedStarts.at(-1)).toMatchObject({ bankCode: 'ccb', application: { ...application, requestedFen: 120_000_000 } });
  expect((await finalResult(s, handle)).stage).toBe('CONVERTED');
});

test('a holiday notice loaded while first contact is awaited moves its due, on the timeline', async () => {
  const { id, handle } = await open(at('2035-04-09', '10:00'));
  expect((await handle.query(leadStateQuery)).dueAt).toBe(at('2035-04-11', '24:00').toISOString());
  await clockTo(s.env, at('2035-04-09', '11:00'));
  s.rec.calendarYears.push({
    year: 2035,
    notice: { title: '测试通知 test notice', documentNo: '测试〔2035〕2号', publishedOn: '2034-11-01' },
    holidays: [{ name: '测试休息日', nameEn: 'test rest day', from: '2035-04-10', to: '2035-04-10' }],
    makeupWorkdays: [],
  });
  await handle.signal(calendarNoticeLoadedSignal, { actor: 'calendar-admin', year: 2035 });
  const due = at('2035-04-12', '24:00').toISOString();
  await eventually(async () => expect((await handle.query(leadStateQuery)).dueAt).toBe(due));
  expect(s.rec.timeline(id).find((e) => e.type === 'DUE_RECOMPUTED')).toMatchObject({ actor: 'calendar-admin', data: { before: at('2035-04-11', '24:00').toISOString(), after: due, year: 2035 } });
  expect(s.rec.record(id)?.dueAt).toBe(due);
  // The old warning time passes quietly; the new one warns.
  await clockTo(s.env, at('2035-04-11', '12:01'));
  expect(s.rec.slaTypes(id)).toEqual([]);
  await clockTo(s.env, at('2035-04-12', '12:01'));
  await eventually(async () => expect(s.rec.slaTypes(id)).toEqual(['SLA_AT_RISK', 'NOTIFICATION']));
  expect(await handle.executeUpdate(recordContactUpdate, { args: [{ actor: lujiangOfficer }] })).toMatchObject({ stage: 'CONTACTED', slaState: 'MET' });
  await handle.executeUpdate(closeLeadUpdate, { args: [{ actor: lujiangOfficer, reason: 'NO_LONGER_NEEDED' }] });
  expect((await finalResult(s, handle)).stage).toBe('CLOSED');
  await saveHistory(handle, 'lead-calendar-changed');
});
