// Cases brought to a step through the HTTP API, each party acting as themselves.
import request from 'supertest';
import { bearer } from './auth';
import { validSimingCode } from './creditCodes';

/** A 鹭江 / xib fast-track case of 80万 whose three branches are done: the bank's decision is next. */
export async function caseAwaitingDecision(app: Parameters<typeof request>[0], firmName: string, orgBody: string, opening: Record<string, unknown> = {}): Promise<string> {
  const res = await request(app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName, creditCode: validSimingCode(orgBody), street: 'lujiang', bank: 'xib', amount: '800000', purpose: '流动资金', ...opening })
    .expect(201);
  const id = res.body.id as string;
  const complete = async (who: string, task: string, evidence: object) =>
    request(app).post(`/api/v1/cases/${id}/tasks/${task}/complete`).set('authorization', await bearer(who)).send(evidence).expect(200);
  await complete('lujiang-grid', 'grid-submission', { applicationNo: 'XYD20261130000777' });
  await complete('xib-manager', 'bank-vip-channel', { assessmentOutcome: 'RECOMMEND' });
  await complete('assessor', 'due-diligence', { reportNo: 'DD-2026-0777', riskRating: 'LOW', summary: '订单真实' });
  return id;
}
