// The workflow is the source of truth: the case's records, tasks and timeline
// can be rebuilt from its history after they are lost.
import request from 'supertest';
import { rebuildProjection } from '../../maintenance/rebuildProjection';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();

/** Opens a fast-track case as `officer` of `street` and answers its number. */
async function openCase(officer: string, street: string, bank: string, firmName: string, orgBody: string): Promise<string> {
  const created = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer(officer))
    .send({ firmName, creditCode: validSimingCode(orgBody), street, bank, amount: '800000', purpose: '流动资金' })
    .expect(201);
  return created.body.id;
}

it('restores a lost case record, its tasks and timeline from the workflow history', async () => {
  const id = await openCase('lujiang-officer', 'lujiang', 'xib', '厦门鹭江重建测试有限公司', 'MA5RB001');
  await request(stack.app).post(`/api/v1/cases/${id}/tasks/grid-submission/complete`).set('authorization', await bearer('lujiang-grid')).send({ applicationNo: 'XYD20261127000999' }).expect(200);
  const timeline = async () => (await request(stack.app).get(`/api/v1/cases/${id}/timeline`).set('authorization', await bearer('manager')).expect(200)).body.events;
  const before = await timeline();
  const tasksBefore = await stack.db.caseTask.findMany({ where: { caseNo: id }, orderBy: { kind: 'asc' } });
  expect(before.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED']));

  // The records are lost...
  await stack.db.caseEvent.deleteMany({ where: { caseNo: id } });
  await stack.db.caseTask.deleteMany({ where: { caseNo: id } });
  await stack.db.loanCase.delete({ where: { caseNo: id } });

  // ...and rebuilt from the workflow; running it twice changes nothing more.
  expect(await rebuildProjection(stack.client, stack.db, `WorkflowId = 'case-${id}'`)).toMatchObject({ workflows: 1 });
  await rebuildProjection(stack.client, stack.db, `WorkflowId = 'case-${id}'`);

  expect(await timeline()).toEqual(before);
  const tasksAfter = await stack.db.caseTask.findMany({ where: { caseNo: id }, orderBy: { kind: 'asc' } });
  const comparable = (ts: typeof tasksBefore) => ts.map(({ updatedAt: _u, ...t }) => t);
  expect(comparable(tasksAfter)).toEqual(comparable(tasksBefore));
  expect(await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).toMatchObject({ stage: 'PARALLEL_REVIEW', slaState: 'ON_TRACK' });
  // The audit trail outlived the records and is not written twice by the rebuilds.
  const trail = await stack.db.auditEntry.findMany({ where: { subject: `case:${id}`, action: { in: ['CASE_OPENED', 'TASK_COMPLETED'] } } });
  expect(trail.map((r) => [r.action, r.actor]).sort()).toEqual([['CASE_OPENED', 'lujiang-officer'], ['TASK_COMPLETED', 'lujiang-grid']]);
});

it('writes back the firm name the case was opened with, over the marker the per-case migration left', async () => {
  const id = await openCase('lianqian-officer', 'lianqian', 'ccb', '厦门莲前重建名称有限公司', 'MA5RB002');
  await stack.db.loanCase.update({ where: { caseNo: id }, data: { firmName: '（名称待从工作流恢复 name to be restored from the workflow）' } });
  await rebuildProjection(stack.client, stack.db, `WorkflowId = 'case-${id}'`);
  expect(await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).toMatchObject({ firmName: '厦门莲前重建名称有限公司', creditCode: validSimingCode('MA5RB002') });
});
