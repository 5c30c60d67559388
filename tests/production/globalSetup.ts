// The `production` project's set-up: the production topology (dev/productionStack) once per run,
// on fresh databases beside DATABASE_URL's (<name>_production, _temporal, _visibility), logs in
// test-output/production-stack/logs. Test files find it through GREENLANE_PROD_* variables.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../../infra/config';
import { startProductionStack } from '../../dev/productionStack';
import { urlFor } from '../../dev/productionStack/postgres';

export const RUN_DIR = path.resolve(__dirname, '../../test-output/production-stack');

export default async function globalSetup(): Promise<void> {
  const config = loadConfig({ ...process.env, GREENLANE_ENV: 'test' });
  if (!config.databaseUrl) throw new Error('The production project needs DATABASE_URL: a PostgreSQL server and a role that may create databases');
  const password = randomBytes(12).toString('base64url');
  const started = Date.now();
  const stack = await startProductionStack({
    databaseUrl: urlFor(config.databaseUrl, `${new URL(config.databaseUrl).pathname.slice(1)}_production`),
    fresh: true,
    cacheDir: config.cacheDir,
    runDir: RUN_DIR,
    password,
    log: (line) => process.stderr.write(`» ${line}\n`),
  });
  process.stderr.write(`» production stack up in ${Math.round((Date.now() - started) / 1000)} s\n`);
  Object.assign(process.env, {
    GREENLANE_PROD_API_URL: stack.apiUrl,
    GREENLANE_PROD_UI_URL: stack.uiUrl,
    GREENLANE_PROD_ISSUER: stack.issuer,
    GREENLANE_PROD_TEMPORAL_ADDRESS: stack.temporalAddress,
    GREENLANE_PROD_DATABASE_URL: stack.databaseUrl,
    GREENLANE_PROD_PASSWORD: password,
    GREENLANE_PROD_RUN_DIR: RUN_DIR,
  });
  (globalThis as { __greenlaneProduction?: unknown }).__greenlaneProduction = stack;
}
