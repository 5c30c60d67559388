// `npm run bench:open-cases [-- --sizes 1000,5000,10000 --seconds 10 --sla-sample 20]`: what
// open cases cost while they wait on people. The open cases grow step by step to each size
// (every case has live SLA timers); at each step: the process's memory (worker + API),
// Temporal's SQLite file and the PostgreSQL database, GET /cases/:id and a filtered list
// under concurrent load, and how late SLA timers fire. Baseline: GET /healthz, measured the
// same way at each step.
//
// How cases are opened: `client.workflow.start` of `fastTrackCaseWorkflow` with the input the
// API builds (case number from the same sequence, the staff directory's assignees, the same
// search attributes), 32 starts in flight, then we wait until every case's record and branch
// tasks are in PostgreSQL. That skips the HTTP round trip and the wait on the acceptance
// update (`npm run bench:start` measures those), so thousands of cases open in minutes.
//
// How late SLA timers fire: at each step `--sla-sample` more cases are started whose branches
// turn AT_RISK at an instant inside the read-load window (bench/cases.ts startCase: accepted an
// hour before it, the earliest a branch may warn). The bench's database gets a round-the-clock
// calendar (every day a working day, weekends as 调休 make-up days), so the run's day and hour
// change nothing; the timer machinery is the same as with the real calendar. For each
// sample case: timer lateness = the SLA_AT_RISK event's `at` (the workflow's clock when it woke)
// minus the instant; projection lateness = loan_case.updated_at (when the AT_RISK projection was
// written) minus the instant.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { addDays, isWeekend, shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import type { YearArrangement } from '../domain/calendar/types';
import { LIST_PATH, PLACES, startCase, waitRecorded } from './cases';
import { closedLoop } from './closedLoop';
import { getLoad, type LoadResult } from './httpLoad';
import { loadAverage, machine, percentile, writeSection } from './report';
import { startSystem, type System } from './system';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    seconds: { type: 'string', default: '10' },
    'sla-sample': { type: 'string', default: '20' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const SECONDS = Number(args.seconds);
const SAMPLE = Number(args['sla-sample']);
const CONNECTIONS = 10;

/** Every day of `year` a working day: no rest blocks, every weekend day a make-up day. */
function roundTheClock(year: number): YearArrangement {
  const makeupWorkdays: string[] = [];
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) if (isWeekend(d)) makeupWorkdays.push(d);
  return { year, notice: { title: `基准测试全年工作日 benchmark: every day a working day (${year})`, documentNo: 'bench', publishedOn: `${year}-01-01` }, holidays: [], makeupWorkdays };
}

interface Step {
  size: number;
  openSeconds: number;
  rssMiB: number;
  heapMiB: number;
  temporalMiB: number;
  postgresMiB: number;
  health: LoadResult;
  get: LoadResult;
  list: LoadResult;
  timerLate: number[];
  projectionLate: number[];
  sampled: number;
}

async function main() {
  const system = await startSystem({ temporalFile: true });
  const steps: Step[] = [];
  try {
    const year = yearOf(shanghaiDate(new Date()));
    const years = [roundTheClock(year), roundTheClock(year + 1)];
    for (const a of years) {
      await system.db.calendarYear.upsert({ where: { year: a.year }, create: { year: a.year, arrangement: a as object, source: 'bench', loadedBy: 'bench' }, update: { arrangement: a as object, source: 'bench' } });
    }
    const manager = await system.token('manager');
    const officer = await system.token('lujiang-officer');
    const open: string[] = [];
    const lujiang: string[] = []; // what 鹭江's case officer may read
    let next = 0;
    let started = 0;

    for (const size of SIZES) {
      const t0 = performance.now();
      const target = size - open.length;
      await closedLoop(target, 32, async () => {
        const i = next++;
        const caseNo = await startCase(system, i);
        started++;
        open.push(caseNo);
        if (PLACES[i % 2].street === 'lujiang') lujiang.push(caseNo);
      });
      await waitRecorded(system, started);
      const openSeconds = (performance.now() - t0) / 1000;

      // Sample cases whose AT_RISK instant falls inside the three load windows that follow.
      const windowStart = Date.now() + 10_000;
      const instants = new Map<string, number>();
      await Promise.all(
        Array.from({ length: SAMPLE }, async (_, k) => {
          const at = windowStart + Math.round((k * 3 * SECONDS * 1000) / SAMPLE);
          instants.set(await startCase(system, next++, new Date(at)), at);
          started++;
        }),
      );
      await waitRecorded(system, started);

      const health = await getLoad(system.apiOrigin, officer, () => '/healthz', SECONDS, CONNECTIONS);
      const get = await getLoad(system.apiOrigin, officer, (i) => `/api/v1/cases/${lujiang[(i * 7919) % lujiang.length]}`, SECONDS, CONNECTIONS);
      const list = await getLoad(system.apiOrigin, manager, () => LIST_PATH, SECONDS, CONNECTIONS);

      const lateness = await slaLateness(system, instants);
      const mem = process.memoryUsage();
      const [{ bytes }] = await system.db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
      const step: Step = {
        size,
        openSeconds,
        rssMiB: mem.rss / 2 ** 20,
        heapMiB: mem.heapUsed / 2 ** 20,
        temporalMiB: sqliteBytes(system.temporalDbPath!) / 2 ** 20,
        postgresMiB: Number(bytes) / 2 ** 20,
        health,
        get,
        list,
        sampled: instants.size,
        ...lateness,
      };
      steps.push(step);
      console.log(JSON.stringify({ ...step, timerLate: summary(step.timerLate), projectionLate: summary(step.projectionLate) }));
    }
  } finally {
    await system.stop();
  }

  const ms = (r: LoadResult) => `${r.p50} / ${r.p99} ms, ${r.perSecond.toFixed(0)}/s${r.failed ? `, ${r.failed} failed` : ''}`;
  const md = `## Open cases (\`npm run bench:open-cases\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · \`npm run bench:open-cases -- --sizes ${SIZES.join(',')} --seconds ${SECONDS} --sla-sample ${SAMPLE}\` · Temporal CLI dev server (SQLite file) · ${system.databaseKind} · SDK default worker

Cases are started with \`client.workflow.start\` and the API's input (not through HTTP), then wait on people with live SLA
timers. Latency: autocannon, ${CONNECTIONS} connections for ${SECONDS} s each, p50 / p99 and requests per second; \`GET /cases/:id\` as
鹭江's case officer over its cases (from the record alone while it shows nothing in flight, else with a describe of its workflow), the list as the manager
(\`${LIST_PATH}\`). Memory is the bench process's (worker, API and load generator in one).
SLA timers: ${SAMPLE} more cases per step whose AT_RISK instant falls inside the load windows (round-the-clock calendar);
"timer" is the SLA_AT_RISK event's instant minus the planned one, "projection" when \`loan_case\` was written minus the planned one.

| open cases | opened in | RSS / heap | Temporal SQLite | PostgreSQL | baseline \`GET /healthz\` | \`GET /cases/:id\` | filtered list | timer late p50 / max | projection late p50 / max |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${steps
  .map(
    (s) =>
      `| ${s.size.toLocaleString('en')} | ${s.openSeconds.toFixed(0)} s | ${s.rssMiB.toFixed(0)} / ${s.heapMiB.toFixed(0)} MiB | ${s.temporalMiB.toFixed(1)} MiB | ${s.postgresMiB.toFixed(1)} MiB | ${ms(s.health)} | ${ms(s.get)} | ${ms(s.list)} | ${lateText(s.timerLate, s.sampled)} | ${lateText(s.projectionLate, s.sampled)} |`,
  )
  .join('\n')}

${growth(steps)}`;
  writeSection('open-cases', md);
  console.log(md);
}

