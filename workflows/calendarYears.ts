// The working calendar enters a workflow through an activity: State Council notices are
// loaded (and corrected) while cases and consultations run.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import type { YearArrangement } from '../domain/calendar/types';
import { RECORD } from './activityOptions';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/**
 * The arrangements of the year `from` falls in and of the next (a due can fall into it); build
 * a WorkingCalendar from them. `reload` once a new notice was loaded.
 */
export function loadCalendarYears(from: Date, reload = false): Promise<YearArrangement[]> {
  const year = yearOf(shanghaiDate(from));
  const summary = `${reload ? '重新载入工作日历 Reload' : '载入工作日历 Load'} working calendar ${year}-${year + 1}`;
  return act.loadCalendarYears.executeWithOptions({ ...RECORD, summary }, [{ fromYear: year, toYear: year + 1 }]);
}
