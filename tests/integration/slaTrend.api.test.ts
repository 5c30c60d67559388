// GET /api/v1/sla/trend on the real app and PostgreSQL: the decisions and payments of each week or
// month, by street or bank, in the caller's scope, as JSON and CSV. Known figures come from case
// records written directly in June 2025 (fixed case numbers no other test uses, as sla.api.test.ts
// does for March 2024); real cases opened and decided through the API land in today's bucket.
import request from 'supertest';
import { shanghaiDate, shanghaiDateTime, shanghaiEndOfDay } from '../../domain/calendar/timeZone';
import { DEV_USERS } from '../../infra/devUsers';
import { querySlaTrend } from '../../api/services/slaReports';
import type { TrendPoint } from '../../domain/reports/onTimeTrend';
import { caseAwaitingDecision } from '../support/apiCases';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

jest.setTimeout(120_000);
const stack = useStack();
const at = shanghaiDateTime;
// Dragon Boat Festival closes 31 May – 2 June 2025: the first week of June has four working days.
const JUNE = { from: '2025-06-02', to: '2025-06-18' };

interface Fixture {
  caseNo: string;
  street: string;
  bank: string;
  accepted: Date;
  due: string;
  events: [string, Date][];
}

const FIXTURES: Fixture[] = [
  // Approved and paid in the first week, in time.
  { caseNo: 'GL-2025-990101', street: 'lujiang', bank: 'xib', accepted: at('2025-06-03', '10:00'), due: '2025-06-10', events: [['APPROVED', at('2025-06-05', '11:00')], ['DISBURSED', at('2025-06-05', '15:00')]] },
  // Approved in time in the second week, paid after its due.
  { caseNo: 'GL-2025-990102', street: 'lujiang', bank: 'ccb', accepted: at('2025-06-04', '10:00'), due: '2025-06-11', events: [['APPROVED', at('2025-06-10', '10:00')], ['DISBURSED', at('2025-06-12', '10:00')]] },
  // Rejected the day after its due, in the third (cut) week.
  { caseNo: 'GL-2025-990103', street: 'kaiyuan', bank: 'xib', accepted: at('2025-06-09', '10:00'), due: '2025-06-16', events: [['REJECTED', at('2025-06-17', '09:00')]] },
  // Approved in May (outside the range), paid late at 00:30 on Monday 9 June in Xiamen, which is
  // still Sunday in UTC: it counts in the second week.
  { caseNo: 'GL-2025-990104', street: 'kaiyuan', bank: 'xib', accepted: at('2025-05-26', '10:00'), due: '2025-06-03', events: [['APPROVED', at('2025-05-30', '10:00')], ['DISBURSED', at('2025-06-09', '00:30')]] },
  // Approved in time at 23:00 on the range's last day (15:00 UTC), paid the day after: only the approval counts.
  { caseNo: 'GL-2025-990105', street: 'lujiang', bank: 'xib', accepted: at('2025-06-12', '10:00'), due: '2025-06-19', events: [['APPROVED', at('2025-06-18', '23:00')], ['DISBURSED', at('2025-06-19', '09:00')]] },
];

async function writeFixtures() {
  const firm = { creditCode: validSimingCode('TRND2501'), firmName: '厦门趋势测试有限公司' };
  await stack.db.loanCase.createMany({
    data: FIXTURES.map((f) => ({
      ...firm,
      caseNo: f.caseNo,
      workflowId: `case-${f.caseNo}`,
      product: 'FAST_TRACK',
      streetCode: f.street,
      bankCode: f.bank,
      amountFen: 100_000_000n,
      purpose: 'trend fixture',
      acceptedAt: f.accepted,
      dueAt: shanghaiEndOfDay(f.due),
      createdBy: `${f.street}-officer`,
      stage: f.events.some(([t]) => t === 'REJECTED') ? 'REJECTED' : 'DISBURSED',
      slaState: 'MET',
    })),
    skipDuplicates: true,
  });
  await stack.db.caseEvent.createMany({
    data: FIXTURES.flatMap((f) => [
      { caseNo: f.caseNo, eventKey: 'accepted', type: 'ACCEPTED', actor: 'system', at: f.accepted, data: {} },
      ...f.events.map(([type, when]) => ({ caseNo: f.caseNo, eventKey: type.toLowerCase(), type, actor: 'system', at: when, data: {} })),
    ]),
    skipDuplicates: true,
  });
}

