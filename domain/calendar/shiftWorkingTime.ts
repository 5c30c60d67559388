// Shifting an instant by working time: back to find the instant a warning is due, forward by
// the working days a pause for the firm lasted. (How much working time is left until a due:
// ./workingTime.ts.)
import type { AddWorkingDaysResult } from './types';
import type { WorkingCalendar } from './workingCalendar';
import { DAY_MS, addDays, shanghaiDate, shanghaiDateTime } from './timeZone';

// The calendar counts a working day as a full 24 hours (the 24:00 rule), so
// shifting an instant by working time only skips whole rest days.

// No real arrangement rests this long; stop instead of looping on corrupt data.
const MAX_DAYS = 800;

/** The instant `ms` of working time after `from` (pauses resumed before the period rule extended a due this way). */
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
 * What the firm's pauses add to a due. Since the period rule (patch `pause-working-days`), a
 * pause counts in working days; pauses resumed before it were measured in working time (a
 * working day counting 24 hours), and their running cases keep that.
 */
export interface PausedTime {
  workingDays: number;
  workingMs: number;
}

export const NOT_PAUSED: PausedTime = { workingDays: 0, workingMs: 0 };

/**
 * The working days a pause lasted, counted as the Civil Code counts a period (arts. 201, 203):
 * the pause's own day is not counted, the day of resumption is, rest days are skipped. Paused
 * and resumed on the same day: 0.
 */
export function pausedWorkingDays(calendar: WorkingCalendar, since: Date, until: Date): number {
  return calendar.workingDaysBetween(shanghaiDate(since), shanghaiDate(until));
}

/** A wait for the firm as a case or a consultation keeps it: open until `until` is set. */
export interface PauseSpan {
  since: string;
  until?: string;
  pausedWorkingDays?: number;
  pausedWorkingMs?: number;
}

/**
 * Ends a pause at `at`, whether the clock resumes or the case or consultation ends meanwhile: in
 * working days under the period rule, else in working time as pauses before it were. Returns its
 * length as the timeline records it.
 */
export function endPause(calendar: WorkingCalendar, pause: PauseSpan, at: Date, periodRule: boolean): { pausedWorkingDays: number } | { pausedWorkingMs: number } {
  pause.until = at.toISOString();
  if (periodRule) return { pausedWorkingDays: (pause.pausedWorkingDays = pausedWorkingDays(calendar, new Date(pause.since), at)) };
  return { pausedWorkingMs: (pause.pausedWorkingMs = calendar.workingTimeRemaining(new Date(pause.since), at)) };
}

/**
 * When a pause still standing escalates: 24:00 of the `limitWorkingDays`-th working day after the
 * pause's own day, counted as a period like the pause itself.
 */
export function pauseLimitAt(calendar: WorkingCalendar, since: Date, limitWorkingDays: number): Date {
  return calendar.addWorkingDays(since, limitWorkingDays).dueAt;
}

/** A due moved later by the firm's pauses: a 24:00 due moved by working days stays 24:00 of a working day. */
export function extendByPauses(calendar: WorkingCalendar, due: Date, paused: PausedTime): Date {
  // The due's own day is the day before 24:00, like the acceptance day of a period.
  const byDays = paused.workingDays === 0 ? due : calendar.addWorkingDays(new Date(due.getTime() - 1), paused.workingDays).dueAt;
  return addWorkingTime(calendar, byDays, paused.workingMs);
}

/** A promise of `workingDays` working days from `from` (the starting day not counted), extended by the firm's pauses. */
export function workingDaysPromise(calendar: WorkingCalendar, from: Date, workingDays: number, paused: PausedTime): AddWorkingDaysResult {
  // Counted as one period, so the explanation lists the rest days the pauses crossed too.
  const promise = calendar.addWorkingDays(from, workingDays + paused.workingDays);
  return { ...promise, dueAt: addWorkingTime(calendar, promise.dueAt, paused.workingMs) };
}
