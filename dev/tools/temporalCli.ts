import fs from 'node:fs';
import path from 'node:path';
import { goInstall, which } from './shell';

// The newest tag `go install pkg@version` accepts (later go.mod files carry a
// `replace`); it embeds Temporal Server 1.29.1 and UI 2.42.1.
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

/**
 * Finds the Temporal CLI: $TEMPORAL_CLI, `temporal` on PATH, the cached build,
 * or builds it from the Go module proxy into the cache. Returns undefined when
 * none of these is possible, so the SDK downloads its own (machines with internet).
 */
export function ensureTemporalCli(cacheDir: string, explicit?: string): string | undefined {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`TEMPORAL_CLI points to ${explicit}, which does not exist`);
    return explicit;
  }
  const onPath = which('temporal');
  if (onPath) return onPath;
  const dir = path.join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION);
  if (!fs.existsSync(path.join(dir, 'temporal')) && !which('go')) return undefined;
  return goInstall(cacheDir, dir, `the Temporal CLI ${TEMPORAL_CLI_VERSION}`, [`${MODULE}@${TEMPORAL_CLI_VERSION}`])[0];
}
