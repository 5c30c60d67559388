// A case whose workflow is gone (closed past the namespace's retention, 30 days in the Compose
// deployment) reads from its record: the same decision, contract, disbursement, withdrawal and
// pauses as while the workflow could still be asked.
import request from 'supertest';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { sciTechCaseFacts } from '../../readModels/sciTechCaseFacts';
import { BORDERLINE_SOFTWARE_APPLICATION } from '../../dev/demo';
import { getStateQuery, type CaseState } from '../../workflows/fastTrackCaseMessages';
import type { SciTechCaseState } from '../../workflows/sciTechCaseMessages';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();

const open = async (firmName: string, code: string, extra: object = {}) => {
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName, creditCode: validSimingCode(code), street: 'lujiang', bank: 'xib', amount: '800000', purpose: '流动资金', ...extra })
    .expect(201);
  return res.body.id as string;
};
const act = async (who: string, id: string, path: string, body: object) => {
  const res = await request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who)).send(body);
  expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 200, detail: undefined });
};
const view = async (id: string) => (await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('manager')).expect(200)).body;
const settled = (id: string, stage: string) =>
  eventually(async () => {
    const v = await view(id);
    expect(v.stage).toBe(stage);
    expect((await stack.client.workflow.getHandle(v.workflowId).describe()).status.name).toBe('COMPLETED');
    return v;
  });

const completeBranches = async (id: string) => {
  await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261128000301' });
  await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' });
  await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-RET-1', riskRating: 'LOW', summary: '经营正常' });
};

// Each way a case ends: disbursed after a pause, rejected, withdrawn, and a sci-tech case decided by hand.
const ended: Record<'disbursed' | 'rejected' | 'withdrawn' | 'sciTech', string> = { disbursed: '', rejected: '', withdrawn: '', sciTech: '' };
beforeAll(async () => {
  const disbursed = async () => {
    const id = await open('厦门鹭江留存测试有限公司', 'MA4RET01');
    await act('lujiang-officer', id, '/tasks/grid-submission/pause', { reason: '等待企业补充材料' });
    await act('lujiang-grid', id, '/sla/resume', { note: '材料已补齐' });
    await completeBranches(id);
    await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 });
    return (ended.disbursed = id);
  };
  const rejected = async () => {
    const id = await open('厦门鹭江留存拒贷有限公司', 'MA4RET02');
    await completeBranches(id);
    await act('xib-approver', id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '抵押不足' }] });
    return (ended.rejected = id);
  };
  const withdrawn = async () => {
    const id = await open('厦门鹭江留存撤回有限公司', 'MA4RET03');
    await act('lujiang-officer', id, '/withdrawal', { reason: '企业已通过其他渠道融资' });
    return (ended.withdrawn = id);
  };
  const sciTech = async () => {
    const id = await open('厦门鹭江留存科创有限公司', 'MA4RET04', { product: 'SCI_TECH', amount: '500000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION });
    await eventually(async () => expect((await view(id)).stage).toBe('MANUAL_REVIEW'));
    await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '500000', rateBp: 385, termMonths: 12 });
    return (ended.sciTech = id);
  };
  await Promise.all([
    disbursed().then((id) => settled(id, 'DISBURSED')),
    rejected().then((id) => settled(id, 'REJECTED')),
    withdrawn().then((id) => settled(id, 'WITHDRAWN')),
    sciTech().then((id) => settled(id, 'DISBURSED')),
  ]);
});

const events = (caseNo: string) => stack.db.caseEvent.findMany({ where: { caseNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
const stateOf = <S>(caseNo: string) => stack.client.workflow.getHandle(`case-${caseNo}`).query(getStateQuery) as Promise<S>;

it('rebuilds from the timeline exactly what the ended workflow answers, for every way a case ends', async () => {
  for (const id of [ended.disbursed, ended.rejected, ended.withdrawn]) {
    const [live, timeline] = await Promise.all([stateOf<CaseState>(id), events(id)]);
    expect(fastTrackCaseFacts(undefined, timeline)).toEqual(fastTrackCaseFacts(live, timeline));
  }
  const disbursed = fastTrackCaseFacts(undefined, await events(ended.disbursed));
  expect(disbursed.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', by: 'lujiang-officer', until: expect.any(String), pausedWorkingDays: expect.any(Number), escalatesAt: expect.any(String) })]);
  expect(disbursed).toMatchObject({ decision: { outcome: 'APPROVED', by: 'xib-approver', amountFen: 80_000_000 }, disbursement: { amountFen: 80_000_000 } });
  expect(fastTrackCaseFacts(undefined, await events(ended.rejected)).decision).toMatchObject({ outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '抵押不足' }] });
  expect(fastTrackCaseFacts(undefined, await events(ended.withdrawn)).withdrawal).toMatchObject({ reason: '企业已通过其他渠道融资', by: 'lujiang-officer' });

  const [live, timeline] = await Promise.all([stateOf<SciTechCaseState>(ended.sciTech), events(ended.sciTech)]);
  const recorded = sciTechCaseFacts(undefined, timeline);
  expect(recorded).toEqual(sciTechCaseFacts(live, timeline));
  expect(recorded.contract).not.toBeNull();
});


it(
  'answers GET /cases/:id from the record once the workflow is gone',
  async () => {
    const before = await view(ended.disbursed);
    expect(before).toMatchObject({ live: true, answeredBy: 'RECORD' });
    await stack.client.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: before.workflowId } });
    // The server deletes a closed execution in the background, about 1½ minutes later on the dev server.
    const after = await eventually(async () => {
      const v = await view(ended.disbursed);
      expect(v.live).toBe(false);
      return v;
    }, 170_000);
    // The record keeps all the view shows, the due's explanation and the branches' warning times too.
    expect(after).toEqual({ ...before, live: false });
  },
  200_000,
);
