// A throwaway database on an existing PostgreSQL server, for benchmarks and fault drills that
// must not touch the data of whoever else uses that server. The role needs CREATEDB.
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** `siblings`: suffixes of databases that will be made beside it (Temporal's), dropped with it. */
export async function createScratchDatabase(serverUrl: string, prefix: string, siblings: readonly string[] = []): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      for (const db of [name, ...siblings.map((s) => name + s)]) await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    },
  };
}

/** One statement on its own connection (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
async function runOnServer(url: string, sql: string): Promise<void> {
  const c = new PgClient({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
