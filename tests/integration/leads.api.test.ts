// Leads through the real API, Temporal and PostgreSQL: a visit that finds a need opens its lead
// in the same request; the owner calls the firm; the street office converts it in one action
// into a fast-track or sci-tech case pre-filled from the need (the case names the lead, the lead
// the case), or, for a firm a bank refused, into the joint consultation; a lead that goes
// nowhere is closed with a reason. Someone outside the lead's reach or role is refused and
// changes nothing.
import request from 'supertest';
import { BORDERLINE_SOFTWARE_APPLICATION } from '../../dev/demo';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-5);
let firmSeq = 0;

const as = async (who: string) => ({ authorization: await bearer(who) });
const post = async (who: string, path: string, body: object, key?: string) => {
  const req = request(stack.app).post(`/api/v1${path}`).set(await as(who));
  return (key ? req.set('idempotency-key', key) : req).send(body);
};
const get = async (who: string, path: string) => request(stack.app).get(`/api/v1${path}`).set(await as(who));

/** The development visitor finds a firm in 鹭江's first building and records its need: the lead opens in the same request. */
async function visitWithNeed(name: string, need: object): Promise<{ visitId: string; leadId: string }> {
  const firm = await post('lujiang-visitor', '/survey-network/buildings/lujiang-01-b1/firms', { name, creditCode: validSimingCode(`L${digits}${String(++firmSeq).padStart(2, "0")}`), unit: `${firmSeq}01` });
  expect(firm.status).toBe(201);
  const visit = await post('lujiang-visitor', '/visits', { firmId: firm.body.id, outcome: 'NEED_FOUND', need }, `visit-${run}-${firmSeq}`);
  expect(visit.status).toBe(201);
  expect(visit.body.lead).toMatch(/^LD-[0-9A-F]{16}$/);
  return { visitId: visit.body.id, leadId: visit.body.lead };
}

const decorationNeed = { amount: '5140000', purpose: '新订单备料', urgency: 'IMMEDIATE', collateral: '厂房', patents: 0 };

describe('visit → lead → fast-track case', () => {
  let leadId: string;
  let visitId: string;

  it('opens the lead with the visit: owned by the team’s street-office seat, first contact due in two working days, read within reach only', async () => {
    ({ leadId, visitId } = await visitWithNeed(`厦门鹭江装饰工程${run}有限公司`, decorationNeed));
    const lead = await get('lujiang-visitor', `/leads/${leadId}`);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({
      id: leadId,
      source: { kind: 'VISIT', id: visitId },
      street: 'lujiang',
      community: 'lujiang-01',
      team: 'lujiang-01-t1',
      need: { amountFen: 514_000_000, purpose: '新订单备料', urgency: 'IMMEDIATE' },
      owner: 'lujiang-visitor',
      stage: 'OPEN',
      slaState: 'ON_TRACK',
      conversion: null,
      closure: null,
    });
    expect(new Date(lead.body.dueAt).getTime()).toBeGreaterThan(new Date(lead.body.openedAt).getTime() + 24 * 3_600_000);
    expect(lead.body.timeline.map((e: { type: string }) => e.type)).toEqual(['OPENED']);
    // The street's officer sees it, another street's does not; the list is scoped the same way.
    expect((await get('lujiang-officer', `/leads/${leadId}`)).status).toBe(200);
    expect((await get('lianqian-officer', `/leads/${leadId}`)).status).toBe(404);
    expect((await get('lujiang-community', '/leads?limit=100')).body.items.map((l: { id: string }) => l.id)).toContain(leadId);
    expect((await get('lianqian-officer', '/leads?limit=100')).body.items.map((l: { id: string }) => l.id)).not.toContain(leadId);
  });

  it('a visit that found no need opens no lead', async () => {
    const firm = await post('lujiang-visitor', '/survey-network/buildings/lujiang-01-b1/firms', { name: `厦门鹭江无需求${run}有限公司`, creditCode: validSimingCode(`L${digits}99`) });
    const visit = await post('lujiang-visitor', '/visits', { firmId: firm.body.id, outcome: 'NO_NEED', note: '暂无融资需求' });
    expect([visit.status, visit.body.lead]).toEqual([201, null]);
    expect(await stack.db.lead.count({ where: { sourceId: visit.body.id } })).toBe(0);
  });

  it('first contact by the owner stops the clock; the street office converts it once, and the case names its lead', async () => {
    const contacted = await post('lujiang-visitor', `/leads/${leadId}/contact`, { note: '已电话联系' }, `contact-${run}`);
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({ stage: 'CONTACTED', slaState: 'MET', contactedAt: expect.any(String) });

    const key = `convert-${run}`;
    const converted = await post('lujiang-officer', `/leads/${leadId}/convert`, { product: 'FAST_TRACK', bank: 'xib' }, key);
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({ stage: 'CONVERTED', conversion: { kind: 'FAST_TRACK', caseNo: expect.stringMatching(/^GL-\d{4}-\d{6,}$/), consultationId: null } });
    const caseNo = converted.body.conversion.caseNo;
    // The same key again answers the same conversion: no second case.
    const again = await post('lujiang-officer', `/leads/${leadId}/convert`, { product: 'FAST_TRACK', bank: 'xib' }, key);
    expect([again.status, again.body.conversion?.caseNo]).toEqual([200, caseNo]);
    expect(await stack.db.loanCase.count({ where: { purpose: { contains: leadId } } })).toBe(1);

    const c = await get('lujiang-officer', `/cases/${caseNo}`);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ product: 'FAST_TRACK', bank: { code: 'xib' }, street: { code: 'lujiang' }, amountFen: 514_000_000, purpose: `新订单备料（走访线索 ${leadId}）`, firm: { name: `厦门鹭江装饰工程${run}有限公司` }, lead: { id: leadId, url: `/api/v1/leads/${leadId}` } });
    const timeline = await get('lujiang-officer', `/cases/${caseNo}/timeline`);
    expect(timeline.body.events.find((e: { type: string }) => e.type === 'ACCEPTED').data).toMatchObject({ leadId });

    // Converted, the lead takes no more actions.
    const late = await post('lujiang-visitor', `/leads/${leadId}/close`, { reason: 'DUPLICATE' });
    expect([late.status, late.body.type]).toEqual([409, expect.stringMatching(/lead-closed$/)]);
    const visits = await get('lujiang-visitor', '/visits?limit=100');
    expect(visits.body.items.find((v: { id: string }) => v.id === visitId).lead).toBe(leadId);
  });
});

