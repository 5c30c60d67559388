// `npm run bench:case-cost [-- --cases 20] [-- --real-server]`: what one fast-track case costs,
// counted rather than timed, so a busy machine does not change it: its Temporal history (events by
// kind, bytes, state transitions), the growth of Temporal's store (the dev server's SQLite file; with
// --real-server also the production topology's Temporal Server and its two PostgreSQL databases),
// its PostgreSQL rows and bytes, and the CPU time of the worker and API (this process) and of the
// Temporal server; beside the bare 3+1-activity workflow in the same run. From those figures (the
// real server's when measured), the capacity section sizes a city and a province at the volumes it
// states (capacity.ts).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { temporal } from '@temporalio/proto';
import { capacitySection, type CaseCost } from './capacity';
import { caseRunner, runBareCases } from './cases';
import { cpuSecondsOf, ownCpuSeconds } from './cpu';
import { loadAverage, machine, writeSection } from './report';
import { startSystem, type System } from './system';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '4' }, 'real-server': { type: 'boolean', default: false } } });
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

/** Temporal's store in bytes: the real server's two databases, or the dev server's SQLite file with its journal. */
async function temporalStoreBytes(system: System): Promise<number> {
  if (system.temporalDatabases) {
    const [{ bytes }] = await system.db.$queryRaw<{ bytes: bigint }[]>`SELECT sum(pg_database_size(d))::bigint AS bytes FROM unnest(${system.temporalDatabases}::text[]) AS d`;
    return Number(bytes);
  }
  return ['', '-wal', '-shm', '-journal'].reduce((sum, ext) => sum + (fs.existsSync(system.temporalDbPath! + ext) ? fs.statSync(system.temporalDbPath! + ext).size : 0), 0);
}

/** Runs `run` and returns what it cost Temporal's store, PostgreSQL and the CPUs, per run of `n`. */
async function measured<T>(system: System, n: number, run: () => Promise<T>) {
  const before = { store: await temporalStoreBytes(system), tables: await tableSizes(system), own: ownCpuSeconds(), server: cpuSecondsOf(system.temporalMarker) };
  const result = await run();
  const after = { store: await temporalStoreBytes(system), tables: await tableSizes(system), own: ownCpuSeconds(), server: cpuSecondsOf(system.temporalMarker) };
  const tables = [...after.tables]
    .map(([name, a]) => ({ name, rows: (a.rows - (before.tables.get(name)?.rows ?? 0)) / n, bytes: (a.bytes - (before.tables.get(name)?.bytes ?? 0)) / n }))
    .filter((t) => t.rows > 0)
    .sort((x, y) => y.bytes - x.bytes);
  return { result, storeBytes: (after.store - before.store) / n, tables, ownCpu: (after.own - before.own) / n, serverCpu: (after.server - before.server) / n };
}

/** The cases, then the bare workflows, on one server. */
async function measure(realServer: boolean) {
  const system = await startSystem({ temporalFile: true, realServer });
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
      runBareCases(system, async ({ fourActivities: run }) => {
        const ids: string[] = [];
        for (let i = 0; i < N; i++) ids.push(await run());
        return Promise.all(ids.map((id) => historyOf(system, id)));
      }),
    );
    return { temporalKind: system.temporalKind, databaseKind: system.databaseKind, realServer, cases, bare };
  } finally {
    await system.stop();
  }
}

async function main() {
  const runs = [await measure(false)];
  if (args['real-server']) runs.push(await measure(true));
  report(runs);
}

type Run = Awaited<ReturnType<typeof measure>>;
type Measured = Run['cases'];

const per = (m: Measured) => ({
  events: mean(m.result.map((h) => h.events)),
  bytes: mean(m.result.map((h) => h.bytes)),
  transitions: mean(m.result.map((h) => h.transitions)),
  pgRows: m.tables.reduce((s, t) => s + t.rows, 0),
  pgBytes: m.tables.reduce((s, t) => s + t.bytes, 0),
});

