// Case numbers (GL-<year>-<six digits>) come from one database sequence, so the API and
// workflows that open follow-up cases never hand out the same number twice.
import { Prisma } from '../prisma/generated/client';
import type { Database } from './database';
import { runOnPool } from './sql';

/** On the pool, not Prisma's client: every acceptance draws one (infra/sql.ts). pg reads the bigint as a string. */
export async function nextCaseNo(db: Pick<Database, 'pool'>, year: number): Promise<string> {
  const [{ n }] = await runOnPool<{ n: string }>(db, Prisma.sql`SELECT nextval('case_no_seq') AS n`);
  return `GL-${year}-${n.padStart(6, '0')}`;
}
