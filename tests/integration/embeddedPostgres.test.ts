// The embedded default (PostgreSQL 17 from npm) carries the API's and the worker's connections at
// once, keeps `npm start`'s data across restarts, listens on loopback only, and `npm start` refuses
// the files an earlier Greenlane's PGlite left in DATA_DIR instead of opening them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { createDatabase } from '../../infra/database';
import { startEmbeddedPostgres } from '../../dev/embeddedPostgres';
import { migrate } from '../../infra/migrate';

const ROOT = path.join(__dirname, '..', '..');

async function query(url: string, sql: string): Promise<unknown[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

it('serves 400 concurrent writes from a pg pool and a Prisma client at the same time', async () => {
  const pg = await startEmbeddedPostgres();
  const pool = new Pool({ connectionString: pg.url, max: 8 });
  // pg-pool's end() resolves once its clients are told to end, before their sockets close: the
  // server's shutdown notice (57P01) can still reach one, which the pool re-emits as 'error'.
  pool.on('error', () => undefined);
  const prisma = createDatabase(pg.url, 8);
  try {
    await migrate(pg.url);
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
    await pg.stop();
  }
});

it('keeps its data across a restart on the same directory, on loopback only, and stops for good', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-embedded-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as user postgres
  try {
    let pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
    expect(await query(pg.url, "SELECT current_setting('listen_addresses') AS tcp, current_setting('unix_socket_directories') AS unix, current_setting('server_encoding') AS encoding")).toEqual([
      { tcp: '127.0.0.1', unix: '', encoding: 'UTF8' },
    ]);
    await query(pg.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('鹭江街道 Lujiang')");
    await pg.stop();
    await expect(query(pg.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
    try {
      expect(await query(pg.url, 'SELECT note FROM kept')).toEqual([{ note: '鹭江街道 Lujiang' }]);
    } finally {
      await pg.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// As root (CI, containers) PostgreSQL runs as user postgres; a data directory inside a directory
// only root may enter (a checkout under /root) is named, with what to do, before anything starts.
(process.getuid?.() === 0 ? it : it.skip)('as root, names the directory user postgres cannot enter instead of failing inside initdb', async () => {
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-closed-'));
  fs.chmodSync(closed, 0o700);
  try {
    await expect(startEmbeddedPostgres({ dataDir: path.join(closed, 'data', 'postgres') })).rejects.toThrow(
      `As root the embedded PostgreSQL runs as user postgres, which cannot enter ${closed}: keep the project outside /root (e.g. /srv), run as a normal user, or chmod o+x ${closed}.`,
    );
    expect(fs.readdirSync(closed)).toEqual([]);
  } finally {
    fs.rmSync(closed, { recursive: true, force: true });
  }
});

// A directory closed to others but open to postgres's group (as a shared /srv/greenlane may be) is no reason to refuse.
const postgresGid = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))?.split(':')[3];
(process.getuid?.() === 0 && postgresGid ? it : it.skip)('as root, starts in a directory only its group postgres may enter', async () => {
  const grouped = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-grouped-'));
  fs.chownSync(grouped, 0, Number(postgresGid));
  fs.chmodSync(grouped, 0o750);
  try {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(grouped, 'postgres') });
    try {
      expect(await query(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await pg.stop();
    }
  } finally {
    fs.rmSync(grouped, { recursive: true, force: true });
  }
});

it("refuses to start on an earlier PGlite's data directory, says what to do, and leaves it as it was", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-pglite-'));
  try {
    fs.mkdirSync(path.join(dataDir, 'pg'));
    fs.writeFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), '17\n');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${dataDir}/pg 是早先版本的内置数据库（PGlite）的数据，现在的内置 PostgreSQL 17 无法读取。`);
    expect(run.stderr).toContain(`${dataDir}/pg holds the database of an earlier Greenlane's embedded PGlite, which the embedded PostgreSQL 17 cannot read.`);
    expect(run.stderr).toContain(`mv ${dataDir} ${dataDir}-pglite && npm start`);
    expect(run.stdout).not.toContain('Temporal');
    expect(fs.readdirSync(dataDir)).toEqual(['pg']);
    expect(fs.readdirSync(path.join(dataDir, 'pg'))).toEqual(['PG_VERSION']);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
