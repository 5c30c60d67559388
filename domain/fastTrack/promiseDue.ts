import type { WorkingCalendar } from '../calendar/workingCalendar';
import type { AddWorkingDaysResult } from '../calendar/types';
import { PROMISE_WORKING_DAYS } from './policy';
import { addWorkingTime } from './workingTime';

/**
 * The case's five-working-day promise on a calendar, extended by the working time its SLA
 * clock stood paused. Shared by the workflow and the API's preview of a calendar change.
 */
export function promiseDue(calendar: WorkingCalendar, acceptedAt: Date, pausedWorkingMs: number): AddWorkingDaysResult {
  const promise = calendar.addWorkingDays(acceptedAt, PROMISE_WORKING_DAYS);
  return { ...promise, dueAt: addWorkingTime(calendar, promise.dueAt, pausedWorkingMs) };
}
