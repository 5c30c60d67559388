import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SandboxBank } from '../../activities/adapters';
import { createDatabase } from '../../infra/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../dev/embeddedPostgres';
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

it("moves a development database's sandbox payments into the sandbox bank's own schema, where the bank still finds them", async () => {
  const leaving = '20261130110000_sandbox_bank_leaves_schema';
  fs.renameSync(path.join(dir, leaving), path.join(os.tmpdir(), `${path.basename(dir)}-${leaving}`));
  await migrate(pg.url, dir);
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  try {
    await c.query(`INSERT INTO sandbox_contract (idempotency_key, contract_no, bank_code, amount_fen, rate_bp, term_months) VALUES ('GL-2026-000001', 'HT-XIB-GL-2026-000001', 'xib', 500000000, 385, 12)`);
    await c.query(`INSERT INTO sandbox_disbursement (idempotency_key, reference, bank_code, contract_no, amount_fen) VALUES ('GL-2026-000001', 'FK-GL-2026-000001', 'xib', 'HT-XIB-GL-2026-000001', 500000000)`);
    fs.renameSync(path.join(os.tmpdir(), `${path.basename(dir)}-${leaving}`), path.join(dir, leaving));
    expect(await migrate(pg.url, dir)).toEqual([leaving]);
    const { rows } = await c.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE '%contract' OR table_name LIKE '%disbursement' ORDER BY 1, 2`);
    expect(rows).toEqual([{ table_schema: 'sandbox_bank', table_name: 'contract' }, { table_schema: 'sandbox_bank', table_name: 'disbursement' }]);
    const db = createDatabase(pg.url, 1);
    try {
      expect(await new SandboxBank(db).ledger(['GL-2026-000001'])).toMatchObject({
        contracts: [{ caseNo: 'GL-2026-000001', contractNo: 'HT-XIB-GL-2026-000001' }],
        payments: [{ idempotencyKey: 'GL-2026-000001', reference: 'FK-GL-2026-000001', amountFen: 500_000_000 }],
      });
    } finally {
      await db.$disconnect();
    }
  } finally {
    await c.end();
  }
});

it('drops the empty sandbox tables of a production database: Greenlane keeps no bank books', async () => {
  await migrate(pg.url, dir);
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE 'sandbox%' OR table_schema = 'sandbox_bank'`);
    expect(rows).toEqual([]);
  } finally {
    await c.end();
  }
});
