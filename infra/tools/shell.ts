import { spawnSync } from 'node:child_process';

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

/** Runs a one-time install, saying what it fetches and how long it took (the README quotes these). */
export function installOnce(what: string, install: () => void): void {
  console.log(`» ${what} (once)...`);
  const started = Date.now();
  install();
  console.log(`  ${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}
