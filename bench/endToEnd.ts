// `npm run bench:e2e [-- --cases 100 --concurrency 8] [-- --real-server]`: fast-track cases per
// second from acceptance to disbursement, the sandbox parties answering at once through the API
// (POST the case, the three branch completions in parallel, the approval, then the
// workflow's own contract and disbursement), against a bare workflow with three
// parallel activities and one sequential one, and against the happy path's own shape in Temporal
// with no-op steps, on the same server in the same run.
// Also the tuning record: worker task slots and the dev server's SQLite pragmas; with
// --real-server, one more row on the production topology's Temporal Server (PostgreSQL, 4 shards).
import { parseArgs } from 'node:util';
import { caseRunner, runBareCases } from './cases';
import { closedLoop, type LoopResult } from './closedLoop';
import { loadAverage, machine, writeSection } from './report';
import { startSystem, type System, type WorkerTuning } from './system';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '8' }, 'real-server': { type: 'boolean', default: false } } });
const N = Number(args.cases);
const CONCURRENCY = Number(args.concurrency);

// What we tried against the SDK's defaults (40 workflow-task and 100 activity slots, cache sized
// from the heap): fewer workflow-task slots than activity slots, a cache that holds every case.
const TUNED: WorkerTuning = { maxCachedWorkflows: 10_000, maxConcurrentWorkflowTaskExecutions: 8, maxConcurrentActivityTaskExecutions: 32 };
const PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/** Both baselines: the bare workflow, then the happy path's shape with no-op steps. */
async function bareRun(system: System): Promise<Baselines> {
  return runBareCases(system, async ({ fourActivities, happyPath }) => ({
    bare: await closedLoop(N, CONCURRENCY, async () => void (await fourActivities())),
    shape: await closedLoop(N, CONCURRENCY, async () => void (await happyPath())),
  }));
}

async function greenlaneRun(system: System, offset: number): Promise<LoopResult> {
  const one = await caseRunner(system);
  return closedLoop(N, CONCURRENCY, async (i) => void (await one(offset + i)));
}

interface Baselines {
  bare: LoopResult;
  shape: LoopResult;
}

interface Row extends Baselines {
  setting: string;
  greenlane: LoopResult;
}

async function main() {
  const rows: Row[] = [];
  let databaseKind = '';
  // Temporal state in a SQLite file, as `npm start` keeps it.
  const plain = await startSystem({ temporalFile: true });
  databaseKind = plain.databaseKind;
  try {
    const baselines = await bareRun(plain);
    rows.push({ setting: 'SDK default worker, default SQLite pragmas', ...baselines, greenlane: await greenlaneRun(plain, 0) });
    await plain.restartWorker(TUNED);
    rows.push({ setting: `worker ${tuningText(TUNED)}`, ...baselines, greenlane: await greenlaneRun(plain, N) });
  } finally {
    await plain.stop();
  }
  const tuned = await startSystem({ temporalFile: true, sqlitePragmas: PRAGMAS, worker: TUNED });
  try {
    rows.push({ setting: `same worker, SQLite ${PRAGMAS.join(', ')}`, ...(await bareRun(tuned)), greenlane: await greenlaneRun(tuned, 0) });
  } finally {
    await tuned.stop();
  }
  let realServer = '';
  if (args['real-server']) {
    const real = await startSystem({ realServer: true, worker: TUNED });
    realServer = real.temporalKind;
    try {
      rows.push({ setting: `same worker, ${realServer}`, ...(await bareRun(real)), greenlane: await greenlaneRun(real, 0) });
    } finally {
      await real.stop();
    }
  }

  const fmt = (r: LoopResult) => `${r.perSecond.toFixed(2)}/s (p50 ${(r.p50 / 1000).toFixed(2)} s, p99 ${(r.p99 / 1000).toFixed(2)} s)`;
  const md = `## End to end (\`npm run bench:e2e\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · \`npm run bench:e2e -- --cases ${N} --concurrency ${CONCURRENCY}${realServer ? ' --real-server' : ''}\` · Temporal CLI dev server (SQLite file)${realServer ? ', then the production topology\'s Temporal Server (the last row; its persistence on the same PostgreSQL)' : ''} · ${databaseKind}

Greenlane: a case from \`POST /api/v1/cases\` through the three branch completions (in parallel, each by its assignee's
token), the approval, and the workflow's own contract and disbursement, until the workflow has ended \`DISBURSED\`; the
sandbox bank, 信易贷 and assessor answer at once. Baseline: \`client.workflow.execute\` of a workflow that runs three
no-op activities in parallel and then one more, on its own worker against the same server. Same path, no-op: the happy
path's history in Temporal with every step a no-op (\`bench/workflows.ts\` \`bareHappyPathWorkflow\`: five updates, eight
activities, seven local activities, ten search-attribute upserts), driven by the client as the API drives a case: what
Temporal alone costs a case on this machine. ${CONCURRENCY} cases in flight.

| setting | baseline: bare workflow | same path, no-op steps | Greenlane case | Greenlane / baseline | Greenlane / same path |
| --- | --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r.setting} | ${fmt(r.bare)} | ${fmt(r.shape)} | ${fmt(r.greenlane)} | ${share(r.greenlane, r.bare)} | ${share(r.greenlane, r.shape)} |`).join('\n')}

Each row after the first keeps the change above it (the real server's row keeps the worker, not the SQLite settings). A Greenlane case is five API requests, five workflow updates,
about nine PostgreSQL writes and reads (most of them local activities inside workflow tasks; \`bench:case-cost\` counts what goes by the server) and six sandbox calls and notices as activities; the bare workflow has four activities and no requests.`;
  writeSection('e2e', md);
  console.log(md);
}

function share(r: LoopResult, baseline: LoopResult): string {
  return `${((r.perSecond / baseline.perSecond) * 100).toFixed(1)}%`;
}

function tuningText(t: WorkerTuning): string {
  return `cache ${t.maxCachedWorkflows}, ${t.maxConcurrentWorkflowTaskExecutions} workflow-task / ${t.maxConcurrentActivityTaskExecutions} activity slots`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
