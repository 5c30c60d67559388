// While no worker runs (a crash, a deploy), a case's workflow can neither answer a query nor run
// an update: reads are served from the record (current while the workflow has nothing in flight;
// `live: false` when the workflow was asked and could not answer), actions answer 503 in bounded
// time, and a retry with the same Idempotency-Key once a worker is back applies the action once.
import request from 'supertest';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
let id: string;

it('answers GET /cases/:id and the list from the record, with the same branches and stage, while the worker is down', async () => {
  const officer = await bearer('lujiang-officer');
  const opened = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', officer)
    .send({ firmName: '厦门鹭江停机读取有限公司', creditCode: validSimingCode('MA4NWK01'), street: 'lujiang', bank: 'xib', amount: '600000', purpose: '流动资金' })
    .expect(201);
  id = opened.body.id as string;
  await request(stack.app).post(`/api/v1/cases/${id}/tasks/grid-submission/complete`).set('authorization', await bearer('lujiang-grid')).send({ applicationNo: 'XYD20261128000901' }).expect(200);
  // At rest: nothing in flight (the completion's notices written), so the record answers.
  const before = await eventually(async () => {
    const v = (await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', officer).expect(200)).body;
    expect(v).toMatchObject({ live: true, answeredBy: 'RECORD' });
    return v;
  });

  await stack.stopWorker();
  const started = Date.now();
  const res = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', officer);
  expect(res.status).toBe(200);
  // No worker is asked: the workflow has nothing in flight, so its record is its state.
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(res.body).toEqual(before);

  // Asked for the workflow, which cannot answer: the record, as last written, within the read's bound.
  const asked = Date.now();
  const live = await request(stack.app).get(`/api/v1/cases/${id}?live=true`).set('authorization', officer);
  expect(live.status).toBe(200);
  expect(Date.now() - asked).toBeLessThan(15_000);
  const after = live.body;
  expect(after).toMatchObject({ id, live: false, answeredBy: 'RECORD', stage: 'PARALLEL_REVIEW', slaState: before.slaState, dueAt: before.dueAt, decision: null });
  expect(after.tasks).toEqual(before.tasks);
  expect(after.events.map((e: { type: string }) => e.type)).toEqual(before.events.map((e: { type: string }) => e.type));

  const list = await request(stack.app).get('/api/v1/cases').query({ street: 'lujiang', limit: 100 }).set('authorization', officer).expect(200);
  expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
});

it('answers actions and new cases with 503 and Retry-After; a retry with the same key applies each once when a worker is back', async () => {
  await stack.stopWorker(); // already stopped by the test above; idempotent
  const manager = await bearer('xib-manager');
  const complete = () =>
    request(stack.app)
      .post(`/api/v1/cases/${id}/tasks/bank-vip-channel/complete`)
      .set('authorization', manager)
      .set('idempotency-key', 'vip-while-down-1')
      .send({ assessmentOutcome: 'RECOMMEND', note: '联合评估通过' });
  const create = async () =>
    request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', await bearer('lujiang-officer'))
      .set('idempotency-key', 'open-while-down-1')
      .send({ firmName: '厦门鹭江停机受理有限公司', creditCode: validSimingCode('MA4NWK02'), street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' });
  const started = Date.now();
  const [down, opening] = await Promise.all([complete(), create()]);
  expect(Date.now() - started).toBeLessThan(60_000);
  for (const res of [down, opening]) {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ type: 'urn:greenlane:problem:not-answering', detail: expect.stringContaining('Idempotency-Key') });
  }
  const caseNo = /Case (GL-\d{4}-\d+) is accepted/.exec(opening.body.detail)?.[1];
  expect(caseNo).toBeDefined();

  await stack.startWorker();
  const retried = await complete();
  expect(retried.status).toBe(200);
  expect(retried.body.tasks.find((t: { kind: string }) => t.kind === 'BANK_VIP_CHANNEL')).toMatchObject({ status: 'DONE', completedBy: 'xib-manager' });
  const completions = await stack.db.caseEvent.count({ where: { caseNo: id, type: 'TASK_COMPLETED', data: { path: ['kind'], equals: 'BANK_VIP_CHANNEL' } } });
  expect(completions).toBe(1);

  const reopened = await create();
  expect(reopened.status).toBe(201);
  expect(reopened.headers['idempotent-replayed']).toBe('true');
  expect(reopened.body).toMatchObject({ id: caseNo, stage: 'PARALLEL_REVIEW', live: true });
  expect(await stack.db.loanCase.count({ where: { creditCode: validSimingCode('MA4NWK02') } })).toBe(1);
}, 90_000);