it('converts into a sci-tech case with the firm’s application, the requested credit the need’s amount', async () => {
  const { leadId } = await visitWithNeed(`厦门鹭江生物科技${run}有限公司`, { amount: '1200000', purpose: '研发投入', urgency: 'WITHIN_MONTH', patents: 3 });
  const missing = await post('task-force', `/leads/${leadId}/convert`, { product: 'SCI_TECH', bank: 'ccb' });
  expect([missing.status, missing.body.detail]).toEqual([409, expect.stringContaining('科创贷须提供企业的申请信息')]);
  const { patents, rdSpend, revenue, yearsInOperation, existingDebt } = BORDERLINE_SOFTWARE_APPLICATION;
  const converted = await post('task-force', `/leads/${leadId}/convert`, { product: 'SCI_TECH', bank: 'ccb', application: { patents, rdSpend, revenue, yearsInOperation, existingDebt } });
  expect(converted.status).toBe(200);
  expect(converted.body.conversion).toMatchObject({ kind: 'SCI_TECH' });
  const c = await get('task-force', `/cases/${converted.body.conversion.caseNo}`);
  expect(c.body).toMatchObject({ product: 'SCI_TECH', bank: { code: 'ccb' }, amountFen: 120_000_000, lead: { id: leadId } });
});

it('a firm a bank already refused goes to the joint consultation with that bank', async () => {
  const { leadId } = await visitWithNeed(`厦门鹭江五金${run}有限公司`, { ...decorationNeed, amount: '800000', refusedBy: { bank: 'ccb', reason: '营收未达准入门槛' } });
  const converted = await post('lujiang-officer', `/leads/${leadId}/convert`, { product: 'FAST_TRACK' });
  expect(converted.status).toBe(200);
  expect(converted.body.conversion).toEqual({ kind: 'JOINT_CONSULTATION', caseNo: null, consultationId: `JC-${leadId}` });
  const consultation = await get('task-force', `/consultations/JC-${leadId}`);
  expect(consultation.status).toBe(200);
  expect(consultation.body).toMatchObject({ fromLead: leadId, stage: 'OPENED', firm: { street: 'lujiang' }, refused: { product: 'FAST_TRACK', bank: 'ccb', amountFen: 80_000_000 } });
});

it('refuses whoever is outside the lead’s reach or role, changing nothing; the owner closes it with a listed reason', async () => {
  const { leadId } = await visitWithNeed(`厦门鹭江贸易${run}有限公司`, decorationNeed);
  // Another street's officer does not see it at all.
  expect((await post('lianqian-officer', `/leads/${leadId}/convert`, { product: 'FAST_TRACK', bank: 'xib' })).status).toBe(404);
  expect((await post('lianqian-officer', `/leads/${leadId}/close`, { reason: 'DUPLICATE' })).status).toBe(404);
  // The street's grid officer may not convert (403); the bank stationed at the street sees it but may not close another's lead (409, the workflow's rule).
  expect((await post('lujiang-grid', `/leads/${leadId}/convert`, { product: 'FAST_TRACK', bank: 'xib' })).status).toBe(403);
  const bank = await post('xib-manager', `/leads/${leadId}/close`, { reason: 'NOT_ELIGIBLE' });
  expect([bank.status, bank.body.type, bank.body.detail]).toEqual([409, expect.stringMatching(/update-rejected$/), expect.stringContaining('role customer_manager may not do this unless they own the lead')]);
  const badReason = await post('lujiang-visitor', `/leads/${leadId}/close`, { reason: 'BORED' });
  expect([badReason.status, badReason.body.errors?.[0]?.field]).toEqual([422, 'reason']);
  const unchanged = await get('manager', `/leads/${leadId}`);
  expect(unchanged.body).toMatchObject({ stage: 'OPEN', owner: 'lujiang-visitor', closure: null });
  expect(unchanged.body.timeline.map((e: { type: string }) => e.type)).toEqual(['OPENED']);

  const reassigned = await post('lujiang-officer', `/leads/${leadId}/reassign`, { owner: 'lujiang-officer', reason: '街道跟进' });
  expect([reassigned.status, reassigned.body.owner]).toEqual([200, 'lujiang-officer']);
  const closed = await post('lujiang-officer', `/leads/${leadId}/close`, { reason: 'FINANCED_ELSEWHERE' });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ stage: 'CLOSED', closure: { reason: 'FINANCED_ELSEWHERE', label: '已通过其他渠道获得融资 Financed elsewhere' } });
  const audit = await stack.db.auditEntry.findMany({ where: { subject: `lead:${leadId}` }, orderBy: { id: 'asc' } });
  expect(audit.map((a) => [a.actor, a.action])).toEqual(expect.arrayContaining([['lujiang-officer', 'REASSIGNED'], ['lujiang-officer', 'CLOSED']]));
});
