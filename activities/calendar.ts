import type { Database } from '../infra/database';
import type { YearArrangement } from '../domain/calendar/types';
import { readArrangements } from '../infra/calendarStore';

export function calendarActivities(db: Database) {
  return {
    /** The loaded State Council notices for a range of years; missing years stay provisional. */
    loadCalendarYears({ fromYear, toYear }: { fromYear: number; toYear: number }): Promise<YearArrangement[]> {
      return readArrangements(db, { from: fromYear, to: toYear });
    },
  };
}
