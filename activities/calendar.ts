import type { Database } from '../infra/database';
import type { YearArrangement } from '../domain/calendar/types';

export function calendarActivities(db: Database) {
  return {
    /** The loaded State Council notices for a range of years; missing years stay provisional. */
    async loadCalendarYears({ fromYear, toYear }: { fromYear: number; toYear: number }): Promise<YearArrangement[]> {
      const rows = await db.calendarYear.findMany({ where: { year: { gte: fromYear, lte: toYear } }, orderBy: { year: 'asc' } });
      return rows.map((r) => r.arrangement as unknown as YearArrangement);
    },
  };
}
