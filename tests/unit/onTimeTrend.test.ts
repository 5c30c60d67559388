import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { trendBuckets, trendOf } from '../../domain/reports/onTimeTrend';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

describe('trendBuckets', () => {
  it('cuts weeks (Monday to Sunday) to the range and counts China’s working days, make-up Sundays and Saturdays included', () => {
    // 2025-09-25 is a Thursday; National Day and Mid-Autumn close 1–8 October, 28 September (Sunday) and 11 October (Saturday) are worked.
    expect(trendBuckets('2025-09-25', '2025-10-15', 'week', calendar)).toEqual([
      { from: '2025-09-25', to: '2025-09-28', workingDays: 3 },
      { from: '2025-09-29', to: '2025-10-05', workingDays: 2 },
      { from: '2025-10-06', to: '2025-10-12', workingDays: 3 },
      { from: '2025-10-13', to: '2025-10-15', workingDays: 3 },
    ]);
  });

  it('cuts months to the range across a year’s end, with New Year off and its make-up Sunday worked', () => {
    expect(trendBuckets('2025-12-15', '2026-02-10', 'month', calendar)).toEqual([
      { from: '2025-12-15', to: '2025-12-31', workingDays: 13 },
      { from: '2026-01-01', to: '2026-01-31', workingDays: 21 },
      { from: '2026-02-01', to: '2026-02-10', workingDays: 7 },
    ]);
  });

  it('gives one bucket for a single day, and a Monday starts its own week', () => {
    expect(trendBuckets('2025-03-03', '2025-03-03', 'week', calendar)).toEqual([{ from: '2025-03-03', to: '2025-03-03', workingDays: 1 }]);
    expect(trendBuckets('2025-03-09', '2025-03-10', 'week', calendar).map((b) => b.from)).toEqual(['2025-03-09', '2025-03-10']);
  });

  it('covers every day of the range exactly once, for any range and bucket', () => {
    for (const bucket of ['week', 'month'] as const) {
      const spans = trendBuckets('2024-12-30', '2026-01-05', bucket, calendar);
      expect(spans[0]!.from).toBe('2024-12-30');
      expect(spans.at(-1)!.to).toBe('2026-01-05');
      expect(spans.reduce((n, s) => n + s.workingDays, 0)).toBe(calendar.workingDaysBetween('2024-12-29', '2026-01-05'));
      spans.slice(1).forEach((s, i) => expect(Date.parse(s.from) - Date.parse(spans[i]!.to)).toBe(86_400_000));
    }
  });
});

describe('trendOf', () => {
  it('fills buckets without outcomes with zeros and null rates, and turns sums into rates per group and overall', () => {
    const trend = trendOf(
      [
        { group: null, bucket: 1, decided: 3, decidedInTime: 2, disbursed: 2, disbursedInTime: 1 },
        { group: 'xib', bucket: 1, decided: 2, decidedInTime: 2, disbursed: 1, disbursedInTime: 1 },
        { group: 'ccb', bucket: 1, decided: 1, decidedInTime: 0, disbursed: 1, disbursedInTime: 0 },
      ],
      3,
    );
    const none = { decided: 0, decidedInTime: 0, disbursed: 0, disbursedInTime: 0, decidedInTimeRate: null, promiseKeptRate: null };
    expect(trend.overall).toEqual([none, { decided: 3, decidedInTime: 2, disbursed: 2, disbursedInTime: 1, decidedInTimeRate: 0.6667, promiseKeptRate: 0.5 }, none]);
    expect(trend.groups.map((g) => g.code)).toEqual(['ccb', 'xib']);
    expect(trend.groups[1]!.points[1]).toEqual({ decided: 2, decidedInTime: 2, disbursed: 1, disbursedInTime: 1, decidedInTimeRate: 1, promiseKeptRate: 1 });
    expect(trend.groups[0]!.points[1]!.promiseKeptRate).toBe(0);
  });

  it('refuses sums for a bucket that does not exist', () => {
    expect(() => trendOf([{ group: 'xib', bucket: 2, decided: 1, decidedInTime: 1, disbursed: 0, disbursedInTime: 0 }], 2)).toThrow(RangeError);
  });
});
