// The cadence board's ranking rules (domain/cadence/ranking.ts) and the report's spreadsheet.
import { previousPeriod } from '../../../domain/cadence/decision';
import { buildBoard, outcomeFigures, rankBoard, type OutcomeEvent } from '../../../domain/cadence/ranking';
import { cadenceReportCsv, type CadenceReportContent } from '../../../domain/cadence/report';
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { shanghaiDateTime, shanghaiEndOfDay } from '../../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';
import { funnel } from '../../../domain/survey/funnel';

const at = (date: string, hhmm = '10:00') => shanghaiDateTime(date, hhmm);
const DUE = shanghaiEndOfDay('2025-03-11');
const event = (type: OutcomeEvent['type'], streetCode: string, when: Date, amountFen = 0, bankCode = 'xib'): OutcomeEvent => ({ type, streetCode, bankCode, at: when, dueAt: DUE, amountFen });
const STREETS = ['binhai', 'lujiang', 'zhonghua', 'gulangyu'].map((code) => ({ code, nameZh: `${code}街道`, nameEn: code }));
const BANKS = [{ code: 'xib', nameZh: '厦门国际银行', nameEn: 'XIB' }, { code: 'ccb', nameZh: '建设银行', nameEn: 'CCB' }];
const noOpen = { open: [], workingDaysOpen: () => 0 };

describe('outcome figures', () => {
  test('a rejection in time is a decision in time, never a kept promise', () => {
    const f = outcomeFigures([event('REJECTED', 'lujiang', at('2025-03-05'))], []);
    expect(f).toMatchObject({ decided: 1, rejected: 1, approved: 0, decidedInTime: 1, decidedInTimeRate: 1, disbursed: 0, promiseKeptRate: null });
  });

  test('the promise is kept by money in time; a payment after the due breaks it, even after a decision in time', () => {
    const late = at('2025-03-12', '09:00');
    const f = outcomeFigures(
      [event('APPROVED', 'lujiang', at('2025-03-05'), 100_000_000), event('DISBURSED', 'lujiang', at('2025-03-06'), 100_000_000), event('APPROVED', 'lujiang', at('2025-03-10'), 50_000_000), event('DISBURSED', 'lujiang', late, 50_000_000)],
      [],
    );
    expect(f).toMatchObject({ decided: 2, decidedInTimeRate: 1, disbursed: 2, disbursedInTime: 1, promiseKeptRate: 0.5 });
  });

  test('amounts applied for, granted and disbursed are exact to the fen', () => {
    const f = outcomeFigures([event('APPROVED', 'lujiang', at('2025-03-05'), 514_000_050), event('DISBURSED', 'lujiang', at('2025-03-06'), 514_000_051)], [
      { streetCode: 'lujiang', bankCode: 'xib', amountFen: 514_000_050 },
      { streetCode: 'lujiang', bankCode: 'xib', amountFen: 1 },
    ]);
    expect(f.amounts).toEqual({ applied: '5140000.51', granted: '5140000.50', disbursed: '5140000.51' });
    expect(f.opened).toBe(2);
  });
});

