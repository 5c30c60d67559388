import request from 'supertest';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const created: string[] = [];
beforeAll(async () => {
  // Lianqian street with Industrial Bank: a combination no other test file uses.
  const officer = await bearer('lianqian-officer');
  for (const [i, body] of ['MA2AA001', 'MA2AA002', 'MA2AA003', 'MA2AA004', 'MA2AA005'].entries()) {
    const res = await request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', officer)
      .send({ firmName: `厦门莲前列表测试${i + 1}号有限公司`, creditCode: validSimingCode(body), street: 'lianqian', bank: 'cib', amount: `${(i + 1) * 100000}`, purpose: '流动资金' })
      .expect(201);
    created.push(res.body.id);
  }
});
const list = async (who: string, query: Record<string, string | number>) =>
  request(stack.app).get('/api/v1/cases').set('authorization', await bearer(who)).query(query);

it('pages through a filtered list with a cursor, newest first, without gaps or repeats', async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const res = await list('manager', { street: 'lianqian', bank: 'cib', limit: 2, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    for (const item of res.body.items) expect(item).toMatchObject({ street: 'lianqian', bank: 'cib', product: 'FAST_TRACK', stage: 'PARALLEL_REVIEW' });
    seen.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor ?? undefined;
    if (!cursor) break;
  }
  expect(seen).toEqual([...created].reverse());
});

it("shows each bank's staff only their bank's cases, whatever they filter on", async () => {
  const ccb = await list('ccb-manager', { street: 'lianqian', limit: 100 });
  expect(ccb.status).toBe(200);
  expect(ccb.body.items.every((i: { bank: string }) => i.bank === 'ccb')).toBe(true);
  expect((await list('ccb-manager', { bank: 'cib', limit: 100 })).body.items).toEqual([]);
  const cib = await list('lianqian-officer', { bank: 'cib', limit: 100 });
  expect(cib.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(created));
  expect((await list('lujiang-officer', { street: 'lianqian', limit: 100 })).body.items).toEqual([]);
});

it('filters on stage after a withdrawal', async () => {
  await request(stack.app).post(`/api/v1/cases/${created[0]}/withdrawal`).set('authorization', await bearer('lianqian-officer')).send({ reason: '企业撤回' }).expect(200);
  const withdrawn = await list('manager', { street: 'lianqian', bank: 'cib', stage: 'WITHDRAWN' });
  expect(withdrawn.body.items.map((i: { id: string }) => i.id)).toEqual([created[0]]);
});

it.each([
  [{ limit: 0 }, 'limit'],
  [{ limit: 101 }, 'limit'],
  [{ cursor: 'not-a-cursor' }, 'cursor'],
  [{ stage: 'DONE' }, 'stage'],
  [{ acceptedFrom: '2026-13-01' }, 'acceptedFrom'],
  [{ sort: 'amount' }, 'sort'],
])('answers 422 for %j naming %s', async (query, field) => {
  const res = await list('manager', query);
  expect(res.status).toBe(422);
  expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
});

it('serves the timeline to whoever may see the case, and 404 to others', async () => {
  const res = await request(stack.app).get(`/api/v1/cases/${created[1]}/timeline`).set('authorization', await bearer('lianqian-officer')).expect(200);
  expect(res.body.events[0]).toMatchObject({ type: 'ACCEPTED', actor: 'lianqian-officer' });
  expect(res.body.events.map((e: { type: string }) => e.type)).toContain('BRANCHES_STARTED');
  await request(stack.app).get(`/api/v1/cases/${created[1]}/timeline`).set('authorization', await bearer('xib-manager')).expect(404);
});

it('lists firms through the cases the caller may see', async () => {
  const mine = await request(stack.app).get('/api/v1/firms').set('authorization', await bearer('lianqian-officer')).query({ q: '厦门莲前列表测试' }).expect(200);
  expect(mine.body.items).toHaveLength(5);
  expect(mine.body.items[0]).toMatchObject({ street: 'lianqian', cases: 1 });
  const other = await request(stack.app).get('/api/v1/firms').set('authorization', await bearer('ccb-manager')).query({ q: '厦门莲前列表测试' }).expect(200);
  expect(other.body.items).toEqual([]);
  const code = mine.body.items[0].creditCode;
  const firm = await request(stack.app).get(`/api/v1/firms/${code}`).set('authorization', await bearer('manager')).expect(200);
  expect(firm.body.cases).toHaveLength(1);
  await request(stack.app).get(`/api/v1/firms/${code}`).set('authorization', await bearer('xib-manager')).expect(404);
  await request(stack.app).get('/api/v1/firms').set('authorization', await bearer('manager')).query({ limit: 0 }).expect(422);
});
