import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { diffArrangements, validateArrangement } from '../../../domain/calendar/validateArrangement';
import type { YearArrangement } from '../../../domain/calendar/types';

const valid: YearArrangement = {
  year: 2027,
  notice: { title: '国务院办公厅关于2027年部分节假日安排的通知', documentNo: '国办发明电〔2026〕1号', publishedOn: '2026-11-01' },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeupWorkdays: ['2027-02-20'],
};

function withChanges(patch: Partial<YearArrangement>): YearArrangement {
  return { ...valid, ...patch };
}

describe('validateArrangement', () => {
  it('accepts a valid arrangement', () => {
    expect(validateArrangement(valid)).toEqual([]);
  });

  it('rejects dates outside the year', () => {
    const errors = validateArrangement(
      withChanges({
        holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2026-12-31', to: '2027-01-01' }],
        makeupWorkdays: ['2028-01-01'],
      }),
    );
    expect(errors).toEqual([
      { path: 'holidays[0].from', message: '2026-12-31 is outside the year 2027' },
      { path: 'makeupWorkdays[0]', message: '2028-01-01 is outside the year 2027' },
    ]);
  });

  it('rejects from after to and malformed dates', () => {
    const errors = validateArrangement(
      withChanges({
        holidays: [
          { name: '春节', nameEn: 'Spring Festival', from: '2027-02-12', to: '2027-02-05' },
          { name: '清明节', nameEn: 'Qingming Festival', from: '2027-02-30', to: '2027-04-05' },
        ],
        makeupWorkdays: [],
      }),
    );
    expect(errors).toEqual([
      { path: 'holidays[0]', message: 'from 2027-02-12 is after to 2027-02-05' },
      { path: 'holidays[1].from', message: 'must be a real date YYYY-MM-DD, got "2027-02-30"' },
    ]);
  });

  it('rejects overlapping holidays', () => {
    const errors = validateArrangement(
      withChanges({
        holidays: [
          { name: '国庆节', nameEn: 'National Day', from: '2027-10-01', to: '2027-10-07' },
          { name: '中秋节', nameEn: 'Mid-Autumn Festival', from: '2027-09-15', to: '2027-09-17' },
          { name: '重复', nameEn: 'Dup', from: '2027-10-07', to: '2027-10-09' },
        ],
        makeupWorkdays: [],
      }),
    );
    expect(errors).toEqual([{ path: 'holidays[2]', message: 'overlaps holidays[0] on 2027-10-07' }]);
  });

  it('rejects a make-up workday that is a holiday, a weekday or repeated', () => {
    const errors = validateArrangement(withChanges({ makeupWorkdays: ['2027-02-06', '2027-02-17', '2027-02-20', '2027-02-20'] }));
    expect(errors).toEqual([
      { path: 'makeupWorkdays[0]', message: '2027-02-06 is also inside holidays[1] (2027-02-05..2027-02-12)' },
      {
        path: 'makeupWorkdays[1]',
        message: '2027-02-17 is not a Saturday or Sunday; only weekend days can become make-up workdays',
      },
      { path: 'makeupWorkdays[3]', message: '2027-02-20 repeats makeupWorkdays[2]' },
    ]);
  });

  it('reports missing metadata and names', () => {
    const bad = {
      year: 2027.5,
      notice: { title: '', documentNo: ' ', publishedOn: 'yesterday' },
      holidays: [{ name: '', nameEn: '', from: '2027-01-01', to: '2027-01-01' }],
      makeupWorkdays: 'none',
    } as unknown as YearArrangement;
    expect(validateArrangement(bad).map((e) => e.path)).toEqual([
      'year',
      'notice.title',
      'notice.documentNo',
      'notice.publishedOn',
      'holidays[0].name',
      'holidays[0].nameEn',
      'makeupWorkdays',
    ]);
  });
});

describe('diffArrangements', () => {
  it('lists days changed by replacing the provisional calendar with a notice', () => {
    const changes = diffArrangements(undefined, valid);
    expect(changes).toEqual([
      // 1/1 statutory already a holiday; 1/2–1/3 are a weekend → HOLIDAY.
      { date: '2027-01-02', before: 'REST', after: 'HOLIDAY', afterHoliday: '元旦' },
      { date: '2027-01-03', before: 'REST', after: 'HOLIDAY', afterHoliday: '元旦' },
      // 2/5–2/8 statutory, 2/6–2/7 weekend with their substitute days 2/9–2/10 (only the name
      // changes: both are holidays); 2/11–2/12 newly off.
      { date: '2027-02-11', before: 'WORKING', after: 'HOLIDAY', afterHoliday: '春节' },
      { date: '2027-02-12', before: 'WORKING', after: 'HOLIDAY', afterHoliday: '春节' },
      { date: '2027-02-20', before: 'REST', after: 'WORKING' },
      // Statutory days the draft omits go back to ordinary days.
      { date: '2027-04-05', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '清明节' },
      { date: '2027-05-01', before: 'HOLIDAY', after: 'REST', beforeHoliday: '劳动节' },
      { date: '2027-05-02', before: 'HOLIDAY', after: 'REST', beforeHoliday: '劳动节' },
      { date: '2027-05-03', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '劳动节补假' },
      { date: '2027-05-04', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '劳动节补假' },
      { date: '2027-06-09', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '端午节' },
      { date: '2027-09-15', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '中秋节' },
      { date: '2027-10-01', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '国庆节' },
      { date: '2027-10-02', before: 'HOLIDAY', after: 'REST', beforeHoliday: '国庆节' },
      { date: '2027-10-03', before: 'HOLIDAY', after: 'REST', beforeHoliday: '国庆节' },
      { date: '2027-10-04', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '国庆节补假' },
      { date: '2027-10-05', before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '国庆节补假' },
    ]);
  });

  it('lists only the changed days between two notices', () => {
    const v1 = OFFICIAL_NOTICES.find((n) => n.year === 2026)!;
    const v2: YearArrangement = {
      ...v1,
      holidays: v1.holidays.map((h) => (h.name === '端午节' ? { ...h, to: '2026-06-22' } : h)),
      makeupWorkdays: v1.makeupWorkdays.filter((d) => d !== '2026-05-09'),
    };
    expect(diffArrangements(v1, v2)).toEqual([
      { date: '2026-05-09', before: 'WORKING', after: 'REST' },
      { date: '2026-06-22', before: 'WORKING', after: 'HOLIDAY', afterHoliday: '端午节' },
    ]);
    expect(diffArrangements(v1, v1)).toEqual([]);
  });

  it('refuses to diff different years', () => {
    expect(() => diffArrangements(OFFICIAL_NOTICES[0], valid)).toThrow(RangeError);
  });
});
