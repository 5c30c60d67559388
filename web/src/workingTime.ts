// Working time on the API's calendar (GET /calendar/days), counted by the same rule as the
// workflows' SLA clocks (domain/calendar/workingTime.ts).
import { addDays, shanghaiDate } from '../../domain/calendar/timeZone';
import { workingTimeRemaining } from '../../domain/calendar/workingTime';

/** Working milliseconds from `from` to `to`; negative when `to` is earlier (time overdue). Days outside `days` count as not working. */
export function workingMsBetween(days: readonly { date: string; kind: string }[], from: Date, to: Date): number {
  const working = new Set(days.filter((d) => d.kind === 'WORKING').map((d) => d.date));
  return workingTimeRemaining((date) => working.has(date), from, to);
}

/** The calendar range a set of due instants needs, from today (at most 366 days). */
export function rangeFor(dues: readonly (string | null)[], now = new Date()): { from: string; to: string } {
  const times = dues.filter((d): d is string => d !== null).map((d) => Date.parse(d));
  const from = shanghaiDate(new Date(Math.min(now.getTime(), ...times)));
  const to = shanghaiDate(new Date(Math.max(now.getTime(), ...times)));
  const max = addDays(from, 365);
  return { from, to: to > max ? max : to };
}
