import { OFFICIAL_NOTICES, deriveArrangement } from '../../../domain/calendar/officialNotices';
import { validateArrangement } from '../../../domain/calendar/validateArrangement';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';
import { addDays } from '../../../domain/calendar/timeZone';

// Typed by hand from the published notices, independently of chinese-days.
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const NOTICE_2025 = {
  documentNo: '国办发明电〔2024〕12号',
  publishedOn: '2024-11-12',
  holidays: [
    ['元旦', range('2025-01-01', '2025-01-01')],
    ['春节', range('2025-01-28', '2025-02-04')],
    ['清明节', range('2025-04-04', '2025-04-06')],
    ['劳动节', range('2025-05-01', '2025-05-05')],
    ['端午节', range('2025-05-31', '2025-06-02')],
    ['国庆节、中秋节', range('2025-10-01', '2025-10-08')],
  ] as Array<[string, string[]]>,
  makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

const NOTICE_2026 = {
  documentNo: '国办发明电〔2025〕7号',
  publishedOn: '2025-11-04',
  holidays: [
    ['元旦', range('2026-01-01', '2026-01-03')],
    ['春节', range('2026-02-15', '2026-02-23')],
    ['清明节', range('2026-04-04', '2026-04-06')],
    ['劳动节', range('2026-05-01', '2026-05-05')],
    ['端午节', range('2026-06-19', '2026-06-21')],
    ['中秋节', range('2026-09-25', '2026-09-27')],
    ['国庆节', range('2026-10-01', '2026-10-07')],
  ] as Array<[string, string[]]>,
  makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

describe.each([
  [2025, NOTICE_2025],
  [2026, NOTICE_2026],
])('notice for %i', (year, expected) => {
  const holidayRows = expected.holidays.flatMap(([name, dates]) => dates.map((d) => [d, name] as const));

  it.each(holidayRows)('%s is a holiday (%s)', (date, name) => {
    expect(calendar.dayInfo(date)).toEqual(
      expect.objectContaining({ date, kind: 'HOLIDAY', source: 'NOTICE', holiday: name, provisional: false }),
    );
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it.each(expected.makeup)('%s is a make-up working day (调休上班)', (date) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind: 'WORKING', source: 'MAKEUP_WORKDAY', provisional: false });
  });

  it('has no other holidays or make-up days', () => {
    const notice = calendar.noticeFor(year)!;
    expect(notice.holidays.flatMap((h) => range(h.from, h.to))).toEqual(holidayRows.map(([d]) => d));
    expect(notice.makeupWorkdays).toEqual(expected.makeup);
    let holidayCount = 0;
    let makeupCount = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      const info = calendar.dayInfo(d);
      if (info.source === 'NOTICE') holidayCount++;
      if (info.source === 'MAKEUP_WORKDAY') makeupCount++;
    }
    expect(holidayCount).toBe(holidayRows.length);
    expect(makeupCount).toBe(expected.makeup.length);
  });

  it('carries the notice metadata and is valid', () => {
    const notice = calendar.noticeFor(year)!;
    expect(notice.notice).toEqual({
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
      documentNo: expected.documentNo,
      publishedOn: expected.publishedOn,
    });
    expect(validateArrangement(notice)).toEqual([]);
  });
});

describe('official notices', () => {
  it('ships 2024, 2025 and 2026, all valid and frozen', () => {
    expect(OFFICIAL_NOTICES.map((n) => n.year)).toEqual([2024, 2025, 2026]);
    for (const n of OFFICIAL_NOTICES) expect(validateArrangement(n)).toEqual([]);
    expect(Object.isFrozen(OFFICIAL_NOTICES[0]!.holidays[0])).toBe(true);
  });

  it('2024 notice (国办发明电〔2023〕7号): 除夕 2024-02-09 was a working day, 2/10–2/17 off, 2/4 and 2/18 worked', () => {
    expect(calendar.noticeFor(2024)!.notice).toEqual({
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      documentNo: '国办发明电〔2023〕7号',
      publishedOn: '2023-10-25',
    });
    expect(calendar.dayInfo('2024-02-09').kind).toBe('WORKING');
    expect(range('2024-02-10', '2024-02-17').every((d) => calendar.dayInfo(d).kind === 'HOLIDAY')).toBe(true);
    expect(calendar.dayInfo('2024-02-04').source).toBe('MAKEUP_WORKDAY');
    expect(calendar.dayInfo('2024-02-18').source).toBe('MAKEUP_WORKDAY');
  });

  it('derivation groups consecutive days and rejects unknown package labels', () => {
    const notice = { title: 't', documentNo: 'd', publishedOn: '2030-01-01' };
    const derived = deriveArrangement(
      2031,
      {
        holidays: {
          '2031-10-01': 'National Day,国庆节,3',
          '2031-10-02': 'Mid-autumn Festival,中秋,1',
          '2031-10-04': 'National Day,国庆节,3',
          '2030-12-31': "New Year's Day,元旦,1",
        },
        workdays: { '2031-09-28': 'National Day,国庆节,3' },
      },
      notice,
    );
    expect(derived.holidays).toEqual([
      { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', from: '2031-10-01', to: '2031-10-02' },
      { name: '国庆节', nameEn: 'National Day', from: '2031-10-04', to: '2031-10-04' },
    ]);
    expect(derived.makeupWorkdays).toEqual(['2031-09-28']);
    expect(() =>
      deriveArrangement(2031, { holidays: { '2031-01-01': 'Mystery Day,神秘,1' }, workdays: {} }, notice),
    ).toThrow(/unknown holiday label/);
  });
});
