import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { outcomeFigures, type OutcomeEvent } from '../../domain/cadence/ranking';
import { shanghaiDateTime, shanghaiEndOfDay } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { OUTCOME_EVENT_TYPES, type OutcomeType } from '../../domain/reports/promiseKept';
import { slaSummaryCsv } from '../../domain/reports/slaCsv';
import { median, summariseSla, workingDaysBetweenInstants, type ReportCase, type ReportEvent } from '../../domain/reports/slaSummary';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
// 2025-03-03 is a Monday; 2025-03-08/09 and 15/16 are weekends.
const at = (date: string, hhmm: string) => shanghaiDateTime(date, hhmm);
const ev = (type: string, date: string, hhmm: string, data: Record<string, unknown> = {}): ReportEvent => ({ type, at: at(date, hhmm), data });
const branchesDone = (date: string, hhmm: string) => ev('STAGE_CHANGED', date, hhmm, { stage: 'CREDIT_DECISION' });
const breach = (subject: string, date: string) => ev('SLA_BREACHED', date, '23:59', { subject });

/** `due`: the promise's last day (24:00), five working days after acceptance unless a pause moved it. */
function row(caseNo: string, streetCode: string, bankCode: string, stage: string, accepted: [string, string], due: string, events: ReportEvent[]): ReportCase {
  return { caseNo, streetCode, bankCode, stage, acceptedAt: at(...accepted), dueAt: shanghaiEndOfDay(due), events };
}

const cases: ReportCase[] = [
  // A: branches in 6 h (0.25), decided a working day later (1.0), paid 6 h after (0.25).
  row('A', 'lujiang', 'xib', 'DISBURSED', ['2025-03-03', '10:00'], '2025-03-10', [
    branchesDone('2025-03-03', '16:00'),
    ev('APPROVED', '2025-03-04', '16:00'),
    ev('DISBURSED', '2025-03-04', '22:00'),
  ]),
  // B: Friday acceptance, due diligence late over the weekend: 14 h + 9 h = 23/24; decided 3 h later.
  row('B', 'lujiang', 'ccb', 'DISBURSED', ['2025-03-07', '10:00'], '2025-03-14', [
    breach('DUE_DILIGENCE', '2025-03-07'),
    branchesDone('2025-03-10', '09:00'),
    ev('APPROVED', '2025-03-10', '12:00'),
    ev('DISBURSED', '2025-03-10', '12:00'),
  ]),
  // C: branches in 4 h (1/6), rejected three working days after acceptance (3 - 1/6): decided in
  // time, but no money, so no kept promise.
  row('C', 'kaiyuan', 'xib', 'REJECTED', ['2025-03-03', '10:00'], '2025-03-10', [branchesDone('2025-03-03', '14:00'), ev('REJECTED', '2025-03-06', '10:00')]),
  // D: still waiting for a decision after its promise passed.
  row('D', 'lujiang', 'xib', 'CREDIT_DECISION', ['2025-03-04', '10:00'], '2025-03-11', [branchesDone('2025-03-06', '10:00'), breach('PROMISE', '2025-03-11')]),
  // E: decided on the promise's last day, paid after it: the promise was broken. It had waited
  // two working days for the firm's materials (not counted against the promise).
  row('E', 'kaiyuan', 'ccb', 'DISBURSED', ['2025-03-10', '10:00'], '2025-03-17', [
    ev('SLA_RESUMED', '2025-03-12', '10:00', { pausedWorkingDays: 2 }),
    branchesDone('2025-03-11', '10:00'),
    ev('APPROVED', '2025-03-17', '10:00'),
    breach('PROMISE', '2025-03-17'),
    ev('DISBURSED', '2025-03-18', '10:00'),
  ]),
];

describe('workingDaysBetweenInstants', () => {
  it('counts working time only, a working day as a whole day', () => {
    expect(workingDaysBetweenInstants(calendar, at('2025-03-03', '10:00'), at('2025-03-03', '16:00'))).toBe(0.25);
    expect(workingDaysBetweenInstants(calendar, at('2025-03-07', '10:00'), at('2025-03-10', '10:00'))).toBe(1);
    // Labour Day 2025: 1-5 May off, so 30 April to 6 May is one working day.
    expect(workingDaysBetweenInstants(calendar, at('2025-04-30', '10:00'), at('2025-05-06', '10:00'))).toBe(1);
    // Sunday 27 April 2025 was a make-up working day.
    expect(workingDaysBetweenInstants(calendar, at('2025-04-25', '12:00'), at('2025-04-28', '12:00'))).toBe(2);
  });
});

