// `npm run bench:deadline`: what computing a five-working-day deadline costs,
// next to the cheapest thing a workflow does (one workflow task of an empty
// workflow on the dev server), measured in the same run.
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { OFFICIAL_NOTICES } from '../domain/calendar/officialNotices';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { loadConfig } from '../infra/config';
import { startDevServer } from '../dev/devServer';
import { machine, percentile, writeSection } from './report';
import { emptyWorkflow } from './workflows';

function deadlineCost(iterations: number) {
  // Acceptance instants spread over 2025–2027, so notice years and the provisional year both count.
  const start = Date.UTC(2025, 0, 1);
  const span = 3 * 365 * 86_400_000;
  const instants = Array.from({ length: iterations }, (_, i) => new Date(start + ((i * 7_919_993_017) % span)));
  const build = process.hrtime.bigint();
  const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
  const buildNs = Number(process.hrtime.bigint() - build);
  for (let i = 0; i < 1000; i++) calendar.addWorkingDays(instants[i], 5); // warm-up
  const t0 = process.hrtime.bigint();
  for (const at of instants) calendar.addWorkingDays(at, 5);
  const perOpNs = Number(process.hrtime.bigint() - t0) / iterations;
  return { perOpUs: perOpNs / 1000, buildUs: buildNs / 1000 };
}

async function workflowTaskCost(runs: number) {
  const config = loadConfig();
  const env = await startDevServer({ cacheDir: config.cacheDir, cliPath: config.temporal.cliPath });
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('./workflows') });
  try {
    return await worker.runUntil(async () => {
      const ms: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const t0 = performance.now();
        await env.client.workflow.execute(emptyWorkflow, { taskQueue, workflowId: `bench-${randomUUID()}` });
        if (i >= 5) ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
    });
  } finally {
    await env.teardown();
  }
}

async function main() {
  const deadline = deadlineCost(100_000);
  const wf = await workflowTaskCost(100);
  const ratio = (wf.p50 * 1000) / deadline.perOpUs;
  const md = `## Deadline computation (\`npm run bench:deadline\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}

| what | cost |
| --- | --- |
| \`addWorkingDays(acceptedAt, 5)\`, 100,000 instants over 2025–2027 | ${deadline.perOpUs.toFixed(2)} µs per call |
| building the \`WorkingCalendar\` from the three loaded notices | ${deadline.buildUs.toFixed(0)} µs, once per workflow |
| baseline: an empty workflow, start to result, dev server on loopback | p50 ${wf.p50.toFixed(2)} ms, p99 ${wf.p99.toFixed(2)} ms |

One deadline costs about 1/${Math.round(ratio).toLocaleString('en')} of the cheapest workflow round trip: negligible.`;
  writeSection('deadline', md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
