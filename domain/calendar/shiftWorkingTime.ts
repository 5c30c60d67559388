// Shifting an instant by working time: forward to extend a due by a pause, back to find the
// instant a warning is due. (How much working time is left until a due: ./workingTime.ts.)
import type { AddWorkingDaysResult } from './types';
import type { WorkingCalendar } from './workingCalendar';
import { DAY_MS, addDays, shanghaiDate, shanghaiDateTime } from './timeZone';

// The calendar counts a working day as a full 24 hours (the 24:00 rule), so
// shifting an instant by working time only skips whole rest days.

// No real arrangement rests this long; stop instead of looping on corrupt data.
const MAX_DAYS = 800;

/** The instant `ms` of working time after `from` (pauses extend a due this way). */
export function addWorkingTime(calendar: WorkingCalendar, from: Date, ms: number): Date {
  // No working time to add leaves the instant alone, even at the end of a
  // Friday (= Saturday 00:00): walking on would land on the next working day.
  if (ms === 0) return from;
  if (ms < 0) return subtractWorkingTime(calendar, from, -ms);
  let cursor = from.getTime();
  let remaining = ms;
  let date = shanghaiDate(from);
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    const dayEnd = shanghaiDateTime(date).getTime() + DAY_MS;
    if (calendar.isWorkingDay(date)) {
      const available = dayEnd - cursor;
      if (available >= remaining) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
  throw new Error(`no working time found within ${MAX_DAYS} days after ${from.toISOString()}`);
}

/** The instant `ms` of working time before `to` (the AT_RISK instant before a due). */
export function subtractWorkingTime(calendar: WorkingCalendar, to: Date, ms: number): Date {
  let cursor = to.getTime();
  let remaining = ms;
  // The day that contains the instant just before `to`.
  let date = shanghaiDate(new Date(cursor - 1));
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, -1)) {
    const dayStart = shanghaiDateTime(date).getTime();
    if (calendar.isWorkingDay(date)) {
      const available = cursor - dayStart;
      if (available >= remaining) return new Date(cursor - remaining);
      remaining -= available;
    }
    cursor = dayStart;
  }
  throw new Error(`no working time found within ${MAX_DAYS} days before ${to.toISOString()}`);
}

/**
 * A promise of `workingDays` working days from `from` (the starting day not counted), extended
 * by the working time its clock stood paused for the firm.
 */
export function workingDaysPromise(calendar: WorkingCalendar, from: Date, workingDays: number, pausedWorkingMs: number): AddWorkingDaysResult {
  const promise = calendar.addWorkingDays(from, workingDays);
  return { ...promise, dueAt: addWorkingTime(calendar, promise.dueAt, pausedWorkingMs) };
}
