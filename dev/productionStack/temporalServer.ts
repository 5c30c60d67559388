// Temporal Server as production runs it: PostgreSQL persistence and SQL visibility, schemas
// made by its own temporal-sql-tool, several history shards, all services in one process
// bound to loopback. Its frontend admits only the identity provider's tokens, by their
// `permissions` claim (Temporal's JWT claim mapper and default authorizer); the server's own
// workers reach it through the internal frontend, which takes no token. Its config is written
// per run; the dynamic config is Compose's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import type { TemporalServerInstall } from '../tools/temporalServer';
import { ensureSearchAttributes } from '../../infra/temporal';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { ManagedProcess, succeeds, waitFor } from '../managedProcess';

const DYNAMIC_CONFIG = path.join(__dirname, '..', '..', 'deploy', 'temporal', 'dynamicconfig', 'development-sql.yaml');
/** More than one, so cases spread over shards as in production (fixed once the database holds data). */
export const HISTORY_SHARDS = 4;
const SERVICES = ['frontend', 'internal-frontend', 'history', 'matching', 'worker'] as const;
const FRONTENDS: ReadonlySet<string> = new Set(['frontend', 'internal-frontend']);

interface Database {
  url: string;
  name: string;
}

/**
 * `setup-schema -v 0.0`, then every versioned step the module ships (a second run applies nothing).
 * The tool's statement-by-statement output goes to `logFile`.
 */
export function applySchemas(install: TemporalServerInstall, persistence: Database, visibility: Database, logFile: string): void {
  const log = fs.openSync(logFile, 'a');
  try {
    for (const [db, dir] of [[persistence, 'temporal'], [visibility, 'visibility']] as const) {
      const url = new URL(db.url);
      const args = ['--plugin', 'postgres12', '--ep', url.hostname, '--port', url.port || '5432', '--user', decodeURIComponent(url.username), '--password', decodeURIComponent(url.password), '--db', db.name];
      for (const step of [['setup-schema', '-v', '0.0'], ['update-schema', '-d', path.join(install.moduleDir, 'schema', 'postgresql', 'v12', dir, 'versioned')]]) {
        const r = spawnSync(install.sqlTool, [...args, ...step], { stdio: ['ignore', log, log] });
        if (r.status !== 0) throw new Error(`temporal-sql-tool ${step[0]} on ${db.name} failed (${r.error?.message ?? `exit ${r.status}`}); see ${logFile}`);
      }
    }
  } finally {
    fs.closeSync(log);
  }
}

function sqlStore(db: Database, maxConns: number) {
  const url = new URL(db.url);
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: db.name,
      connectAddr: `${url.hostname}:${url.port || '5432'}`,
      connectProtocol: 'tcp',
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

type Service = (typeof SERVICES)[number];

/**
 * The server's config (JSON is YAML): every port given, nothing off loopback. `jwks`: the
 * identity provider's key set, which signs the tokens the frontend admits; without it (the
 * benchmarks' server, which measures the engine) the frontend admits any caller.
 */
export function serverConfig(persistence: Database, visibility: Database, ports: { grpc: Record<Service, number>; membership: Record<Service, number>; http: Record<'frontend' | 'internal-frontend', number>; metrics: number }, jwks?: string) {
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: { default: sqlStore(persistence, 20), visibility: sqlStore(visibility, 4) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `127.0.0.1:${ports.metrics}` } },
      // `<namespace>:read` lets an operator's UI read the namespace; Greenlane's workers and API
      // hold `<namespace>:write`; a token without the claim reaches nothing but health checks.
      ...(jwks ? { authorization: { jwtKeyProvider: { keySourceURIs: [jwks], refreshInterval: '1m' }, permissionsClaimName: 'permissions', claimMapper: 'default', authorizer: 'default' } } : {}),
    },
    // With an internal-frontend present (and no publicClient), the server's own workers use it.
    services: Object.fromEntries(
      SERVICES.map((s) => [s, { rpc: { grpcPort: ports.grpc[s], membershipPort: ports.membership[s], bindOnIP: '127.0.0.1', ...(FRONTENDS.has(s) ? { httpPort: ports.http[s as 'frontend' | 'internal-frontend'] } : {}) } }]),
    ),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.grpc.frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: DYNAMIC_CONFIG, pollInterval: '60s' },
  };
}

export function writeServerConfig(dir: string, config: ReturnType<typeof serverConfig>): void {
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config', 'production.yaml'), JSON.stringify(config, null, 2), { mode: 0o600 });
}

/** Starts the server on the written config and waits until its frontend answers. */
export async function startTemporalServer(install: TemporalServerInstall, dir: string, address: string, logDir: string): Promise<ManagedProcess> {
  const frontendAnswers = succeeds(async () => {
    const connection = await Connection.connect({ address, connectTimeout: 2000 });
    try {
      await connection.workflowService.getSystemInfo({});
    } finally {
      await connection.close();
    }
  });
  const services = SERVICES.flatMap((s) => ['--service', s]);
  const proc = new ManagedProcess('temporal-server', [install.server, '--root', dir, '--config', 'config', '--env', 'production', 'start', ...services], process.env, path.join(logDir, 'temporal-server.log'), () =>
    waitFor(frontendAnswers, 120_000, 'Temporal Server'),
  );
  await proc.start();
  return proc;
}

/**
 * The namespace (30 days' retention) and Greenlane's search attributes, once the server serves it:
 * administration, so through the internal frontend (`address`), as Compose's one-shot job does.
 */
export async function prepareNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('30 days') }).catch((err: { code?: number }) => {
      if (err.code !== 6 /* ALREADY_EXISTS */) throw err;
    });
    // The frontend serves a new namespace after its namespace cache refreshes (about 10 s).
    await waitFor(succeeds(() => ensureSearchAttributes(connection, namespace)), 60_000, `namespace ${namespace}`);
    // And the history service has joined the ring ("Not enough hosts" until then, which stops a
    // worker creating its schedules): a history read answers NOT_FOUND, not UNAVAILABLE.
    const historyAnswers = async () =>
      connection.workflowService.getWorkflowExecutionHistory({ namespace, execution: { workflowId: 'greenlane-readiness-probe' } }).then(
        () => true,
        (err: { code?: number }) => err.code === 5 /* NOT_FOUND */,
      );
    await waitFor(historyAnswers, 60_000, 'Temporal history service');
    await waitFor(succeeds(() => probeSearchAttributes(new Client({ connection, namespace }))), 60_000, 'search attributes');
  } finally {
    await connection.close();
  }
}

const SAMPLE = { KEYWORD: 'probe', KEYWORD_LIST: [], INT: 0, DATETIME: new Date(0) } as const;

/**
 * Starts (then terminates) a workflow that sets every search attribute: a newly added attribute is
 * refused in a start ("no mapping defined", which the API could only answer with a 500) until the
 * frontend's namespace cache has refreshed, about 10 s after it was added.
 */
async function probeSearchAttributes(client: Client): Promise<void> {
  const workflowId = 'greenlane-search-attribute-probe';
  const typedSearchAttributes = ALL_SEARCH_ATTRIBUTES.map((key) => ({ key, value: SAMPLE[key.type as keyof typeof SAMPLE] }) as SearchAttributePair);
  const handle = await client.workflow.start('searchAttributeProbe', { taskQueue: workflowId, workflowId, typedSearchAttributes, workflowIdConflictPolicy: 'TERMINATE_EXISTING' });
  await handle.terminate('search attributes are served');
}