describe('ranking', () => {
  const figures = (code: string, outcomes: OutcomeEvent[]) => ({ code, nameZh: code, nameEn: code, ...outcomeFigures(outcomes, []) });

  test('money in time first; a street that only rejected ranks below one that paid, however fast it rejected', () => {
    const ranked = rankBoard([
      figures('a-rejects', [event('REJECTED', 'a', at('2025-03-04'))]),
      figures('b-pays', [event('DISBURSED', 'b', at('2025-03-06'), 1)]),
      figures('c-late', [event('DISBURSED', 'c', at('2025-03-12'), 1)]),
      figures('d-none', []),
    ]);
    expect(ranked.map((g) => [g.rank, g.code])).toEqual([
      [1, 'b-pays'],
      [2, 'c-late'],
      [3, 'a-rejects'],
      [null, 'd-none'],
    ]);
  });

  test('ties go to decisions in time, then more payments, then the code', () => {
    const ranked = rankBoard([
      figures('z', [event('DISBURSED', 'z', at('2025-03-06'), 1)]),
      figures('y', [event('DISBURSED', 'y', at('2025-03-06'), 1), event('DISBURSED', 'y', at('2025-03-06'), 1)]),
      figures('x', [event('DISBURSED', 'x', at('2025-03-06'), 1), event('APPROVED', 'x', at('2025-03-12'), 1)]),
      figures('w', [event('DISBURSED', 'w', at('2025-03-06'), 1)]),
    ]);
    expect(ranked.map((g) => g.code)).toEqual(['y', 'w', 'z', 'x']);
  });

  test('every street and bank is on the board, zero included, with what is open now', () => {
    const board = buildBoard({
      outcomes: [event('DISBURSED', 'lujiang', at('2025-03-06'), 100)],
      intake: [],
      open: [
        { caseNo: 'GL-2025-000002', firmName: '新', streetCode: 'binhai', bankCode: 'ccb', slaState: 'AT_RISK', acceptedAt: at('2025-03-07') },
        { caseNo: 'GL-2025-000001', firmName: '旧', streetCode: 'binhai', bankCode: 'ccb', slaState: 'BREACHED', acceptedAt: at('2025-03-03') },
        { caseNo: 'GL-2025-000003', firmName: '中', streetCode: 'zhonghua', bankCode: 'xib', slaState: 'ON_TRACK', acceptedAt: at('2025-03-05') },
        { caseNo: 'GL-2025-000004', firmName: '等', streetCode: 'binhai', bankCode: 'ccb', slaState: 'PAUSED', acceptedAt: at('2025-03-06') },
      ],
      streets: STREETS,
      banks: BANKS,
      workingDaysOpen: (acceptedAt) => (acceptedAt.getTime() === at('2025-03-03').getTime() ? 5 : 1),
    });
    expect(board.byStreet.map((g) => [g.code, g.rank])).toEqual([['lujiang', 1], ['binhai', null], ['gulangyu', null], ['zhonghua', null]]);
    expect(board.byStreet.find((g) => g.code === 'gulangyu')).toMatchObject({ decided: 0, disbursed: 0, amounts: { disbursed: '0.00' }, open: { open: 0, oldest: null } });
    expect(board.byStreet.find((g) => g.code === 'binhai')!.open).toEqual({
      open: 3,
      bySlaState: { AT_RISK: 1, BREACHED: 1, PAUSED: 1 },
      oldest: { caseId: 'GL-2025-000001', firmName: '旧', acceptedAt: at('2025-03-03').toISOString(), workingDaysOpen: 5 },
    });
    expect(board.byBank.map((g) => g.code)).toEqual(['xib', 'ccb']);
    expect(board.overall.open.open).toBe(4);
    expect(board.overall.previous).toBeNull();
    expect(board.byStreet.every((g) => g.previous === null)).toBe(true);
  });

  test('with the previous period, each group carries its rank and figures then', () => {
    const board = buildBoard(
      { outcomes: [event('DISBURSED', 'lujiang', at('2025-03-06'), 100)], intake: [], streets: STREETS, banks: BANKS, ...noOpen },
      { outcomes: [event('DISBURSED', 'binhai', at('2025-02-26'), 300), event('DISBURSED', 'lujiang', at('2025-02-27', '10:00'), 200)].map((e) => ({ ...e, dueAt: shanghaiEndOfDay('2025-02-26') })), intake: [] },
    );
    expect(board.byStreet.find((g) => g.code === 'lujiang')!.previous).toMatchObject({ rank: 2, disbursed: 1, promiseKeptRate: 0, amounts: { disbursed: '2.00' } });
    expect(board.byStreet.find((g) => g.code === 'binhai')).toMatchObject({ rank: null, previous: { rank: 1, promiseKeptRate: 1 } });
    expect(board.overall.previous).toMatchObject({ disbursed: 2, amounts: { disbursed: '5.00' } });
  });
});

