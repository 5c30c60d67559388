// One fast-track case on the production topology, every party signed in at the OpenID provider
// (authorization code + PKCE, as the console does): the case officer opens it, the grid officer,
// the customer manager and the assessor complete their branches, the approver decides and the
// bank pays. Temporal Server on PostgreSQL runs it across two worker processes, which, like the
// API, reach Temporal's authorizing frontend with their client-credentials token; an operator
// finds it in SQL visibility by Greenlane's search attributes, with the Temporal UI's token.
import { Client } from '@temporalio/client';
import request from 'supertest';
import { SandboxBank } from '../../activities/adapters';
import { createDatabase } from '../../infra/database';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { bearerOf, prod, temporalAs, uiTokenOf } from './stack';

const api = () => request(prod.apiUrl);
const act = async (who: string, id: string, path: string, body: object) => api().post(`/api/v1/cases/${id}${path}`).set('authorization', await bearerOf(who)).send(body);
const view = async (id: string, who = 'manager') => (await api().get(`/api/v1/cases/${id}`).set('authorization', await bearerOf(who)).expect(200)).body;

it('goes from acceptance to disbursement, each party signed in at the provider, and an operator finds it by its search attributes', async () => {
  const created = await api()
    .post('/api/v1/cases')
    .set('authorization', await bearerOf('lujiang-officer'))
    .send({ firmName: '厦门鹭江生产拓扑测试有限公司', creditCode: validSimingCode('MA4PRD1X'), street: 'lujiang', bank: 'xib', amount: '5140000.00', purpose: '新订单备料' })
    .expect(201);
  const id = created.body.id as string;
  expect(Object.fromEntries((await view(id)).tasks.map((t: { kind: string; assignee: string }) => [t.kind, t.assignee]))).toEqual({
    GRID_SUBMISSION: 'lujiang-grid',
    BANK_VIP_CHANNEL: 'xib-manager',
    DUE_DILIGENCE: 'assessor',
  });

  // Roles come from the provider's claims: the customer manager may not do the grid officer's branch.
  expect((await act('xib-manager', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261130000777' })).status).toBe(409);
  expect((await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261130000777' })).status).toBe(200);
  expect((await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' })).status).toBe(200);
  const branchesDone = await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-2026-PROD-1', riskRating: 'LOW', summary: '订单真实，经营正常' });
  expect(branchesDone.status).toBe(200);
  expect(branchesDone.body.stage).toBe('CREDIT_DECISION');

  expect((await act('ccb-approver', id, '/decision', { outcome: 'APPROVED', amount: '5000000', rateBp: 385, termMonths: 12 })).status).toBe(404);
  expect((await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '5000000', rateBp: 385, termMonths: 12 })).status).toBe(200);

  const paid = await eventually(async () => {
    const c = await view(id);
    expect(c.stage).toBe('DISBURSED');
    return c;
  }, 60_000);
  expect(paid).toMatchObject({ slaState: 'MET', decision: { outcome: 'APPROVED', amountFen: 500_000_000 }, disbursement: { amountFen: 500_000_000 } });
  const db = createDatabase(prod.databaseUrl, 1);
  try {
    expect((await new SandboxBank(db).ledger([id])).payments).toEqual([expect.objectContaining({ amountFen: 500_000_000 })]);
  } finally {
    await db.$disconnect();
  }

  // With the operator's token from the Temporal UI: the frontend admits nothing else that reads.
  const connection = await temporalAs(await uiTokenOf('operator'));
  try {
    const client = new Client({ connection, namespace: 'default' });
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const w of client.workflow.list({ query: `CaseStage = 'DISBURSED' AND Street = 'lujiang' AND Bank = 'xib' AND SlaState = 'MET'` })) ids.push(w.workflowId);
      expect(ids).toContain(`case-${id}`);
      return ids;
    }, 30_000);
    expect(found).toContain(`case-${id}`);
  } finally {
    await connection.close();
  }
});
