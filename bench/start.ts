// `npm run bench:start`: cases accepted per second through POST /api/v1/cases
// (validation, auth, case number, update-with-start, the workflow writing its
// record) against bare `client.workflow.start` of an empty workflow, on the same
// dev server in the same run. BENCH_CASES (default 200) and BENCH_CONCURRENCY (8).
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app';
import { createLogger } from '../api/ops';
import { createVerifier, mintDevToken } from '../api/auth/verifier';
import { expectedCheckCharacter, expectedOrganisationCheckCharacter } from '../domain/creditCode';
import { loadConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { DEV_USERS } from '../infra/devUsers';
import { startDevServer } from '../infra/devServer';
import { startEmbeddedPostgres } from '../infra/embeddedPostgres';
import { migrate } from '../infra/migrate';
import { seedReferenceData } from '../infra/seed';
import { ensureSearchAttributes } from '../infra/temporal';
import { createWorker } from '../worker/createWorker';
import { machine, percentile, writeSection } from './report';
import { emptyWorkflow } from './workflows';

const N = Number(process.env.BENCH_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function creditCode(i: number): string {
  const body8 = `MB${String(i).padStart(6, '0')}`;
  const first17 = `91350203${body8}${expectedOrganisationCheckCharacter(body8)}`;
  return first17 + expectedCheckCharacter(first17);
}

/** Runs `op` N times, CONCURRENCY at a time; returns each latency (ms) and the wall time. */
async function measure(op: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < N; i = next++) {
        const s = performance.now();
        await op(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { perSecond: (N / wallMs) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const config = loadConfig({ ...process.env, AUTH_DEV_SECRET: 'bench-secret-that-is-long-enough-for-hs256' });
  const env = await startDevServer({ cacheDir: config.cacheDir, cliPath: config.temporal.cliPath });
  await ensureSearchAttributes(env.connection, 'default');
  const pg = config.databaseUrl ? undefined : await startEmbeddedPostgres({ port: 0 });
  const databaseUrl = config.databaseUrl ?? pg!.url;
  await migrate(databaseUrl);
  const db = createDatabase(databaseUrl, 8);
  await seedReferenceData(db, { devStaff: true });
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, db });
  const app = createApp({ db, client: env.client, taskQueue, namespace: 'default', temporalUiUrl: '', verify: createVerifier(config), ops: { logger: createLogger('silent'), rateLimitPerMinute: 1_000_000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/cases`;
  const token = await mintDevToken(config, DEV_USERS.find((u) => u.sub === 'lujiang-officer')!);

  const result = await worker.runUntil(async () => {
    const bare = await measure(async () => {
      await env.client.workflow.start(emptyWorkflow, { taskQueue: `${taskQueue}-bare`, workflowId: `bare-${randomUUID()}` });
    });
    const greenlane = await measure(async (i) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ firmName: `厦门基准测试${i}号有限公司`, creditCode: creditCode(i), street: 'lujiang', bank: 'xib', amount: '1000000', purpose: 'benchmark' }),
      });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
    });
    return { bare, greenlane };
  });
  server.close();
  await db.$disconnect();
  await env.teardown();
  await pg?.stop();

  const { bare, greenlane } = result;
  const md = `## Case start (\`npm run bench:start\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · ${N} requests, ${CONCURRENCY} at a time · Temporal CLI dev server (in memory) · ${config.databaseUrl ? 'PostgreSQL from DATABASE_URL' : 'embedded PGlite'}

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
