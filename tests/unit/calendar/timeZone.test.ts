import {
  addDays,
  isIsoDate,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiEndOfDay,
  toEpochDay,
  fromEpochDay,
  weekday,
} from '../../../domain/calendar/timeZone';

describe('Asia/Shanghai conversions (fixed +08:00)', () => {
  it.each([
    ['2025-01-27T15:59:59.999Z', '2025-01-27'],
    ['2025-01-27T16:00:00.000Z', '2025-01-28'],
    ['2025-01-27T02:00:00.000Z', '2025-01-27'], // 10:00 Shanghai
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['1970-01-01T00:00:00.000Z', '1970-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it('23:59 Shanghai is still the same Shanghai date', () => {
    expect(shanghaiDate(new Date('2025-03-10T23:59:00+08:00'))).toBe('2025-03-10');
  });

  it('builds instants from a Shanghai date and time', () => {
    expect(shanghaiDateTime('2025-02-10').toISOString()).toBe('2025-02-09T16:00:00.000Z');
    expect(shanghaiDateTime('2025-02-10', '17:30').toISOString()).toBe('2025-02-10T09:30:00.000Z');
    expect(shanghaiEndOfDay('2025-02-10').toISOString()).toBe('2025-02-10T16:00:00.000Z');
    expect(shanghaiEndOfDay('2025-12-31').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('rejects invalid input', () => {
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => shanghaiDateTime('2025-02-10', '24:00')).toThrow(RangeError);
    expect(() => shanghaiDateTime('2025-02-10', '9:00')).toThrow(RangeError);
    expect(() => shanghaiDateTime('2025-02-30')).toThrow(RangeError);
  });
});

describe('IsoDate arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-01-26', 0],
    ['2025-02-08', 6],
    ['2025-02-10', 1],
    ['2026-10-01', 4],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('weekday(%s) = %i', (date, wd) => {
    expect(weekday(date)).toBe(wd);
  });

  it('round-trips epoch days', () => {
    for (const d of ['0001-01-01', '1969-12-31', '1970-01-01', '2026-11-27', '9999-12-31']) {
      expect(fromEpochDay(toEpochDay(d))).toBe(d);
    }
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '20250105', '', '2025-04-31'])(
    'rejects %p as a date',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it('accepts leap days only in leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });
});