const tokens: Record<string, string> = {};
beforeAll(async () => {
  await writeFixtures();
  for (const sub of ['manager', 'task-force', 'ccb-manager', 'xib-approver']) tokens[sub] = await bearer(sub);
});

const trend = (sub: string | null, query: Record<string, string>) => {
  const r = request(stack.app).get('/api/v1/sla/trend').query(query);
  return sub ? r.set('authorization', tokens[sub]!) : r;
};
const p = (decided: number, decidedInTime: number, disbursed: number, disbursedInTime: number): TrendPoint => ({
  decided,
  decidedInTime,
  disbursed,
  disbursedInTime,
  decidedInTimeRate: decided === 0 ? null : Math.round((decidedInTime / decided) * 10_000) / 10_000,
  promiseKeptRate: disbursed === 0 ? null : Math.round((disbursedInTime / disbursed) * 10_000) / 10_000,
});
const NONE = p(0, 0, 0, 0);
const WEEKS = [
  { from: '2025-06-02', to: '2025-06-08', workingDays: 4 },
  { from: '2025-06-09', to: '2025-06-15', workingDays: 5 },
  { from: '2025-06-16', to: '2025-06-18', workingDays: 3 },
];

describe('GET /api/v1/sla/trend', () => {
  it('gives each week of the range, cut to it, the decisions and payments dated in it (Asia/Shanghai), by bank', async () => {
    const res = await trend('manager', { ...JUNE, groupBy: 'bank' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ ...JUNE, groupBy: 'bank', bucket: 'week', buckets: WEEKS });
    expect(res.body.groups).toEqual([
      { code: 'ccb', nameZh: '中国建设银行', nameEn: expect.any(String), points: [NONE, p(1, 1, 1, 0), NONE] },
      { code: 'xib', nameZh: '厦门国际银行', nameEn: expect.any(String), points: [p(1, 1, 1, 1), p(0, 0, 1, 0), p(2, 1, 0, 0)] },
    ]);
    expect(res.body.overall).toEqual([p(1, 1, 1, 1), p(1, 1, 2, 0), p(2, 1, 0, 0)]);
  });

  it('groups by street and by month, May’s approval in May', async () => {
    const res = await trend('task-force', { from: '2025-05-26', to: '2025-06-18', groupBy: 'street', bucket: 'month' }).expect(200);
    expect(res.body.buckets).toEqual([
      { from: '2025-05-26', to: '2025-05-31', workingDays: 5 },
      { from: '2025-06-01', to: '2025-06-18', workingDays: 12 },
    ]);
    expect(res.body.groups.map((g: { code: string; points: TrendPoint[] }) => [g.code, g.points])).toEqual([
      ['kaiyuan', [p(1, 1, 0, 0), p(1, 0, 1, 0)]],
      ['lujiang', [NONE, p(3, 3, 2, 1)]],
    ]);
  });

  it("keeps a bank's staff to their bank's cases", async () => {
    const res = await trend('ccb-manager', { ...JUNE, groupBy: 'bank' }).expect(200);
    expect(res.body.groups.map((g: { code: string }) => g.code)).toEqual(['ccb']);
    expect(res.body.overall).toEqual([NONE, p(1, 1, 1, 0), NONE]);
    const street = await trend('xib-approver', { ...JUNE, groupBy: 'street', street: 'kaiyuan' }).expect(200);
    expect(street.body.groups.map((g: { code: string }) => g.code)).toEqual(['kaiyuan']);
    expect(street.body.overall).toEqual([NONE, p(0, 0, 1, 0), p(1, 0, 0, 0)]);
  });

  it('answers CSV with a BOM, one line per group and week, then the totals', async () => {
    for (const r of [trend('manager', { ...JUNE, groupBy: 'bank', format: 'csv' }), trend('manager', { ...JUNE, groupBy: 'bank' }).set('accept', 'text/csv')]) {
      const res = await r.expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="sla-trend-2025-06-02-2025-06-18-bank-week.csv"');
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe(
        '\uFEFF代码 Code,名称 Name,起 From,止 To,工作日 Working days,已决定 Decided,按时决定 Decided in time,按时决定率 Decided in time,已放款 Disbursed,按时放款 Disbursed in time,承诺兑现率（按时放款） Promise kept (disbursed in time)',
      );
      expect(lines.slice(1, 4)).toEqual([
        'ccb,中国建设银行 China Construction Bank,2025-06-02,2025-06-08,4,0,0,,0,0,',
        'ccb,中国建设银行 China Construction Bank,2025-06-09,2025-06-15,5,1,1,100.00%,1,0,0.00%',
        'ccb,中国建设银行 China Construction Bank,2025-06-16,2025-06-18,3,0,0,,0,0,',
      ]);
      expect(lines.slice(7)).toEqual(['ALL,合计 Total,2025-06-02,2025-06-08,4,1,1,100.00%,1,1,100.00%', 'ALL,合计 Total,2025-06-09,2025-06-15,5,1,1,100.00%,2,0,0.00%', 'ALL,合计 Total,2025-06-16,2025-06-18,3,2,1,50.00%,0,0,', '']);
    }
  });

  it('answers 422 naming the fields, and 401 without a token', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['from', 'to']],
      [{ ...JUNE, bucket: 'day' }, ['bucket']],
      [{ ...JUNE, groupBy: 'firm' }, ['groupBy']],
      [{ from: '2025-06-18', to: '2025-06-02' }, ['to']],
      [{ from: '2025-01-01', to: '2026-01-02' }, ['to']],
      [{ ...JUNE, format: 'xlsx' }, ['format']],
    ];
    for (const [query, fields] of cases) {
      const res = await trend('manager', query).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    await trend(null, JUNE).expect(401);
  });

  it('counts real cases decided through the API in their day’s bucket', async () => {
    const first = shanghaiDate(new Date());
    const approved = await caseAwaitingDecision(stack.app, '厦门趋势批准测试有限公司', 'TRND2601');
    const rejected = await caseAwaitingDecision(stack.app, '厦门趋势拒贷测试有限公司', 'TRND2602');
    const decide = async (id: string, body: object) => {
      const res = await request(stack.app).post(`/api/v1/cases/${id}/decision`).set('authorization', await bearer('xib-approver')).send(body);
      expect([res.status, res.body.detail]).toEqual([200, undefined]);
    };
    await decide(approved, { outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 });
    await decide(rejected, { outcome: 'REJECTED', reasons: [{ code: 'LOW_CREDIT_RATING' }] });
    await eventually(async () => expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: approved } })).stage).toBe('DISBURSED'));
    // Across midnight in Xiamen the two days are two buckets: the range's sum is what is asserted.
    const range = { from: first, to: shanghaiDate(new Date()), groupBy: 'bank' as const, bucket: 'week' as const };
    const manager = DEV_USERS.find((u) => u.sub === 'manager')!;
    const ours = await querySlaTrend(stack.db, manager, range, { caseNo: { in: [approved, rejected] } });
    const sum = (points: TrendPoint[]) => points.reduce((s, x) => [s[0]! + x.decided, s[1]! + x.decidedInTime, s[2]! + x.disbursed, s[3]! + x.disbursedInTime], [0, 0, 0, 0]);
    expect(ours.groups.map((g) => [g.code, sum(g.points)])).toEqual([['xib', [2, 2, 1, 1]]]);
    // The API's answer for the bank's approver holds them too; another bank's staff see none of xib.
    const xib = await trend('xib-approver', { from: range.from, to: range.to, groupBy: 'bank' }).expect(200);
    const [decided, inTime] = sum(xib.body.overall);
    expect(decided).toBeGreaterThanOrEqual(2);
    expect(inTime).toBeGreaterThanOrEqual(2);
    const ccb = await trend('ccb-manager', { from: range.from, to: range.to, groupBy: 'bank' }).expect(200);
    expect(ccb.body.groups.map((g: { code: string }) => g.code)).not.toContain('xib');
  });
});