test('weekly reports compare with as many weeks just before, monthly with the previous month, the daily board with nothing', () => {
  expect(previousPeriod('WEEKLY', { from: '2025-03-03', to: '2025-03-09' })).toEqual({ from: '2025-02-24', to: '2025-03-02' });
  expect(previousPeriod('WEEKLY', { from: '2026-02-09', to: '2026-02-22' })).toEqual({ from: '2026-01-26', to: '2026-02-08' });
  expect(previousPeriod('MONTHLY', { from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  expect(previousPeriod('DAILY', { from: '2025-03-10', to: '2025-03-10' })).toBeNull();
});

test('CSV: BOM, bilingual sections, the board with amounts and the previous period, the owners of cases at risk, batches, the survey funnel', () => {
  // One visit in 鹭江 that found a need, not yet a lead.
  const visits = [{ visitedAt: at('2025-03-04'), buildingCode: 'b1', firmId: 'f1', street: 'lujiang', community: 'c1', team: 't1', bank: null, event: null, needFound: true, lead: null }];
  const surveyed = funnel(visits, new WorkingCalendar(OFFICIAL_NOTICES), 'street');
  const board = buildBoard(
    { outcomes: [event('DISBURSED', 'lujiang', at('2025-03-06'), 514_000_050)], intake: [{ streetCode: 'lujiang', bankCode: 'xib', amountFen: 514_000_050 }], streets: STREETS.slice(0, 2), banks: BANKS, ...noOpen },
    { outcomes: [], intake: [] },
  );
  const content: CadenceReportContent = {
    id: 'weekly-2025-03-10',
    kind: 'WEEKLY',
    title: { zh: '周例会材料', en: 'Weekly meeting pack' },
    businessDate: '2025-03-10',
    period: { from: '2025-03-03', to: '2025-03-09' },
    previousPeriod: { from: '2025-02-24', to: '2025-03-02' },
    scheduledFor: '2025-03-10T01:00:00.000Z',
    generatedAt: '2025-03-10T01:00:02.000Z',
    provisional: false,
    activity: { opened: 1, decided: 0, disbursed: 1, breached: 0 },
    board,
    atRisk: [
      {
        caseId: 'GL-2025-000007',
        firmName: '=HYPERLINK("x")',
        street: { code: 'lujiang', nameZh: '鹭江街道', nameEn: 'Lujiang' },
        bank: { code: 'xib', nameZh: '厦门国际银行', nameEn: 'XIB' },
        stage: 'PARALLEL_REVIEW',
        slaState: 'BREACHED',
        dueAt: '2025-03-10T16:00:00.000Z',
        owners: [{ subject: 'DUE_DILIGENCE', assignee: 'assessor@default', slaState: 'BREACHED', dueAt: '2025-03-10T16:00:00.000Z' }],
      },
    ],
    batches: [],
    funnel: { overall: surveyed.overall, byStreet: surveyed.groups.map((g) => ({ ...g, nameZh: '鹭江街道', nameEn: 'Lujiang' })) },
  };
  const lines = cadenceReportCsv(content).split('\r\n');
  expect(lines[0]).toBe('\uFEFF周例会材料 Weekly meeting pack,2025-03-10');
  expect(lines[2]).toBe('对比上期 Compared with,2025-02-24,2025-03-02');
  expect(lines).toContain('1,lujiang,lujiang街道 lujiang,1,0,0,0,,1,100.00%,5140000.50,0.00,5140000.50,0,0,0,0,,,,,0,0.00');
  expect(lines).toContain(',binhai,binhai街道 binhai,0,0,0,0,,0,,0.00,0.00,0.00,0,0,0,0,,,,,0,0.00');
  expect(lines.find((l) => l.startsWith('排名 Rank'))).toContain('承诺兑现率（按时放款） Promise kept (disbursed in time)');
  // A firm's name a spreadsheet would run is shown as text.
  expect(lines).toContain(`GL-2025-000007,"'=HYPERLINK(""x"")",鹭江街道,厦门国际银行,PARALLEL_REVIEW,BREACHED,2025-03-10T16:00:00.000Z,assessor@default (DUE_DILIGENCE)`);
  expect(lines).toContain('联合会诊批次进度 Joint consultation batches');
  const funnelAt = lines.indexOf('摸排漏斗（按街道） Survey funnel by street');
  expect(lines[funnelAt + 1]).toMatch(/^代码 Code,名称 Name,走访楼宇 Buildings walked,/);
  expect(lines[funnelAt + 2]).toMatch(/^lujiang,鹭江街道 Lujiang,1,1,1,100\.00%,0,0\.00%,0,,/);
  expect(lines[funnelAt + 3]).toMatch(/^ALL,合计 Total,1,1,1,/);
  // A report stored before the funnel joined the reports has no such section.
  expect(cadenceReportCsv({ ...content, funnel: null })).not.toContain('摸排漏斗');
});
