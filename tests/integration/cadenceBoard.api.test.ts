// The weekly pack's board as a manager reads it through the real API: streets and banks ranked on
// what reached an outcome in the week (money in time keeps the promise; a rejection is a
// decision), every street listed, amounts in 元 to the fen, and the week before for comparison.
// Outcomes take days to happen, so this file writes finished cases' projections directly (fixed
// case numbers in February and March 2025, which no other test uses), as sla.api.test.ts does;
// the report itself is published by the real workflow and activity.
import request from 'supertest';
import { shanghaiDateTime, shanghaiEndOfDay } from '../../domain/calendar/timeZone';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

jest.setTimeout(60_000);
const stack = useStack();
const at = (date: string, hhmm = '10:00') => shanghaiDateTime(date, hhmm);

interface Fixture {
  caseNo: string;
  street: string;
  bank: string;
  amountFen: bigint;
  acceptedOn: string;
  dueOn: string;
  stage: string;
  events: [type: string, on: string, data?: object][];
}

// The week 2025-03-03..09, and the week before it.
const FIXTURES: Fixture[] = [
  // 滨海: rejected in time this week; paid in time the week before.
  { caseNo: 'GL-2025-980001', street: 'binhai', bank: 'xib', amountFen: 100_000_000n, acceptedOn: '2025-03-03', dueOn: '2025-03-10', stage: 'REJECTED', events: [['REJECTED', '2025-03-05']] },
  { caseNo: 'GL-2025-980002', street: 'binhai', bank: 'xib', amountFen: 80_000_000n, acceptedOn: '2025-02-24', dueOn: '2025-03-03', stage: 'DISBURSED', events: [['APPROVED', '2025-02-26', { amountFen: 80_000_000 }], ['DISBURSED', '2025-02-27', { amountFen: 80_000_000 }]] },
  // 中华: 5140000.50 元 asked, granted and paid in time.
  { caseNo: 'GL-2025-980003', street: 'zhonghua', bank: 'ccb', amountFen: 514_000_050n, acceptedOn: '2025-03-03', dueOn: '2025-03-10', stage: 'DISBURSED', events: [['APPROVED', '2025-03-05', { amountFen: 514_000_050 }], ['DISBURSED', '2025-03-06', { amountFen: 514_000_050 }]] },
  // 厦港: accepted the week before, decided and paid after its due.
  { caseNo: 'GL-2025-980004', street: 'xiagang', bank: 'ccb', amountFen: 200_000_000n, acceptedOn: '2025-02-24', dueOn: '2025-03-03', stage: 'DISBURSED', events: [['APPROVED', '2025-03-04', { amountFen: 150_000_000 }], ['DISBURSED', '2025-03-04', { amountFen: 150_000_000 }]] },
  // 鼓浪屿: accepted the week before and still open, so the district has an oldest open case.
  { caseNo: 'GL-2025-980005', street: 'gulangyu', bank: 'xib', amountFen: 50_000_000n, acceptedOn: '2025-02-24', dueOn: '2025-03-03', stage: 'PARALLEL_REVIEW', events: [] },
];

beforeAll(async () => {
  const db = stack.db;
  await db.loanCase.createMany({
    data: FIXTURES.map((f) => ({
      caseNo: f.caseNo,
      workflowId: `case-${f.caseNo}`,
      product: 'FAST_TRACK',
      firmName: '厦门晾晒测试有限公司',
      creditCode: validSimingCode('BRD25001'),
      streetCode: f.street,
      bankCode: f.bank,
      amountFen: f.amountFen,
      purpose: 'board fixture',
      stage: f.stage,
      slaState: f.stage === 'PARALLEL_REVIEW' ? 'BREACHED' : 'MET',
      acceptedAt: at(f.acceptedOn),
      dueAt: shanghaiEndOfDay(f.dueOn),
      createdBy: 'binhai-officer',
    })),
    skipDuplicates: true,
  });
  await db.caseEvent.createMany({
    data: FIXTURES.flatMap((f) => [
      { caseNo: f.caseNo, eventKey: 'accepted', type: 'ACCEPTED', actor: 'binhai-officer', at: at(f.acceptedOn), data: {} },
      ...f.events.map(([type, on, data]) => ({ caseNo: f.caseNo, eventKey: type.toLowerCase(), type, actor: 'system', at: at(on, '15:00'), data: data ?? {} })),
    ]),
    skipDuplicates: true,
  });
  const run = await request(stack.app).post('/api/v1/reports/weekly/runs').set('authorization', await bearer('operator')).send({ date: '2025-03-10' });
  expect(run.status).toBe(201);
});

