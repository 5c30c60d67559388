import { DAY_MS, addDays, shanghaiDate, shanghaiDateTime } from './timeZone';
import type { IsoDate } from './types';

/**
 * Working milliseconds from `now` until `dueAt`: only time falling on working days
 * (Asia/Shanghai) counts, and a working day counts as a full 24 hours, matching the
 * 24:00 end-of-day rule (business hours are not modelled here). Negative when overdue,
 * measuring the working time elapsed since `dueAt`. `isWorkingDay` is the calendar:
 * WorkingCalendar's own, or the console's from GET /api/v1/calendar/days.
 */
export function workingTimeRemaining(isWorkingDay: (date: IsoDate) => boolean, now: Date, dueAt: Date): number {
  const a = now.getTime();
  const b = dueAt.getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError('now and dueAt must be valid Dates');
  if (b < a) {
    const overdue = workingTimeRemaining(isWorkingDay, dueAt, now);
    return overdue === 0 ? 0 : -overdue;
  }
  let total = 0;
  for (let date = shanghaiDate(now); ; date = addDays(date, 1)) {
    const dayStart = shanghaiDateTime(date).getTime();
    if (dayStart >= b) break;
    const overlap = Math.min(b, dayStart + DAY_MS) - Math.max(a, dayStart);
    if (overlap > 0 && isWorkingDay(date)) total += overlap;
  }
  return total;
}
