import type { Database } from './database';
import type { YearArrangement } from '../domain/calendar/types';
import { Prisma } from '../prisma/generated/client';
import { runOnPool } from './sql';

/**
 * The loaded State Council notices, optionally for a range of years. On the pool, not Prisma's
 * client: every case's acceptance reads them (infra/sql.ts).
 */
export async function readArrangements(db: Pick<Database, 'pool'>, years?: { from: number; to: number }): Promise<YearArrangement[]> {
  const within = years ? Prisma.sql`WHERE year BETWEEN ${years.from}::int AND ${years.to}::int` : Prisma.empty;
  const rows = await runOnPool<{ arrangement: YearArrangement }>(db, Prisma.sql`SELECT arrangement FROM calendar_year ${within} ORDER BY year`);
  return rows.map((r) => r.arrangement);
}
