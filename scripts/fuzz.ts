// `npm run fuzz [-- --short] [-- --seed N]`: schemathesis against /api/v1/openapi.json with
// valid tokens of several roles, on the whole system started on loopback in a temp dir (the
// benchmarks' set-up). Fails on any 5xx, any response outside the documented status codes,
// content types or schemas, and any state change caused by a rejected request.
//
// "No state change from a rejected request": schemathesis talks to the API through a guard
// proxy. Writes (POST/PUT/PATCH/DELETE) pass one at a time. Before a write the guard holds a
// fingerprint of the state: an md5 per PostgreSQL table (every table but Prisma's bookkeeping,
// rows in a canonical order) and the number of Temporal workflow executions; after a write
// that was rejected (4xx) it takes the fingerprint again and any difference is a violation.
// A fingerprint counts only once two readings a moment apart agree: after an accepted write the
// system may keep working in the background (a workflow moving on to its contract and
// disbursement). A refused change writes no audit row, so every change's row (a calendar load, a
// credit-code override, a case action) is in the fingerprint; reads are audited too and run
// alongside the writes, so their rows (actions ending in _READ) are left out. Sequences (case
// numbers) are left out: PostgreSQL never rolls them back, so a gap in case numbers is not a
// state change.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import { caseBody, postJson } from '../bench/cases';
import { startSystem, type System } from '../bench/system';
import { SandboxBank } from '../activities/adapters';
import { installOnce, runVisible } from '../dev/tools/shell';

const SCHEMATHESIS = 'schemathesis==4.32.5';
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
const { values: args } = parseArgs({ options: { short: { type: 'boolean', default: false }, seed: { type: 'string' } } });
const SHORT = args.short;
// Every role, so role-gated routes are reached both allowed and refused; the short run (CI) takes
// the officer who opens cases and the operator who loads calendars, and skips the coverage phase.
const ROLES = SHORT
  ? ['lujiang-officer', 'operator']
  : ['lujiang-officer', 'lujiang-grid', 'xib-manager', 'xib-approver', 'assessor', 'task-force', 'manager', 'operator', 'lujiang-visitor', 'lujiang-community', 'survey-group', 'biotech-firm'];
const PHASES = SHORT ? 'examples,fuzzing' : 'examples,coverage,fuzzing';
const MIN_REQUESTS = SHORT ? 150 : 1000;
const MAX_EXAMPLES = SHORT ? 5 : 12;
const SEED = args.seed ?? (SHORT ? '20261127' : String(Math.floor(Math.random() * 2 ** 31)));

/** The schemathesis CLI from a virtualenv in the cache, created once. */
function ensureSchemathesis(cacheDir: string): string {
  const venv = path.join(cacheDir, 'schemathesis-venv');
  const st = path.join(venv, 'bin', 'st');
  const stamp = path.join(venv, 'installed');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === SCHEMATHESIS) return st;
  installOnce(`installing ${SCHEMATHESIS} from PyPI into ${venv}`, () => {
    fs.rmSync(venv, { recursive: true, force: true });
    runVisible('python3', ['-m', 'venv', venv]);
    runVisible(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--no-cache-dir', SCHEMATHESIS]);
    fs.writeFileSync(stamp, SCHEMATHESIS);
  });
  return st;
}

/**
 * Rewrites schemathesis's pytest-style banners ("===== 4 warnings in 18.04s ====="): tools that
 * read CI logs take such a line for pytest's closing line, one that says no test ran. The run's
 * real count is the plain "fuzz: N passed, N failed" line at the end.
 */
function withoutRunnerBanners(): Transform {
  let rest = '';
  const rewrite = (line: string) =>
    line.replace(/^=+ (.*?) =+$/, (_m, text: string) => `-- schemathesis: ${text.replace(/ in ([\d.]+)s$/, ' (took $1 s)')} --`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      done(null, lines.map((l) => rewrite(l) + '\n').join(''));
    },
    flush(done) {
      done(null, rest ? rewrite(rest) : '');
    },
  });
}

