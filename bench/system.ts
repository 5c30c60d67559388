// The whole system for a benchmark or the fuzzer, on loopback ports in a temp dir:
// PostgreSQL (a fresh database on DATABASE_URL's server when set, else the embedded
// PostgreSQL 17), Temporal (the CLI dev server, or with `realServer` the production
// topology's Temporal Server on that PostgreSQL), a worker on its own task queue, and the API.
// `stop()` removes all of it, so runs never see each other's cases.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createVerifier, mintDevToken } from '../api/auth/verifier';
import { developmentDataConverter } from '../infra/dataConverter';
import { createLogger } from '../infra/logger';
import { loadConfig } from '../infra/config';
import { createDatabase, type Database } from '../infra/database';
import { startDevServer } from '../dev/devServer';
import { DEV_USERS } from '../infra/devUsers';
import { startEmbeddedPostgres } from '../dev/embeddedPostgres';
import { createScratchDatabase } from '../dev/scratchDatabase';
import { migrate } from '../infra/migrate';
import { seedReferenceData } from '../infra/seed';
import { ensureSearchAttributes } from '../infra/temporal';
import { workflowBundle } from '../tests/support/env';
import { createWorker, type WorkerDeps } from '../worker/createWorker';
import { realServerDir, startRealServer } from './realServer';
import { databaseNames } from '../dev/productionStack/postgres';
import { HISTORY_SHARDS } from '../dev/productionStack/temporalServer';
import { TEMPORAL_SERVER_VERSION } from '../dev/tools/temporalServer';

export type WorkerTuning = NonNullable<WorkerDeps['tuning']>;

export interface SystemOptions {
  /** Keep Temporal's state in a SQLite file in the temp dir (to measure it) instead of in memory. */
  temporalFile?: boolean;
  /** Dev server SQLite pragmas, "name=value" (e.g. journal_mode=wal). */
  sqlitePragmas?: string[];
  worker?: WorkerTuning;
  /** Connections per pool (the API's and the worker's share one pool here). */
  dbPoolSize?: number;
  /** Temporal Server as `npm run stack:production` runs it (PostgreSQL persistence, 4 shards) instead of the dev server. */
  realServer?: boolean;
}

/** What the benchmarks use of a Temporal server, whichever runs. */
export type TemporalHandle = Pick<TestWorkflowEnvironment, 'client' | 'nativeConnection' | 'connection' | 'teardown'>;

export interface System {
  config: ReturnType<typeof loadConfig>;
  env: TemporalHandle;
  /** Which Temporal server runs, for reports. */
  temporalKind: string;
  db: Database;
  databaseUrl: string;
  /** Where the PostgreSQL database comes from, for reports. */
  databaseKind: string;
  taskQueue: string;
  /** e.g. http://127.0.0.1:41234 */
  apiOrigin: string;
  temporalDbPath?: string;
  /** The real server's PostgreSQL databases (on the same server as `databaseUrl`). */
  temporalDatabases?: string[];
  /** A string in the Temporal server process's command line, to find it in /proc. */
  temporalMarker: string;
  /** A string in the command line of each PostgreSQL backend serving Greenlane's database. */
  postgresMarker: string;
  tmpDir: string;
  /** A bearer token for a seeded development user (`npm run token` lists them). */
  token(sub: string): Promise<string>;
  /** Replaces the running worker with one tuned differently (same task queue). */
  restartWorker(tuning?: WorkerTuning): Promise<void>;
  stop(): Promise<void>;
}

const AUTH_SECRET = 'bench-secret-that-is-long-enough-for-hs256';

let runtimeInstalled = false;

