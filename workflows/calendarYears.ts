// The working calendar enters a workflow through an activity: State Council notices are
// loaded (and corrected) while cases and consultations run.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import type { YearArrangement } from '../domain/calendar/types';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { RECORD } from './activityOptions';
import { takes } from './changeGenerations';
import { localFirst } from './localFirst';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/**
 * The arrangements of the year `from` falls in and of the next (a due can fall into it); build
 * a WorkingCalendar from them with workingCalendarOf. `reload` once a new notice was loaded;
 * `inTask` to read it inside the workflow task (a local activity, workflows/localFirst.ts).
 */
export function loadCalendarYears(from: Date, reload = false, inTask = false): Promise<YearArrangement[]> {
  const year = yearOf(shanghaiDate(from));
  const summary = `${reload ? '重新载入工作日历 Reload' : '载入工作日历 Load'} working calendar ${year}-${year + 1}`;
  const years = { fromYear: year, toYear: year + 1 };
  return inTask ? localFirst('loadCalendarYears', summary, [years]) : act.loadCalendarYears.executeWithOptions({ ...RECORD, summary }, [years]);
}

/** Years without a notice rest on their art. 6 substitute days (workingCalendarOf). */
export const PROVISIONAL_SUBSTITUTE_REST_DAYS = 'provisional-substitute-rest-days';

/**
 * The working calendar of loaded notices. Years without one rest on their art. 6 substitute
 * days only in runs that reached this since the rule came in: earlier histories replay without.
 */
export function workingCalendarOf(arrangements: readonly YearArrangement[]): WorkingCalendar {
  return new WorkingCalendar(arrangements, { substituteRestDays: takes(PROVISIONAL_SUBSTITUTE_REST_DAYS) });
}

/** loadCalendarYears, then the calendar of what it loaded. */
export async function loadWorkingCalendar(from: Date, reload = false, inTask = false): Promise<WorkingCalendar> {
  return workingCalendarOf(await loadCalendarYears(from, reload, inTask));
}
