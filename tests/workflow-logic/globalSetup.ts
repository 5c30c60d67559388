// The fast workflow-logic tests need only the Java time-skipping test server (installed on
// first use): no PostgreSQL, no Temporal dev server, no console build.
import { loadConfig } from '../../infra/config';
import { ensureTestServer } from '../../dev/tools/testServer';

export default function globalSetup(): void {
  const config = loadConfig({ ...process.env, GREENLANE_ENV: 'test' });
  process.env.GREENLANE_TEST_SERVER_PATH = ensureTestServer(config.cacheDir);
}
