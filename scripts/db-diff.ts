// Writes a new migration for the change to prisma/schema.prisma since the last
// commit: `npm run db:diff -- <migration_name>` creates
// prisma/migrations/<timestamp>_<name>/migration.sql.
// Prisma's JS schema engine (see prisma.config.ts) cannot diff against a live
// URL, so the diff is taken between the committed schema and the working one;
// it connects to a throwaway embedded PostgreSQL only because the engine insists.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedPostgres } from '../dev/embeddedPostgres';
import { MIGRATIONS_DIR } from '../infra/migrate';

function committedSchema(): string | undefined {
  try {
    const text = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-schema-')), 'schema.prisma');
    fs.writeFileSync(file, text);
    return file;
  } catch {
    return undefined;
  }
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:diff -- <migration_name in snake_case>');
  const from = committedSchema();
  const pg = await startEmbeddedPostgres();
  try {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['prisma', 'migrate', 'diff', ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']),
        '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      { env: { ...process.env, DATABASE_URL: pg.url } },
    );
    if (/^-- This is an empty migration/m.test(stdout)) {
      console.log('The schema did not change since the last commit: nothing to write.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), stdout);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
