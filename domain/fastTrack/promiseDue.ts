import type { WorkingCalendar } from '../calendar/workingCalendar';
import type { AddWorkingDaysResult } from '../calendar/types';
import { PROMISE_WORKING_DAYS } from './policy';
import { workingDaysPromise, type PausedTime } from '../calendar/shiftWorkingTime';

/**
 * The case's five-working-day promise on a calendar, extended by the firm's pauses. Shared by the workflow and the API's preview of a calendar change.
 */
export function promiseDue(calendar: WorkingCalendar, acceptedAt: Date, paused: PausedTime): AddWorkingDaysResult {
  return workingDaysPromise(calendar, acceptedAt, PROMISE_WORKING_DAYS, paused);
}
