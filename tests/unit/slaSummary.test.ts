import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { slaSummaryCsv } from '../../domain/reports/slaCsv';
import { median, summariseSla, workingDaysBetweenInstants, type ReportCase, type ReportEvent } from '../../domain/reports/slaSummary';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
// 2025-03-03 is a Monday; 2025-03-08/09 and 15/16 are weekends.
const at = (date: string, hhmm: string) => shanghaiDateTime(date, hhmm);
const ev = (type: string, date: string, hhmm: string, data: Record<string, unknown> = {}): ReportEvent => ({ type, at: at(date, hhmm), data });
const branchesDone = (date: string, hhmm: string) => ev('STAGE_CHANGED', date, hhmm, { stage: 'CREDIT_DECISION' });
const breach = (subject: string, date: string) => ev('SLA_BREACHED', date, '23:59', { subject });

function row(caseNo: string, streetCode: string, bankCode: string, stage: string, accepted: [string, string], events: ReportEvent[]): ReportCase {
  return { caseNo, streetCode, bankCode, stage, acceptedAt: at(...accepted), events };
}

const cases: ReportCase[] = [
  // A: branches in 6 h (0.25), decided a working day later (1.0), paid 6 h after (0.25).
  row('A', 'lujiang', 'xib', 'DISBURSED', ['2025-03-03', '10:00'], [
    branchesDone('2025-03-03', '16:00'),
    ev('APPROVED', '2025-03-04', '16:00'),
    ev('DISBURSED', '2025-03-04', '22:00'),
  ]),
  // B: Friday acceptance, due diligence late over the weekend: 14 h + 9 h = 23/24; decided 3 h later.
  row('B', 'lujiang', 'ccb', 'DISBURSED', ['2025-03-07', '10:00'], [
    breach('DUE_DILIGENCE', '2025-03-07'),
    branchesDone('2025-03-10', '09:00'),
    ev('APPROVED', '2025-03-10', '12:00'),
    ev('DISBURSED', '2025-03-10', '12:00'),
  ]),
  // C: branches in 4 h (1/6), rejected three working days after acceptance (3 - 1/6).
  row('C', 'kaiyuan', 'xib', 'REJECTED', ['2025-03-03', '10:00'], [branchesDone('2025-03-03', '14:00'), ev('REJECTED', '2025-03-06', '10:00')]),
  // D: still waiting for a decision after its promise passed.
  row('D', 'lujiang', 'xib', 'CREDIT_DECISION', ['2025-03-04', '10:00'], [branchesDone('2025-03-06', '10:00'), breach('PROMISE', '2025-03-11')]),
  // E: decided on the promise's last day, paid after it: the promise was broken. It had waited
  // two working days for the firm's materials (not counted against the promise).
  row('E', 'kaiyuan', 'ccb', 'DISBURSED', ['2025-03-10', '10:00'], [
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
      disbursed: 3,
      closed: 4,
      breachedCases: 3,
      breaches: 3,
      onTimeRate: 0.5, // A and C closed without any breach, of A, B, C, E
      promiseKeptRate: 0.75, // only E broke the promise
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
      disbursed: 2,
      closed: 2,
      breachedCases: 2,
      breaches: 2,
      onTimeRate: 0.5,
      promiseKeptRate: 1,
      pausedWorkingDays: 0,
      medianWorkingDays: { parallelReview: 0.958, creditDecision: 0.563, contractingDisbursing: 0.125, acceptanceToDecision: 1.167 },
    });
    expect(groups[0]).toMatchObject({
      opened: 2,
      closed: 2,
      onTimeRate: 0.5,
      promiseKeptRate: 0.5,
      pausedWorkingDays: 2,
      medianWorkingDays: { parallelReview: 0.583, creditDecision: 3.417, contractingDisbursing: 1, acceptanceToDecision: 4 },
    });
  });

  it('groups by bank', () => {
    const { groups } = summariseSla(cases, calendar, 'bank');
    expect(groups.map((g) => [g.code, g.opened, g.breaches])).toEqual([
      ['ccb', 2, 2],
      ['xib', 3, 1],
    ]);
  });

  it('gives null rates and medians when nothing closed or reached a stage', () => {
    const open = row('F', 'lujiang', 'xib', 'PARALLEL_REVIEW', ['2025-03-03', '10:00'], []);
    const withdrawn = row('G', 'lujiang', 'xib', 'WITHDRAWN', ['2025-03-03', '10:00'], [ev('WITHDRAWN', '2025-03-04', '10:00')]);
    const { overall } = summariseSla([open, withdrawn], calendar, 'bank');
    expect(overall).toMatchObject({ opened: 2, decided: 0, closed: 0, onTimeRate: null, promiseKeptRate: null });
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
    expect(lines[2]).toBe('lujiang,鹭江街道 Lujiang Street,3,2,2,2,2,2,50.00%,100.00%,0,0.958,0.563,0.125,1.167');
    expect(lines[3]).toBe('ALL,合计 Total,5,4,3,4,3,3,50.00%,75.00%,2,0.958,1.917,0.25,2.125');
  });
});
