// Cases brought to a step through the HTTP API, each party acting as themselves.
import request from 'supertest';
import { bearer } from './auth';
import { validSimingCode } from './creditCodes';
import { eventuallyRecorded } from './eventually';

type App = Parameters<typeof request>[0];

/** The three branches of a 鹭江 / xib fast-track case done by their owners: the bank's decision is next. */
async function completeBranches(app: App, id: string): Promise<void> {
  const complete = async (who: string, task: string, evidence: object) =>
    request(app).post(`/api/v1/cases/${id}/tasks/${task}/complete`).set('authorization', await bearer(who)).send(evidence).expect(200);
  await complete('lujiang-grid', 'grid-submission', { applicationNo: 'XYD20261130000777' });
  await complete('xib-manager', 'bank-vip-channel', { assessmentOutcome: 'RECOMMEND' });
  await complete('assessor', 'due-diligence', { reportNo: 'DD-2026-0777', riskRating: 'LOW', summary: '订单真实' });
}

/** A 鹭江 / xib fast-track case of 80万 whose three branches are done: the bank's decision is next. */
export async function caseAwaitingDecision(app: App, firmName: string, orgBody: string, opening: Record<string, unknown> = {}): Promise<string> {
  const res = await request(app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName, creditCode: validSimingCode(orgBody), street: 'lujiang', bank: 'xib', amount: '800000', purpose: '流动资金', ...opening })
    .expect(201);
  const id = res.body.id as string;
  await completeBranches(app, id);
  return id;
}

/**
 * A 鹭江 lead converted into a fast-track case at xib, approved for 80万 and paid by the sandbox
 * bank; answers once the payment is on the case's record, which the funnel reads (the workflow may
 * answer DISBURSED before its write lands).
 */
export async function leadPaid(app: App, leadId: string): Promise<string> {
  const converted = await request(app).post(`/api/v1/leads/${leadId}/convert`).set('authorization', await bearer('lujiang-officer')).send({ product: 'FAST_TRACK', bank: 'xib' }).expect(200);
  const id = converted.body.conversion.caseNo as string;
  await completeBranches(app, id);
  await request(app).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('xib-approver')).send({ outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 }).expect(200);
  await eventuallyRecorded(async () => (await request(app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('lujiang-officer'))).body, 'DISBURSED');
  return id;
}
