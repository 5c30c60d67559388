// The hottest statements (the case list's and a case's read, a case action's scope check, every
// request's audit row, and a case's record writes in their transactions), run on the pool under
// Prisma (infra/database.ts) instead of through its client: Prisma 6.19's client engine compiles
// every call again, raw statements included, and on a small statement that costs more CPU than
// PostgreSQL spends on it (BENCHMARKS.md). The statements are still built with Prisma.sql.
import type { Prisma } from '../prisma/generated/client';
import type { Database } from './database';

/**
 * The rows `statement` returns (none for a write without RETURNING), as pg parses them: bigint
 * and numeric columns as strings, timestamps as Dates, integers as numbers, JSON as values.
 */
export async function runOnPool<Row>(db: Pick<Database, 'pool'>, statement: Prisma.Sql): Promise<Row[]> {
  return (await db.pool.query(statement.text, statement.values)).rows as Row[];
}

/** One connection's statements inside a transaction (inTransaction), named as Prisma's, so audit rows take either. */
export interface Statements {
  $executeRaw(statement: Prisma.Sql): Promise<number>;
  $queryRaw<Row>(statement: Prisma.Sql): Promise<Row[]>;
}

/**
 * `work` in one transaction on a connection of the pool, committed when it returns and rolled
 * back when it throws: for the writers every case change goes through, which Prisma's
 * interactive transaction cost more CPU than their statements (BENCHMARKS.md).
 */
export async function inTransaction<T>(db: Pick<Database, 'pool'>, work: (tx: Statements) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work({
      $executeRaw: async (s) => (await client.query(s.text, s.values)).rowCount ?? 0,
      $queryRaw: async <Row>(s: Prisma.Sql) => (await client.query(s.text, s.values)).rows as Row[],
    });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is dropped, not handed to the next caller.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
