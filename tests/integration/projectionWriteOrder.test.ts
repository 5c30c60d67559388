// A case's record writes run inside its workflow tasks. When a worker dies after a task attempt has
// written but before the task completed, the server runs the task again at a later workflow time and
// it writes the same revisions anew: what the record shows must be the retried attempt's, with nothing
// left of the lost one. Driven here through the record activity on the real PostgreSQL, read through
// the API as a manager reads it (the fault drill does the same with real workers killed mid-write).
import request from 'supertest';
import { createActivities } from '../../activities';
import type { CaseProgress, TaskRow } from '../../activities/caseProgress';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();

let caseNo: string;
let dd: TaskRow;
const later = (seconds: number) => new Date(Date.now() + 3_600_000 + seconds * 1000).toISOString();
// The lost attempt's workflow time, and the retried attempt's 15 s later (a dead worker's task times out first).
const lostAt = later(0);
const retriedAt = later(15);

beforeAll(async () => {
  const created = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江写入次序测试有限公司', creditCode: validSimingCode('MA5WR001'), street: 'lujiang', bank: 'xib', amount: '600000', purpose: '流动资金' })
    .expect(201);
  caseNo = created.body.id;
  const row = await stack.db.caseTask.findUniqueOrThrow({ where: { caseNo_kind: { caseNo, kind: 'DUE_DILIGENCE' } } });
  dd = { kind: row.kind, assignee: row.assignee, status: row.status, slaState: row.slaState, dueAt: row.dueAt.toISOString() };
});

/** One record write as a workflow task makes it: `revision` at workflow time `at`. */
function write(revision: number, at: string, eventKey: string, type: string, data: Record<string, unknown>, tasks?: TaskRow[]) {
  const progress: CaseProgress = { caseNo, revision, stage: 'PARALLEL_REVIEW', slaState: type === 'SLA_AT_RISK' ? 'AT_RISK' : 'ON_TRACK', event: { eventKey, type, actor: 'system', at, data }, ...(tasks ? { tasks } : {}) };
  return createActivities(stack.db).recordCaseProgress(progress);
}

async function timeline(): Promise<{ type: string; at: string; data: Record<string, unknown> }[]> {
  return (await request(stack.app).get(`/api/v1/cases/${caseNo}/timeline`).set('authorization', await bearer('manager')).expect(200)).body.events;
}

const recordOf = () => stack.db.loanCase.findUniqueOrThrow({ where: { caseNo }, select: { revision: true, slaState: true } });
const ddRow = () => stack.db.caseTask.findUniqueOrThrow({ where: { caseNo_kind: { caseNo, kind: 'DUE_DILIGENCE' } } });

test('the retried attempt replaces what a lost attempt wrote, and a write of the lost attempt that arrives afterwards changes nothing', async () => {
  // The lost attempt: the assessor's report done at its time, then a warning its clock raised; its worker dies.
  await write(2, lostAt, 'task-completed:DUE_DILIGENCE', 'TASK_COMPLETED', { kind: 'DUE_DILIGENCE', completedAt: lostAt }, [{ ...dd, status: 'DONE', completedAt: lostAt, completedBy: 'assessor' }]);
  await write(3, lostAt, 'sla-at-risk', 'SLA_AT_RISK', {});
  expect((await timeline()).map((e) => e.type)).toEqual(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED', 'SLA_AT_RISK']);

  // The retried attempt runs 15 s later: the same completion at its own time, and no warning yet.
  await write(2, retriedAt, 'task-completed:DUE_DILIGENCE', 'TASK_COMPLETED', { kind: 'DUE_DILIGENCE', completedAt: retriedAt }, [{ ...dd, status: 'DONE', completedAt: retriedAt, completedBy: 'assessor' }]);
  const events = await timeline();
  expect(events.map((e) => e.type)).toEqual(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED']);
  expect(events[2]).toMatchObject({ at: retriedAt, data: { completedAt: retriedAt } });
  expect(await recordOf()).toEqual({ revision: 2, slaState: 'ON_TRACK' });
  expect((await ddRow()).completedAt?.toISOString()).toBe(retriedAt);

  // The lost attempt's worker was only stalled: its warning's write lands now, and is refused whole.
  await write(3, lostAt, 'sla-at-risk', 'SLA_AT_RISK', {});
  expect((await timeline()).map((e) => e.type)).toEqual(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED']);
  expect(await recordOf()).toEqual({ revision: 2, slaState: 'ON_TRACK' });
});

test('a write that arrives after a newer one keeps its timeline event but does not move the case or its branch back', async () => {
  const first = later(60);
  const second = later(61);
  // Revision 4 (a notice-free warning) reaches PostgreSQL before revision 3, which was held up.
  await write(4, second, 'sla-at-risk', 'SLA_AT_RISK', {});
  await write(3, first, 'task-reassigned:DUE_DILIGENCE', 'TASK_REASSIGNED', { kind: 'DUE_DILIGENCE' }, [{ ...dd, assignee: 'assessor-2' }]);
  expect((await timeline()).slice(-2).map((e) => e.type)).toEqual(['TASK_REASSIGNED', 'SLA_AT_RISK']);
  expect(await recordOf()).toEqual({ revision: 4, slaState: 'AT_RISK' });
  // The branch row is ordered the same way: its revision 2 (from the test before) is older, so revision 3 is taken.
  expect((await ddRow()).assignee).toBe('assessor-2');
  // Written again (an activity's retry), nothing changes.
  await write(3, first, 'task-reassigned:DUE_DILIGENCE', 'TASK_REASSIGNED', { kind: 'DUE_DILIGENCE' }, [{ ...dd, assignee: 'assessor-2' }]);
  expect((await timeline()).map((e) => e.type)).toEqual(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED', 'TASK_REASSIGNED', 'SLA_AT_RISK']);
});
