import type { Database } from './database';
import type { YearArrangement } from '../domain/calendar/types';

/** The loaded State Council notices, optionally for a range of years. */
export async function readArrangements(db: Database, years?: { from: number; to: number }): Promise<YearArrangement[]> {
  const rows = await db.calendarYear.findMany({
    where: years ? { year: { gte: years.from, lte: years.to } } : undefined,
    orderBy: { year: 'asc' },
  });
  return rows.map((r) => r.arrangement as unknown as YearArrangement);
}
