import { Lunar, Solar } from 'lunar-typescript';
import { addDays, fromEpochDay, toEpochDay } from './timeZone';
import type { IsoDate } from './types';

/** Canonical bilingual names of the statutory holidays (全国年节及纪念日放假办法). */
export const HOLIDAY_NAMES = {
  NEW_YEAR: { name: '元旦', nameEn: "New Year's Day" },
  SPRING_FESTIVAL: { name: '春节', nameEn: 'Spring Festival' },
  QINGMING: { name: '清明节', nameEn: 'Qingming Festival' },
  LABOUR_DAY: { name: '劳动节', nameEn: 'Labour Day' },
  DRAGON_BOAT: { name: '端午节', nameEn: 'Dragon Boat Festival' },
  MID_AUTUMN: { name: '中秋节', nameEn: 'Mid-Autumn Festival' },
  NATIONAL_DAY: { name: '国庆节', nameEn: 'National Day' },
} as const;

export type HolidayKey = keyof typeof HOLIDAY_NAMES;

export interface StatutoryHolidayDay {
  date: IsoDate;
  /** Chinese name; two holidays on one day are joined with 、 (e.g. 国庆节、中秋节). */
  name: string;
  nameEn: string;
  keys: HolidayKey[];
}

// The lunar conversion library is reliable over this span; other years are rejected
// rather than silently mis-computed.
export const MIN_STATUTORY_YEAR = 1901;
export const MAX_STATUTORY_YEAR = 2099;

function ymd(solar: Solar): IsoDate {
  return fromEpochDay(toEpochDay(solar.toYmd()));
}

function lunarToSolar(year: number, lunarMonth: number, lunarDay: number): IsoDate {
  return ymd(Lunar.fromYmd(year, lunarMonth, lunarDay).getSolar());
}

/** The 清明 solar-term date of a Gregorian year (always early April). */
export function qingmingDate(year: number): IsoDate {
  // A mid-year lunar date's jieqi table covers that Gregorian year's spring terms.
  const table = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable();
  const solar = table['清明'];
  if (!solar || solar.getYear() !== year) {
    throw new Error(`could not determine 清明 for ${year}`);
  }
  return ymd(solar);
}

/** 正月初一 of the lunar year that starts in Gregorian `year`. */
export function lunarNewYearDate(year: number): IsoDate {
  return lunarToSolar(year, 1, 1);
}

/**
 * Statutory holiday days of `year` under 全国年节及纪念日放假办法 as revised in 2024
 * (in force from 2025): 13 days, before any State Council bridging or make-up days.
 * Used only for years whose annual notice is not loaded; applying the 2024 rules to
 * earlier years is deliberate (those years should have notices loaded).
 */
export function statutoryHolidays(year: number): StatutoryHolidayDay[] {
  if (!Number.isInteger(year) || year < MIN_STATUTORY_YEAR || year > MAX_STATUTORY_YEAR) {
    throw new RangeError(
      `statutory holidays are computed for years ${MIN_STATUTORY_YEAR}-${MAX_STATUTORY_YEAR}, got ${year}`,
    );
  }
  const y = String(year).padStart(4, '0');
  const chuxi = addDays(lunarNewYearDate(year), -1); // 除夕 = last day of the 12th lunar month
  const entries: Array<[IsoDate, HolidayKey]> = [
    [`${y}-01-01`, 'NEW_YEAR'],
    [chuxi, 'SPRING_FESTIVAL'],
    [addDays(chuxi, 1), 'SPRING_FESTIVAL'],
    [addDays(chuxi, 2), 'SPRING_FESTIVAL'],
    [addDays(chuxi, 3), 'SPRING_FESTIVAL'],
    [qingmingDate(year), 'QINGMING'],
    [`${y}-05-01`, 'LABOUR_DAY'],
    [`${y}-05-02`, 'LABOUR_DAY'],
    [lunarToSolar(year, 5, 5), 'DRAGON_BOAT'],
    [lunarToSolar(year, 8, 15), 'MID_AUTUMN'],
    [`${y}-10-01`, 'NATIONAL_DAY'],
    [`${y}-10-02`, 'NATIONAL_DAY'],
    [`${y}-10-03`, 'NATIONAL_DAY'],
  ];

  // Mid-Autumn can fall inside National Day (e.g. 2028-10-03): one day, two names.
  const byDate = new Map<IsoDate, HolidayKey[]>();
  for (const [date, key] of entries) {
    const keys = byDate.get(date) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byDate.set(date, keys);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, keys]) => ({
      date,
      keys,
      name: keys.map((k) => HOLIDAY_NAMES[k].name).join('、'),
      nameEn: keys.map((k) => HOLIDAY_NAMES[k].nameEn).join(' and '),
    }));
}
