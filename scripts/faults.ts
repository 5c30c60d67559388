// `npm run faults [-- --short] [-- --cases=N] [-- --keep] [-- --restart-cluster=15/main]
// [-- --topology production]`: a whole Greenlane in a temporary directory on free loopback ports,
// a load of fast-track cases through the HTTP API, and meanwhile: a worker SIGKILLed again and
// again (every other time with its record writes held mid-transaction), the Temporal server
// restarted, the database restarted. A manager reads each case between its steps: only a
// database outage may fail a read. Then the load settles, the consistency check
// (maintenance/consistency.ts) must pass and every case's history must replay on the workflow
// code (maintenance/replayCheck.ts). Exits 1 otherwise.
//
// Topology (dev/faults/topology.ts): `dev` (the default) is the Temporal CLI dev server, one
// worker and the API with development tokens; `production` is `npm run stack:production`'s
// (Temporal Server on PostgreSQL with 4 history shards, two workers of which one is killed at a
// time, the API in production mode with the OpenID provider's tokens).
//
// PostgreSQL: the embedded PostgreSQL 17 by default, restarted for real (stopped, started
// again on its data directory). With DATABASE_URL the run uses a scratch database on
// that server (and, for production, Temporal's two beside it) and "restarts" it by terminating
// every connection to them; only with --restart-cluster=<version>/<name> does it run
// `pg_ctlcluster … restart`, which restarts the whole cluster and everyone else's databases on it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SandboxBank } from '../activities/adapters';
import { CASE_ENDED_STAGES } from '../domain/stages';
import { checkConsistency, formatReport, type ConsistencyReport } from '../maintenance/consistency';
import { fetchHistories, replayHistories } from '../maintenance/replayCheck';
import { dataConverter } from '../infra/dataConverter';
import { loadConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../dev/embeddedPostgres';
import { createCaseLoad, type ServerError } from '../dev/faults/caseLoad';
import { startDevTopology, startProductionTopology, type TopologyName } from '../dev/faults/topology';
import { freePort } from '../dev/managedProcess';
import { databaseNames, urlFor } from '../dev/productionStack/postgres';
import { createScratchDatabase } from '../dev/scratchDatabase';
import { connectClient } from '../infra/temporal';

type FaultKind = 'worker-killed' | 'temporal-restarted' | 'database-restarted';
interface Fault {
  kind: FaultKind;
  startedAt: number;
  endedAt: number;
  /** A worker killed mid-write: how many of its record writes were waiting inside their transactions. */
  writesInFlight?: number;
}

const args = process.argv.slice(2);
/** `--name=value` or `--name value`. */
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const SHORT = args.includes('--short');
const KEEP = args.includes('--keep');
const CASES = Number(flag('cases') ?? (SHORT ? 60 : 400));
const RESTART_CLUSTER = flag('restart-cluster');
const TOPOLOGY = (flag('topology') ?? 'dev') as TopologyName;
if (!['dev', 'production'].includes(TOPOLOGY)) throw new Error(`--topology is dev or production, not ${TOPOLOGY}`);
// The load is spread over this long so that every planned fault lands in the middle of it.
const SPREAD_MS = SHORT ? 35_000 : 180_000;
const FAULT_GAP_MS = SHORT ? 5_000 : 12_000;
const PLAN: FaultKind[] = SHORT
  ? ['worker-killed', 'temporal-restarted', 'worker-killed', 'database-restarted', 'worker-killed']
  : ['worker-killed', 'worker-killed', 'temporal-restarted', 'worker-killed', 'worker-killed', 'database-restarted', 'worker-killed', 'worker-killed', 'worker-killed', 'worker-killed'];
// A dependency that has just come back: pools reconnect, requests queued during the outage finish.
const RECOVERY_GRACE_MS = 15_000;
const SETTLE_TIMEOUT_MS = 240_000;
const OUTAGE_MS = 2_000;

const say = (zh: string, en: string) => console.log(`» ${zh} ${en}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const t0 = Date.now();
  const config = loadConfig(process.env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-faults-'));
  // The embedded PostgreSQL keeps its cluster in here and, when we are root, runs as user postgres.
  fs.chmodSync(dir, 0o755);
  const cleanups: Array<() => Promise<void>> = [];
  let keep = KEEP;
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch((e) => console.error('[faults] cleanup:', e.message));
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));
  say(`故障演练（${TOPOLOGY}）：${CASES} 个案件，数据目录 ${dir}`, `Fault drill (${TOPOLOGY}): ${CASES} cases, data in ${dir}`);

  try {
    // ---- PostgreSQL: the drill's own, so that it may restart it ------------------------
    let databaseUrl: string;
    let restartDatabase: () => Promise<void>;
    if (!config.databaseUrl) {
      const pgPort = await freePort();
      const pgDir = path.join(dir, 'pg');
      let embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
      cleanups.push(() => embedded.stop());
      // The production stack makes its databases beside the one it is given.
      databaseUrl = TOPOLOGY === 'production' ? urlFor(embedded.url, 'greenlane') : embedded.url;
      restartDatabase = async () => {
        await embedded.stop();
        await sleep(OUTAGE_MS);
        embedded = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
      };
    } else {
      const { temporal, visibility } = databaseNames('');
      const scratch = await createScratchDatabase(config.databaseUrl, 'greenlane_faults', [temporal, visibility]);
      if (!KEEP) cleanups.push(scratch.drop);
      databaseUrl = scratch.url;
      // Every connection to the scratch database and to Temporal's beside it (same name, a suffix).
      restartDatabase = RESTART_CLUSTER
        ? async () => void execFileSync('pg_ctlcluster', [...RESTART_CLUSTER.split('/'), 'restart'], { stdio: 'inherit' })
        : async () => void (await db.$queryRaw`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE starts_with(datname, current_database()) AND pid <> pg_backend_pid()`);
    }

    // ---- Temporal, workers and the API ------------------------------------------------
    say(`启动${TOPOLOGY === 'production' ? '生产拓扑' : '开发拓扑'}`, `Starting the ${TOPOLOGY} topology`);
    const system = await (TOPOLOGY === 'production' ? startProductionTopology : startDevTopology)(config, dir, databaseUrl);
    cleanups.push(() => system.stop());
    const db = createDatabase(databaseUrl, 4);
    cleanups.push(() => db.$disconnect());

    // ---- Load and faults, at the same time ---------------------------------------------
    const runTag = String(Math.floor(Math.random() * 900) + 100);
    const load = createCaseLoad(`${system.apiUrl}/api/v1`, (sub) => system.token(sub), runTag);
    const faults: Fault[] = [];
    const writesWaiting = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n);
    // Every other kill lands mid-write: the drill locks the case records, so the worker's record
    // writes (local activities, inside workflow tasks) wait inside their transactions, then kills it.
    const killMidWrite = async (kill: () => Promise<void>): Promise<number> => {
      let waiting = 0;
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT case_no FROM loan_case FOR UPDATE`;
        const until = Date.now() + 5_000;
        while ((waiting = await writesWaiting()) < 3 && Date.now() < until) await sleep(100);
        await kill();
      }, { timeout: 30_000 });
      return waiting;
    };
    const inject = async (kind: FaultKind) => {
      const startedAt = Date.now();
      let writesInFlight: number | undefined;
      if (kind === 'worker-killed') {
        const midWrite = faults.filter((f) => f.kind === kind).length % 2 === 1;
        await system.killWorker(midWrite ? async (kill) => void (writesInFlight = await killMidWrite(kill)) : undefined);
      } else if (kind === 'temporal-restarted') {
        await system.restartTemporal(OUTAGE_MS);
      } else {
        await restartDatabase();
      }
      faults.push({ kind, startedAt, endedAt: Date.now(), ...(writesInFlight !== undefined ? { writesInFlight } : {}) });
      const midWrite = writesInFlight === undefined ? ['', ''] : [`，${writesInFlight} 个记录写入进行中`, `, ${writesInFlight} record writes in flight`];
      say(`故障 ${kind}（${((Date.now() - startedAt) / 1000).toFixed(1)} 秒恢复${midWrite[0]}）`, `fault ${kind} (back after ${((Date.now() - startedAt) / 1000).toFixed(1)} s${midWrite[1]})`);
    };
    say('开始加载与故障注入', 'Load and fault injection start');
    const loadStartedAt = Date.now();
    const loadDone = load.run(CASES, SHORT ? 12 : 16, SPREAD_MS);
    const progress = setInterval(() => say(`进度 ${load.stats.finished}/${CASES}`, `progress: ${load.stats.finished}/${CASES} journeys done, ${load.stats.retries} retries`), 15_000);
    // Each fault after the system has run undisturbed for a while, so the load makes progress in between.
    for (const kind of PLAN) {
      await sleep(FAULT_GAP_MS);
      await inject(kind);
    }
    await loadDone;
    clearInterval(progress);
    const loadMs = Date.now() - loadStartedAt;

    // ---- Settle, then check -------------------------------------------------------------
    say('等待案件全部结束', 'Waiting for every case to settle');
    const accepted = new Set([...load.stats.acceptedByKey.values()].flatMap((s) => [...s]));
    const settleStartedAt = Date.now();
    const open = async () => db.loanCase.count({ where: { stage: { notIn: [...CASE_ENDED_STAGES] } } }).catch(() => -1);
    while ((await open()) !== 0 && Date.now() - settleStartedAt < SETTLE_TIMEOUT_MS) await sleep(1_000);
    const unsettled = await open();
    const settleMs = Date.now() - settleStartedAt;

    const client = await connectClient(system.temporalAddress, 'default', system.payloadKeys);
    cleanups.push(() => client.connection.close());
    const bank = new SandboxBank(db);
    const report = await checkConsistency({ client, db, bank });
    // A settled case can still hold a history its code cannot replay, which only the next replay would show.
    say('重放每个案件的历史', 'Replaying every case history');
    const unreplayable = await replayHistories(dataConverter(system.payloadKeys), fetchHistories(client, [...accepted].map((caseNo) => `case-${caseNo}`)));

    const duplicateKeys = [...load.stats.acceptedByKey].filter(([, nos]) => nos.size > 1).map(([key, nos]) => `${key} → ${[...nos].join(', ')}`);
    const records = await db.loanCase.count();
    const disbursed = (await bank.ledger([...accepted])).payments.length;
    const windows = faults.map((f) => [f.startedAt, f.endedAt + RECOVERY_GRACE_MS]);
    for (const f of faults) console.log(`  ${f.kind} ${new Date(f.startedAt).toISOString()} → ${new Date(f.endedAt).toISOString()}`);
    const during = (w: number[][]) => (e: ServerError) => w.some(([from, to]) => e.endedAt >= from! && e.startedAt <= to!);
    const outside = load.stats.serverErrors.filter((e) => !during(windows)(e));
    // Reads need the database alone: the record answers while the worker or Temporal is away.
    const databaseWindows = faults.filter((f) => f.kind === 'database-restarted').map((f) => [f.startedAt, f.endedAt + RECOVERY_GRACE_MS]);
    const failedReads = load.stats.readErrors.filter((e) => !during(databaseWindows)(e));
    const problems = [
      ...report.violations.map((x) => `${x.caseNo} ${x.kind} ${x.message}`),
      ...unreplayable.map((f) => `${f.workflowId} 历史无法重放 history does not replay: ${f.error}`),
      ...duplicateKeys.map((d) => `同一幂等键受理了多个案件 one Idempotency-Key accepted several cases: ${d}`),
      ...(records !== accepted.size ? [`记录数 ${records} ≠ 受理数 ${accepted.size} / ${records} records for ${accepted.size} accepted cases`] : []),
      ...(unsettled !== 0 ? [`${unsettled} 个案件未结束 cases did not settle within ${SETTLE_TIMEOUT_MS / 1000} s`] : []),
      ...outside.map((e) => `依赖正常时返回 ${e.status} / ${e.status} while every dependency was up: ${e.method} ${e.path} at ${new Date(e.startedAt).toISOString()}${e.requestId ? ` (requestId ${e.requestId} in api.log)` : ''}`),
      ...failedReads.map((e) => `数据库正常时读取失败 ${e.status} / read failed with ${e.status} while the database was up: ${e.method} ${e.path} at ${new Date(e.startedAt).toISOString()}${e.requestId ? ` (requestId ${e.requestId} in api.log)` : ''}`),
      ...load.stats.failures.map((f) => `案件 case #${f.i}${f.caseNo ? ` (${f.caseNo})` : ''} 未完成 failed: ${f.error}`),
      ...(faults.filter((f) => f.kind === 'worker-killed').length < 2 ? ['工作进程被杀少于 2 次 fewer than 2 worker kills'] : []),
    ];
    printSummary({ report, faults, load: load.stats, replayed: accepted.size, unreplayable: unreplayable.length, records, disbursed, unsettled, loadMs, settleMs, totalMs: Date.now() - t0, crashes: system.crashes(), topology: system.description, logDir: system.logDir, outside: outside.length, failedReads: failedReads.length, problems, dir });
    process.exitCode = problems.length === 0 ? 0 : 1;
    // A failed drill keeps its logs (each process's, in logDir) and data for a look.
    keep ||= problems.length > 0;
  } catch (err) {
    // So does one that broke off (a part that would not start again, say), and CI's log shows why.
    keep = true;
    console.error(`[faults] 演练中断，数据与日志保留在 ${dir} / the drill broke off; data and logs kept in ${dir}`);
    for (const log of logFilesUnder(dir)) console.error(`--- ${log} (last lines) ---\n${fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')}`);
    throw err;
  } finally {
    await cleanup();
  }
  // The plain closing line that tools reading CI logs understand: the drill is one test.
  console.log(process.exitCode ? 'faults: 0 passed, 1 failed' : 'faults: 1 passed, 0 failed');
}

