// `npm start`: the whole system on one machine. Starts (or reuses, via ./data)
// the Temporal dev server with its UI and the embedded PostgreSQL, applies
// migrations and seed data, then runs the worker and the API as child
// processes. Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { startDevServer } from '../infra/devServer';
import { startEmbeddedPostgres } from '../infra/embeddedPostgres';
import { migrate } from '../infra/migrate';
import { seedReferenceData } from '../infra/seed';
import { ensureSearchAttributes } from '../infra/temporal';

const step = (zh: string, en: string) => console.log(`» ${zh} ${en}`);

async function main() {
  const config = loadConfigOrExit();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    step('正在停止…', 'Stopping…');
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })));
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
    step('已全部停止', 'Everything stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  let temporalAddress = config.temporal.address;
  if (config.temporal.embedded) {
    step('启动 Temporal 开发服务器', 'Starting the Temporal dev server');
    const env = await startDevServer({
      cacheDir: config.cacheDir,
      cliPath: config.temporal.cliPath,
      port: config.temporal.devPort,
      dbFilename: path.join(config.dataDir, 'temporal.db'),
      uiPort: config.temporal.uiPort,
    });
    temporalAddress = env.connection.options.address;
    stops.push(() => env.teardown());
    await ensureSearchAttributes(env.connection, config.temporal.namespace);
  }

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    step('启动内置 PostgreSQL', 'Starting the embedded PostgreSQL (PGlite)');
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort });
    databaseUrl = pg.url;
    stops.push(() => pg.stop());
  }

  const applied = await migrate(databaseUrl);
  step('数据库迁移', `Migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);
  const db = createDatabase(databaseUrl, 2);
  await seedReferenceData(db, { devStaff: true });
  await db.$disconnect();
  step('基础数据已载入', 'Reference data loaded (streets, banks, calendar notices)');

  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
  for (const entry of ['worker/main.ts', 'api/main.ts']) {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: childEnv, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${entry} exited unexpectedly (${signal ?? code}); stopping everything`);
        void shutdown(1);
      }
    });
    children.push(child);
  }

  await waitForHttp(`http://${config.api.host}:${config.api.port}/healthz`, 60_000);
  console.log(
    [
      '',
      'Greenlane 绿色审批通道 is running / 已启动:',
      `  API 接口          http://${config.api.host}:${config.api.port}/api/v1  (health: /healthz, readiness: /readyz)`,
      `  Temporal UI       ${config.temporal.uiUrl}`,
      `  Temporal server   ${temporalAddress} (namespace ${config.temporal.namespace}, task queue ${config.temporal.taskQueue})`,
      `  Database 数据库    ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`,
      `  Data 数据目录      ${config.dataDir}`,
      '按 Ctrl-C 停止 / Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
