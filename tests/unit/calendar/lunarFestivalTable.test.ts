import { lunarFestivalDates } from '../../../domain/calendar/lunarDates';
import { MAX_STATUTORY_YEAR, MIN_STATUTORY_YEAR, lunarFestivals } from '../../../domain/calendar/lunarFestivalTable';

describe('the lunar festival table workflows read', () => {
  it('holds the dates lunar-typescript computes for every year it covers (rerun npm run calendar:lunar-table if not)', () => {
    const differ: number[] = [];
    for (let year = MIN_STATUTORY_YEAR; year <= MAX_STATUTORY_YEAR; year++) {
      if (JSON.stringify(lunarFestivals(year)) !== JSON.stringify(lunarFestivalDates(year))) differ.push(year);
    }
    expect(differ).toEqual([]);
  });

  it('knows 2026: 春节 17 Feb, 清明 5 Apr, 端午 19 Jun, 中秋 25 Sep', () => {
    expect(lunarFestivals(2026)).toEqual({ lunarNewYear: '2026-02-17', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' });
  });

  it('refuses a year outside the table rather than guessing', () => {
    expect(() => lunarFestivals(MAX_STATUTORY_YEAR + 1)).toThrow(RangeError);
    expect(() => lunarFestivals(MIN_STATUTORY_YEAR - 1)).toThrow(RangeError);
  });
});
