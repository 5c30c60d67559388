// Starts the real servers the integration and e2e tests share: the Temporal CLI
// dev server (in memory) and PostgreSQL (DATABASE_URL when set, as in CI; else the
// embedded PostgreSQL 17). Installs the Temporal CLI and the Java time-skipping test
// server on first use. Children find them through GREENLANE_TEST_* variables.
// Once per jest run: the e2e project's setup calls it too.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../infra/config';
import { startDevServer } from '../../dev/devServer';
import { startEmbeddedPostgres } from '../../dev/embeddedPostgres';
import { migrate } from '../../infra/migrate';
import { createDatabase } from '../../infra/database';
import { seedReferenceData } from '../../infra/seed';
import { ensureSearchAttributes } from '../../infra/temporal';
import { ensureTestServer } from '../../dev/tools/testServer';

export default async function globalSetup(): Promise<void> {
  if ((globalThis as { __greenlane?: unknown }).__greenlane) return;
  // One signing key for the whole run: test files mint tokens, the API verifies them.
  process.env.AUTH_DEV_SECRET ??= randomBytes(32).toString('base64url');
  const config = loadConfig({ ...process.env, GREENLANE_ENV: 'test' });
  process.env.GREENLANE_TEST_SERVER_PATH = ensureTestServer(config.cacheDir);

  const env = await startDevServer({ cacheDir: config.cacheDir, cliPath: config.temporal.cliPath });
  await ensureSearchAttributes(env.connection, 'default');
  process.env.GREENLANE_TEST_TEMPORAL_ADDRESS = env.connection.options.address;

  let url = config.databaseUrl;
  let stopPg: (() => Promise<void>) | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres();
    url = pg.url;
    stopPg = () => pg.stop();
  }
  await migrate(url);
  const db = createDatabase(url, 2);
  await seedReferenceData(db, { devStaff: true });
  await db.$disconnect();
  process.env.GREENLANE_TEST_DATABASE_URL = url;

  (globalThis as { __greenlane?: unknown }).__greenlane = {
    async stop() {
      await env.teardown();
      await stopPg?.();
    },
  };
}
