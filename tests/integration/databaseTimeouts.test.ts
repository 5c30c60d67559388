// A runaway statement is cancelled by PostgreSQL itself, and the pool carries on: on DATABASE_URL's
// server (CI) and on the embedded PostgreSQL 17 alike, through Prisma and straight on its pool.
import { createDatabase } from '../../infra/database';
import { runOnPool } from '../../infra/sql';
import { Prisma } from '../../prisma/generated/client';
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

it('holds the hottest reads, run straight on the pool (infra/sql.ts), to the same timeout, on the same connections', async () => {
  const db = createDatabase(testDatabaseUrl(), 1, 300);
  try {
    await expect(runOnPool(db, Prisma.sql`SELECT pg_sleep(2)::text`)).rejects.toThrow(/canceling statement due to statement timeout/);
    const [viaPool] = await runOnPool<{ pid: number }>(db, Prisma.sql`SELECT pg_backend_pid() AS pid`);
    const [viaPrisma] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    expect(viaPool!.pid).toBe(viaPrisma!.pid);
  } finally {
    await db.$disconnect();
  }
});
