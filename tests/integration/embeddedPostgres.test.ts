// The embedded default must carry the API's and the worker's connections at
// once: pools from several clients, interleaved transactions kept apart.
import { Pool } from 'pg';
import { createDatabase } from '../../infra/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../infra/embeddedPostgres';
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
