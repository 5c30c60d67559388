import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { statutoryHolidays } from '../../../domain/calendar/statutoryHolidays';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';

// Independently typed from almanacs: 除夕+3, 清明, 端午, 中秋 per year.
const EXPECTED: Record<number, Record<string, string[]>> = {
  2025: {
    元旦: ['2025-01-01'],
    春节: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    清明节: ['2025-04-04'],
    劳动节: ['2025-05-01', '2025-05-02'],
    端午节: ['2025-05-31'],
    中秋节: ['2025-10-06'],
    国庆节: ['2025-10-01', '2025-10-02', '2025-10-03'],
  },
  2026: {
    元旦: ['2026-01-01'],
    春节: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'],
    清明节: ['2026-04-05'],
    劳动节: ['2026-05-01', '2026-05-02'],
    端午节: ['2026-06-19'],
    中秋节: ['2026-09-25'],
    国庆节: ['2026-10-01', '2026-10-02', '2026-10-03'],
  },
  2027: {
    元旦: ['2027-01-01'],
    春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
    清明节: ['2027-04-05'],
    劳动节: ['2027-05-01', '2027-05-02'],
    端午节: ['2027-06-09'],
    中秋节: ['2027-09-15'],
    国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
  },
};

function byName(year: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const day of statutoryHolidays(year)) {
    for (const name of day.name.split('、')) (out[name] ??= []).push(day.date);
  }
  return out;
}

describe('statutory holidays (全国年节及纪念日放假办法, 2024 revision)', () => {
  it.each(Object.keys(EXPECTED).map(Number))('%i matches the almanac', (year) => {
    expect(byName(year)).toEqual(EXPECTED[year]);
  });

  it('has 13 statutory days in a year without overlaps', () => {
    expect(statutoryHolidays(2027)).toHaveLength(13);
  });

  it('merges Mid-Autumn into National Day when they coincide (2028-10-03), names in the regulation order', () => {
    const days = statutoryHolidays(2028);
    expect(days).toHaveLength(12);
    expect(days.find((d) => d.date === '2028-10-03')).toMatchObject({
      name: '中秋节、国庆节',
      nameEn: 'Mid-Autumn Festival and National Day',
      keys: ['MID_AUTUMN', 'NATIONAL_DAY'],
    });
  });

  it('除夕 is the last day of the 12th lunar month even when that month has 29 days', () => {
    // 2024: 腊月 had 29 days, 除夕 = 2024-02-09 (腊月廿九).
    expect(statutoryHolidays(2024).filter((d) => d.name === '春节').map((d) => d.date)).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
    ]);
  });

  it('every statutory day of 2025 and 2026 is a holiday in that year’s notice', () => {
    const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
    for (const year of [2025, 2026]) {
      for (const day of statutoryHolidays(year)) {
        expect(calendar.dayInfo(day.date)).toMatchObject({ kind: 'HOLIDAY', source: 'NOTICE' });
      }
    }
  });

  it('rejects years outside the supported lunar range', () => {
    expect(() => statutoryHolidays(1900)).toThrow(RangeError);
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError);
  });
});
