// Greenlane's production topology on one machine, without Docker: Temporal Server on PostgreSQL
// (schemas by temporal-sql-tool, SQL visibility, several history shards), the Temporal UI server
// behind OpenID Connect sign-in with the API's codec endpoint, the stand-in OpenID provider
// (Keycloak's realm file), two worker processes and the API in GREENLANE_ENV=production verifying
// tokens against the provider's JWKS. Temporal's frontend admits the provider's tokens by their
// permissions claim: the workers and the API get theirs by client credentials. Loopback only. `npm run stack:production`, and the
// `production` jest project, start it through here.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDatabase } from '../../infra/database';
import { DEV_GROUPS } from '../../infra/devUsers';
import { migrate } from '../../infra/migrate';
import { seedReferenceData, seedStaff } from '../../infra/seed';
import { ensureConsoleBuilt } from '../../web/ensureBuilt';
import { loadRealm } from '../identityProvider/realm';
import { ensureTemporalServer, ensureTemporalUiServer } from '../tools/temporalServer';
import { databaseNames, prepareDatabases, urlFor } from './postgres';
import { allBindable, freePorts, ManagedProcess, succeeds, tsxEntry, waitFor } from '../managedProcess';
import { applySchemas, prepareNamespace, serverConfig, startTemporalServer, writeServerConfig } from './temporalServer';
import { startUiServer, uiUrlFor } from './uiServer';
import { startCodecTls } from './codecTls';

const CONSOLE_CLIENT = 'greenlane-console';
const UI_CLIENT = 'temporal-ui';
const TEMPORAL_CLIENT = 'greenlane-temporal';
export const NAMESPACE = 'default';
export const WORKERS = 2;

export interface ProductionStackOptions {
  /** Greenlane's database; Temporal's two are `<name>_temporal` and `<name>_visibility` beside it (the role needs CREATEDB). */
  databaseUrl: string;
  /** Drop the three databases first: a test run's clean slate. */
  fresh: boolean;
  cacheDir: string;
  /** Configs, keys and each process's log. */
  runDir: string;
  /** Every user's password at the provider (the realm's GREENLANE_INITIAL_PASSWORD). */
  password: string;
  /** 0 or absent: any free port. */
  ports?: { api?: number; ui?: number; idp?: number };
  log?: (line: string) => void;
}

export interface ProductionStack {
  apiUrl: string;
  uiUrl: string;
  /** The API's codec endpoint over TLS with a self-signed certificate (the UI passes tokens to https only). */
  codecUrl: string;
  issuer: string;
  /** The frontend: only the provider's tokens with a `permissions` claim get past its authorizer. */
  temporalAddress: string;
  /** The internal frontend (the server's own workers; administration): no token asked, loopback only. */
  temporalInternalAddress: string;
  databaseUrl: string;
  temporal: ManagedProcess;
  ui: ManagedProcess;
  idp: ManagedProcess;
  api: ManagedProcess;
  workers: ManagedProcess[];
  stop(): Promise<void>;
}

