// `npm run bench:start`: cases accepted per second through POST /api/v1/cases
// (validation, auth, case number, update-with-start, the workflow writing its
// record) against bare `client.workflow.start` of an empty workflow, on the same
// dev server in the same run. BENCH_CASES (default 200) and BENCH_CONCURRENCY (8).
import { randomUUID } from 'node:crypto';
import { caseBody, postJson } from './cases';
import { closedLoop } from './closedLoop';
import { machine, writeSection } from './report';
import { startSystem } from './system';
import { emptyWorkflow } from './workflows';

const N = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function main() {
  const system = await startSystem();
  const url = `${system.apiOrigin}/api/v1/cases`;
  const token = await system.token('lujiang-officer');
  let result;
  try {
    const bare = await closedLoop(N, CONCURRENCY, async () => {
      await system.env.client.workflow.start(emptyWorkflow, { taskQueue: `${system.taskQueue}-bare`, workflowId: `bare-${randomUUID()}` });
    });
    const greenlane = await closedLoop(N, CONCURRENCY, async (i) => {
      await postJson(url, token, caseBody(i), 201);
    });
    result = { bare, greenlane };
  } finally {
    await system.stop();
  }

  const { bare, greenlane } = result;
  const md = `## Case start (\`npm run bench:start\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · ${N} requests, ${CONCURRENCY} at a time · Temporal CLI dev server (in memory) · ${system.databaseKind}

| path | per second | p50 | p99 |
| --- | --- | --- | --- |
| baseline: \`client.workflow.start\` of an empty workflow | ${bare.perSecond.toFixed(1)} | ${bare.p50.toFixed(1)} ms | ${bare.p99.toFixed(1)} ms |
| \`POST /api/v1/cases\` (auth, validation, case number, update-with-start, record written by the workflow) | ${greenlane.perSecond.toFixed(1)} | ${greenlane.p50.toFixed(1)} ms | ${greenlane.p99.toFixed(1)} ms |

Greenlane accepts cases at ${((greenlane.perSecond / bare.perSecond) * 100).toFixed(0)}% of the bare start rate; the difference is the
acceptance round trip (the update waits until the workflow has loaded the calendar and written the case, its firm and its
branch tasks to PostgreSQL).`;
  writeSection('start', md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
