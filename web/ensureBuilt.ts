// Builds the console (web/ → web/dist) when the build is missing or older than its sources, so
// `npm start` and the tests never serve a stale bundle and nobody has to remember a step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const WEB = __dirname;
const ROOT = path.dirname(WEB);
export const CONSOLE_DIST = path.join(WEB, 'dist');
// The bundle also compiles the pure domain code it imports (credit codes, amounts, policy) and
// the API's request schemas, which its forms and the consultation import run before sending
// (web/src/requestRules.ts).
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'vite.config.mts'),
  path.join(ROOT, 'domain'),
  path.join(ROOT, 'api/schemas'),
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

export function consoleIsStale(): boolean {
  const built = path.join(CONSOLE_DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

/** Runs `npm run build:web` if needed; throws with vite's output when the build fails. */
export function ensureConsoleBuilt(log: (line: string) => void = () => undefined): void {
  if (!consoleIsStale()) return;
  log('构建控制台 Building the console (web/dist)');
  const r = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
}

if (require.main === module) ensureConsoleBuilt(console.log);
