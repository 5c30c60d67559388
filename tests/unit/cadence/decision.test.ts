import {
  decideCadence,
  firstWorkingDayOfMonth,
  isFirstWorkingDayOfMonth,
  isWeeklyPackDay,
  latestPublicationDay,
  reportPeriod,
  shouldRunDaily,
  weeklyPackDay,
} from '../../../domain/cadence/decision';
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { addDays } from '../../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const boardDays = (from: string, to: string) => days(from, to).filter((d) => shouldRunDaily(d, calendar));

describe('daily board 日晾晒', () => {
  test('2025 National Day and Mid-Autumn: make-up Sunday 9/28, nothing 10/1–10/8, make-up Saturday 10/11', () => {
    expect(boardDays('2025-09-27', '2025-10-12')).toEqual([
      '2025-09-28', // Sunday, 调休上班
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11', // Saturday, 调休上班
    ]);
  });

  test('2026 Spring Festival: make-up Saturday 2/14, holiday 2/15–2/23, make-up Saturday 2/28', () => {
    expect(boardDays('2026-02-13', '2026-02-28')).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28']);
  });

  test('the first board after a holiday covers the holiday; a plain day covers yesterday', () => {
    expect(reportPeriod('DAILY', '2025-10-09', calendar)).toEqual({ from: '2025-09-30', to: '2025-10-08' });
    expect(reportPeriod('DAILY', '2025-10-11', calendar)).toEqual({ from: '2025-10-10', to: '2025-10-10' });
    expect(reportPeriod('DAILY', '2026-11-30', calendar)).toEqual({ from: '2026-11-27', to: '2026-11-29' });
    expect(reportPeriod('DAILY', '2026-01-05', calendar)).toEqual({ from: '2026-01-04', to: '2026-01-04' });
  });

  test('a holiday is refused with the holiday named, Chinese first', () => {
    const d = decideCadence('DAILY', '2025-10-03', calendar);
    expect(d).toMatchObject({ run: false });
    expect(!d.run && d.reason).toMatch(/^2025-10-03 为法定节假日（国庆节、中秋节），不发布日晾晒 \/ holiday \(National Day and Mid-Autumn Festival\): no daily progress board$/);
    expect(decideCadence('DAILY', '2026-11-28', calendar)).toMatchObject({ run: false, reason: expect.stringContaining('休息日') });
    expect(decideCadence('DAILY', '2025-10-11', calendar)).toEqual({
      run: true,
      kind: 'DAILY',
      businessDate: '2025-10-11',
      reportId: 'daily-2025-10-11',
      period: { from: '2025-10-10', to: '2025-10-10' },
      provisional: false,
    });
  });

  test('a year without a notice is provisional: statutory holidays, plain weekends, the report says so', () => {
    // 2027 has no notice shipped: 1 January is the statutory holiday, the weekend no board.
    expect(shouldRunDaily('2027-01-01', calendar)).toBe(false);
    expect(shouldRunDaily('2027-01-04', calendar)).toBe(true);
    expect(decideCadence('DAILY', '2027-01-04', calendar)).toMatchObject({ run: true, provisional: true });
    expect(decideCadence('DAILY', '2026-12-31', calendar)).toMatchObject({ run: true, provisional: false });
  });
});

describe('weekly pack 周例会材料', () => {
  test('Monday normally; the first day back in a holiday week; none in a week without a working day', () => {
    expect(weeklyPackDay('2026-11-27', calendar)).toBe('2026-11-23');
    expect(weeklyPackDay('2025-10-05', calendar)).toBe('2025-09-29'); // ISO week 9/29–10/5
    expect(weeklyPackDay('2025-10-08', calendar)).toBe('2025-10-09'); // 10/6–10/8 off
    expect(weeklyPackDay('2026-02-18', calendar)).toBeUndefined(); // 2/16–2/22 all Spring Festival
    expect(weeklyPackDay('2026-02-23', calendar)).toBe('2026-02-24'); // 2/23 still off
    expect(days('2026-02-09', '2026-03-01').filter((d) => isWeeklyPackDay(d, calendar))).toEqual(['2026-02-09', '2026-02-24']);
  });

  test('covers last ISO week, or the two weeks since the previous pack after a week without one', () => {
    expect(reportPeriod('WEEKLY', '2026-11-23', calendar)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(reportPeriod('WEEKLY', '2025-10-09', calendar)).toEqual({ from: '2025-09-29', to: '2025-10-05' });
    expect(reportPeriod('WEEKLY', '2026-02-24', calendar)).toEqual({ from: '2026-02-09', to: '2026-02-22' });
    expect(decideCadence('WEEKLY', '2026-11-24', calendar)).toMatchObject({ run: false, reason: expect.stringContaining('不是本周第一个工作日（2026-11-23）') });
  });
});

describe('monthly dispatch 月调度报告', () => {
  test('the first working day of the month', () => {
    expect(firstWorkingDayOfMonth('2025-10-20', calendar)).toBe('2025-10-09');
    expect(firstWorkingDayOfMonth('2026-01-15', calendar)).toBe('2026-01-04'); // Sunday, make-up for New Year
    expect(firstWorkingDayOfMonth('2026-02-15', calendar)).toBe('2026-02-02');
    expect(firstWorkingDayOfMonth('2025-02-01', calendar)).toBe('2025-02-05'); // Spring Festival to 2/4
    expect(isFirstWorkingDayOfMonth('2025-10-09', calendar)).toBe(true);
    expect(isFirstWorkingDayOfMonth('2025-10-01', calendar)).toBe(false);
  });

  test('covers the previous calendar month, December for January', () => {
    expect(decideCadence('MONTHLY', '2026-01-04', calendar)).toMatchObject({ run: true, reportId: 'monthly-2026-01-04', period: { from: '2025-12-01', to: '2025-12-31' } });
    expect(reportPeriod('MONTHLY', '2026-03-02', calendar)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(decideCadence('MONTHLY', '2026-01-05', calendar)).toMatchObject({ run: false, reason: expect.stringContaining('不是本月第一个工作日（2026-01-04）') });
  });

  test('the latest publication day on or before a date, for the demo and catch-up', () => {
    expect(latestPublicationDay('MONTHLY', '2025-10-08', calendar)).toBe('2025-09-01');
    expect(latestPublicationDay('WEEKLY', '2026-02-22', calendar)).toBe('2026-02-09');
    expect(latestPublicationDay('DAILY', '2026-11-29', calendar)).toBe('2026-11-27');
  });
});
