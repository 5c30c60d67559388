import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs an install step with its output visible, failing loudly. */
export function runVisible(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

/** The path of a command on PATH, if any. */
export function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Runs a one-time install, saying what it fetches and how long it took (docs/install-routes.md quotes these). */
export function installOnce(what: string, install: () => void): void {
  console.log(`» ${what} (once)...`);
  const started = Date.now();
  install();
  console.log(`  ${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Go's module and build caches inside Greenlane's cache, so an empty GREENLANE_CACHE_DIR is a
 * fresh machine for every tool built from source (-modcacherw: the cache can be deleted).
 */
export function goCaches(cacheDir: string): NodeJS.ProcessEnv {
  return { GOMODCACHE: path.join(cacheDir, 'go', 'mod'), GOCACHE: path.join(cacheDir, 'go', 'build'), GOFLAGS: '-modcacherw' };
}

/**
 * `go install pkg@version` of each package into `binDir` (nice: builds share the machine), Go's
 * caches inside Greenlane's. Returns the binaries' paths, each named for its package's last element.
 */
export function goInstall(cacheDir: string, binDir: string, what: string, packages: readonly string[]): string[] {
  const binaries = packages.map((p) => path.join(binDir, p.replace(/@.*$/, '').split('/').pop()!));
  if (binaries.every((b) => fs.existsSync(b))) return binaries;
  if (!which('go')) throw new Error(`${what} is built with Go, which is not on PATH (apt-get install golang)`);
  installOnce(`building ${what} from the Go module proxy into ${binDir}`, () => {
    fs.mkdirSync(binDir, { recursive: true });
    runVisible('nice', ['-n', '10', 'go', 'install', ...packages], { env: { ...process.env, ...goCaches(cacheDir), GOBIN: binDir } });
  });
  return binaries;
}

/** Where a module's source is in Go's module cache (downloaded if missing): its schema and config files. */
export function goModuleDir(cacheDir: string, moduleAtVersion: string): string {
  const r = spawnSync('go', ['mod', 'download', '-json', moduleAtVersion], { encoding: 'utf8', env: { ...process.env, ...goCaches(cacheDir) } });
  if (r.status !== 0) throw new Error(`go mod download ${moduleAtVersion}: ${r.stdout}${r.stderr}`);
  return (JSON.parse(r.stdout) as { Dir: string }).Dir;
}
