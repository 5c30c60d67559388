// A firm follows its case and answers the materials it is asked for, through the real API,
// Temporal and PostgreSQL: the paused case tells the firm it waits on it; another firm's answer
// is 404 and staff may not answer for the firm (403); a malformed answer is 422 naming the field;
// the firm's answer resumes the clock and the timeline keeps what it sent; a second answer is 409.
// Once paid, the bank's SMS reaches the firm through the notification channel, and only that firm.
import request from 'supertest';
import { caseAwaitingDecision } from '../support/apiCases';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
const creditCode = validSimingCode('MA7FRMA1');
const firm = async () => ({ authorization: await bearerAs({ sub: 'firm-ma7frma1', name: '厦门鹭江补件有限公司', role: 'firm', creditCode }) });
const otherFirm = async () => ({ authorization: await bearerAs({ sub: 'firm-other', name: '厦门鹭江他企有限公司', role: 'firm', creditCode: validSimingCode('MA7FRMB2') }) });

it('shows the firm its paused case waits on it, and its own answer resumes the clock', async () => {
  const opened = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江补件有限公司', creditCode, street: 'lujiang', bank: 'xib', amount: '600000', purpose: '流动资金' })
    .expect(201);
  const id = opened.body.id as string;
  await request(stack.app).post(`/api/v1/cases/${id}/tasks/grid-submission/pause`).set('authorization', await bearer('lujiang-officer')).send({ reason: '请补充近三个月银行流水' }).expect(200);

  const mine = await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(await firm()).expect(200);
  expect(mine.body).toMatchObject({ paused: { reason: '请补充近三个月银行流水' }, status: { waitingOn: 'FIRM', zh: '等待您补充材料：请补充近三个月银行流水。材料交齐后继续计时，计时暂停期间不计入办结时限。' } });

  const answer = { text: '已补充银行流水', documents: ['2026年9-11月银行流水', '纳税证明'] };
  await request(stack.app).post(`/api/v1/firm/cases/${id}/materials`).set(await otherFirm()).send(answer).expect(404);
  await request(stack.app).post(`/api/v1/firm/cases/${id}/materials`).set('authorization', await bearer('lujiang-officer')).send(answer).expect(403);
  const empty = await request(stack.app).post(`/api/v1/firm/cases/${id}/materials`).set(await firm()).send({ text: '已补充', documents: [] }).expect(422);
  expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'documents' })]);
  expect((await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(await firm()).expect(200)).body.status.waitingOn).toBe('FIRM');

  const answered = await request(stack.app).post(`/api/v1/firm/cases/${id}/materials`).set(await firm()).send(answer).expect(200);
  expect(answered.body).toMatchObject({ paused: null, status: { waitingOn: 'STREET', zh: expect.stringMatching(/^并联审批中，等待网格员协助.*承诺\d+月\d+日前办结。$/) } });
  const staffView = await request(stack.app).get(`/api/v1/cases/${id}?live=true`).set('authorization', await bearer('lujiang-officer')).expect(200);
  expect(staffView.body.slaState).not.toBe('PAUSED');
  expect(staffView.body.events).toContainEqual(expect.objectContaining({ type: 'SLA_RESUMED', actor: 'firm-ma7frma1', data: expect.objectContaining({ note: answer.text, documents: answer.documents }) }));

  const again = await request(stack.app).post(`/api/v1/firm/cases/${id}/materials`).set(await firm()).send(answer).expect(409);
  expect(again.body.detail).toMatch(/当前没有等待补充的材料/);
});

it('sends the firm the bank’s SMS once the money is paid, which the firm reads among its notifications and no other firm does', async () => {
  const paidCode = validSimingCode('MA7FRMC3');
  const paidFirm = { authorization: await bearerAs({ sub: 'firm-ma7frmc3', name: '厦门鹭江到账有限公司', role: 'firm', creditCode: paidCode }) };
  const id = await caseAwaitingDecision(stack.app, '厦门鹭江到账有限公司', 'MA7FRMC3');
  await request(stack.app).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('xib-approver')).send({ outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 }).expect(200);

  const inbox = await eventually(async () => {
    const res = await request(stack.app).get('/api/v1/notifications').set(paidFirm).expect(200);
    expect(res.body.items.filter((n: { source: string }) => n.source === id)).toHaveLength(1);
    return res.body;
  }, 30_000);
  expect(inbox.items.find((n: { source: string }) => n.source === id)).toMatchObject({
    type: 'NOTIFICATION',
    via: `FIRM:${paidCode}`,
    text: { zh: `您申请的贷款80万元已放款到账（申请编号 ${id}，放款流水号 FK-${id}）。` },
    acknowledgedAt: null,
  });
  const page = await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(paidFirm).expect(200);
  expect(page.body).toMatchObject({ stage: 'DISBURSED', disbursement: { amount: '800000.00' }, status: { waitingOn: 'NOBODY', zh: expect.stringMatching(/^80万元已于\d+月\d+日放款到账。$/) } });
  const others = await request(stack.app).get('/api/v1/notifications').set(await otherFirm()).expect(200);
  expect(others.body.items.map((n: { source: string }) => n.source)).not.toContain(id);
});