test('the weekly pack ranks on outcomes: money in time keeps the promise, a rejection is a decision, every street is listed', async () => {
  const manager = await bearer('manager');
  const { body: r } = await request(stack.app).get('/api/v1/reports/weekly-2025-03-10').set('authorization', manager).expect(200);
  expect(r).toMatchObject({ title: { zh: '周例会材料', en: 'Weekly meeting pack' }, period: { from: '2025-03-03', to: '2025-03-09' }, previousPeriod: { from: '2025-02-24', to: '2025-03-02' } });

  // Generated today for an earlier week: the cases open now are counted open up to the day it was
  // generated, so the oldest (this file's, or one older still) has been open over 400 working days.
  expect(r.board.overall.open.oldest.workingDaysOpen).toBeGreaterThan(400);

  const street = (code: string) => r.board.byStreet.find((g: { code: string }) => g.code === code);
  expect(r.board.byStreet.map((g: { code: string }) => g.code).sort()).toEqual(['binhai', 'gulangyu', 'jialian', 'kaiyuan', 'lianqian', 'lujiang', 'wucun', 'xiagang', 'yundang', 'zhonghua']);
  expect(street('zhonghua')).toMatchObject({
    rank: 1,
    decided: 1,
    approved: 1,
    disbursed: 1,
    promiseKeptRate: 1,
    amounts: { applied: '5140000.50', granted: '5140000.50', disbursed: '5140000.50' },
    previous: { rank: null, disbursed: 0 },
  });
  expect(street('xiagang')).toMatchObject({ rank: 2, decidedInTimeRate: 0, promiseKeptRate: 0, amounts: { applied: '0.00', granted: '1500000.00', disbursed: '1500000.00' } });
  // Rejected within the promise: a decision in time, and no kept promise.
  expect(street('binhai')).toMatchObject({ rank: 3, decided: 1, rejected: 1, decidedInTime: 1, decidedInTimeRate: 1, disbursed: 0, promiseKeptRate: null, amounts: { applied: '1000000.00', granted: '0.00' } });
  // Compared with the week before, when it paid in time.
  expect(street('binhai').previous).toMatchObject({ rank: 1, disbursed: 1, promiseKeptRate: 1, amounts: { disbursed: '800000.00' } });
  // A street with nothing this week is on the board, unranked, with zeros.
  expect(street('gulangyu')).toMatchObject({ rank: null, decided: 0, disbursed: 0, amounts: { applied: '0.00', granted: '0.00', disbursed: '0.00' } });
  expect(street('gulangyu').open).toEqual(expect.objectContaining({ bySlaState: expect.objectContaining({ AT_RISK: expect.any(Number), BREACHED: expect.any(Number) }) }));

  const bank = (code: string) => r.board.byBank.find((g: { code: string }) => g.code === code);
  expect(bank('ccb')).toMatchObject({ disbursed: 2, disbursedInTime: 1, promiseKeptRate: 0.5, amounts: { disbursed: '6640000.50' } });
  expect(bank('xib')).toMatchObject({ decided: 1, rejected: 1, promiseKeptRate: null, previous: { disbursed: 1, promiseKeptRate: 1 } });
  expect(r.board.overall).toMatchObject({ decided: 3, disbursed: 2, promiseKeptRate: 0.5, previous: { disbursed: 1, amounts: { disbursed: '800000.00' } } });

  const list = await request(stack.app).get('/api/v1/reports?kind=WEEKLY&limit=100').set('authorization', manager).expect(200);
  expect(list.body.items.find((i: { id: string }) => i.id === 'weekly-2025-03-10')).toMatchObject({ promiseKeptRate: 0.5, decidedInTimeRate: 0.6667 });
});

test('its CSV carries the same board with amounts and the previous week', async () => {
  const csv = await request(stack.app).get('/api/v1/reports/weekly-2025-03-10?format=csv').set('authorization', await bearer('manager')).expect(200);
  const lines = csv.text.split('\r\n');
  expect(lines).toContain('对比上期 Compared with,2025-02-24,2025-03-02');
  expect(lines.find((l) => l.startsWith('1,zhonghua,'))).toMatch(/^1,zhonghua,中华街道 Zhonghua Street,1,1,1,0,100\.00%,1,100\.00%,5140000\.50,5140000\.50,5140000\.50,/);
  expect(lines.find((l) => l.startsWith('3,binhai,'))).toMatch(/,0,,1000000\.00,0\.00,0\.00,.*,1,100\.00%,1,800000\.00$/);
  expect(lines.some((l) => l.startsWith(',gulangyu,鼓浪屿街道 Gulangyu Street,0,0,0,0,,0,,0.00,0.00,0.00,'))).toBe(true);
});

test('the list of weekly packs as CSV gives each week its activity and rates, the lines the console charts', async () => {
  const csv = await request(stack.app).get('/api/v1/reports?kind=WEEKLY&limit=100&format=csv').set('authorization', await bearer('task-force')).expect(200);
  expect(csv.headers['content-disposition']).toBe('attachment; filename="reports-weekly.csv"');
  const lines = csv.text.split('\r\n');
  expect(lines[0]).toBe('\uFEFF报告 Report,起 From,止 To,受理 Opened,已决定 Decided,已放款 Disbursed,超时案件 Breached cases,按时决定率 Decided in time,承诺兑现率（按时放款） Promise kept (disbursed in time),暂定 Provisional');
  expect(lines.find((l) => l.startsWith('weekly-2025-03-10,'))).toMatch(/^weekly-2025-03-10,2025-03-03,2025-03-09,\d+,3,2,\d+,66\.67%,50\.00%,$/);
  expect(lines.slice(1, -1).every((l) => l.startsWith('weekly-'))).toBe(true);
});
