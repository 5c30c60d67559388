// `npm run bench:api-reads [-- --cases 2000 --seconds 10 --connections 10]`: requests per
// second and latency of GET /api/v1/cases/:id and a filtered list, with autocannon, against
// GET /healthz of the same API process (Express and the load generator, nothing of Greenlane's
// work), over `--cases` open cases. Also the tuning record for reads: the list with and without
// the (stage, accepted_at, case_no) index, and GET /cases/:id from the record (the default) and
// from the workflow (?live=true), with a workflow cache that holds every case and with one that
// holds a tenth of them.
import { parseArgs } from 'node:util';
import { LIST_PATH, PLACES, startCase, waitRecorded } from './cases';
import { closedLoop } from './closedLoop';
import { getLoad, type LoadResult } from './httpLoad';
import { loadAverage, machine, writeSection } from './report';
import { startSystem } from './system';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const N = Number(args.cases);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const INDEX = 'loan_case_stage_accepted_at_case_no_idx';

interface Row {
  what: string;
  r: LoadResult;
}

async function main() {
  const system = await startSystem({ worker: { maxCachedWorkflows: N + 100 } });
  const rows: Row[] = [];
  try {
    const lujiang: string[] = [];
    await closedLoop(N, 32, async (i) => {
      const caseNo = await startCase(system, i);
      if (PLACES[i % 2].street === 'lujiang') lujiang.push(caseNo);
    });
    await waitRecorded(system, N);
    const officer = await system.token('lujiang-officer');
    const manager = await system.token('manager');
    const load = async (what: string, token: string, path: (i: number) => string) => {
      const r = await getLoad(system.apiOrigin, token, path, SECONDS, CONNECTIONS);
      rows.push({ what, r });
      console.log(what, JSON.stringify(r));
      return r;
    };
    const byId = (i: number) => `/api/v1/cases/${lujiang[(i * 7919) % lujiang.length]}`;
    const byIdLive = (i: number) => `${byId(i)}?live=true`;

    await load('baseline: `GET /healthz` (no auth, no database)', officer, () => '/healthz');
    await load(`\`GET /api/v1/cases/:id\` as 鹭江's case officer, ${lujiang.length} cases, from the record`, officer, byId);
    await load(`\`GET /api/v1/cases/:id?live=true\` (the workflow queried), cache holds all`, officer, byIdLive);
    await load(`\`GET ${LIST_PATH}\` as the manager, with the index`, manager, () => LIST_PATH);
    await system.db.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
    await load('the same list without the (stage, accepted_at, case_no) index', manager, () => LIST_PATH);
    await system.db.$executeRawUnsafe(`CREATE INDEX "${INDEX}" ON "loan_case"("stage", "accepted_at", "case_no")`);
    const small = Math.max(10, Math.round(N / 10));
    await system.restartWorker({ maxCachedWorkflows: small });
    await load(`\`GET /api/v1/cases/:id\` from the record, workflow cache of ${small}`, officer, byId);
    await load(`\`GET /api/v1/cases/:id?live=true\`, workflow cache of ${small} (queries replay evicted cases)`, officer, byIdLive);
  } finally {
    await system.stop();
  }

  const base = rows[0].r.perSecond;
  const md = `## API reads (\`npm run bench:api-reads\`)

${new Date().toISOString().slice(0, 10)} · ${machine()}, ${loadAverage()} · \`npm run bench:api-reads -- --cases ${N} --seconds ${SECONDS} --connections ${CONNECTIONS}\` · Temporal CLI dev server (in memory) · ${system.databaseKind}

${N.toLocaleString('en')} open fast-track cases (half 鹭江/厦门国际银行, half 莲前/建设银行, all in parallel review). autocannon, ${CONNECTIONS}
connections for ${SECONDS} s per row, against the API on loopback in the same process as the worker. \`GET /cases/:id\` reads the
case, its tasks and timeline from PostgreSQL, which show nothing in flight (no update unanswered, the SLA clock's next change
ahead), so Temporal is not asked; with \`?live=true\` it queries the workflow for its live state instead.

| request | per second | vs baseline | p50 | p99 | failed |
| --- | --- | --- | --- | --- | --- |
${rows.map(({ what, r }) => `| ${what} | ${r.perSecond.toFixed(0)} | ${((r.perSecond / base) * 100).toFixed(1)}% | ${r.p50} ms | ${r.p99} ms | ${r.failed} |`).join('\n')}`;
  writeSection('api-reads', md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
