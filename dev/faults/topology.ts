// What the fault drill (scripts/faults.ts) runs its load against and breaks: either the development
// shape (Temporal CLI dev server on SQLite, one worker, the API with development tokens) or the
// production topology of `npm run stack:production` (Temporal Server on PostgreSQL with 4 history
// shards, two workers, the API in production mode with tokens from the OpenID provider). Both run
// on the PostgreSQL the drill gives them, which the drill restarts itself.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mintDevToken } from '../../api/auth/verifier';
import { loadConfig } from '../../infra/config';
import { parsePayloadKeys, type PayloadKeys } from '../../infra/payloadCodec';
import { createDatabase } from '../../infra/database';
import { DEV_USERS } from '../../infra/devUsers';
import { migrate } from '../../infra/migrate';
import { seedReferenceData } from '../../infra/seed';
import { ensureSearchAttributes } from '../../infra/temporal';
import { signInWithPassword } from '../identityProvider/browserSignIn';
import { startDevServer } from '../devServer';
import { freePort, ManagedProcess, tsxEntry, waitFor } from '../managedProcess';
import { payloadKeys, startProductionStack } from '../productionStack';

export type TopologyName = 'dev' | 'production';

export interface DrillTopology {
  /** For the summary: what ran. */
  description: string;
  apiUrl: string;
  temporalAddress: string;
  payloadKeys: PayloadKeys;
  /** Where each process's log is. */
  logDir: string;
  /** A bearer token for a user (the development users and the realm's are the same people). */
  token(sub: string): Promise<string>;
  /**
   * SIGKILLs a worker (one of them, in turn) and starts it again; `around` runs the kill, e.g.
   * while the drill holds the records so the worker dies mid-write.
   */
  killWorker(around?: (kill: () => Promise<void>) => Promise<void>): Promise<void>;
  /** Stops the Temporal server, keeps it away for `outageMs`, starts it again on the same state. */
  restartTemporal(outageMs: number): Promise<void>;
  /** Exits nobody asked for, each followed by a restart. */
  crashes(): { worker: number; api: number };
  stop(): Promise<void>;
}

type Config = ReturnType<typeof loadConfig>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDevTopology(config: Config, dir: string, databaseUrl: string): Promise<DrillTopology> {
  const temporalPort = await freePort();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  // `never`: every SIGKILL and restart makes the server log each cancelled operation at ERROR,
  // hundreds of lines that are the drill working; the consistency check judges the outcome.
  const devServer = () =>
    startDevServer({ cacheDir: config.cacheDir, cliPath: config.temporal.cliPath, port: temporalPort, dbFilename: path.join(dir, 'temporal.db'), logLevel: 'never' });
  let temporal: TestWorkflowEnvironment = await devServer();
  const stops: Array<() => Promise<void>> = [() => temporal.teardown()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: Error) => console.error('[faults] stop:', e.message));
  };
  try {
    await ensureSearchAttributes(temporal.connection, 'default');
    await migrate(databaseUrl);
    const db = createDatabase(databaseUrl, 2);
    await seedReferenceData(db, { devStaff: true }).finally(() => db.$disconnect());

    const apiPort = await freePort();
    const secret = randomBytes(32).toString('base64url');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GREENLANE_ENV: 'development',
      DATA_DIR: dir,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      AUTH_DEV_SECRET: secret,
      WORKER_METRICS_ADDRESS: 'off',
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
    };
    delete env.NODE_OPTIONS;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const worker = new ManagedProcess('worker', tsxEntry('worker/main.ts'), env, path.join(dir, 'worker.log'), (out) =>
      waitFor(() => out().includes('Worker polling'), 120_000, 'worker'),
    );
    const api = new ManagedProcess('api', tsxEntry('api/main.ts'), env, path.join(dir, 'api.log'), () =>
      waitFor(() => fetch(`${apiUrl}/readyz`).then((r) => r.ok, () => false), 60_000, 'API'),
    );
    stops.push(() => worker.stop(), () => api.stop());
    await Promise.all([worker.start(), api.start()]);

    const authConfig = loadConfig(env);
    return {
      description: 'Temporal CLI dev server (SQLite), 1 worker, API in development mode',
      apiUrl,
      temporalAddress,
      payloadKeys: config.payloadKeys,
      logDir: dir,
      token: (sub) => mintDevToken(authConfig, DEV_USERS.find((u) => u.sub === sub)!),
      async killWorker(around = (kill) => kill()) {
        await around(() => worker.kill());
        await worker.start();
      },
      async restartTemporal(outageMs) {
        await temporal.teardown();
        await sleep(outageMs);
        temporal = await devServer();
      },
      crashes: () => ({ worker: worker.crashes, api: api.crashes }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Access tokens live 15 min at the provider; a drill outlasts that, so sign in again after 10. */
const TOKEN_REUSE_MS = 600_000;

export async function startProductionTopology(config: Config, dir: string, databaseUrl: string): Promise<DrillTopology> {
  const runDir = path.join(dir, 'stack');
  const password = randomBytes(12).toString('base64url');
  const stack = await startProductionStack({ databaseUrl, fresh: false, cacheDir: config.cacheDir, runDir, password, log: (line) => console.log(`  ${line}`) });
  const tokens = new Map<string, { at: number; token: Promise<string> }>();
  let next = 0;
  return {
    description: `Temporal Server (PostgreSQL, 4 history shards), ${stack.workers.length} workers, API in production mode with the OpenID provider's tokens`,
    apiUrl: stack.apiUrl,
    // The drill's own client (the consistency check) reads through the internal frontend, which
    // asks no token; the workers and the API use the public one with theirs.
    temporalAddress: stack.temporalInternalAddress,
    payloadKeys: parsePayloadKeys(payloadKeys(runDir)),
    logDir: path.dirname(stack.api.logFile),
    token(sub) {
      const held = tokens.get(sub);
      if (held && Date.now() - held.at < TOKEN_REUSE_MS) return held.token;
      const token = signInWithPassword({ issuer: stack.issuer, clientId: 'greenlane-console', redirectUri: `${stack.apiUrl}/auth/callback`, username: sub, password });
      tokens.set(sub, { at: Date.now(), token });
      return token;
    },
    async killWorker(around = (kill) => kill()) {
      // One of the two, in turn: the other keeps polling and takes over the killed one's work.
      const worker = stack.workers[next++ % stack.workers.length]!;
      await around(() => worker.kill());
      await worker.start();
    },
    async restartTemporal(outageMs) {
      await stack.temporal.stop();
      await sleep(outageMs);
      await stack.temporal.start();
    },
    crashes: () => ({ worker: stack.workers.reduce((n, w) => n + w.crashes, 0), api: stack.api.crashes }),
    stop: () => stack.stop(),
  };
}
