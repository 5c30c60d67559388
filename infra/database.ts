import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export type Database = PrismaClient;

/** PostgreSQL cancels a statement that runs longer (see DATABASE_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Prisma over the pg driver adapter: no native query engine needed. Every connection carries a
 * statement timeout, and a transaction left open and idle is ended, so one stuck query or request
 * cannot hold locks and connections for ever.
 */
export function createDatabase(url: string, poolSize = 8, statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS): Database {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: poolSize,
      statement_timeout: statementTimeoutMs,
      idle_in_transaction_session_timeout: 4 * statementTimeoutMs,
      connectionTimeoutMillis: 10_000,
    }),
  });
}