/** A key for the payload codec, made once per run directory so histories stay readable across restarts. */
export function payloadKeys(runDir: string): string {
  if (process.env.PAYLOAD_KEYS) return process.env.PAYLOAD_KEYS;
  const file = path.join(runDir, 'payload-keys');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `k1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The ports of the last run in this directory when they are still free, else new ones: Temporal
 * remembers its members' addresses in the database, and a server back on the same ports rejoins
 * at once instead of waiting for the old entries to expire.
 */
async function stablePorts(runDir: string, count: number): Promise<number[]> {
  const file = path.join(runDir, 'ports.json');
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as number[]) : [];
  const ports = previous.length === count && (await allBindable(previous)) ? previous : await freePorts(count);
  fs.writeFileSync(file, JSON.stringify(ports));
  return ports;
}

/** The provider's signing key, kept in the run directory (a test reads it to forge an expired token). */
export const signingKeyFile = (runDir: string) => path.join(runDir, 'idp-signing-key.json');

export async function startProductionStack(o: ProductionStackOptions): Promise<ProductionStack> {
  const log = o.log ?? ((line: string) => console.log(`» ${line}`));
  const started: Array<{ stop(): Promise<void> }> = [];
  const launch = async (p: ManagedProcess) => {
    started.push(p);
    await p.start();
    return p;
  };
  const stop = async () => {
    for (const p of started.reverse()) await p.stop();
  };
  const logDir = path.join(o.runDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  try {
    const server = ensureTemporalServer(o.cacheDir);
    const uiBinary = ensureTemporalUiServer(o.cacheDir);
    ensureConsoleBuilt(log);

    const names = databaseNames(new URL(o.databaseUrl).pathname.slice(1));
    await prepareDatabases(o.databaseUrl, names, o.fresh);
    log(`Temporal schemas (temporal-sql-tool) in ${names.temporal} and ${names.visibility}`);
    applySchemas(server, { url: o.databaseUrl, name: names.temporal }, { url: o.databaseUrl, name: names.visibility }, path.join(logDir, 'temporal-sql-tool.log'));
    const databaseUrl = urlFor(o.databaseUrl, names.greenlane);
    const applied = await migrate(databaseUrl);
    log(`Greenlane migrations: ${applied.length ? applied.join(', ') : 'up to date'}`);

    const [grpcF, grpcI, grpcH, grpcM, grpcW, memF, memI, memH, memM, memW, httpF, httpI, metrics, codecPort, ...rest] = await stablePorts(o.runDir, 14 + 3 + WORKERS);
    const [apiPort, uiPort, idpPort] = [o.ports?.api || rest[0], o.ports?.ui || rest[1], o.ports?.idp || rest[2]];
    const workerMetrics = rest.slice(3);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const uiUrl = uiUrlFor(uiPort);
    // The values the realm file leaves to the environment (as Compose gives them to Keycloak).
    const realmEnv = {
      GREENLANE_INITIAL_PASSWORD: o.password,
      TEMPORAL_UI_CLIENT_SECRET: randomBytes(24).toString('base64url'),
      GREENLANE_TEMPORAL_CLIENT_SECRET: randomBytes(24).toString('base64url'),
      GREENLANE_CONSOLE_URL: apiUrl,
      TEMPORAL_UI_URL: uiUrl,
      TEMPORAL_NAMESPACE: NAMESPACE,
    };
    const realm = loadRealm(realmEnv);
    const db = createDatabase(databaseUrl, 2);
    await seedReferenceData(db, { devStaff: false });
    // The provider's users are the people cases are assigned to; the realm's users are the development
    // users, so they join the same notice groups (the coordination group, the task force's leaders).
    await seedStaff(db, realm.users, DEV_GROUPS);
    await db.$disconnect();

    // The parent's development or test settings must not leak into production processes.
    const { AUTH_DEV_SECRET: _devSecret, ...baseEnv } = process.env;

    // Before Temporal Server: its frontend reads the provider's key set when it starts.
    log(`OpenID provider on 127.0.0.1:${idpPort}`);
    const issuer = `http://127.0.0.1:${idpPort}`;
    const idpEnv = { ...baseEnv, ...realmEnv, IDP_PORT: String(idpPort), IDP_SIGNING_KEY_FILE: signingKeyFile(o.runDir) };
    const idp = await launch(new ManagedProcess('identity-provider', tsxEntry('dev/identityProvider/main.ts'), idpEnv, path.join(logDir, 'identity-provider.log'), (out) =>
      waitFor(() => out().includes(`issuer ${issuer}`), 60_000, 'OpenID provider'),
    ));

    const temporalAddress = `127.0.0.1:${grpcF}`;
    const temporalInternalAddress = `127.0.0.1:${grpcI}`;
    const temporalDir = path.join(o.runDir, 'temporal');
    writeServerConfig(
      temporalDir,
      serverConfig(
        { url: o.databaseUrl, name: names.temporal },
        { url: o.databaseUrl, name: names.visibility },
        {
          grpc: { frontend: grpcF, 'internal-frontend': grpcI, history: grpcH, matching: grpcM, worker: grpcW },
          membership: { frontend: memF, 'internal-frontend': memI, history: memH, matching: memM, worker: memW },
          http: { frontend: httpF, 'internal-frontend': httpI },
          metrics,
        },
        `${issuer}/jwks`,
      ),
    );
    log(`Temporal Server on ${temporalAddress} (internal frontend ${temporalInternalAddress})`);
    const temporal = await startTemporalServer(server, temporalDir, temporalAddress, logDir);
    started.push(temporal);
    await prepareNamespace(temporalInternalAddress, NAMESPACE);

    const greenlaneEnv = {
      ...baseEnv,
      GREENLANE_ENV: 'production',
      DATA_DIR: path.join(o.runDir, 'data'),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: realm.audience,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CONSOLE_CLIENT,
      OIDC_SCOPE: 'openid profile greenlane',
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      TEMPORAL_UI_URL: uiUrl,
      PAYLOAD_KEYS: payloadKeys(o.runDir),
      CODEC_CORS_ORIGINS: uiUrl,
      // Greenlane's own token at Temporal's frontend: the realm's client-credentials client.
      TEMPORAL_OAUTH_TOKEN_URL: `${issuer}/token`,
      TEMPORAL_OAUTH_CLIENT_ID: TEMPORAL_CLIENT,
      TEMPORAL_OAUTH_CLIENT_SECRET: realmEnv.GREENLANE_TEMPORAL_CLIENT_SECRET,
    };
    // One after the other: the first creates the schedules, the second finds them.
    const workers: ManagedProcess[] = [];
    for (let i = 0; i < WORKERS; i++) {
      log(`worker ${i + 1} of ${WORKERS}`);
      const name = `worker-${i + 1}`;
      const env = { ...greenlaneEnv, WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetrics[i]}` };
      workers.push(await launch(new ManagedProcess(name, tsxEntry('worker/main.ts'), env, path.join(logDir, `${name}.log`), (out) => waitFor(() => out().includes('Worker polling'), 120_000, name))));
    }
    log(`API on ${apiUrl}`);
    const ready = succeeds(async () => {
      const res = await fetch(`${apiUrl}/readyz`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    });
    const api = await launch(new ManagedProcess('api', tsxEntry('api/main.ts'), greenlaneEnv, path.join(logDir, 'api.log'), () => waitFor(ready, 120_000, 'API')));

    const codec = await startCodecTls(o.runDir, codecPort, apiUrl);
    started.push(codec);
    log(`Temporal UI on ${uiUrl}, decoding through ${codec.url}`);
    const ui = await startUiServer(uiBinary, path.join(o.runDir, 'ui'), { temporalAddress, port: uiPort, issuer, clientId: UI_CLIENT, clientSecret: realmEnv.TEMPORAL_UI_CLIENT_SECRET, codecEndpoint: codec.url, namespace: NAMESPACE }, logDir);
    started.push(ui);
    return { apiUrl, uiUrl, codecUrl: codec.url, issuer, temporalAddress, temporalInternalAddress, databaseUrl, temporal, ui, idp, api, workers, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
