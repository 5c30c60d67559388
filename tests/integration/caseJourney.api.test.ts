// One fast-track case through the HTTP API on the dev server, each party
// acting as themselves: the grid officer, the customer manager and the
// assessor clear their branches, the approver decides, the bank pays.
import { SandboxBank } from '../../activities/adapters';
import request from 'supertest';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { extendByPauses, pausedWorkingDays } from '../../domain/calendar/shiftWorkingTime';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { shanghaiText } from '../../workflows/caseDetails';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

const newCase = async (firmName: string) => {
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName, creditCode: validSimingCode('MA4JRN8C'), street: 'lujiang', bank: 'xib', amount: '5140000.00', purpose: '新订单备料' })
    .expect(201);
  return res.body.id as string;
};

const act = async (who: string, id: string, path: string, body: object, key?: string) => {
  const req = request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who));
  if (key) req.set('idempotency-key', key);
  return req.send(body);
};

const view = async (id: string, who = 'manager') => (await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer(who)).expect(200)).body;

it('goes from acceptance to disbursement, each party acting through the API, and operators see it in search attributes', async () => {
  const id = await newCase('厦门鹭江装饰工程有限公司');
  const accepted = await view(id);
  expect(Object.fromEntries(accepted.tasks.map((t: { kind: string; assignee: string }) => [t.kind, t.assignee]))).toEqual({
    GRID_SUBMISSION: 'lujiang-grid',
    BANK_VIP_CHANNEL: 'xib-manager',
    DUE_DILIGENCE: 'assessor',
  });
  // The assessor sees the case because a task of it is theirs.
  await view(id, 'assessor');

  const early = await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '5000000', rateBp: 385, termMonths: 12 });
  expect(early.status).toBe(409);
  expect(early.body.type).toBe('urn:greenlane:problem:update-rejected');

  const notTheirs = await act('xib-manager', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261127000123' });
  expect(notTheirs.status).toBe(409);
  expect(notTheirs.body.detail).toContain('lujiang-grid');

  expect((await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261127000123' })).status).toBe(200);
  expect((await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' })).status).toBe(200);
  const branchesDone = await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-2026-0042', riskRating: 'LOW', summary: '订单真实，经营正常' });
  expect(branchesDone.status).toBe(200);
  expect(branchesDone.body.stage).toBe('CREDIT_DECISION');
  expect(branchesDone.body.tasks.every((t: { status: string }) => t.status === 'DONE')).toBe(true);

  await request(stack.app).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('ccb-approver')).send({ outcome: 'REJECTED', reasons: [{ code: 'OTHER' }] }).expect(404);
  const decision = { outcome: 'APPROVED', amount: '5000000', rateBp: 385, termMonths: 12 };
  const approved = await act('xib-approver', id, '/decision', decision, `decide-${id}`);
  expect(approved.status).toBe(200);
  // A retried request with the same Idempotency-Key is the same update: applied once.
  expect((await act('xib-approver', id, '/decision', decision, `decide-${id}`)).status).toBe(200);

  const paid = await eventually(async () => {
    const c = await view(id);
    expect(c.stage).toBe('DISBURSED');
    return c;
  });
  expect(paid).toMatchObject({ slaState: 'MET', decision: { outcome: 'APPROVED', amountFen: 500_000_000 }, disbursement: { amountFen: 500_000_000 } });
  expect(paid.events.filter((e: { type: string }) => e.type === 'APPROVED')).toHaveLength(1);
  expect((await new SandboxBank(stack.db).ledger([id])).payments).toHaveLength(1);

  const sa = await eventually(async () => {
    const d = await stack.client.workflow.getHandle(`case-${id}`).describe();
    const attrs = d.searchAttributes as Record<string, unknown[]>;
    expect(attrs.CaseStage).toEqual(['DISBURSED']);
    return attrs;
  });
  expect(sa.SlaState).toEqual(['MET']);
  expect(sa.SlaBreaches).toEqual([0]);
  expect(sa.BranchesOpen ?? []).toEqual([]);

  const closed = await act('lujiang-officer', id, '/withdrawal', { reason: '企业撤回申请' });
  expect(closed.status).toBe(409);
  expect(closed.body).toMatchObject({ type: 'urn:greenlane:problem:case-closed', detail: `案件 ${id} 已结束，不能再对其操作。 Case ${id} has ended; nothing more can be done on it` });
});

it('lets the case officer withdraw a case with a reason', async () => {
  const id = await newCase('厦门鹭江撤回测试有限公司');
  const noReason = await act('lujiang-officer', id, '/withdrawal', {});
  expect(noReason.status).toBe(422);
  expect(noReason.body.errors[0].field).toBe('reason');
  const res = await act('lujiang-officer', id, '/withdrawal', { reason: '企业已通过其他渠道融资' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ stage: 'WITHDRAWN', withdrawal: { by: 'lujiang-officer', reason: '企业已通过其他渠道融资' } });
  expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).stage).toBe('WITHDRAWN');
});

