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
