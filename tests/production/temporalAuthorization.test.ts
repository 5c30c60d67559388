// Temporal's frontend on the production topology admits the provider's tokens by their
// `permissions` claim (Temporal's JWT claim mapper and default authorizer): through the Temporal
// UI's API (which only checks that a token is present) and on the frontend's own port, a made-up
// token, a case officer's real one and an operator's with a widened claim read nothing; an
// operator signed in to the UI lists the case but cannot act on it. Greenlane's own workers and
// API hold a write token (client credentials): the case opened here runs.
import type { Connection } from '@temporalio/client';
import request from 'supertest';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { bearerOf, prod, temporalAs, tokenOf, uiTokenOf } from './stack';

const PERMISSION_DENIED = 7;
let workflowId: string;

beforeAll(async () => {
  const created = await request(prod.apiUrl)
    .post('/api/v1/cases')
    .set('authorization', await bearerOf('lujiang-officer'))
    .send({ firmName: '厦门鹭江时序授权测试有限公司', creditCode: validSimingCode('MA4PRD5E'), street: 'lujiang', bank: 'xib', amount: '700000.00', purpose: '流动资金' })
    .expect(201);
  workflowId = `case-${created.body.id}`;
});

/** The UI's workflow list for this case, as the UI's own page asks for it. */
const listThroughUi = (token: string) =>
  fetch(`${prod.uiUrl}/api/v1/namespaces/default/workflows?query=${encodeURIComponent(`WorkflowId = "${workflowId}"`)}`, { headers: { authorization: `Bearer ${token}` } });

async function expectRefusedThroughUi(token: string): Promise<void> {
  const res = await listThroughUi(token);
  const body = await res.text();
  expect(res.status).toBe(403);
  expect(JSON.parse(body)).toMatchObject({ code: PERMISSION_DENIED, message: 'Request unauthorized.' });
  expect(body).not.toContain(workflowId);
}

async function withConnection<T>(token: string | undefined, fn: (c: Connection) => Promise<T>): Promise<T> {
  const connection = await temporalAs(token);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

const listDirectly = (token: string | undefined) =>
  withConnection(token, (c) => c.workflowService.listWorkflowExecutions({ namespace: 'default', query: `WorkflowId = "${workflowId}"` }));

it('refuses a made-up bearer token at the UI\'s API, which lists no workflow', async () => {
  await expectRefusedThroughUi('made-up');
});

it('refuses a case officer\'s real tokens, through the UI and on the frontend\'s own port', async () => {
  await expectRefusedThroughUi(await uiTokenOf('lujiang-officer'));
  await expectRefusedThroughUi(await tokenOf('lujiang-officer'));
  await expect(listDirectly(await uiTokenOf('lujiang-officer'))).rejects.toMatchObject({ code: PERMISSION_DENIED });
  await expect(listDirectly(undefined)).rejects.toMatchObject({ code: PERMISSION_DENIED });
});

it('lists the case for an operator signed in to the UI, who may read the namespace but not act on it', async () => {
  const operator = await uiTokenOf('operator');
  const listed = await eventually(async () => {
    const res = await listThroughUi(operator);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { executions?: Array<{ execution: { workflowId: string } }> };
    expect(body.executions?.map((e) => e.execution.workflowId)).toEqual([workflowId]);
    return body;
  }, 60_000);
  expect(listed.executions).toHaveLength(1);

  await withConnection(operator, async (c) => {
    const described = await c.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
    expect(described.workflowExecutionInfo?.execution?.workflowId).toBe(workflowId);
    await expect(c.workflowService.terminateWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId }, reason: 'abuse' })).rejects.toMatchObject({ code: PERMISSION_DENIED });
  });
  // The case still runs: the refusal was Temporal's, and the workers' own token moved it on.
  const caseNo = workflowId.slice('case-'.length);
  await eventually(async () => {
    const res = await request(prod.apiUrl).get(`/api/v1/cases/${caseNo}`).set('authorization', await bearerOf('manager')).expect(200);
    expect(res.body.stage).toBe('PARALLEL_REVIEW');
  }, 60_000);
});

it('refuses an operator\'s token whose permissions claim was widened to administration', async () => {
  const [header, payload, signature] = (await uiTokenOf('operator')).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  expect(claims.permissions).toEqual(['default:read', 'temporal-system:read']);
  const widened = [header, Buffer.from(JSON.stringify({ ...claims, permissions: ['temporal-system:admin'] })).toString('base64url'), signature].join('.');
  await expectRefusedThroughUi(widened);
  await expect(listDirectly(widened)).rejects.toMatchObject({ code: PERMISSION_DENIED });
});
