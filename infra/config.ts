import path from 'node:path';
import os from 'node:os';
import { z } from 'zod';
import { DEVELOPMENT_PAYLOAD_KEYS, parsePayloadKeys } from './payloadCodec';

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  GREENLANE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATA_DIR: z.string().min(1).default('data'),
  // Absent in development: the embedded PostgreSQL 17 under DATA_DIR is used.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: port.default(54320),
  // Absent: `npm start` runs the Temporal CLI dev server on TEMPORAL_DEV_PORT.
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'expected host:port').optional(),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('greenlane-cases'),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_UI_URL: z.url().optional(),
  TEMPORAL_CLI: z.string().min(1).optional(),
  // A Temporal frontend with an authorizer (production topology, Compose): the identity provider's
  // token endpoint and the client whose client-credentials tokens carry Greenlane's permission on
  // the namespace. All three or none; none (npm start, the dev server) sends no token.
  TEMPORAL_OAUTH_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEMPORAL_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  TEMPORAL_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  GREENLANE_CACHE_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  // Per token (principal) under /api/v1, per API process.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // The worker's Prometheus exporter (Temporal SDK metrics); set it empty (or "off") to disable.
  WORKER_METRICS_ADDRESS: z.union([z.literal('off'), z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}$/, 'expected host:port, or empty to disable')]).default('127.0.0.1:9464'),
  AUTH_ISSUER: z.string().min(1).default('greenlane-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('greenlane-api'),
  // Production: the identity provider's key set. Development: a local HS256 secret
  // (AUTH_DEV_SECRET, else generated once into DATA_DIR/dev-signing-key).
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_DEV_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Hosts whose identity-provider URLs may be plain http besides loopback: a private container
  // network's service name (Compose's `keycloak`), named one by one, never a pattern.
  AUTH_PLAIN_HTTP_HOSTS: z.string().regex(/^[\w.-]+(,[\w.-]+)*$/, 'expected host names separated by commas').optional(),
  // The console's OpenID Connect sign-in (authorization code + PKCE): the provider and the
  // console's public client id there. Its access tokens must satisfy AUTH_ISSUER/AUDIENCE.
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  // The oldest token accepted, by its issue time (seconds); default 1 hour in production, 12 hours
  // (the development token's lifetime) elsewhere.
  AUTH_MAX_TOKEN_AGE_S: z.coerce.number().int().min(60).max(7 * 24 * 3600).optional(),
  // Longest a database statement may run before PostgreSQL cancels it (milliseconds).
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // Keys sealing Temporal payloads, `keyId:base64-of-32-bytes`, comma-separated, newest first.
  // Required in production; development and test use the published development key.
  PAYLOAD_KEYS: z.string().min(1).optional(),
  // Origins (scheme://host:port, comma-separated) whose pages may call the codec server at /codec;
  // default: Temporal UI's (TEMPORAL_UI_URL).
  CODEC_CORS_ORIGINS: z.string().min(1).optional(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

/** Reads and validates configuration from the environment; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.GREENLANE_ENV === 'production';
  // Identity provider URLs in clear text only on this machine: a token's keys must not be spoofable.
  const plainHttpHosts = new Set(c.AUTH_PLAIN_HTTP_HOSTS?.split(',') ?? []);
  const plainHttp = (url?: string) => url !== undefined && new URL(url).protocol === 'http:' && !isLoopback(new URL(url).hostname) && !plainHttpHosts.has(new URL(url).hostname);
  const problems = [
    production && !c.DATABASE_URL && '  DATABASE_URL: required when GREENLANE_ENV=production',
    production && !c.AUTH_JWKS_URL && '  AUTH_JWKS_URL: required when GREENLANE_ENV=production',
    production && c.AUTH_DEV_SECRET && '  AUTH_DEV_SECRET: not allowed when GREENLANE_ENV=production',
    // The development defaults would accept tokens minted for Greenlane's own development key set.
    production && !present.AUTH_ISSUER && "  AUTH_ISSUER: required when GREENLANE_ENV=production (the identity provider's issuer)",
    production && !present.AUTH_AUDIENCE && '  AUTH_AUDIENCE: required when GREENLANE_ENV=production (the audience its tokens name for this API)',
    production && !c.PAYLOAD_KEYS && '  PAYLOAD_KEYS: required when GREENLANE_ENV=production (keyId:base64 of 32 random bytes; docs/security.md)',
    production && c.PAYLOAD_KEYS?.includes(DEVELOPMENT_PAYLOAD_KEYS.split(':')[1]) && '  PAYLOAD_KEYS: the published development key is not allowed when GREENLANE_ENV=production',
    ...keyProblems(c.PAYLOAD_KEYS),
    ...originProblems(c.CODEC_CORS_ORIGINS),
    plainHttp(c.AUTH_JWKS_URL) && '  AUTH_JWKS_URL: must be https (http only on loopback or a host in AUTH_PLAIN_HTTP_HOSTS)',
    plainHttp(c.OIDC_ISSUER) && '  OIDC_ISSUER: must be https (http only on loopback or a host in AUTH_PLAIN_HTTP_HOSTS)',
    plainHttp(c.TEMPORAL_OAUTH_TOKEN_URL) && '  TEMPORAL_OAUTH_TOKEN_URL: must be https (http only on loopback or a host in AUTH_PLAIN_HTTP_HOSTS)',
    temporalOAuthIncomplete(c) && '  TEMPORAL_OAUTH_TOKEN_URL, TEMPORAL_OAUTH_CLIENT_ID, TEMPORAL_OAUTH_CLIENT_SECRET: set all three (tokens for Temporal) or none',
    // Development hands out a token for any role at /dev/sign-in: never to another machine.
    !production && !isLoopback(c.API_HOST) && `  API_HOST: ${c.API_HOST} is not loopback; development sign-in hands out tokens for any role, so outside this machine set GREENLANE_ENV=production`,
  ].filter(Boolean);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  const uiUrl = (c.TEMPORAL_UI_URL ?? `http://localhost:${c.TEMPORAL_UI_PORT}`).replace(/\/$/, '');
  return {
    env: c.GREENLANE_ENV,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    temporal: {
      address: c.TEMPORAL_ADDRESS ?? `127.0.0.1:${c.TEMPORAL_DEV_PORT}`,
      embedded: !c.TEMPORAL_ADDRESS,
      devPort: c.TEMPORAL_DEV_PORT,
      namespace: c.TEMPORAL_NAMESPACE,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      uiPort: c.TEMPORAL_UI_PORT,
      uiUrl,
      cliPath: c.TEMPORAL_CLI,
      oauth: c.TEMPORAL_OAUTH_TOKEN_URL && c.TEMPORAL_OAUTH_CLIENT_ID && c.TEMPORAL_OAUTH_CLIENT_SECRET ? { tokenUrl: c.TEMPORAL_OAUTH_TOKEN_URL, clientId: c.TEMPORAL_OAUTH_CLIENT_ID, clientSecret: c.TEMPORAL_OAUTH_CLIENT_SECRET } : undefined,
    },
    api: { host: c.API_HOST, port: c.API_PORT },
    cacheDir: path.resolve(c.GREENLANE_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'greenlane')),
    logLevel: c.LOG_LEVEL,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    // Empty disables here, unlike other variables, where empty means "use the default".
    workerMetricsAddress: env.WORKER_METRICS_ADDRESS === '' || c.WORKER_METRICS_ADDRESS === 'off' ? undefined : c.WORKER_METRICS_ADDRESS,
    auth: {
      issuer: c.AUTH_ISSUER,
      audience: c.AUTH_AUDIENCE,
      jwksUrl: c.AUTH_JWKS_URL,
      devSecret: c.AUTH_DEV_SECRET,
      maxTokenAgeSeconds: c.AUTH_MAX_TOKEN_AGE_S ?? (production ? 3600 : 12 * 3600),
    },
    databaseStatementTimeoutMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
    payloadKeys: parsePayloadKeys(c.PAYLOAD_KEYS ?? DEVELOPMENT_PAYLOAD_KEYS),
    codec: { corsOrigins: c.CODEC_CORS_ORIGINS ? c.CODEC_CORS_ORIGINS.split(',').map((o) => o.trim()) : [new URL(uiUrl).origin] },
    oidc: c.OIDC_ISSUER && c.OIDC_CLIENT_ID ? { issuer: c.OIDC_ISSUER.replace(/\/$/, ''), clientId: c.OIDC_CLIENT_ID, scope: c.OIDC_SCOPE } : undefined,
  };
}

function temporalOAuthIncomplete(c: { TEMPORAL_OAUTH_TOKEN_URL?: string; TEMPORAL_OAUTH_CLIENT_ID?: string; TEMPORAL_OAUTH_CLIENT_SECRET?: string }): boolean {
  const set = [c.TEMPORAL_OAUTH_TOKEN_URL, c.TEMPORAL_OAUTH_CLIENT_ID, c.TEMPORAL_OAUTH_CLIENT_SECRET].filter(Boolean).length;
  return set > 0 && set < 3;
}

function keyProblems(keys: string | undefined): string[] {
  try {
    if (keys) parsePayloadKeys(keys);
    return [];
  } catch (err) {
    return [`  PAYLOAD_KEYS: ${(err as Error).message}`];
  }
}

function originProblems(origins: string | undefined): string[] {
  return (origins?.split(',') ?? [])
    .map((o) => o.trim())
    .filter((o) => !URL.canParse(o) || new URL(o).origin !== o)
    .map((o) => `  CODEC_CORS_ORIGINS: '${o}' is not an origin (scheme://host[:port], no path)`);
}

/** For process entry points: load the config or exit with the message. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