/** Waits (up to a minute past the last instant) for the sample cases to turn AT_RISK, then reads when that happened. */
async function slaLateness(system: System, instants: Map<string, number>): Promise<{ timerLate: number[]; projectionLate: number[] }> {
  const caseNos = [...instants.keys()];
  const last = Math.max(0, ...instants.values());
  while (Date.now() < last + 60_000) {
    const done = await system.db.loanCase.count({ where: { caseNo: { in: caseNos }, slaState: 'AT_RISK' } });
    if (done === caseNos.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const cases = await system.db.loanCase.findMany({ where: { caseNo: { in: caseNos }, slaState: 'AT_RISK' }, select: { caseNo: true, updatedAt: true } });
  const events = await system.db.caseEvent.findMany({ where: { caseNo: { in: caseNos }, type: 'SLA_AT_RISK' }, select: { caseNo: true, at: true } });
  // A case whose workflow began after its instant turns AT_RISK at once, without a timer: left out.
  const began = await system.db.caseEvent.findMany({ where: { caseNo: { in: caseNos }, type: 'BRANCHES_STARTED' }, select: { caseNo: true, at: true } });
  const late = new Set(began.filter((e) => e.at.getTime() >= instants.get(e.caseNo)!).map((e) => e.caseNo));
  for (const caseNo of late) instants.delete(caseNo);
  const timerLate = new Map<string, number>();
  for (const e of events.filter((e) => !late.has(e.caseNo))) {
    const late = e.at.getTime() - instants.get(e.caseNo)!;
    timerLate.set(e.caseNo, Math.min(late, timerLate.get(e.caseNo) ?? Infinity)); // the first AT_RISK of the case
  }
  return {
    timerLate: [...timerLate.values()].sort((a, b) => a - b),
    projectionLate: cases.filter((c) => !late.has(c.caseNo)).map((c) => c.updatedAt.getTime() - instants.get(c.caseNo)!).sort((a, b) => a - b),
  };
}

function summary(sorted: number[]) {
  return sorted.length ? { n: sorted.length, p50: percentile(sorted, 50), max: sorted[sorted.length - 1] } : { n: 0 };
}

function lateText(sorted: number[], sampled: number): string {
  if (!sorted.length) return sampled ? `none of ${sampled} fired` : 'not measured';
  const missing = sampled - sorted.length;
  return `${percentile(sorted, 50)} / ${sorted[sorted.length - 1]} ms${missing ? ` (${missing} of ${sampled} never fired)` : ''}`;
}

function sqliteBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/** How each figure grows from the first step to the last, per open case. */
function growth(steps: Step[]): string {
  if (steps.length < 2) return 'Run more than one size to see how the figures grow.';
  const [a, b] = [steps[0], steps[steps.length - 1]];
  const per = (x: number, y: number, unit: string, scale = 1) => `${(((y - x) / (b.size - a.size)) * scale).toFixed(2)} ${unit}`;
  return `From ${a.size.toLocaleString('en')} to ${b.size.toLocaleString('en')} open cases, per 1,000 more: process RSS +${per(a.rssMiB, b.rssMiB, 'MiB', 1000)}, Temporal SQLite +${per(a.temporalMiB, b.temporalMiB, 'MiB', 1000)}, PostgreSQL +${per(a.postgresMiB, b.postgresMiB, 'MiB', 1000)}; \`GET /cases/:id\` p99 ${a.get.p99} → ${b.get.p99} ms, list p99 ${a.list.p99} → ${b.list.p99} ms.`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
