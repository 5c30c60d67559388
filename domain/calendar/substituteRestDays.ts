// Substitute rest days (补假) for a year whose State Council notice is not loaded yet.
//
// 《全国年节及纪念日放假办法》 art. 6: a holiday for all citizens (全体公民放假的节日) that falls on a
// Saturday or Sunday is made up on a working day; a holiday for part of the citizens does not.
// The holidays for all citizens are art. 2's, every day of them (statutoryHolidays): 元旦 1 day,
// 春节 4 (除夕 to 初三), 清明 1, 劳动节 2 (5/1–5/2), 端午 1, 中秋 1, 国庆 3 (10/1–10/3). So each of
// those days on a weekend owes one day, and a block with several (春节 Fri–Mon owes two) owes as
// many. Art. 3's days for some citizens (妇女节, 青年节, 儿童节, 建军节) owe nothing and are not in
// the working calendar at all; nor are art. 4's (minority festivals, set locally).
// The law does not say where the day goes; the notices put it on the first working days after
// the holiday block (e.g. 2028-01-01 is a Saturday, so Monday 2028-01-03 is a rest day), which
// is what a provisional calendar uses until the year's notice replaces it.
// A festival falling on another festival's day (中秋 on 10/3, as in 2028) is not a weekend day:
// art. 6 gives nothing for it, and whether the notice adds a day is left to the notice.
import { statutoryHolidays, type StatutoryHolidayDay } from './statutoryHolidays';
import { addDays, isWeekend } from './timeZone';
import type { IsoDate } from './types';

export interface SubstituteRestDay {
  date: IsoDate;
  /** The statutory holiday on a weekend that this day makes up for. */
  makesUpFor: IsoDate;
  /** e.g. 元旦补假 */
  name: string;
  nameEn: string;
}

/** The art. 6 substitute rest days of `year`, in date order. */
export function substituteRestDays(year: number): SubstituteRestDay[] {
  const holidays = statutoryHolidays(year);
  const byDate = new Map(holidays.map((h) => [h.date, h]));
  const given = new Set<IsoDate>();
  const resting = (date: IsoDate) => isWeekend(date) || byDate.has(date) || given.has(date);
  const result: SubstituteRestDay[] = [];
  let blockStart: IsoDate | undefined = holidays[0]?.date;
  while (blockStart !== undefined) {
    // The block: the holiday and every rest day right after it (weekends, further holidays).
    const owed: StatutoryHolidayDay[] = [];
    let day: IsoDate = blockStart;
    for (; resting(day); day = addDays(day, 1)) {
      const holiday = byDate.get(day);
      if (holiday && isWeekend(day)) owed.push(holiday);
    }
    const blockEnd: IsoDate = day;
    for (const holiday of owed) {
      while (resting(day)) day = addDays(day, 1);
      given.add(day);
      result.push({ date: day, makesUpFor: holiday.date, name: `${holiday.name}补假`, nameEn: `${holiday.nameEn} substitute rest day` });
    }
    blockStart = holidays.find((h) => h.date > blockEnd)?.date;
  }
  return result;
}
