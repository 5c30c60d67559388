// The embedded default must carry the API's and the worker's connections at
// once: pools from several clients, interleaved transactions kept apart.
import { Client, Pool } from 'pg';
import { createDatabase } from '../../infra/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../dev/embeddedPostgres';
import { migrate } from '../../infra/migrate';

let pg: EmbeddedPostgres;
beforeAll(async () => {
  pg = await startEmbeddedPostgres({ port: 0 });
  await migrate(pg.url);
});
afterAll(async () => {
  await pg?.stop();
});

it('serves 400 concurrent writes from a pg pool and a Prisma client at the same time', async () => {
  const pool = new Pool({ connectionString: pg.url, max: 8 });
  const prisma = createDatabase(pg.url, 8);
  try {
    const viaPool = Array.from({ length: 200 }, (_, i) =>
      pool.query('INSERT INTO audit_entry (actor, action, subject) VALUES ($1, $2, $3)', ['pool', 'LOAD', `pool:${i}`]),
    );
    const viaPrisma = Array.from({ length: 200 }, (_, i) =>
      prisma.auditEntry.create({ data: { actor: 'prisma', action: 'LOAD', subject: `prisma:${i}` } }),
    );
    await Promise.all([...viaPool, ...viaPrisma]);
    const { rows } = await pool.query("SELECT actor, count(*)::int AS n FROM audit_entry WHERE action = 'LOAD' GROUP BY actor ORDER BY actor");
    expect(rows).toEqual([{ actor: 'pool', n: 200 }, { actor: 'prisma', n: 200 }]);
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
});

it("keeps one connection's open transaction invisible to another", async () => {
  const pool = new Pool({ connectionString: pg.url, max: 4 });
  const a = await pool.connect();
  try {
    const count = async () => (await pool.query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'TX'")).rows[0].n;
    const before = await count();
    await a.query('BEGIN');
    await a.query("INSERT INTO audit_entry (actor, action, subject) VALUES ('a', 'TX', 'uncommitted')");
    const readDuringTransaction = count();
    await a.query('ROLLBACK');
    expect(await readDuringTransaction).toBe(before);
    expect(await count()).toBe(before);
  } finally {
    a.release();
    await pool.end();
  }
});

// PGlite is one session: messages of different connections must not interleave
// between Parse and Sync, or a query binds another connection's statement.
it('keeps every parameterised query of 8 pooled connections and a Prisma client apart', async () => {
  const pool = new Pool({ connectionString: pg.url, max: 8 });
  const prisma = createDatabase(pg.url, 8);
  try {
    const selects = Array.from({ length: 2000 }, async (_, i) => {
      const { rows } = await pool.query('SELECT $1::int AS v, $2::text AS s', [i, `s${i}`]);
      expect(rows).toEqual([{ v: i, s: `s${i}` }]);
    });
    const prismaSelects = Array.from({ length: 500 }, async (_, i) => {
      const rows = await prisma.$queryRawUnsafe<Array<{ v: number }>>('SELECT $1::int AS v', 100000 + i);
      expect(rows).toEqual([{ v: 100000 + i }]);
    });
    const inserts = Array.from({ length: 300 }, (_, i) =>
      i % 2
        ? pool.query('INSERT INTO audit_entry (actor, action, subject) VALUES ($1, $2, $3)', [`actor${i}`, 'MIX', `subject${i}`])
        : prisma.auditEntry.create({ data: { actor: `actor${i}`, action: 'MIX', subject: `subject${i}` } }),
    );
    await Promise.all([...selects, ...prismaSelects, ...inserts]);
    const { rows } = await pool.query("SELECT actor, subject FROM audit_entry WHERE action = 'MIX'");
    expect(rows).toHaveLength(300);
    for (const row of rows) expect(row.subject).toBe(row.actor.replace('actor', 'subject'));
    expect(new Set(rows.map((r) => r.actor)).size).toBe(300);
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
});

it('rolls back the transaction of a connection that dies in it, without blocking the others', async () => {
  const pool = new Pool({ connectionString: pg.url, max: 4 });
  const count = async () => (await pool.query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'DIED'")).rows[0].n;
  try {
    for (const die of [(c: Client) => c.end(), (c: Client) => (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()]) {
      const c = new Client({ connectionString: pg.url });
      c.on('error', () => {});
      await c.connect();
      await c.query('BEGIN');
      await c.query("INSERT INTO audit_entry (actor, action, subject) VALUES ('c', 'DIED', 'uncommitted')");
      const waiting = count(); // queued behind the open transaction
      await die(c);
      expect(await waiting).toBe(0);
      expect(await count()).toBe(0);
    }
    await pool.query("INSERT INTO audit_entry (actor, action, subject) VALUES ('p', 'DIED', 'later')");
    expect(await count()).toBe(1);
  } finally {
    await pool.end();
  }
});

it('applies the migrations again through the wire server (no-op when up to date)', async () => {
  await migrate(pg.url);
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
    expect(rows[0].n).toBeGreaterThan(0);
  } finally {
    await c.end();
  }
});
