// GET /api/v1/tasks: each person's work, soonest due first, from the case records. A grid officer
// of this file's own keeps the exact lists apart from the cases other files open at the same time;
// the shared users' lists are read for this file's cases only.
import request from 'supertest';
import type { Principal } from '../../domain/people';
import { BORDERLINE_SOFTWARE_APPLICATION } from '../../dev/demo';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
const grid: Principal = { sub: 'lujiang-grid-tasks', name: '鹭江网格员（待办测试）', role: 'grid_officer', street: 'lujiang' };

interface Item {
  caseId: string;
  kind: string;
  assignee: string | null;
  dueAt: string | null;
  slaState: string;
  stage: string;
  product: string;
}

const tasksOf = async (auth: string, query: Record<string, string | number> = {}) => {
  const res = await request(stack.app).get('/api/v1/tasks').set('authorization', auth).query(query);
  expect(res.status).toBe(200);
  return res.body as { items: Item[]; truncated: boolean };
};
const act = async (auth: string, id: string, path: string, body: object) => {
  const res = await request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', auth).send(body);
  expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 200, detail: undefined });
};

const cases: string[] = [];
beforeAll(async () => {
  // After the street's own grid officer by id, so cases other files open do not go to them.
  const data = { name: grid.name, role: grid.role, streetCode: grid.street };
  await stack.db.staffMember.upsert({ where: { id: grid.sub }, create: { id: grid.sub, ...data }, update: data });
  const officer = await bearer('task-force');
  for (const [i, code] of ['MA8TAK01', 'MA8TAK02', 'MA8TAK03'].entries()) {
    const res = await request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', await bearer('lujiang-officer'))
      .send({ firmName: `厦门鹭江待办测试${i + 1}号有限公司`, creditCode: validSimingCode(code), street: 'lujiang', bank: 'ccb', amount: `${(i + 1) * 100000}`, purpose: '流动资金' })
      .expect(201);
    cases.push(res.body.id);
    // Acceptance times (and so dues) differ by at least a millisecond.
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const id of cases) await act(officer, id, '/tasks/grid-submission/reassign', { assignee: grid.sub, reason: '片区调整' });
});

it("lists a person's open branches across cases, soonest due first", async () => {
  const auth = await bearerAs(grid);
  const { items, truncated } = await eventually(async () => {
    const page = await tasksOf(auth);
    expect(page.items.map((i) => i.caseId)).toEqual(cases);
    return page;
  });
  expect(truncated).toBe(false);
  for (const i of items) expect(i).toMatchObject({ kind: 'GRID_SUBMISSION', assignee: grid.sub, stage: 'PARALLEL_REVIEW', slaState: 'ON_TRACK', product: 'FAST_TRACK' });
  const dues = items.map((i) => i.dueAt!);
  expect([...dues].sort()).toEqual(dues);
  // The list agrees with each case's own view.
  const first = await request(stack.app).get(`/api/v1/cases/${cases[0]}`).set('authorization', auth).expect(200);
  expect(first.body.tasks.find((t: { kind: string }) => t.kind === 'GRID_SUBMISSION')).toMatchObject({ assignee: grid.sub, dueAt: items[0]!.dueAt });
  expect(items[0]).toMatchObject({ firmName: '厦门鹭江待办测试1号有限公司', amount: '100000.00', amountFen: 10_000_000, bank: 'ccb', street: 'lujiang' });

  const page = await tasksOf(auth, { limit: 2 });
  expect(page).toMatchObject({ truncated: true, items: [{ caseId: cases[0] }, { caseId: cases[1] }] });
  expect((await tasksOf(auth, { slaState: 'BREACHED' })).items).toEqual([]);
});

it("shows a colleague's work only within the cases the caller may see", async () => {
  const query = { assignee: grid.sub };
  expect((await tasksOf(await bearer('task-force'), query)).items.map((i) => i.caseId)).toEqual(cases);
  expect((await tasksOf(await bearer('xib-manager'), query)).items).toEqual([]);
  // The assessor's own list holds the due diligence of these cases, which they were given.
  const mine = (await tasksOf(await bearer('assessor'), { limit: 200 })).items.filter((i) => cases.includes(i.caseId));
  expect(mine.map((i) => [i.caseId, i.kind])).toEqual(cases.map((id) => [id, 'DUE_DILIGENCE']));
});

it("drops a finished branch, and gives the bank's approvers the cases awaiting a decision, of both products", async () => {
  const [first] = cases as [string];
  await act(await bearerAs(grid), first, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261128000007' });
  await eventually(async () => expect((await tasksOf(await bearerAs(grid))).items.map((i) => i.caseId)).toEqual(cases.slice(1)));

  // A sci-tech case of the same bank whose score sends it to manual review.
  const sciTech = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ product: 'SCI_TECH', firmName: '厦门鹭江待办科创有限公司', creditCode: validSimingCode('MA8TAK04'), street: 'lujiang', bank: 'ccb', amount: '500000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION })
    .expect(201);
  const sciTechId = sciTech.body.id as string;

  await act(await bearer('ccb-manager'), first, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' });
  await act(await bearer('assessor'), first, '/tasks/due-diligence/complete', { reportNo: 'DD-2026-0107', riskRating: 'LOW', summary: '经营正常' });

  const approver = await bearer('ccb-approver');
  const decisions = await eventually(async () => {
    const mine = (await tasksOf(approver, { limit: 200 })).items.filter((i) => i.caseId === first || i.caseId === sciTechId);
    expect(mine.map((i) => i.caseId).sort()).toEqual([first, sciTechId].sort());
    return mine;
  });
  // The sci-tech promise is 48 hours, sooner than five working days: it comes first.
  expect(decisions).toEqual([
    expect.objectContaining({ caseId: sciTechId, kind: 'CREDIT_DECISION', assignee: null, product: 'SCI_TECH', stage: 'MANUAL_REVIEW' }),
    expect.objectContaining({ caseId: first, kind: 'CREDIT_DECISION', assignee: null, product: 'FAST_TRACK', stage: 'CREDIT_DECISION' }),
  ]);
  // Another bank's approver, and anyone naming the approver, see none of them.
  const other = (await tasksOf(await bearer('xib-approver'), { limit: 200 })).items.map((i) => i.caseId);
  expect(other).not.toContain(first);
  expect((await tasksOf(await bearer('manager'), { assignee: 'ccb-approver' })).items).toEqual([]);

  await act(approver, first, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '测试' }] });
  await eventually(async () => expect((await tasksOf(approver, { limit: 200 })).items.map((i) => i.caseId)).not.toContain(first));
});

it.each([
  [{ limit: 0 }, 'limit'],
  [{ limit: 201 }, 'limit'],
  [{ slaState: 'MET' }, 'slaState'],
  [{ assignee: '' }, 'assignee'],
  [{ status: 'DONE' }, 'status'],
])('refuses %j with 422 naming %s', async (query, field) => {
  const res = await request(stack.app).get('/api/v1/tasks').set('authorization', await bearer('manager')).query(query);
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
});

it('refuses a caller without a token', async () => {
  await request(stack.app).get('/api/v1/tasks').expect(401);
});
