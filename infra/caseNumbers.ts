// Case numbers (GL-<year>-<six digits>) come from one database sequence, so the API and
// workflows that open follow-up cases never hand out the same number twice.
import type { Database } from './database';

export async function nextCaseNo(db: Database, year: number): Promise<string> {
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('case_no_seq') AS n`;
  return `GL-${year}-${String(n).padStart(6, '0')}`;
}
