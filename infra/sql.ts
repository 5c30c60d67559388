// The hottest statements (the case list's and a case's read, a case action's scope check, every
// request's audit row, and a case's record writes in their transactions), run on the pool under
// Prisma (infra/database.ts) instead of through its client: Prisma 6.19's client engine compiles
// every call again, raw statements included, and on a small statement that costs more CPU than
// PostgreSQL spends on it (BENCHMARKS.md). The statements are still built with Prisma.sql, and run
// as named prepared statements.
import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';
import type { Prisma } from '../prisma/generated/client';
import type { Database } from './database';

/**
 * The rows `statement` returns (none for a write without RETURNING), as pg parses them: bigint
 * and numeric columns as strings, timestamps as Dates, integers as numbers, JSON as values.
 */
export async function runOnPool<Row>(db: Pick<Database, 'pool'>, statement: Prisma.Sql): Promise<Row[]> {
  return (await db.pool.query(prepared(statement))).rows as Row[];
}

const names = new Map<string, string>();

/**
 * `statement` as a named prepared statement: each pool connection parses and plans a text once, and
 * PostgreSQL keeps its plan (a generic one once it costs no more than planning anew), instead of
 * planning every execution: for a case's read, planning cost more than running it (BENCHMARKS.md).
 * The texts are the code's own, a bounded set, so each connection holds a bounded number.
 */
function prepared(statement: Prisma.Sql): QueryConfig {
  let name = names.get(statement.text);
  if (name === undefined) names.set(statement.text, (name = `gl_${createHash('sha1').update(statement.text).digest('base64url')}`));
  return { name, text: statement.text, values: statement.values };
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
      $executeRaw: async (s) => (await client.query(prepared(s))).rowCount ?? 0,
      $queryRaw: async <Row>(s: Prisma.Sql) => (await client.query(prepared(s))).rows as Row[],
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
