import path from 'node:path';
import { goInstall, goModuleDir } from './shell';

// The production topology's Temporal parts, built from the Go module proxy (no Docker here).
// v1.30.4 is the newest server tag the Go here builds (v1.31 needs Go >= 1.26.10); the UI server
// is the version the Temporal CLI embeds (v2.58 does not resolve through the proxy).
export const TEMPORAL_SERVER_VERSION = 'v1.30.4';
export const TEMPORAL_UI_SERVER_VERSION = 'v2.42.1';
const SERVER_MODULE = 'go.temporal.io/server';
const UI_SERVER_MODULE = 'github.com/temporalio/ui-server/v2';

export interface TemporalServerInstall {
  server: string;
  sqlTool: string;
  /** The module's source: schema/postgresql/v12/… and config/dynamicconfig/. */
  moduleDir: string;
}

/** Temporal Server and its temporal-sql-tool, built once into the cache. */
export function ensureTemporalServer(cacheDir: string): TemporalServerInstall {
  const at = (pkg: string) => `${SERVER_MODULE}/${pkg}@${TEMPORAL_SERVER_VERSION}`;
  const dir = path.join(cacheDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
  const [server, sqlTool] = goInstall(cacheDir, dir, `Temporal Server ${TEMPORAL_SERVER_VERSION} and temporal-sql-tool`, [at('cmd/server'), at('cmd/tools/sql')]);
  return { server, sqlTool, moduleDir: goModuleDir(cacheDir, `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`) };
}

/** Temporal's UI server (the web UI with OIDC sign-in and a codec endpoint), built once into the cache. */
export function ensureTemporalUiServer(cacheDir: string): string {
  const dir = path.join(cacheDir, 'temporal-ui-server', TEMPORAL_UI_SERVER_VERSION);
  return goInstall(cacheDir, dir, `the Temporal UI server ${TEMPORAL_UI_SERVER_VERSION}`, [`${UI_SERVER_MODULE}/cmd/server@${TEMPORAL_UI_SERVER_VERSION}`])[0];
}
