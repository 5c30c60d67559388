import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';
import type { YearArrangement } from '../../../domain/calendar/types';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('dayInfo', () => {
  it('classifies ordinary days in a notice year', () => {
    expect(calendar.dayInfo('2025-03-12')).toEqual({ date: '2025-03-12', kind: 'WORKING', source: 'WEEKDAY', provisional: false });
    expect(calendar.dayInfo('2025-03-15')).toEqual({ date: '2025-03-15', kind: 'REST', source: 'WEEKEND', provisional: false });
  });

  it('uses statutory holidays and marks days provisional in a year without a notice', () => {
    expect(calendar.dayInfo('2027-02-05')).toEqual({
      date: '2027-02-05',
      kind: 'HOLIDAY',
      source: 'STATUTORY_PROVISIONAL',
      holiday: '春节',
      holidayEn: 'Spring Festival',
      provisional: true,
    });
    expect(calendar.dayInfo('2027-02-04')).toMatchObject({ kind: 'WORKING', source: 'WEEKDAY', provisional: true });
    expect(calendar.dayInfo('2027-02-06')).toMatchObject({ kind: 'HOLIDAY', provisional: true }); // Saturday and 初一
    expect(calendar.dayInfo('2027-02-13')).toMatchObject({ kind: 'REST', source: 'WEEKEND', provisional: true });
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.dayInfo('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025/02/03')).toThrow(RangeError);
  });
});

describe('addWorkingDays (Civil Code arts. 201/203)', () => {
  it('spans the 2025 Spring Festival: accepted 2025-01-27 10:00, 5 working days → end of 2025-02-10', () => {
    const r = calendar.addWorkingDays(new Date('2025-01-27T10:00:00+08:00'), 5);
    expect(r.dueDate).toBe('2025-02-10');
    expect(r.dueAt.toISOString()).toBe('2025-02-10T16:00:00.000Z');
    expect(r.dueAt.getTime()).toBe(new Date('2025-02-11T00:00:00+08:00').getTime());
    expect(r.provisional).toBe(false);
    expect(r.explanation.counted).toEqual(['2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-10']);
    expect(r.explanation.skipped.map((s) => s.date)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
      '2025-02-02', '2025-02-03', '2025-02-04', '2025-02-09',
    ]);
    expect(r.explanation.skipped[0]!.reason).toBe('春节 Spring Festival (国办发明电〔2024〕12号)');
    expect(r.explanation.skipped[8]!.reason).toBe('周末 weekend');
  });

  it('ends at close of business when given', () => {
    const r = calendar.addWorkingDays(new Date('2025-01-27T10:00:00+08:00'), 5, { closeOfBusiness: '17:30' });
    expect(r.dueAt.toISOString()).toBe('2025-02-10T09:30:00.000Z');
    expect(r.dueDate).toBe('2025-02-10');
  });

  it('a deadline crossing into 2027 (no notice) is provisional and skips 2027 New Year', () => {
    const r = calendar.addWorkingDays(new Date('2026-12-28T09:00:00+08:00'), 5);
    // 12/29, 12/30, 12/31 (2026 notice), 2027-01-01 Fri statutory, 1/2–1/3 weekend, 1/4, 1/5.
    expect(r.explanation.counted).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05']);
    expect(r.explanation.skipped).toEqual([
      { date: '2027-01-01', reason: "法定节假日（未发布年度安排，暂定）statutory holiday, provisional: 元旦 New Year's Day" },
      { date: '2027-01-02', reason: '周末（未发布年度安排，暂定）weekend, provisional' },
      { date: '2027-01-03', reason: '周末（未发布年度安排，暂定）weekend, provisional' },
    ]);
    expect(r.dueAt.toISOString()).toBe('2027-01-05T16:00:00.000Z');
    expect(r.provisional).toBe(true);
  });

  it('a provisional deadline skips the 2027 Spring Festival (除夕 2/5 – 初三 2/8) and its two substitute days', () => {
    const r = calendar.addWorkingDays(new Date('2027-02-03T15:00:00+08:00'), 3);
    expect(r.explanation.counted).toEqual(['2027-02-04', '2027-02-11', '2027-02-12']);
    expect(r.explanation.skipped.map((s) => s.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(r.dueDate).toBe('2027-02-12');
    expect(r.provisional).toBe(true);
  });

  it('is not provisional when every examined day has a notice, even if the due instant is in the next year', () => {
    const r = calendar.addWorkingDays(new Date('2026-12-30T09:00:00+08:00'), 1);
    expect(r.dueDate).toBe('2026-12-31');
    expect(r.dueAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(r.provisional).toBe(false);
  });

  it('accepted on a holiday: counting starts after the acceptance day', () => {
    const r = calendar.addWorkingDays(new Date('2025-10-03T11:00:00+08:00'), 1);
    // 10/4–10/8 holiday, 10/9 Thu.
    expect(r.dueDate).toBe('2025-10-09');
    expect(r.explanation.skipped).toHaveLength(5);
  });

  it('accepted on a weekend', () => {
    expect(calendar.addWorkingDays(new Date('2025-03-15T11:00:00+08:00'), 1).dueDate).toBe('2025-03-17');
    // Sunday 2025-04-27 is itself a make-up workday, but the acceptance day never counts.
    expect(calendar.addWorkingDays(new Date('2025-04-27T09:00:00+08:00'), 1).dueDate).toBe('2025-04-28');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(calendar.addWorkingDays(new Date('2026-02-13T09:00:00+08:00'), 1).dueDate).toBe('2026-02-14');
  });

  it('accepted at 23:59 Shanghai time: still that Shanghai date', () => {
    const late = new Date('2025-03-10T23:59:00+08:00'); // 15:59Z, Monday in Shanghai
    expect(calendar.addWorkingDays(late, 1).dueDate).toBe('2025-03-11');
    const justAfterMidnight = new Date('2025-03-11T00:00:00+08:00');
    expect(calendar.addWorkingDays(justAfterMidnight, 1).dueDate).toBe('2025-03-12');
  });

  it('accepted late Friday in UTC terms that is already Saturday in Shanghai', () => {
    // 2025-03-14T17:00Z = Saturday 01:00 in Shanghai.
    expect(calendar.addWorkingDays(new Date('2025-03-14T17:00:00Z'), 1).dueDate).toBe('2025-03-17');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %p', (n) => {
    expect(() => calendar.addWorkingDays(new Date('2025-03-10T09:00:00+08:00'), n)).toThrow(RangeError);
  });

  it('rejects invalid acceptance instants and closeOfBusiness', () => {
    expect(() => calendar.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date('2025-03-10T09:00:00+08:00'), 1, { closeOfBusiness: '25:00' })).toThrow(RangeError);
  });
});

describe('workingDaysBetween (from, to]', () => {
  it.each([
    ['2025-01-27', '2025-02-10', 5],
    ['2025-03-10', '2025-03-10', 0],
    ['2025-03-10', '2025-03-11', 1],
    ['2025-03-14', '2025-03-17', 1],
    ['2025-09-30', '2025-10-08', 0],
    ['2025-09-27', '2025-09-28', 1], // make-up Sunday
    ['2025-02-10', '2025-01-27', -5],
  ])('(%s, %s] has %i working days', (from, to, n) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(n);
  });

  it('counts 2025 as 248 working days', () => {
    // 365 − 104 weekend days − 18 notice holidays on weekdays + 5 make-up days.
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });
});