it('a case opened for the firm to confirm waits for it once approved: another firm 404, staff 403, stale terms 409; the firm’s confirmation leads to the money and the SMS', async () => {
  const code = validSimingCode('MA7FRMD4');
  const confirming = { authorization: await bearerAs({ sub: 'firm-ma7frmd4', name: '厦门鹭江确认有限公司', role: 'firm', creditCode: code }) };
  const id = await caseAwaitingDecision(stack.app, '厦门鹭江确认有限公司', 'MA7FRMD4', { firmConfirmsContract: true });
  const terms = { amount: '800000.00', rateBp: 385, termMonths: 12 };
  const confirm = (who: Record<string, string>, body: object = terms) => request(stack.app).post(`/api/v1/firm/cases/${id}/contract-confirmation`).set(who).send(body);
  expect((await confirm(confirming)).status).toBe(409);
  await request(stack.app).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('xib-approver')).send({ outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 }).expect(200);

  // The record says the case waits for the firm before anything is read from it.
  const staffView = await eventually(async () => {
    const res = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('lujiang-officer')).expect(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toContain('CONTRACT_CONFIRMATION_REQUESTED');
    return res.body;
  }, 30_000);
  expect(staffView).toMatchObject({ stage: 'CONTRACTING', contractConfirmation: { terms: { amountFen: 80_000_000, rateBp: 385, termMonths: 12 }, overdue: false, confirmedAt: null } });
  const page = await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(confirming).expect(200);
  expect(page.body).toMatchObject({
    stage: 'CONTRACTING',
    decision: { outcome: 'APPROVED', amount: '800000.00', rateBp: 385, termMonths: 12 },
    contractConfirmation: { dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), confirmedAt: null },
    status: { waitingOn: 'FIRM', zh: expect.stringMatching(/^厦门国际银行已批准：80万元，年利率3\.85%，期限12个月。等待您确认合同条款，请于\d+月\d+日前确认。$/) },
  });

  expect((await confirm(await otherFirm())).status).toBe(404);
  expect((await confirm({ authorization: await bearer('xib-manager') })).status).toBe(403);
  const malformed = await confirm(confirming, { ...terms, termMonths: 'twelve' }).expect(422);
  expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'termMonths' })]);
  const stale = await confirm(confirming, { ...terms, rateBp: 350 }).expect(409);
  expect(stale.body.detail).toMatch(/^您确认的条款与批准的不一致，请刷新页面后重新确认/);
  expect((await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(confirming).expect(200)).body.contractConfirmation.confirmedAt).toBeNull();

  const confirmed = await confirm(confirming).expect(200);
  expect(confirmed.body.contractConfirmation.confirmedAt).not.toBeNull();
  await eventually(async () => {
    const res = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('lujiang-officer')).expect(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['CONTRACT_CONFIRMED', 'CONTRACT_SIGNED', 'DISBURSED']));
    expect(res.body.events.find((e: { type: string }) => e.type === 'CONTRACT_CONFIRMED')).toMatchObject({ actor: 'firm-ma7frmd4' });
  }, 30_000);
  const paid = await request(stack.app).get(`/api/v1/firm/cases/${id}`).set(confirming).expect(200);
  expect(paid.body).toMatchObject({ stage: 'DISBURSED', disbursement: { amount: '800000.00' }, status: { waitingOn: 'NOBODY' } });
  const inbox = await eventually(async () => {
    const res = await request(stack.app).get('/api/v1/notifications').set(confirming).expect(200);
    expect(res.body.items.filter((n: { source: string }) => n.source === id)).toHaveLength(2);
    return res.body.items.filter((n: { source: string }) => n.source === id).map((n: { text: { zh: string } }) => n.text.zh);
  }, 30_000);
  expect(inbox).toEqual(expect.arrayContaining([expect.stringMatching(/^您的贷款已获批准（申请编号 /), `您申请的贷款80万元已放款到账（申请编号 ${id}，放款流水号 FK-${id}）。`]));
  expect((await confirm(confirming)).status).toBe(409);
});
