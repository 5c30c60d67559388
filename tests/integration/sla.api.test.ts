// The SLA endpoints on the real app: JSON and CSV, scope, validation, authentication.
// Breaches take a working day to happen, so this file writes two finished cases'
// projections directly (fixed case numbers in March 2024, which no other test uses);
// tests/workflows/slaSummary.test.ts drives real workflows through known timings.
import request from 'supertest';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { validSimingCode } from '../support/creditCodes';
import { bearer } from '../support/auth';
import { useStack } from '../support/stack';

const XIB_CASE = 'GL-2024-990001';
const CCB_CASE = 'GL-2024-990002';
const RANGE = { from: '2024-03-04', to: '2024-03-08' };
const at = (date: string, hhmm: string) => shanghaiDateTime(date, hhmm);

const stack = useStack();
const tokens: Record<string, string> = {};

async function writeFixtures() {
  const db = stack.db;
  const firm = { creditCode: validSimingCode('SLA24001'), firmName: '厦门鹭江时限测试有限公司' };
  const base = { product: 'FAST_TRACK', ...firm, streetCode: 'lujiang', amountFen: 100_000_000n, purpose: 'SLA fixture', acceptedAt: at('2024-03-04', '10:00'), dueAt: at('2024-03-12', '00:00'), createdBy: 'lujiang-officer' };
  await db.loanCase.createMany({
    data: [
      { ...base, caseNo: XIB_CASE, workflowId: `case-${XIB_CASE}`, bankCode: 'xib', stage: 'DISBURSED', slaState: 'BREACHED' },
      { ...base, caseNo: CCB_CASE, workflowId: `case-${CCB_CASE}`, bankCode: 'ccb', stage: 'REJECTED', slaState: 'BREACHED' },
    ],
    skipDuplicates: true,
  });
  const ev = (caseNo: string, eventKey: string, type: string, when: Date, data: object = {}) => ({ caseNo, eventKey, type, actor: 'system', at: when, data });
  await db.caseEvent.createMany({
    data: [
      // XIB: due diligence due 24:00 on the 4th, filed 09:00 on the 5th; approved and paid at noon.
      ev(XIB_CASE, 'accepted', 'ACCEPTED', at('2024-03-04', '10:00')),
      ev(XIB_CASE, 'breached', 'SLA_BREACHED', at('2024-03-05', '00:00'), { subject: 'DUE_DILIGENCE', assignee: 'assessor@default', stage: 'PARALLEL_REVIEW', dueAt: at('2024-03-05', '00:00').toISOString(), lateWorkingMs: 0 }),
      ev(XIB_CASE, 'task-done', 'TASK_COMPLETED', at('2024-03-05', '09:00'), { kind: 'DUE_DILIGENCE' }),
      // The grid branch waited three working days for the firm's statements (not counted against the promise).
      ev(XIB_CASE, 'sla-resumed:1', 'SLA_RESUMED', at('2024-03-05', '09:00'), { kind: 'GRID_SUBMISSION', pausedWorkingDays: 3 }),
      ev(XIB_CASE, 'stage', 'STAGE_CHANGED', at('2024-03-05', '09:00'), { stage: 'CREDIT_DECISION' }),
      ev(XIB_CASE, 'approved', 'APPROVED', at('2024-03-05', '12:00')),
      ev(XIB_CASE, 'disbursed', 'DISBURSED', at('2024-03-05', '12:00')),
      // CCB: grid submission due 24:00 on the 5th, done 06:00 on the 6th; rejected a day later.
      ev(CCB_CASE, 'accepted', 'ACCEPTED', at('2024-03-04', '10:00')),
      ev(CCB_CASE, 'breached', 'SLA_BREACHED', at('2024-03-06', '00:00'), { subject: 'GRID_SUBMISSION', assignee: 'grid-officer@lujiang', stage: 'PARALLEL_REVIEW', dueAt: at('2024-03-06', '00:00').toISOString(), lateWorkingMs: 0 }),
      ev(CCB_CASE, 'task-done', 'TASK_COMPLETED', at('2024-03-06', '06:00'), { kind: 'GRID_SUBMISSION' }),
      ev(CCB_CASE, 'stage', 'STAGE_CHANGED', at('2024-03-06', '06:00'), { stage: 'CREDIT_DECISION' }),
      ev(CCB_CASE, 'rejected', 'REJECTED', at('2024-03-07', '06:00')),
    ],
    skipDuplicates: true,
  });
}