describe('workingTimeRemaining', () => {
  it('counts only time on working days (whole days as 24h)', () => {
    const due = new Date('2025-02-11T00:00:00+08:00');
    // From Friday 2025-02-07 12:00 Shanghai: 12h Fri + 24h Sat (make-up) + 0 Sun + 24h Mon.
    expect(calendar.workingTimeRemaining(new Date('2025-02-07T12:00:00+08:00'), due)).toBe(60 * HOUR);
    // During the holiday nothing elapses until 2/5.
    expect(calendar.workingTimeRemaining(new Date('2025-01-27T10:00:00+08:00'), due)).toBe(14 * HOUR + 5 * DAY);
  });

  it('is zero at the due instant and negative when overdue', () => {
    const due = new Date('2025-02-11T00:00:00+08:00');
    expect(calendar.workingTimeRemaining(due, due)).toBe(0);
    // Overdue by Tuesday 2/11 06:00: 6 working hours.
    expect(calendar.workingTimeRemaining(new Date('2025-02-11T06:00:00+08:00'), due)).toBe(-6 * HOUR);
    // A weekend after the due instant does not add to the overdue time.
    const fridayDue = new Date('2025-03-15T00:00:00+08:00');
    expect(calendar.workingTimeRemaining(new Date('2025-03-16T20:00:00+08:00'), fridayDue)).toBe(0);
  });

  it('rejects invalid Dates', () => {
    expect(() => calendar.workingTimeRemaining(new Date(Number.NaN), new Date(0))).toThrow(RangeError);
  });
});

describe('construction', () => {
  const base: YearArrangement = {
    year: 2030,
    notice: { title: 't', documentNo: 'd', publishedOn: '2029-11-01' },
    holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2030-01-01', to: '2030-01-01' }],
    makeupWorkdays: [],
  };

  it('rejects two notices for one year', () => {
    expect(() => new WorkingCalendar([base, base])).toThrow(/two arrangements/);
  });

  it('rejects a day that is both holiday and make-up workday', () => {
    expect(() => new WorkingCalendar([{ ...base, makeupWorkdays: ['2030-01-01'] }])).toThrow(RangeError);
  });

  it('fails loudly instead of looping on an all-holiday year', () => {
    const allYear = new WorkingCalendar([
      { ...base, year: 2031, holidays: [{ name: 'x', nameEn: 'x', from: '2031-01-01', to: '2031-12-31' }] },
      { ...base, year: 2032, holidays: [{ name: 'x', nameEn: 'x', from: '2032-01-01', to: '2032-12-31' }] },
    ]);
    expect(() => allYear.addWorkingDays(new Date('2030-12-31T09:00:00+08:00'), 1)).toThrow(/no working day/);
  });

  it('works with no notices at all (everything provisional)', () => {
    const bare = new WorkingCalendar();
    const r = bare.addWorkingDays(new Date('2025-01-27T10:00:00+08:00'), 5);
    // Statutory only: 1/28–1/31 off; counts 2/3–2/7.
    expect(r.dueDate).toBe('2025-02-07');
    expect(r.provisional).toBe(true);
  });
});