describe('median', () => {
  it('takes the middle value or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('summariseSla', () => {
  it('computes the district figures', () => {
    const { overall } = summariseSla(cases, calendar, 'street');
    expect(overall).toEqual({
      opened: 5,
      decided: 4,
      approved: 3,
      rejected: 1,
      decidedInTime: 4,
      disbursed: 3,
      disbursedInTime: 2,
      decidedInTimeRate: 1,
      promiseKeptRate: 0.6667, // A and B paid in time, E after its due; C's rejection is no kept promise
      closed: 4,
      breachedCases: 3,
      breaches: 3,
      onTimeRate: 0.5, // A and C closed without any breach, of A, B, C, E
      pausedWorkingDays: 2,
      medianWorkingDays: {
        parallelReview: 0.958, // 1/6, 0.25, 23/24, 1, 2
        creditDecision: 1.917, // 0.125, 1, 17/6, 4
        contractingDisbursing: 0.25, // 0, 0.25, 1
        acceptanceToDecision: 2.125, // 13/12, 1.25, 3, 5
      },
    });
  });

  it('groups by street, ordered by code', () => {
    const { groups } = summariseSla(cases, calendar, 'street');
    expect(groups.map((g) => g.code)).toEqual(['kaiyuan', 'lujiang']);
    expect(groups[1]).toEqual({
      code: 'lujiang',
      opened: 3,
      decided: 2,
      approved: 2,
      rejected: 0,
      decidedInTime: 2,
      disbursed: 2,
      disbursedInTime: 2,
      decidedInTimeRate: 1,
      promiseKeptRate: 1,
      closed: 2,
      breachedCases: 2,
      breaches: 2,
      onTimeRate: 0.5,
      pausedWorkingDays: 0,
      medianWorkingDays: { parallelReview: 0.958, creditDecision: 0.563, contractingDisbursing: 0.125, acceptanceToDecision: 1.167 },
    });
    expect(groups[0]).toMatchObject({
      opened: 2,
      decided: 2,
      rejected: 1,
      decidedInTimeRate: 1,
      closed: 2,
      onTimeRate: 0.5,
      promiseKeptRate: 0, // E, its only payment, was late; C's rejection does not count
      pausedWorkingDays: 2,
      medianWorkingDays: { parallelReview: 0.583, creditDecision: 3.417, contractingDisbursing: 1, acceptanceToDecision: 4 },
    });
  });

  it('counts the working days of a pause a withdrawal ended, beside those of a resumed one; a withdrawal without a pause adds none', () => {
    const withdrawnWhilePaused = row('W1', 'lujiang', 'xib', 'WITHDRAWN', ['2025-03-03', '10:00'], '2025-03-10', [
      ev('SLA_RESUMED', '2025-03-04', '10:00', { pausedWorkingDays: 1 }),
      ev('WITHDRAWN', '2025-03-12', '10:00', { reason: '企业放弃', pauseEnded: { kind: 'GRID_SUBMISSION', pausedWorkingDays: 3 } }),
    ]);
    const withdrawn = row('W2', 'lujiang', 'xib', 'WITHDRAWN', ['2025-03-03', '10:00'], '2025-03-10', [ev('WITHDRAWN', '2025-03-05', '10:00', { reason: '企业放弃' })]);
    const { overall, groups } = summariseSla([withdrawnWhilePaused, withdrawn], calendar, 'street');
    expect(overall.pausedWorkingDays).toBe(4);
    expect(groups[0]!.pausedWorkingDays).toBe(4);
  });

  it('counts a rejection as a decision, in time or not, and never as a kept promise', () => {
    const prompt = row('R1', 'lujiang', 'xib', 'REJECTED', ['2025-03-03', '10:00'], '2025-03-10', [ev('REJECTED', '2025-03-04', '10:00')]);
    const late = row('R2', 'lujiang', 'xib', 'REJECTED', ['2025-03-03', '10:00'], '2025-03-10', [ev('REJECTED', '2025-03-11', '10:00')]);
    expect(summariseSla([prompt], calendar, 'street').overall).toMatchObject({ decided: 1, rejected: 1, decidedInTimeRate: 1, disbursed: 0, promiseKeptRate: null, closed: 1, onTimeRate: 1 });
    expect(summariseSla([prompt, late], calendar, 'street').overall).toMatchObject({ decided: 2, decidedInTime: 1, decidedInTimeRate: 0.5, promiseKeptRate: null });
    // Beside a case paid in time, the rejections leave the promise kept at 100%, not diluted or inflated.
    const paid = row('P', 'lujiang', 'xib', 'DISBURSED', ['2025-03-03', '10:00'], '2025-03-10', [ev('APPROVED', '2025-03-05', '10:00'), ev('DISBURSED', '2025-03-06', '10:00')]);
    expect(summariseSla([prompt, late, paid], calendar, 'street').overall).toMatchObject({ decided: 3, decidedInTimeRate: 0.6667, disbursed: 1, promiseKeptRate: 1 });
  });

  it('reads decisions in time and the promise kept as the cadence board does', () => {
    const { overall } = summariseSla(cases, calendar, 'street');
    const outcomes = cases.flatMap((c) =>
      c.events.filter((e) => (OUTCOME_EVENT_TYPES as readonly string[]).includes(e.type)).map((e): OutcomeEvent => ({ type: e.type as OutcomeType, at: e.at, dueAt: c.dueAt, streetCode: c.streetCode, bankCode: c.bankCode, amountFen: 0 })),
    );
    const board = outcomeFigures(outcomes, []);
    for (const k of ['decided', 'approved', 'rejected', 'decidedInTime', 'disbursed', 'disbursedInTime', 'decidedInTimeRate', 'promiseKeptRate'] as const) expect([k, overall[k]]).toEqual([k, board[k]]);
  });

  it('groups by bank', () => {
    const { groups } = summariseSla(cases, calendar, 'bank');
    expect(groups.map((g) => [g.code, g.opened, g.breaches])).toEqual([
      ['ccb', 2, 2],
      ['xib', 3, 1],
    ]);
  });

  it('gives null rates and medians when nothing closed or reached a stage', () => {
    const open = row('F', 'lujiang', 'xib', 'PARALLEL_REVIEW', ['2025-03-03', '10:00'], '2025-03-10', []);
    const withdrawn = row('G', 'lujiang', 'xib', 'WITHDRAWN', ['2025-03-03', '10:00'], '2025-03-10', [ev('WITHDRAWN', '2025-03-04', '10:00')]);
    const { overall } = summariseSla([open, withdrawn], calendar, 'bank');
    expect(overall).toMatchObject({ opened: 2, decided: 0, closed: 0, onTimeRate: null, decidedInTimeRate: null, promiseKeptRate: null });
    expect(Object.values(overall.medianWorkingDays)).toEqual([null, null, null, null]);
    expect(summariseSla([], calendar, 'street')).toEqual({ overall: expect.objectContaining({ opened: 0 }), groups: [] });
  });
});

describe('slaSummaryCsv', () => {
  it('writes a BOM, a bilingual header, a row per group and the total', () => {
    const { overall, groups } = summariseSla(cases, calendar, 'street');
    const names: Record<string, [string, string]> = { lujiang: ['鹭江街道', 'Lujiang Street'], kaiyuan: ['开元街道', 'Kaiyuan Street'] };
    const csv = slaSummaryCsv(groups.map((g) => ({ ...g, nameZh: names[g.code]![0], nameEn: names[g.code]![1] })), overall);
    expect(csv.startsWith('\uFEFF代码 Code,名称 Name,受理 Opened,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(',已决定 Decided,批准 Approved,拒贷 Rejected,按时决定率 Decided in time,已放款 Disbursed,承诺兑现率（按时放款） Promise kept (disbursed in time),');
    expect(lines[2]).toBe('lujiang,鹭江街道 Lujiang Street,3,2,2,0,100.00%,2,100.00%,2,2,2,50.00%,0,0.958,0.563,0.125,1.167');
    expect(lines[3]).toBe('ALL,合计 Total,5,4,3,1,100.00%,3,66.67%,4,3,3,50.00%,2,0.958,1.917,0.25,2.125');
  });
});
