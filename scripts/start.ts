// `npm start`: the whole system on one machine. Starts (or reuses, via ./data)
// the Temporal dev server with its UI and the embedded PostgreSQL, applies
// migrations and seed data, then runs the worker and the API as child
// processes. Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { demoEnabled, httpDemoApi, seedDemo } from '../dev/demo';
import { seedReportDemo } from '../dev/demoReports';
import { startDevServer } from '../dev/devServer';
import { earlierPgliteData, embeddedClusterDir, startEmbeddedPostgres } from '../dev/embeddedPostgres';
import { migrate } from '../infra/migrate';
import { seedReferenceData } from '../infra/seed';
import { ensureSearchAttributes } from '../infra/temporal';
import { ensureConsoleBuilt } from '../web/ensureBuilt';

const step = (zh: string, en: string) => console.log(`» ${zh} ${en}`);

async function main() {
  const config = loadConfigOrExit();
  const demo = demoEnabled(process.env, config);
  // Before anything starts: data an earlier version left that this one cannot read.
  const refusal = config.databaseUrl ? undefined : earlierPgliteData(config.dataDir);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
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
      // The UI decodes timelines through the API's codec server (docs/security.md).
      uiCodecEndpoint: `http://${config.api.host}:${config.api.port}/codec`,
      // Write-ahead logging: bare workflows ran 2.5× faster in bench:e2e (BENCHMARKS.md). NORMAL
      // sync can lose the last commits on power loss, not on a crash: acceptable for a dev server.
      extraArgs: ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'],
    });
    temporalAddress = env.connection.options.address;
    stops.push(() => env.teardown());
    await ensureSearchAttributes(env.connection, config.temporal.namespace);
  }

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    step('启动内置 PostgreSQL 17', 'Starting the embedded PostgreSQL 17');
    const pg = await startEmbeddedPostgres({ dataDir: embeddedClusterDir(config.dataDir), port: config.embeddedPgPort });
    databaseUrl = pg.url;
    stops.push(() => pg.stop());
  }

  const applied = await migrate(databaseUrl);
  step('数据库迁移', `Migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);
  const db = createDatabase(databaseUrl, 2);
  await seedReferenceData(db, { devStaff: true });
  await db.$disconnect();
  step('基础数据已载入', 'Reference data loaded (streets, banks, calendar notices)');

  // The API serves the browser console from web/dist.
  ensureConsoleBuilt((line) => step(line, ''));

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
  if (demo) {
    step('载入演示案件（GREENLANE_DEMO=0 可关闭）', 'Seeding demo cases (GREENLANE_DEMO=0 turns this off)');
    // The system runs without its demo: a failure here is reported, not fatal.
    await seedDemo(httpDemoApi(`http://${config.api.host}:${config.api.port}`, config)).catch((err: Error) => console.error(`演示数据未完成 Demo data incomplete: ${err.message}`));
    // After the cases, so the reports' lists of cases at risk can show them.
    await seedReportDemo(httpDemoApi(`http://${config.api.host}:${config.api.port}`, config)).catch((err: Error) => console.error(`演示报告未完成 Demo reports incomplete: ${err.message}`));
  }
  console.log(
    [
      '',
      'Greenlane 绿色审批通道 is running / 已启动:',
      `  API 接口          http://${config.api.host}:${config.api.port}/api/v1  (health: /healthz, readiness: /readyz)`,
      `  Console 控制台     http://${config.api.host}:${config.api.port}/`,
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
