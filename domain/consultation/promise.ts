// The joint consultation's promise (银行联合会诊): the bank re-reviews an optimised plan within
// five working days of the consultation opening; the time the firm takes to supply missing
// materials is not counted. Its own rule, even while it reads like the fast-track case's.
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { DEFAULT_AT_RISK_LEAD_MS, DEFAULT_PAUSE_LIMIT_WORKING_DAYS } from '../fastTrack/policy';
import { workingDaysPromise, type PausedTime } from '../calendar/shiftWorkingTime';

/** Working days from opening to the bank's re-review. */
export const CONSULTATION_PROMISE_WORKING_DAYS = 5;

/** How long before the due a consultation turns AT_RISK: half a working day, as a fast-track case. */
export const CONSULTATION_AT_RISK_LEAD_MS = DEFAULT_AT_RISK_LEAD_MS;

/** How many working days the firm may take over materials before the wait escalates: as long as a case's pause. */
export const CONSULTATION_PAUSE_LIMIT_WORKING_DAYS = DEFAULT_PAUSE_LIMIT_WORKING_DAYS;

/** The due instant, extended by the time the clock stood still for materials. */
export function consultationDue(calendar: WorkingCalendar, openedAt: Date, paused: PausedTime): Date {
  return workingDaysPromise(calendar, openedAt, CONSULTATION_PROMISE_WORKING_DAYS, paused).dueAt;
}