/** Fingerprints everything a request could change: each table's rows and the workflow count. */
async function fingerprinter(system: System): Promise<() => Promise<Record<string, string>>> {
  // Greenlane's tables and the sandbox bank's own books (a rejected request must not pay either),
  // opened now so they are there from the first fingerprint.
  await new SandboxBank(system.db).ledger([]);
  const tables = await system.db.$queryRaw<{ name: string }[]>`
    SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
    WHERE table_schema IN ('public', 'sandbox_bank') AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  // One round trip for all tables. Concurrent reads write their own audit rows: left out.
  const sql = tables
    .map(({ name }) => {
      const where = name === 'public.audit_entry' ? ` WHERE action NOT LIKE '%\\_READ'` : '';
      return `SELECT '${name}' AS name, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), 'empty') AS md5 FROM ${name} t${where}`;
    })
    .join(' UNION ALL ');
  return async () => {
    const rows = await system.db.$queryRawUnsafe<{ name: string; md5: string }[]>(sql);
    const out = Object.fromEntries(rows.map((r) => [r.name, r.md5]));
    out['temporal workflows'] = String((await system.env.client.workflow.count()).count);
    return out;
  };
}

function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
}

interface GuardStats {
  requests: number;
  byStatus: Map<number, number>;
  rejectedWrites: number;
  violations: string[];
  serverErrors: string[];
}

/** The guard proxy (see the top of this file). */
async function startGuard(system: System): Promise<{ origin: string; stats: GuardStats; close(): Promise<void> }> {
  const target = new URL(system.apiOrigin);
  const stats: GuardStats = { requests: 0, byStatus: new Map(), rejectedWrites: 0, violations: [], serverErrors: [] };
  const fingerprint = await fingerprinter(system);
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn);
    queue = p.catch(() => undefined);
    return p;
  };
  let last: Record<string, string> | undefined;
  let dirty = true;

  /** The fingerprint once two readings `gapMs` apart agree. */
  const settled = async (gapMs: number) => {
    for (let i = 0; i < 40; i++) {
      const a = await fingerprint();
      await new Promise((r) => setTimeout(r, gapMs));
      const b = await fingerprint();
      if (differences(a, b).length === 0) return b;
    }
    throw new Error('the state never settled (two fingerprints in a row never agreed)');
  };

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      out.on('error', reject);
      out.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET');
      const run = async () => {
        if (write && dirty) {
          last = await settled(500);
          dirty = false;
        }
        const answer = await forward(req, body);
        const what = `${req.method} ${req.url} ${body.toString('utf8').slice(0, 300)} → ${answer.status}`;
        if (answer.status >= 500) stats.serverErrors.push(what);
        if (write && answer.status >= 400) {
          stats.rejectedWrites++;
          // Writes that follow a response (the audit row, a workflow's activity) land within moments.
          const now = await settled(100);
          const changed = differences(last!, now);
          if (changed.length) {
            stats.violations.push(`${what} changed ${changed.join(', ')}`);
            dirty = true;
          }
          last = now;
        } else if (write) {
          dirty = true;
        }
        return answer;
      };
      try {
        // Writes one at a time; reads go straight through.
        const answer = write ? await oneAtATime(run) : await forward(req, body);
        stats.requests++;
        stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
        if (!write && answer.status >= 500) stats.serverErrors.push(`${req.method} ${req.url} → ${answer.status}`);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch (err) {
        stats.serverErrors.push(`guard: ${req.method} ${req.url}: ${String(err)}`);
        res.writeHead(502).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const system = await startSystem();
  // One test per role (schemathesis's own checks) and one for the guard's run-wide checks.
  let failedRoles = 0;
  let guardFailed = false;
  try {
    const st = ensureSchemathesis(system.config.cacheDir);
    // A few real cases, so the document's example case numbers name something that exists.
    const officer = await system.token('lujiang-officer');
    for (let i = 0; i < 3; i++) await postJson(`${system.apiOrigin}/api/v1/cases`, officer, caseBody(i), 201);

    const guard = await startGuard(system);
    const reportDir = fs.mkdtempSync(path.join(system.tmpDir, 'schemathesis-'));
    for (const role of ROLES) {
      const token = await system.token(role);
      console.log(`» schemathesis as ${role}`);
      const code = await new Promise<number>((resolve) => {
        const child = spawn(
          st,
          [
            'run', `${guard.origin}/api/v1/openapi.json`,
            '--url', guard.origin,
            '--checks', CHECKS.join(','),
            '--max-examples', String(MAX_EXAMPLES),
            '--seed', SEED,
            // One worker: CPython 3.11's ast.parse is not thread-safe ("AST constructor recursion depth
            // mismatch" from Hypothesis describing lambdas), and the guard serializes writes anyway.
            '--workers', '1',
            '--phases', PHASES,
            '--suppress-health-check', 'all',
            '--header', `Authorization: Bearer ${token}`,
            '--report', 'junit',
            '--report-dir', path.join(reportDir, role),
          ],
          // cwd: schemathesis keeps a .schemathesis cache in its working directory.
          { cwd: reportDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } },
        );
        child.stdout.pipe(withoutRunnerBanners()).pipe(process.stdout, { end: false });
        child.stderr.pipe(withoutRunnerBanners()).pipe(process.stderr, { end: false });
        // 'close', not 'exit': the child's output is through the filter by then.
        child.on('close', (c) => resolve(c ?? 1));
      });
      if (code !== 0) {
        failedRoles++;
        console.error(`schemathesis as ${role} found failures (exit ${code})`);
      }
    }
    await guard.close();

    const { stats } = guard;
    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`\n${stats.requests} requests (${statuses}); ${stats.rejectedWrites} rejected writes checked for state changes; seed ${SEED}`);
    if (stats.requests < MIN_REQUESTS) {
      guardFailed = true;
      console.error(`only ${stats.requests} requests, fewer than ${MIN_REQUESTS}`);
    }
    for (const e of stats.serverErrors) console.error(`5xx: ${e}`);
    for (const v of stats.violations) console.error(`state changed by a rejected request: ${v}`);
    if (stats.serverErrors.length || stats.violations.length) guardFailed = true;
  } finally {
    await system.stop();
  }
  // The plain closing line that tools reading CI logs understand.
  const failed = failedRoles + (guardFailed ? 1 : 0);
  console.log(`fuzz: ${ROLES.length + 1 - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