beforeAll(async () => {
  await writeFixtures();
  for (const sub of ['manager', 'ccb-manager', 'xib-approver', 'task-force']) tokens[sub] = await bearer(sub);
});
const get = (path: string, sub: string | null, query: Record<string, string> = {}) => {
  const r = request(stack.app).get(`/api/v1/sla/${path}`).query(query);
  return sub ? r.set('authorization', tokens[sub]!) : r;
};
const ours = (items: { caseId: string }[]) => items.filter((i) => [XIB_CASE, CCB_CASE].includes(i.caseId));

describe('GET /api/v1/sla/breaches', () => {
  it('lists the district breaches for a manager, with owner, stage and lateness', async () => {
    const res = await get('breaches', 'manager', RANGE).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(ours(res.body.items)).toEqual([
      expect.objectContaining({
        caseId: XIB_CASE,
        firmName: '厦门鹭江时限测试有限公司',
        street: { code: 'lujiang', nameZh: '鹭江街道', nameEn: 'Lujiang Street' },
        bank: expect.objectContaining({ code: 'xib', nameZh: '厦门国际银行' }),
        subject: 'DUE_DILIGENCE',
        assignee: 'assessor@default',
        stage: 'PARALLEL_REVIEW',
        dueAt: '2024-03-04T16:00:00.000Z',
        breachedAt: '2024-03-04T16:00:00.000Z',
        lateWorkingMs: 9 * 3_600_000,
        lateWorkingHours: 9,
        resolved: true,
      }),
      expect.objectContaining({ caseId: CCB_CASE, subject: 'GRID_SUBMISSION', lateWorkingHours: 6, bank: expect.objectContaining({ code: 'ccb' }) }),
    ]);
  });

  it("keeps a bank's staff to their bank's breaches", async () => {
    const ccb = await get('breaches', 'ccb-manager', RANGE).expect(200);
    expect(ccb.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(XIB_CASE);
    expect(ours(ccb.body.items).map((i) => i.caseId)).toEqual([CCB_CASE]);
    expect(ccb.body.items.every((i: { bank: { code: string } }) => i.bank.code === 'ccb')).toBe(true);
    const xib = await get('breaches', 'xib-approver', RANGE).expect(200);
    expect(xib.body.items.every((i: { bank: { code: string } }) => i.bank.code === 'xib')).toBe(true);
  });

  it('filters by street and bank, and by the breach date (Asia/Shanghai)', async () => {
    const xibOnly = await get('breaches', 'manager', { ...RANGE, bank: 'xib' }).expect(200);
    expect(ours(xibOnly.body.items).map((i) => i.caseId)).toEqual([XIB_CASE]);
    // XIB's breach happened at 00:00 on the 5th Shanghai time (16:00 UTC on the 4th).
    const fifth = await get('breaches', 'manager', { from: '2024-03-05', to: '2024-03-05' }).expect(200);
    expect(ours(fifth.body.items).map((i) => i.caseId)).toEqual([XIB_CASE]);
    const elsewhere = await get('breaches', 'manager', { ...RANGE, street: 'gulangyu' }).expect(200);
    expect(ours(elsewhere.body.items)).toEqual([]);
  });
});

describe('GET /api/v1/sla/summary', () => {
  it('answers JSON by bank for a manager', async () => {
    const res = await get('summary', 'manager', { ...RANGE, groupBy: 'bank' }).expect(200);
    expect(res.body).toMatchObject({ from: RANGE.from, to: RANGE.to, groupBy: 'bank' });
    expect(res.body.groups.map((g: { code: string }) => g.code)).toEqual(['ccb', 'xib']);
    expect(res.body.groups[1]).toMatchObject({
      code: 'xib',
      nameZh: '厦门国际银行',
      opened: 1,
      decided: 1,
      approved: 1,
      decidedInTimeRate: 1,
      disbursed: 1,
      promiseKeptRate: 1,
      breachedCases: 1,
      breaches: 1,
      onTimeRate: 0,
      pausedWorkingDays: 3,
      medianWorkingDays: { parallelReview: 0.958, creditDecision: 0.125, contractingDisbursing: 0, acceptanceToDecision: 1.083 },
    });
    // CCB rejected before its due: a decision in time, but no money, so no promise kept (it read 100%).
    expect(res.body.groups[0]).toMatchObject({ code: 'ccb', decided: 1, rejected: 1, decidedInTimeRate: 1, disbursed: 0, promiseKeptRate: null });
    expect(res.body.overall).toMatchObject({ opened: 2, decided: 2, rejected: 1, decidedInTimeRate: 1, disbursed: 1, promiseKeptRate: 1, closed: 2, breaches: 2, onTimeRate: 0 });
  });

  it('scopes the summary to the caller', async () => {
    const res = await get('summary', 'ccb-manager', { ...RANGE, groupBy: 'bank' }).expect(200);
    expect(res.body.groups.map((g: { code: string }) => g.code)).toEqual(['ccb']);
    expect(res.body.overall).toMatchObject({ opened: 1, breaches: 1 });
  });

  it('answers CSV with a BOM for format=csv and for Accept: text/csv', async () => {
    for (const r of [
      get('summary', 'task-force', { ...RANGE, groupBy: 'street', format: 'csv' }),
      get('summary', 'task-force', { ...RANGE, groupBy: 'street' }).set('accept', 'text/csv'),
    ]) {
      const res = await r.expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="sla-summary-2024-03-04-2024-03-08-street.csv"');
      const lines = res.text.split('\r\n');
      expect(lines[0]!.charCodeAt(0)).toBe(0xfeff);
      expect(lines[0]).toMatch(/^\uFEFF代码 Code,名称 Name,受理 Opened,/);
      expect(lines[0]).toContain(',按时决定率 Decided in time,已放款 Disbursed,承诺兑现率（按时放款） Promise kept (disbursed in time),');
      expect(lines[1]).toBe('lujiang,鹭江街道 Lujiang Street,2,2,1,1,100.00%,1,100.00%,2,2,2,0.00%,3,1.396,0.563,0,1.958');
      expect(lines[2]).toMatch(/^ALL,合计 Total,2,/);
    }
  });

  it('answers 422 naming the fields for bad dates and ranges', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['from', 'to']],
      [{ from: '2024-02-30', to: '2024-03-01' }, ['from']],
      [{ from: '2024-03-08', to: '2024-03-04' }, ['to']],
      [{ from: '2024-01-01', to: '2025-01-01' }, ['to']],
      [{ ...RANGE, groupBy: 'firm' }, ['groupBy']],
      [{ ...RANGE, format: 'xlsx' }, ['format']],
      [{ ...RANGE, bank: 'XIB;drop' }, ['bank']],
      [{ ...RANGE, limit: '5' }, ['limit']],
    ];
    for (const [query, fields] of cases) {
      const res = await get('summary', 'manager', query).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    const res = await get('breaches', 'manager', { from: '2024-03-04', to: 'soon' }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    // 366 days is the widest range.
    await get('breaches', 'manager', { from: '2024-01-01', to: '2024-12-31' }).expect(200);
  });

  it('answers 401 without a token', async () => {
    await get('summary', null, RANGE).expect(401);
    await get('breaches', null, RANGE).expect(401);
  });
});
