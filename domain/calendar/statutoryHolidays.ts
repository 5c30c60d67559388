import { lunarFestivals } from './lunarFestivalTable';
import { addDays } from './timeZone';
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

/**
 * Statutory holiday days of `year` under 全国年节及纪念日放假办法 as revised in 2024
 * (in force from 2025): 13 days, before any State Council bridging or make-up days.
 * Used only for years whose annual notice is not loaded; applying the 2024 rules to
 * earlier years is deliberate (those years should have notices loaded). Years outside the lunar
 * table (MIN_STATUTORY_YEAR to MAX_STATUTORY_YEAR) are a RangeError.
 */
export function statutoryHolidays(year: number): StatutoryHolidayDay[] {
  const y = String(year).padStart(4, '0');
  const lunar = lunarFestivals(year);
  const chuxi = addDays(lunar.lunarNewYear, -1); // 除夕 = last day of the 12th lunar month
  const entries: Array<[IsoDate, HolidayKey]> = [
    [`${y}-01-01`, 'NEW_YEAR'],
    [chuxi, 'SPRING_FESTIVAL'],
    [addDays(chuxi, 1), 'SPRING_FESTIVAL'],
    [addDays(chuxi, 2), 'SPRING_FESTIVAL'],
    [addDays(chuxi, 3), 'SPRING_FESTIVAL'],
    [lunar.qingming, 'QINGMING'],
    [`${y}-05-01`, 'LABOUR_DAY'],
    [`${y}-05-02`, 'LABOUR_DAY'],
    [lunar.dragonBoat, 'DRAGON_BOAT'],
    [lunar.midAutumn, 'MID_AUTUMN'],
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
