// Temporal itself unreachable (down, or refusing connections), not just a worker: the API whose
// client points at a loopback port nobody listens on answers a new case 503 with Retry-After
// (the gRPC UNAVAILABLE the client gives up with is not a 500), leaves no case half-written, and
// the same request with the same Idempotency-Key, once Temporal answers, opens that case once;
// meanwhile reads answer from the record.
import { WorkflowNotFoundError, type Connection } from '@temporalio/client';
import request from 'supertest';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';
import { unreachableTemporal } from '../support/unreachableTemporal';

const stack = useStack();
const run = Date.now().toString(36);
let down: Connection;

beforeAll(async () => {
  down = await unreachableTemporal();
});
afterAll(async () => {
  await down?.close();
});

it('answers a new case 503 with Retry-After while Temporal is unreachable; the same key opens it once Temporal answers', async () => {
  const creditCode = validSimingCode('MA4NTU01');
  const body = { firmName: '厦门鹭江断连受理有限公司', creditCode, street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' };
  const officer = await bearer('lujiang-officer');
  const cases = () => stack.db.loanCase.count({ where: { creditCode } });
  // The database outlives a run: the key is this run's, the count compared with before.
  const before = await cases();
  const open = (app: Parameters<typeof request>[0]) => request(app).post('/api/v1/cases').set('authorization', officer).set('idempotency-key', `unreachable-${run}`).send(body);

  const downApp = stack.appOn(down);
  const refused = await open(downApp);
  expect(refused.status).toBe(503);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  expect(refused.body).toMatchObject({ type: 'urn:greenlane:problem:not-answering', title: 'Temporal could not be reached' });
  // Chinese first, then English, and how to go on: the same key.
  expect(refused.body.detail).toMatch(/^案件 GL-\d{4}-\d+ 已受理，但其工作流暂时无法连接.*Idempotency-Key.* Case GL-\d{4}-\d+ is accepted, but its workflow could not be reached/);
  const caseNo = /Case (GL-\d{4}-\d+)/.exec(refused.body.detail)![1]!;

  // Nothing half-written: no case, no workflow; only the number its key drew, for the retry.
  expect(await cases()).toBe(before);
  expect(await stack.db.caseEvent.count({ where: { caseNo } })).toBe(0);
  expect(await stack.db.caseRequestKey.findUnique({ where: { scope: `lujiang-officer:unreachable-${run}` } })).toMatchObject({ caseNo });
  await expect(stack.client.workflow.getHandle(`case-${caseNo}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

  // Temporal answers again: the same request opens that case, once.
  const retried = await open(stack.app);
  expect(retried.status).toBe(201);
  expect(retried.headers['idempotent-replayed']).toBe('true');
  expect(retried.body).toMatchObject({ id: caseNo, stage: 'PARALLEL_REVIEW', firm: { name: body.firmName, creditCode } });
  expect(await cases()).toBe(before + 1);

  // Reads need no Temporal: the record shows nothing in flight (no update unanswered, its next
  // timer ahead), so it answers as the case's current state without asking.
  const read = await request(downApp).get(`/api/v1/cases/${caseNo}`).set('authorization', officer).expect(200);
  expect(read.body).toMatchObject({ id: caseNo, answeredBy: 'RECORD', live: true, stage: 'PARALLEL_REVIEW' });
  // A record that cannot tell (here: its next timer unknown, as after a calendar notice loads)
  // asks Temporal; unreachable, the record answers as last written, within the read's bound.
  await stack.db.loanCase.update({ where: { caseNo }, data: { quietUntil: null } });
  const asked = Date.now();
  const unsure = await request(downApp).get(`/api/v1/cases/${caseNo}`).set('authorization', officer).expect(200);
  expect(Date.now() - asked).toBeLessThan(15_000);
  expect(unsure.body).toMatchObject({ id: caseNo, answeredBy: 'RECORD', live: false, stage: 'PARALLEL_REVIEW' });
}, 90_000);