it('answers bad requests precisely', async () => {
  const id = await newCase('厦门鹭江校验测试有限公司');
  const missing = await act('lujiang-grid', id, '/tasks/grid-submission/complete', {});
  expect(missing.status).toBe(422);
  expect(missing.body.errors[0].field).toBe('applicationNo');
  expect((await act('lujiang-grid', id, '/tasks/no-such-task/complete', {})).status).toBe(404);
  const badKey = await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261127000124' }, 'x');
  expect(badKey.status).toBe(422);
  expect((await act('xib-manager', id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'OTHER' }] })).status).toBe(403);
  const reassignUnknown = await act('lujiang-officer', id, '/tasks/grid-submission/reassign', { assignee: 'nobody', reason: '休假' });
  expect(reassignUnknown.status).toBe(422);
  // Due diligence moves to another assessor only.
  await stack.db.staffMember.upsert({ where: { id: 'assessor-journey' }, create: { id: 'assessor-journey', name: '第二评估机构', role: 'assessor' }, update: {} });
  const reassigned = await act('lujiang-officer', id, '/tasks/due-diligence/reassign', { assignee: 'assessor-journey', reason: '评估机构人手不足' });
  expect(reassigned.status).toBe(200);
  expect(reassigned.body.tasks.find((t: { kind: string }) => t.kind === 'DUE_DILIGENCE').assignee).toBe('assessor-journey');
  // No longer assigned anything on the case, the assessor no longer sees it.
  await eventually(async () => {
    await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('assessor')).expect(404);
  });
});

