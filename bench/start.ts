// `npm run bench:start`: cases accepted per second through POST /api/v1/cases
// (validation, auth, case number, update-with-start, the workflow writing its
// record) against bare `client.workflow.start` of an empty workflow, on the same
// dev server in the same run, and against acceptance's floor in Temporal (an update-with-start
// answered in the first workflow task after two no-op local activities), timed and (robust to
// other work on the machine) in CPU per request.
// BENCH_CASES (default 200) and BENCH_CONCURRENCY (8).
import { randomUUID } from 'node:crypto';
import { caseBody, postJson, runBareCases } from './cases';
import { closedLoop } from './closedLoop';
import { withCpu, type CpuPerRun } from './cpu';
import { loadAverage, machine, writeSection } from './report';
import { startSystem } from './system';
import { emptyWorkflow } from './workflows';

const N = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ALONE = 50;

async function main() {
  const system = await startSystem();
  const url = `${system.apiOrigin}/api/v1/cases`;
  const token = await system.token('lujiang-officer');
  let result;
  try {
    const bare = await withCpu(system, N, () => closedLoop(N, CONCURRENCY, async () => {
      // A queue no worker polls (the floor's worker polls `-bare`): the start is all it measures.
      await system.env.client.workflow.start(emptyWorkflow, { taskQueue: `${system.taskQueue}-unpolled`, workflowId: `bare-${randomUUID()}` });
    }));
    const floor = await runBareCases(system, async ({ acceptance }) => {
      // Its worker has just started: its first tasks wait for pollers and a cold workflow thread.
      await Promise.all(Array.from({ length: CONCURRENCY }, acceptance));
      const loaded = await withCpu(system, N, () => closedLoop(N, CONCURRENCY, async () => void (await acceptance())));
      return { ...loaded, alone: await closedLoop(ALONE, 1, async () => void (await acceptance())) };
    });
    const greenlane = await withCpu(system, N, () => closedLoop(N, CONCURRENCY, async (i) => {
      await postJson(url, token, caseBody(i), 201);
    }));
    // What one case officer waits when nobody else is opening a case (the district's real load).
    const alone = await closedLoop(ALONE, 1, async (i) => void (await postJson(url, token, caseBody(N + i), 201)));
    result = { bare, floor, greenlane: { ...greenlane, alone } };
  } finally {
    await system.stop();
  }

  const { bare, floor, greenlane } = result;
  const total = (c: CpuPerRun) => c.own + c.temporal + c.postgres;
  const row = (r: typeof bare) =>
    `${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.cpu.own.toFixed(1)} ms | ${r.cpu.temporal.toFixed(1)} ms | ${r.cpu.postgres.toFixed(1)} ms`;
  const md = `## Case start (\`npm run bench:start\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · ${N} requests, ${CONCURRENCY} at a time · Temporal CLI dev server (in memory) · ${system.databaseKind}

| path | per second | p50 | p99 | CPU per request: this process | Temporal server | PostgreSQL |
| --- | --- | --- | --- | --- | --- | --- |
| baseline: \`client.workflow.start\` of an empty workflow | ${row(bare)} |
| floor: update-with-start answered in the first workflow task after two no-op local activities (\`bareAcceptanceWorkflow\`) | ${row(floor)} |
| \`POST /api/v1/cases\` (auth, validation, case number, update-with-start, record written by the workflow) | ${row(greenlane)} |

Greenlane accepts cases at ${((greenlane.perSecond / bare.perSecond) * 100).toFixed(0)}% of the bare start rate and spends ${(total(greenlane.cpu) / total(bare.cpu)).toFixed(1)}× its CPU per request
(this process is the API, the worker and the load generator; for the baseline, the client alone: no worker
polls its task queue, so the start is all it measures). The floor, Temporal's part of answering after the first workflow task with
nothing of Greenlane's, runs at ${((floor.perSecond / bare.perSecond) * 100).toFixed(0)}% of the bare start rate and ${(total(floor.cpu) / total(bare.cpu)).toFixed(1)}× its CPU; Greenlane
reaches ${((greenlane.perSecond / floor.perSecond) * 100).toFixed(0)}% of the floor's rate. What Greenlane adds to the floor: the API's sign-in, validation, lookups, case
number and audit row, the real calendar read and record write (the case, its timeline and its branches in one transaction), and the workflow's own first task.

One request at a time (${ALONE} of each, nothing else running), what a case officer waits at the district's real load: Greenlane
p50 ${greenlane.alone.p50.toFixed(1)} ms, p99 ${greenlane.alone.p99.toFixed(1)} ms; the floor p50 ${floor.alone.p50.toFixed(1)} ms, p99 ${floor.alone.p99.toFixed(1)} ms.`;
  writeSection('start', md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
