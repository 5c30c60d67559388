// 全国年节及纪念日放假办法 art. 6 in a year without a State Council notice: each day of a holiday
// for all citizens that falls on a weekend gives a rest day on the first working days after its
// holiday block, and the year stays provisional.
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { statutoryHolidays } from '../../../domain/calendar/statutoryHolidays';
import { substituteRestDays } from '../../../domain/calendar/substituteRestDays';
import { isWeekend, shanghaiDateTime } from '../../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
const days = (year: number) => substituteRestDays(year).map((d) => [d.date, d.makesUpFor, d.name]);

describe('substituteRestDays', () => {
  it('2028: New Year on a Saturday rests Monday 01-03; Dragon Boat on a Sunday, 05-29; National Day 10-01 (Sunday), 10-04', () => {
    expect(days(2028)).toEqual([
      ['2028-01-03', '2028-01-01', '元旦补假'],
      ['2028-05-29', '2028-05-28', '端午节补假'],
      // 10-03 is both 国庆 and 中秋 (one day): not a weekend, so art. 6 gives nothing for it.
      ['2028-10-04', '2028-10-01', '国庆节补假'],
    ]);
  });

  it('2027: a block with two weekend days owes two, after the whole block (Spring Festival Fri–Mon → Tue, Wed)', () => {
    expect(days(2027)).toEqual([
      ['2027-02-09', '2027-02-06', '春节补假'],
      ['2027-02-10', '2027-02-07', '春节补假'],
      ['2027-05-03', '2027-05-01', '劳动节补假'],
      ['2027-05-04', '2027-05-02', '劳动节补假'],
      ['2027-10-04', '2027-10-02', '国庆节补假'],
      ['2027-10-05', '2027-10-03', '国庆节补假'],
    ]);
  });

  it('agrees with the published notices: every day the law owes in 2025 and 2026 was a rest day in that year', () => {
    for (const year of [2025, 2026]) {
      const published = new WorkingCalendar(OFFICIAL_NOTICES.filter((n) => n.year === year));
      for (const d of substituteRestDays(year)) expect([d.date, published.dayInfo(d.date).kind]).toEqual([d.date, 'HOLIDAY']);
    }
    expect(days(2026).map(([date]) => date)).toEqual(['2026-04-06', '2026-05-04', '2026-10-05']);
  });

  it('for every year: one weekday per statutory day on a weekend, after it, never on another holiday', () => {
    for (let year = 2025; year <= 2099; year++) {
      const holidays = statutoryHolidays(year);
      const subs = substituteRestDays(year);
      expect(subs).toHaveLength(holidays.filter((h) => isWeekend(h.date)).length);
      for (const s of subs) {
        expect(isWeekend(s.date)).toBe(false);
        expect(holidays.some((h) => h.date === s.date)).toBe(false);
        expect(s.date > s.makesUpFor).toBe(true);
      }
      expect(new Set(subs.map((s) => s.date)).size).toBe(subs.length);
    }
  });
});

describe('the provisional calendar', () => {
  it('rests on 2028-01-03, says why, and stays provisional', () => {
    expect(calendar.dayInfo('2028-01-03')).toEqual({
      date: '2028-01-03',
      kind: 'HOLIDAY',
      source: 'SUBSTITUTE_PROVISIONAL',
      holiday: '元旦补假',
      holidayEn: "New Year's Day substitute rest day",
      provisional: true,
    });
    const r = calendar.addWorkingDays(shanghaiDateTime('2027-12-31', '10:00'), 1);
    expect(r).toMatchObject({ dueDate: '2028-01-04', provisional: true });
    expect(r.explanation.skipped.map((s) => s.reason)).toEqual([
      "法定节假日（未发布年度安排，暂定）statutory holiday, provisional: 元旦 New Year's Day",
      '周末（未发布年度安排，暂定）weekend, provisional',
      "节日逢周末补假（未发布年度安排，暂定）substitute rest day for a holiday on a weekend, provisional: 元旦补假 New Year's Day substitute rest day",
    ]);
  });

  it('a loaded notice replaces them; without the rule (cases started before it) the day is a working day', () => {
    const notice2028 = { year: 2028, notice: { title: '测试 test', documentNo: '测试〔2027〕1号', publishedOn: '2027-11-01' }, holidays: [], makeupWorkdays: [] };
    expect(new WorkingCalendar([notice2028]).dayInfo('2028-01-03')).toMatchObject({ kind: 'WORKING', provisional: false });
    expect(new WorkingCalendar([], { substituteRestDays: false }).dayInfo('2028-01-03')).toMatchObject({ kind: 'WORKING', provisional: true });
  });
});
