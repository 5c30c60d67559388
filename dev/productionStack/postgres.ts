// The stack's databases on one PostgreSQL server (Debian's cluster in CI), reached with a role
// that may create databases: Greenlane's own, and Temporal's two, which temporal-sql-tool fills.
import { Client } from 'pg';

export interface StackDatabases {
  /** Greenlane's database (DATABASE_URL of the API and workers). */
  greenlane: string;
  temporal: string;
  visibility: string;
}

export function databaseNames(prefix: string): StackDatabases {
  return { greenlane: prefix, temporal: `${prefix}_temporal`, visibility: `${prefix}_visibility` };
}

/** The same server and role, another database. */
export function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the databases that are missing; `fresh` drops them first (a test run's clean slate). */
export async function prepareDatabases(serverUrl: string, names: StackDatabases, fresh: boolean): Promise<void> {
  const admin = new Client({ connectionString: urlFor(serverUrl, 'postgres') });
  await admin.connect();
  try {
    for (const db of Object.values(names)) {
      const ident = `"${db.replace(/"/g, '""')}"`;
      if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${ident}`);
    }
  } finally {
    await admin.end();
  }
}