export async function startSystem(opts: SystemOptions = {}): Promise<System> {
  // Warnings only: the SDK's worker-state chatter would drown the figures.
  if (!runtimeInstalled) Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
  const config = loadConfig({ ...process.env, AUTH_DEV_SECRET: AUTH_SECRET });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-bench-'));
  const temporalDbPath = opts.temporalFile && !opts.realServer ? path.join(tmpDir, 'temporal.db') : undefined;
  const { temporal: temporalSuffix, visibility: visibilitySuffix } = databaseNames('');
  const database = config.databaseUrl ? await createScratchDatabase(config.databaseUrl, 'greenlane_bench', [temporalSuffix, visibilitySuffix]) : undefined;
  const pg = database ? undefined : await startEmbeddedPostgres();
  const databaseUrl = database?.url ?? pg!.url;

  const real = opts.realServer ? await startRealServer(config.cacheDir, databaseUrl, tmpDir) : undefined;
  const dev = real ? undefined : await startDevServer({
    cacheDir: config.cacheDir,
    cliPath: config.temporal.cliPath,
    dbFilename: temporalDbPath,
    extraArgs: (opts.sqlitePragmas ?? []).flatMap((p) => ['--sqlite-pragma', p]),
    dataConverter: developmentDataConverter(),
  });
  const env: TemporalHandle = real ?? dev!;
  await ensureSearchAttributes(env.connection, 'default');
  await migrate(databaseUrl);
  const db = createDatabase(databaseUrl, opts.dbPoolSize ?? 8);
  await seedReferenceData(db, { devStaff: true });

  const taskQueue = `bench-${randomUUID()}`;
  // Bundled once, so restarting the worker with other tuning costs no rebundle.
  const bundle = await workflowBundle();
  let worker: Worker;
  let running: Promise<void>;
  const runWorker = async (tuning?: WorkerTuning) => {
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, db, dataConverter: developmentDataConverter(), workflowBundle: bundle, tuning: { shutdownGraceTime: '1s', ...tuning } });
    running = worker.run();
  };
  await runWorker(opts.worker);

  const app = createApp({
    db,
    // On the native connection, as the API's own client is (infra/temporal.ts).
    client: new Client({ connection: env.nativeConnection, namespace: 'default', dataConverter: developmentDataConverter() }),
    taskQueue,
    namespace: 'default',
    temporalUiUrl: '',
    verify: createVerifier(config),
    ops: { logger: createLogger((process.env.BENCH_LOG_LEVEL ?? 'silent') as 'silent'), rateLimitPerMinute: 1_000_000_000 },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });

  return {
    config,
    env,
    db,
    databaseUrl,
    databaseKind: database ? 'PostgreSQL from DATABASE_URL (fresh database)' : 'embedded PostgreSQL 17',
    temporalKind: opts.realServer ? `Temporal Server ${TEMPORAL_SERVER_VERSION} (PostgreSQL persistence and visibility, ${HISTORY_SHARDS} history shards)` : `Temporal CLI dev server (SQLite ${temporalDbPath ? 'file' : 'in memory'})`,
    taskQueue,
    apiOrigin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    temporalDbPath,
    temporalDatabases: real?.databases,
    // The dev server's own SQLite file, or its port (NUL separates a command line's arguments).
    temporalMarker: real ? realServerDir(tmpDir) : temporalDbPath ?? `--port\0${dev!.address.split(':').pop()}\0`,
    // A backend's title names its database, then a space.
    postgresMarker: ` ${new URL(databaseUrl).pathname.slice(1)} `,
    tmpDir,
    token(sub) {
      const user = DEV_USERS.find((u) => u.sub === sub);
      if (!user) throw new Error(`no development user ${sub}`);
      return mintDevToken(config, user);
    },
    async restartWorker(tuning) {
      worker.shutdown();
      await running;
      await runWorker(tuning);
    },
    async stop() {
      // A request the load generator abandoned at the end of its run may still wait on a workflow
      // query; the client's retry timer then fires on the closed connection and throws from a
      // timer. That one error, after this point, is the run ending, not a failure.
      process.on('uncaughtException', (err) => {
        if (err.message !== 'Channel has been shut down') throw err;
      });
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      await closed;
      worker.shutdown();
      await running;
      await db.$disconnect();
      await env.teardown();
      await pg?.stop();
      await database?.drop();
      fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