function report(runs: Run[]) {
  const kib = (x: number) => `${(x / 1024).toFixed(1)} KiB`;
  const ms = (x: number) => `${(x * 1000).toFixed(0)} ms`;
  const ratio = (x: number, y: number) => (y ? `${(x / y).toFixed(1)}×` : '—');
  const serverName = (r: Run) => (r.realServer ? 'Temporal Server' : 'dev server');
  // One row: the case, the baseline and their ratio, on each server.
  const row = (label: string, f: (m: Measured) => number, show: (x: number) => string) =>
    `| ${label} | ${runs.map((r) => `${show(f(r.cases))} | ${show(f(r.bare))} | ${ratio(f(r.cases), f(r.bare))}`).join(' | ')} |`;
  const last = runs[runs.length - 1]!;
  const activities = meanCounts(last.cases.result.map((h) => h.activities));
  const bookkeeping = activities.filter(([name]) => /^(record|notify|load)/.test(name)).reduce((sum, [, n]) => sum + n, 0);
  const md = `## What one case costs (\`npm run bench:case-cost\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · \`npm run bench:case-cost -- --cases ${N} --concurrency ${CONCURRENCY}${runs.length > 1 ? ' --real-server' : ''}\` · ${runs.map((r) => r.temporalKind).join(', then ')} · ${last.databaseKind}

Counted, not timed: on each server, ${N} fast-track cases run end to end through the API (as \`bench:e2e\` runs them), then ${N} bare
workflows (three no-op activities in parallel, then one; payloads encrypted as Greenlane's). History figures are Temporal's own
(\`historyLength\`, \`historySizeBytes\`, \`stateTransitionCount\` of DescribeWorkflowExecution); store and PostgreSQL
figures are the growth of the files, databases and tables over the run, divided by the cases; CPU is user + system time.
Temporal's store is the dev server's SQLite file (with its journal)${runs.length > 1 ? " and the real server's two PostgreSQL databases (persistence and visibility, `pg_database_size`)" : ''}.

| per case | ${runs.map((r) => `${serverName(r)}: Greenlane case | baseline: bare workflow | Greenlane / baseline`).join(' | ')} |
| --- | ${runs.map(() => '--- | --- | ---').join(' | ')} |
${[
  row('history events', (m) => per(m).events, (x) => x.toFixed(1)),
  row('history bytes', (m) => per(m).bytes, kib),
  row('state transitions', (m) => per(m).transitions, (x) => x.toFixed(1)),
  row("Temporal's store growth", (m) => m.storeBytes, kib),
  row('Temporal server CPU', (m) => m.serverCpu, ms),
  row('worker + API CPU (one process; the baseline: worker only)', (m) => m.ownCpu, ms),
  row('PostgreSQL rows (Greenlane)', (m) => per(m).pgRows, (x) => x.toFixed(1)),
  row('PostgreSQL bytes (Greenlane; tables, indexes, TOAST)', (m) => per(m).pgBytes, kib),
].join('\n')}

Activities a case schedules (mean per case): ${activities.map(([name, n]) => `\`${name}\` ${n.toFixed(1)}`).join(', ')}: ${bookkeeping.toFixed(1)} of
${activities.reduce((sum, [, n]) => sum + n, 0).toFixed(1)} are Greenlane's own records and calendar reads, the rest the outside parties' calls.

PostgreSQL per case, by table: ${last.cases.tables.map((t) => `\`${t.name}\` ${t.rows.toFixed(1)} rows, ${kib(t.bytes)}`).join('; ')}. Table and database growth
counts whole 8 KiB pages, so small tables round up; over ${N} cases the error is under ${kib(8192 / N)} per table.`;
  writeSection('case-cost', md);
  console.log(md);
  const c = per(last.cases);
  const cost: CaseCost = {
    historyBytes: c.bytes,
    historyEvents: c.events,
    transitions: c.transitions,
    temporalStoreBytes: last.cases.storeBytes,
    realServer: last.realServer,
    postgresBytes: c.pgBytes,
    workerCpuSeconds: last.cases.ownCpu,
    serverCpuSeconds: last.cases.serverCpu,
  };
  const capacity = capacitySection(cost);
  writeSection('capacity', capacity);
  console.log(capacity);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
