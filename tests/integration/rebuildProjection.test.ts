// The workflow is the source of truth: the case's records, tasks and timeline
// can be rebuilt from its history after they are lost.
import request from 'supertest';
import { rebuildProjection } from '../../maintenance/rebuildProjection';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();

it('restores a lost case record, its tasks and timeline from the workflow history', async () => {
  const created = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江重建测试有限公司', creditCode: validSimingCode('MA5RB001'), street: 'lujiang', bank: 'xib', amount: '800000', purpose: '流动资金' })
    .expect(201);
  const id: string = created.body.id;
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
});
