// The lunar-calendar festival dates of a Gregorian year, computed with lunar-typescript. Only the
// table's generator and its test use this: workflows read the generated table
// (./lunarFestivalTable.ts), because the library's set-up would run again in every workflow.
import { Lunar, Solar } from 'lunar-typescript';
import { fromEpochDay, toEpochDay } from './timeZone';
import type { IsoDate } from './types';

function ymd(solar: Solar): IsoDate {
  return fromEpochDay(toEpochDay(solar.toYmd()));
}

function lunarToSolar(year: number, lunarMonth: number, lunarDay: number): IsoDate {
  return ymd(Lunar.fromYmd(year, lunarMonth, lunarDay).getSolar());
}

/** The 清明 solar-term date of a Gregorian year (always early April). */
function qingmingDate(year: number): IsoDate {
  // A mid-year lunar date's jieqi table covers that Gregorian year's spring terms.
  const solar = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()['清明'];
  if (!solar || solar.getYear() !== year) throw new Error(`could not determine 清明 for ${year}`);
  return ymd(solar);
}

export interface LunarFestivalDates {
  /** 正月初一 of the lunar year that starts in this Gregorian year. */
  lunarNewYear: IsoDate;
  qingming: IsoDate;
  /** 五月初五 */
  dragonBoat: IsoDate;
  /** 八月十五 */
  midAutumn: IsoDate;
}

export function lunarFestivalDates(year: number): LunarFestivalDates {
  return { lunarNewYear: lunarToSolar(year, 1, 1), qingming: qingmingDate(year), dragonBoat: lunarToSolar(year, 5, 5), midAutumn: lunarToSolar(year, 8, 15) };
}
