// `npm run bench:case-cost [-- --cases 20]`: what one fast-track case costs, counted rather than
// timed, so a busy machine does not change it: its Temporal history (events by kind, bytes, state
// transitions), the growth of the dev server's SQLite file, its PostgreSQL rows and bytes, and the
// CPU time of the worker and API (this process) and of the Temporal server; beside the bare
// 3+1-activity workflow in the same run. From those figures, the capacity section sizes a city and
// a province at the volumes it states (capacity.ts).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { temporal } from '@temporalio/proto';
import { capacitySection, type CaseCost } from './capacity';
import { caseRunner, runBareCases } from './cases';
import { loadAverage, machine, writeSection } from './report';
import { startSystem, type System } from './system';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '4' } } });
const N = Number(args.cases);
const CONCURRENCY = Number(args.concurrency);
const EventType = temporal.api.enums.v1.EventType;

/** One workflow's history: its size, its state transitions, its events by type and its activities by name. */
async function historyOf(system: System, workflowId: string) {
  const { client } = system.env;
  const d = await client.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
  const info = d.workflowExecutionInfo!;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const byType = new Map<string, number>();
  const activities = new Map<string, number>();
  for (const e of history.events ?? []) {
    const type = EventType[e.eventType ?? 0] ?? String(e.eventType);
    byType.set(type, (byType.get(type) ?? 0) + 1);
    const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
    if (name) activities.set(name, (activities.get(name) ?? 0) + 1);
  }
  return { events: Number(info.historyLength), bytes: Number(info.historySizeBytes), transitions: Number(info.stateTransitionCount), byType, activities };
}

type History = Awaited<ReturnType<typeof historyOf>>;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function meanCounts(maps: Map<string, number>[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) totals.set(k, (totals.get(k) ?? 0) + v);
  return [...totals].map(([k, v]) => [k, v / maps.length] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** Rows and bytes (with indexes and TOAST) of every table of Greenlane's database. */
async function tableSizes(system: System): Promise<Map<string, { rows: number; bytes: number }>> {
  const tables = await system.db.$queryRawUnsafe<{ name: string; bytes: bigint }[]>(
    "SELECT tablename::text AS name, pg_total_relation_size(quote_ident(tablename)) AS bytes FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
  );
  const out = new Map<string, { rows: number; bytes: number }>();
  for (const t of tables) {
    const [{ n }] = await system.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t.name}"`);
    out.set(t.name, { rows: Number(n), bytes: Number(t.bytes) });
  }
  return out;
}

/** The dev server's SQLite file with its journal, in bytes. */
function sqliteBytes(system: System): number {
  return ['', '-wal', '-shm', '-journal'].reduce((sum, ext) => sum + (fs.existsSync(system.temporalDbPath! + ext) ? fs.statSync(system.temporalDbPath! + ext).size : 0), 0);
}

/** CPU seconds so far of the process whose command line names `marker` (the dev server names its SQLite file). */
function cpuSecondsOf(marker: string): number {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // The process ended while we read it.
    }
  }
  return 0;
}

const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Runs `run` and returns what it cost Temporal's SQLite, PostgreSQL and the CPUs, per run of `n`. */
async function measured<T>(system: System, n: number, run: () => Promise<T>) {
  const before = { sqlite: sqliteBytes(system), tables: await tableSizes(system), own: ownCpuSeconds(), server: cpuSecondsOf(system.temporalDbPath!) };
  const result = await run();
  const after = { sqlite: sqliteBytes(system), tables: await tableSizes(system), own: ownCpuSeconds(), server: cpuSecondsOf(system.temporalDbPath!) };
  const tables = [...after.tables]
    .map(([name, a]) => ({ name, rows: (a.rows - (before.tables.get(name)?.rows ?? 0)) / n, bytes: (a.bytes - (before.tables.get(name)?.bytes ?? 0)) / n }))
    .filter((t) => t.rows > 0)
    .sort((x, y) => y.bytes - x.bytes);
  return { result, sqliteBytes: (after.sqlite - before.sqlite) / n, tables, ownCpu: (after.own - before.own) / n, serverCpu: (after.server - before.server) / n };
}

async function main() {
  const system = await startSystem({ temporalFile: true });
  try {
    const one = await caseRunner(system);
    // One case first, so first-use costs (the workflow bundle's load, caches) stay out of the figures.
    await one(900_000);
    let next = 0;
    const cases = await measured(system, N, async () => {
      const ids: string[] = [];
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < N; i = next++) ids.push(`case-${await one(i)}`);
      }));
      return Promise.all(ids.map((id) => historyOf(system, id)));
    });
    const bare = await measured(system, N, () =>
      runBareCases(system, async (run) => {
        const ids: string[] = [];
        for (let i = 0; i < N; i++) ids.push(await run());
        return Promise.all(ids.map((id) => historyOf(system, id)));
      }),
    );
    report(system, cases, bare);
  } finally {
    await system.stop();
  }
}