it('scopes an Idempotency-Key to who sent it and which action: reused for another action it is another action, reused with another body it is refused', async () => {
  const id = await newCase('厦门鹭江幂等键测试有限公司');
  const key = `shared-key-${id}`;
  // The grid officer pauses the grid branch, then resumes it with the same key: two actions, both applied.
  expect((await act('lujiang-grid', id, '/tasks/grid-submission/pause', { reason: '等待企业补充材料' }, key)).status).toBe(200);
  const resumed = await act('lujiang-grid', id, '/sla/resume', { note: '材料已补齐' }, key);
  expect(resumed.status).toBe(200);
  expect(resumed.body.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', until: expect.any(String) })]);
  // The same key from someone else is their own action.
  expect((await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND' }, key)).status).toBe(200);
  // The same person, action and key with another body: refused, and nothing changes.
  const again = await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND_WITH_CONDITIONS' }, key);
  expect(again.status).toBe(422);
  expect(again.body).toMatchObject({ type: 'urn:greenlane:problem:idempotency-key-reused' });
  expect((await view(id)).tasks.find((t: { kind: string }) => t.kind === 'BANK_VIP_CHANNEL').evidence).toMatchObject({ assessmentOutcome: 'RECOMMEND' });
  // The same body again is the same update: answered, applied once.
  expect((await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND' }, key)).status).toBe(200);
  expect((await view(id)).events.filter((e: { type: string }) => e.type === 'TASK_COMPLETED')).toHaveLength(1);
});

it('refuses the exploit a security review found: a street officer taking the due diligence and writing it', async () => {
  const id = await newCase('厦门鹭江职责分离测试有限公司');
  const taken = await act('lujiang-officer', id, '/tasks/due-diligence/reassign', { assignee: 'lujiang-officer', reason: '我来做' });
  expect(taken.status).toBe(409);
  expect(taken.body).toMatchObject({ type: 'urn:greenlane:problem:update-rejected', detail: expect.stringContaining('DUE_DILIGENCE must be held by a third-party assessor; lujiang-officer is case_officer of lujiang') });
  const written = await act('lujiang-officer', id, '/tasks/due-diligence/complete', { reportNo: 'DD-FAKE-1', riskRating: 'LOW', summary: '自己写的' });
  expect(written.status).toBe(409);
  const c = await view(id);
  expect(c.tasks.find((t: { kind: string }) => t.kind === 'DUE_DILIGENCE')).toMatchObject({ assignee: 'assessor', status: 'OPEN' });
  expect(c.events.map((e: { type: string }) => e.type)).not.toContain('TASK_REASSIGNED');
});

it('a pause for the firm reads PAUSED with since, by and why, in the case and the list; resumed, the due moves by the working days of the pause and stays 24:00', async () => {
  const id = await newCase('厦门鹭江暂停计时测试有限公司');
  const before = await view(id);
  const paused = await act('lujiang-grid', id, '/tasks/grid-submission/pause', { reason: '等待企业补充财务报表' });
  expect(paused.status).toBe(200);
  const reading = await view(id, 'lujiang-officer');
  expect(reading).toMatchObject({ slaState: 'PAUSED', paused: { by: 'lujiang-grid', reason: '等待企业补充财务报表', since: expect.any(String) }, pausedWorkingDays: 0 });
  expect(reading.pauses[0].escalatesAt).toBeDefined();
  // The list (the record) says so too, for boards that never ask the workflow.
  await eventually(async () => {
    const list = await request(stack.app).get('/api/v1/cases').query({ slaState: 'PAUSED' }).set('authorization', await bearer('lujiang-officer')).expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ slaState: 'PAUSED', paused: { since: reading.paused.since, by: 'lujiang-grid', reason: '等待企业补充财务报表' } });
  });

  const resumed = await act('lujiang-grid', id, '/sla/resume', { note: '材料已补齐' });
  expect(resumed.status).toBe(200);
  // Real time: paused and resumed within the test, the same day (0) unless it ran across midnight
  // in Shanghai (1). The workflow tests move the clock across weekends, holidays and the limit.
  const pause = resumed.body.pauses[0];
  const days = pausedWorkingDays(calendar, new Date(pause.since), new Date(pause.until));
  expect(pause.pausedWorkingDays).toBe(days);
  const after = await view(id);
  expect(after).toMatchObject({ slaState: 'ON_TRACK', paused: null, pausedWorkingDays: days });
  expect(after.dueAt).toBe(extendByPauses(calendar, new Date(before.dueAt), { workingDays: days, workingMs: 0 }).toISOString());
  expect(shanghaiText(after.dueAt)).toMatch(/ 24:00$/);
  const row = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } });
  expect([row.slaState, row.pausedSince, row.pausedWorkingDays]).toEqual(['ON_TRACK', null, days]);
});

it('a case withdrawn while paused no longer reads PAUSED: the withdrawal ends the pause, clears it from the record and closes it on the timeline', async () => {
  const id = await newCase('厦门鹭江暂停撤回测试有限公司');
  expect((await act('lujiang-grid', id, '/tasks/grid-submission/pause', { reason: '等待企业补充财务报表' })).status).toBe(200);
  expect((await view(id)).slaState).toBe('PAUSED');
  expect((await act('lujiang-officer', id, '/withdrawal', { reason: '企业已通过其他渠道融资' })).status).toBe(200);

  const after = await view(id, 'lujiang-officer');
  expect(after).toMatchObject({ stage: 'WITHDRAWN', slaState: 'ON_TRACK', paused: null });
  const pause = after.pauses[0];
  expect(pause).toMatchObject({ kind: 'GRID_SUBMISSION', until: after.withdrawal.at, pausedWorkingDays: pausedWorkingDays(calendar, new Date(pause.since), new Date(pause.until)) });
  expect(after.events.find((e: { type: string }) => e.type === 'WITHDRAWN').data).toMatchObject({ pauseEnded: { kind: 'GRID_SUBMISSION', pausedWorkingDays: pause.pausedWorkingDays } });
  const row = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } });
  expect([row.stage, row.slaState, row.pausedSince, row.pausedBy, row.pausedReason]).toEqual(['WITHDRAWN', 'ON_TRACK', null, null, null]);
  const list = await request(stack.app).get('/api/v1/cases').query({ slaState: 'PAUSED' }).set('authorization', await bearer('lujiang-officer')).expect(200);
  expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
});