/** Every process's log under the drill's directory. */
function logFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.log'))
    .map((f) => path.join(dir, f));
}

function printSummary(s: {
  report: ConsistencyReport;
  faults: Fault[];
  replayed: number;
  unreplayable: number;
  load: ReturnType<typeof createCaseLoad>['stats'];
  records: number;
  disbursed: number;
  unsettled: number;
  loadMs: number;
  settleMs: number;
  totalMs: number;
  crashes: { worker: number; api: number };
  topology: string;
  logDir: string;
  outside: number;
  failedReads: number;
  problems: string[];
  dir: string;
}) {
  const count = (k: FaultKind) => s.faults.filter((f) => f.kind === k).length;
  const midWrite = s.faults.filter((f) => f.writesInFlight !== undefined);
  const accepted = s.load.acceptedByKey.size;
  const { APPROVED, REJECTED, WITHDRAWN } = s.load.outcomes;
  console.log(
    [
      '',
      formatReport(s.report),
      '',
      `故障演练结果 Fault drill summary: ${s.topology}`,
      `  案件 cases: 受理 accepted ${accepted} · 记录 records ${s.records} · 批准 approved ${APPROVED} · 拒贷 rejected ${REJECTED} · 撤回 withdrawn ${WITHDRAWN} · 放款 disbursements ${s.disbursed} · 未结束 unsettled ${s.unsettled}`,
      `  故障 faults: 工作进程被杀 worker SIGKILLed ${count('worker-killed')}（写入中 mid-write ${midWrite.length}，进行中的记录写入 record writes in flight ${midWrite.map((f) => f.writesInFlight).join('+') || 0}） · Temporal 重启 restarted ${count('temporal-restarted')} · 数据库重启 database restarted ${count('database-restarted')} · 自行崩溃 crashed on their own: worker ${s.crashes.worker}, api ${s.crashes.api}`,
      `  请求 requests ${s.load.requests} · 重试 retries ${s.load.retries} · 5xx/网络错误 errors ${s.load.serverErrors.length}（依赖正常时 while all was up: ${s.outside}）`,
      `  重放 replayed ${s.replayed} 个历史 histories · 失败 failed ${s.unreplayable}`,
      `  读取 reads ${s.load.reads} · 失败 failed ${s.load.readErrors.length}（数据库正常时 while the database was up: ${s.failedReads}）`,
      `  用时 time: 加载 load ${(s.loadMs / 1000).toFixed(0)} s · 收尾 settle ${(s.settleMs / 1000).toFixed(0)} s · 总计 total ${(s.totalMs / 1000).toFixed(0)} s${KEEP || s.problems.length ? ` · 数据与日志 data and logs kept in ${s.dir} (logs ${s.logDir})` : ''}`,
      s.problems.length === 0 ? '  ✓ 通过 PASSED' : `  ✗ 未通过 FAILED (${s.problems.length}):\n${s.problems.map((p) => `    - ${p}`).join('\n')}`,
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  console.log('faults: 0 passed, 1 failed');
  process.exit(1);
});
