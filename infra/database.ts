import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../prisma/generated/client';

/** Prisma, and the pool of connections under it (infra/sql.ts runs the hottest statements on it). */
export type Database = PrismaClient & { readonly pool: Pool };

/** PostgreSQL cancels a statement that runs longer (see DATABASE_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Prisma over the pg driver adapter: no native query engine needed. Every connection carries a
 * statement timeout, and a transaction left open and idle is ended, so one stuck query or request
 * cannot hold locks and connections for ever.
 */
export function createDatabase(url: string, poolSize = 8, statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS): Database {
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: 4 * statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
  });
  // The pool drops an idle connection that breaks and reports it here; unheard, that report would
  // end the process (Prisma's adapter listens only once it has connected).
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const disconnectPrisma = prisma.$disconnect.bind(prisma);
  return Object.assign(prisma, {
    pool,
    /** Prisma lets go of the pool, then the pool closes its connections (whether Prisma used it or not): for good, unlike Prisma's own. */
    async $disconnect() {
      await disconnectPrisma();
      if (!pool.ending) await pool.end();
    },
  });
}
