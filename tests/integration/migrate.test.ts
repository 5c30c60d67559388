import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SandboxBank } from '../../activities/adapters';
import { createDatabase } from '../../infra/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../dev/embeddedPostgres';
import { createScratchDatabase, type ScratchDatabase } from '../../dev/scratchDatabase';
import { migrate, MIGRATIONS_DIR } from '../../infra/migrate';

// One server for the file, an empty database for each test.
let pg: EmbeddedPostgres;
let scratch: ScratchDatabase;
let dir: string;
beforeAll(async () => {
  pg = await startEmbeddedPostgres();
});
afterAll(async () => {
  await pg?.stop();
});
beforeEach(async () => {
  scratch = await createScratchDatabase(pg.url, 'greenlane_migrate');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await scratch?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function bookkeeping(): Promise<Array<{ migration_name: string; checksum: string; finished: boolean }>> {
  const c = new Client({ connectionString: scratch.url });
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
  expect(await migrate(scratch.url, dir)).toEqual(names);
  expect(await migrate(scratch.url, dir)).toEqual([]);
  const rows = await bookkeeping();
  expect(rows.map((r) => r.migration_name)).toEqual(names);
  expect(rows.every((r) => r.finished && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
});

it('applies only the new migration when one is added', async () => {
  await migrate(scratch.url, dir);
  fs.mkdirSync(path.join(dir, '99990101000000_add_note'));
  fs.writeFileSync(path.join(dir, '99990101000000_add_note', 'migration.sql'), 'ALTER TABLE "street" ADD COLUMN "note" TEXT;');
  expect(await migrate(scratch.url, dir)).toEqual(['99990101000000_add_note']);
});

it('refuses a migration whose file changed after it was applied, and applies nothing', async () => {
  const applied = await migrate(scratch.url, dir);
  const [first] = applied;
  fs.appendFileSync(path.join(dir, first, 'migration.sql'), '\n-- edited later\n');
  fs.mkdirSync(path.join(dir, '99990101000000_add_note'));
  fs.writeFileSync(path.join(dir, '99990101000000_add_note', 'migration.sql'), 'ALTER TABLE "street" ADD COLUMN "note" TEXT;');
  await expect(migrate(scratch.url, dir)).rejects.toThrow(`Migration ${first} was changed after it was applied`);
  expect((await bookkeeping()).map((r) => r.migration_name)).toEqual(applied);
});

it('rolls back a failing migration whole and reports it', async () => {
  fs.mkdirSync(path.join(dir, '99990101000000_broken'));
  fs.writeFileSync(path.join(dir, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE "x" (id int); SELECT no_such_function();');
  await expect(migrate(scratch.url, dir)).rejects.toThrow(/Migration 99990101000000_broken failed/);
  const rows = await bookkeeping();
  expect(rows.map((r) => r.migration_name)).not.toContain('99990101000000_broken');
  const c = new Client({ connectionString: scratch.url });
  await c.connect();
  expect((await c.query("SELECT to_regclass('public.x') AS t")).rows[0].t).toBeNull();
  await c.end();
});

it("moves a development database's sandbox payments into the sandbox bank's own schema, where the bank still finds them", async () => {
  const leaving = '20261130110000_sandbox_bank_leaves_schema';
  fs.renameSync(path.join(dir, leaving), path.join(os.tmpdir(), `${path.basename(dir)}-${leaving}`));
  await migrate(scratch.url, dir);
  const c = new Client({ connectionString: scratch.url });
  await c.connect();
  try {
    await c.query(`INSERT INTO sandbox_contract (idempotency_key, contract_no, bank_code, amount_fen, rate_bp, term_months) VALUES ('GL-2026-000001', 'HT-XIB-GL-2026-000001', 'xib', 500000000, 385, 12)`);
    await c.query(`INSERT INTO sandbox_disbursement (idempotency_key, reference, bank_code, contract_no, amount_fen) VALUES ('GL-2026-000001', 'FK-GL-2026-000001', 'xib', 'HT-XIB-GL-2026-000001', 500000000)`);
    fs.renameSync(path.join(os.tmpdir(), `${path.basename(dir)}-${leaving}`), path.join(dir, leaving));
    expect(await migrate(scratch.url, dir)).toEqual([leaving]);
    const { rows } = await c.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE '%contract' OR table_name LIKE '%disbursement' ORDER BY 1, 2`);
    expect(rows).toEqual([{ table_schema: 'sandbox_bank', table_name: 'contract' }, { table_schema: 'sandbox_bank', table_name: 'disbursement' }]);
    const db = createDatabase(scratch.url, 1);
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
  await migrate(scratch.url, dir);
  const c = new Client({ connectionString: scratch.url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE 'sandbox%' OR table_schema = 'sandbox_bank'`);
    expect(rows).toEqual([]);
  } finally {
    await c.end();
  }
});

it("keeps each case's firm as its own street named it: another street's name under a shared firm row is not carried over", async () => {
  const perCase = '20261130141000_firm_per_case_audit_indexes';
  const aside = path.join(os.tmpdir(), `${path.basename(dir)}-${perCase}`);
  fs.renameSync(path.join(dir, perCase), aside);
  await migrate(scratch.url, dir);
  const c = new Client({ connectionString: scratch.url });
  await c.connect();
  try {
    await c.query(`INSERT INTO street (code, name_zh, name_en) VALUES ('lujiang', '鹭江街道', 'Lujiang'), ('lianqian', '莲前街道', 'Lianqian')`);
    await c.query(`INSERT INTO bank (code, name_zh, name_en) VALUES ('xib', '厦门国际银行', 'XIB')`);
    // 鹭江 wrote the shared row first; 莲前's later case of the same code showed 鹭江's name.
    await c.query(`INSERT INTO firm (id, credit_code, name, street_code) VALUES ('00000000-0000-4000-8000-000000000001', '91350203MA31T5XY0K', '鹭江的名称', 'lujiang')`);
    const row = (caseNo: string, street: string) =>
      c.query(
        `INSERT INTO loan_case (case_no, workflow_id, product, firm_id, street_code, bank_code, amount_fen, purpose, stage, sla_state, accepted_at, created_by, updated_at)
         VALUES ($1, 'case-' || $1, 'FAST_TRACK', '00000000-0000-4000-8000-000000000001', $2, 'xib', 100, 'p', 'PARALLEL_REVIEW', 'ON_TRACK', now(), 'x', now())`,
        [caseNo, street],
      );
    await row('GL-2026-000001', 'lujiang');
    await row('GL-2026-000002', 'lianqian');
    fs.renameSync(aside, path.join(dir, perCase));
    expect(await migrate(scratch.url, dir)).toEqual([perCase]);
    const { rows } = await c.query('SELECT case_no, firm_name, credit_code FROM loan_case ORDER BY case_no');
    expect(rows).toEqual([
      { case_no: 'GL-2026-000001', firm_name: '鹭江的名称', credit_code: '91350203MA31T5XY0K' },
      { case_no: 'GL-2026-000002', firm_name: '（名称待从工作流恢复 name to be restored from the workflow）', credit_code: '91350203MA31T5XY0K' },
    ]);
    expect((await c.query("SELECT to_regclass('public.firm') AS t")).rows[0].t).toBeNull();
  } finally {
    await c.end();
  }
});
