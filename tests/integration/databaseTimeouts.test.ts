// A runaway statement is cancelled by PostgreSQL itself, and the pool carries on: on DATABASE_URL's
// server (CI) and on the embedded PostgreSQL 17 alike.
import { createDatabase } from '../../infra/database';
import { testDatabaseUrl } from '../support/env';

it('cancels a statement that runs past the statement timeout, and the next one runs', async () => {
  const db = createDatabase(testDatabaseUrl(), 1, 300);
  try {
    expect(await db.$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: '300ms' }]);
    await expect(db.$queryRaw`SELECT pg_sleep(2)::text`).rejects.toThrow(/canceling statement due to statement timeout/);
    expect(await db.$queryRaw`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
  } finally {
    await db.$disconnect();
  }
});