type Measured = Awaited<ReturnType<typeof measured<History[]>>>;

function report(system: System, cases: Measured, bare: Measured) {
  const per = (m: Measured) => ({
    events: mean(m.result.map((h) => h.events)),
    bytes: mean(m.result.map((h) => h.bytes)),
    transitions: mean(m.result.map((h) => h.transitions)),
  });
  const c = per(cases);
  const b = per(bare);
  const activities = meanCounts(cases.result.map((h) => h.activities));
  const bookkeeping = activities.filter(([name]) => /^(record|notify|load)/.test(name)).reduce((sum, [, n]) => sum + n, 0);
  const pgBytes = cases.tables.reduce((s, t) => s + t.bytes, 0);
  const pgRows = cases.tables.reduce((s, t) => s + t.rows, 0);
  const kib = (x: number) => `${(x / 1024).toFixed(1)} KiB`;
  const ratio = (x: number, y: number) => (y ? `${(x / y).toFixed(1)}×` : '—');
  const md = `## What one case costs (\`npm run bench:case-cost\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · \`npm run bench:case-cost -- --cases ${N} --concurrency ${CONCURRENCY}\` · Temporal CLI dev server (SQLite file) · ${system.databaseKind}

Counted, not timed: ${N} fast-track cases run end to end through the API (as \`bench:e2e\` runs them), then ${N} bare
workflows (three no-op activities in parallel, then one) on the same server. History figures are Temporal's own
(\`historyLength\`, \`historySizeBytes\`, \`stateTransitionCount\` of DescribeWorkflowExecution); SQLite and PostgreSQL
figures are the growth of the files and tables over the run, divided by the cases; CPU is user + system time.

| per case | Greenlane case | baseline: bare workflow | Greenlane / baseline |
| --- | --- | --- | --- |
| history events | ${c.events.toFixed(1)} | ${b.events.toFixed(1)} | ${ratio(c.events, b.events)} |
| history bytes | ${kib(c.bytes)} | ${kib(b.bytes)} | ${ratio(c.bytes, b.bytes)} |
| state transitions | ${c.transitions.toFixed(1)} | ${b.transitions.toFixed(1)} | ${ratio(c.transitions, b.transitions)} |
| dev server SQLite growth | ${kib(cases.sqliteBytes)} | ${kib(bare.sqliteBytes)} | ${ratio(cases.sqliteBytes, bare.sqliteBytes)} |
| Temporal server CPU | ${(cases.serverCpu * 1000).toFixed(0)} ms | ${(bare.serverCpu * 1000).toFixed(0)} ms | ${ratio(cases.serverCpu, bare.serverCpu)} |
| worker + API CPU (one process) | ${(cases.ownCpu * 1000).toFixed(0)} ms | ${(bare.ownCpu * 1000).toFixed(0)} ms (worker only) | ${ratio(cases.ownCpu, bare.ownCpu)} |
| PostgreSQL rows | ${pgRows.toFixed(1)} | 0 | |
| PostgreSQL bytes (tables, indexes, TOAST) | ${kib(pgBytes)} | 0 | |

Activities a case schedules (mean per case): ${activities.map(([name, n]) => `\`${name}\` ${n.toFixed(1)}`).join(', ')}: ${bookkeeping.toFixed(1)} of
${activities.reduce((sum, [, n]) => sum + n, 0).toFixed(1)} are Greenlane's own records and calendar reads, the rest the outside parties' calls.

PostgreSQL per case, by table: ${cases.tables.map((t) => `\`${t.name}\` ${t.rows.toFixed(1)} rows, ${kib(t.bytes)}`).join('; ')}. Table growth
counts whole 8 KiB pages, so small tables round up; over ${N} cases the error is under ${kib(8192 / N)} per table.`;
  writeSection('case-cost', md);
  console.log(md);
  const cost: CaseCost = { historyBytes: c.bytes, historyEvents: c.events, transitions: c.transitions, sqliteBytes: cases.sqliteBytes, postgresBytes: pgBytes, workerCpuSeconds: cases.ownCpu, serverCpuSeconds: cases.serverCpu };
  const capacity = capacitySection(cost);
  writeSection('capacity', capacity);
  console.log(capacity);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
