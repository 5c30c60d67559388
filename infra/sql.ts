// The hottest statements (the case list's and a case's read, every request's audit row), run on
// the pool under Prisma (infra/database.ts) instead of through its client: Prisma 6.19's client
// engine compiles every call again, raw statements included, and on a small read that costs the
// API more CPU than PostgreSQL spends on the statement (BENCHMARKS.md). The statements are still
// built with Prisma.sql.
import type { Prisma } from '../prisma/generated/client';
import type { Database } from './database';

/**
 * The rows `statement` returns (none for a write without RETURNING), as pg parses them: bigint
 * and numeric columns as strings, timestamps as Dates, integers as numbers, JSON as values.
 */
export async function runOnPool<Row>(db: Pick<Database, 'pool'>, statement: Prisma.Sql): Promise<Row[]> {
  return (await db.pool.query(statement.text, statement.values)).rows as Row[];
}
