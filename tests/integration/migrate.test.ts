import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../infra/embeddedPostgres';
import { migrate, MIGRATIONS_DIR } from '../../infra/migrate';

let pg: EmbeddedPostgres;
let dir: string;
beforeEach(async () => {
  pg = await startEmbeddedPostgres({ port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function bookkeeping(): Promise<Array<{ migration_name: string; checksum: string; finished: boolean }>> {
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name');
    return rows;
  } finally {
    await c.end();
  }
}

it("applies pending migrations once, keeping Prisma's bookkeeping", async () => {
  const names = fs.readdirSync(dir).sort();
  expect(await migrate(pg.url, dir)).toEqual(names);
  expect(await migrate(pg.url, dir)).toEqual([]);
  const rows = await bookkeeping();
  expect(rows.map((r) => r.migration_name)).toEqual(names);
  expect(rows.every((r) => r.finished && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
});

it('applies only the new migration when one is added', async () => {
  await migrate(pg.url, dir);
  fs.mkdirSync(path.join(dir, '99990101000000_add_note'));
  fs.writeFileSync(path.join(dir, '99990101000000_add_note', 'migration.sql'), 'ALTER TABLE "firm" ADD COLUMN "note" TEXT;');
  expect(await migrate(pg.url, dir)).toEqual(['99990101000000_add_note']);
});

it('refuses a migration whose file changed after it was applied, and applies nothing', async () => {
  const applied = await migrate(pg.url, dir);
  const [first] = applied;
  fs.appendFileSync(path.join(dir, first, 'migration.sql'), '\n-- edited later\n');
  fs.mkdirSync(path.join(dir, '99990101000000_add_note'));
  fs.writeFileSync(path.join(dir, '99990101000000_add_note', 'migration.sql'), 'ALTER TABLE "firm" ADD COLUMN "note" TEXT;');
  await expect(migrate(pg.url, dir)).rejects.toThrow(`Migration ${first} was changed after it was applied`);
  expect((await bookkeeping()).map((r) => r.migration_name)).toEqual(applied);
});

it('rolls back a failing migration whole and reports it', async () => {
  fs.mkdirSync(path.join(dir, '99990101000000_broken'));
  fs.writeFileSync(path.join(dir, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE "x" (id int); SELECT no_such_function();');
  await expect(migrate(pg.url, dir)).rejects.toThrow(/Migration 99990101000000_broken failed/);
  const rows = await bookkeeping();
  expect(rows.map((r) => r.migration_name)).not.toContain('99990101000000_broken');
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  expect((await c.query("SELECT to_regclass('public.x') AS t")).rows[0].t).toBeNull();
  await c.end();
});
