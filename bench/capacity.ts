// The capacity section of BENCHMARKS.md: one case's measured costs (caseCost.ts) scaled to a
// district, a city and a province at volumes stated here. Only the volumes and the operating
// assumptions are assumed; every cost is the measurement of the same run.

export interface CaseCost {
  historyEvents: number;
  historyBytes: number;
  transitions: number;
  /** Growth of Temporal's store per case (history, mutable state, visibility, tasks): the real server's PostgreSQL databases, or the dev server's SQLite file. */
  temporalStoreBytes: number;
  /** Whether the Temporal figures are the production topology's Temporal Server's (else the dev server's). */
  realServer: boolean;
  postgresBytes: number;
  workerCpuSeconds: number;
  serverCpuSeconds: number;
}

/** Fast-track cases a month. */
const VOLUMES = [
  { name: '思明区 Siming District', casesPerMonth: 1_000, basis: '兴业银行 Xiamen alone granted credit to 4,500+ small firms in about five months: rounded up to 1,000 fast-track cases a month' },
  { name: '厦门市 Xiamen (6 districts)', casesPerMonth: 6_000, basis: "six districts at Siming's rate" },
  { name: '福建省 Fujian (9 cities)', casesPerMonth: 60_000, basis: 'ten times Xiamen, an assumed share of the province’s small firms' },
] as const;

const WORKING_DAYS_PER_MONTH = 21.75;
const OFFICE_HOURS = 8;
/** The busiest office hour against the average one. */
const PEAK_FACTOR = 3;
/** Temporal keeps a closed case's history this long (the Compose namespace's default). */
const RETENTION_DAYS = 30;
/** A case is open about five working days: a week of calendar time. */
const OPEN_DAYS = 7;
/** Shards are fixed when the cluster is created and cost little; sized for the province. */
const SHARDS = 512;

export function capacitySection(c: CaseCost): string {
  const gib = (x: number) => (x >= 2 ** 40 ? `${(x / 2 ** 40).toFixed(1)} TiB` : x >= 2 ** 30 ? `${(x / 2 ** 30).toFixed(1)} GiB` : `${(x / 2 ** 20).toFixed(0)} MiB`);
  const rows = VOLUMES.map((v) => {
    const peakCasesPerSecond = (v.casesPerMonth / (WORKING_DAYS_PER_MONTH * OFFICE_HOURS * 3600)) * PEAK_FACTOR;
    const heldHistories = v.casesPerMonth * ((RETENTION_DAYS + OPEN_DAYS) / 30);
    const workerCores = peakCasesPerSecond * c.workerCpuSeconds;
    const serverCores = peakCasesPerSecond * c.serverCpuSeconds;
    return {
      ...v,
      peakCasesPerSecond,
      transitionsPerSecond: peakCasesPerSecond * c.transitions,
      perShard: (peakCasesPerSecond * c.transitions) / SHARDS,
      temporalStore: heldHistories * c.temporalStoreBytes,
      postgresPerYear: v.casesPerMonth * 12 * c.postgresBytes,
      workerCores,
      serverCores,
      workers: Math.max(2, Math.ceil(workerCores * 2)),
    };
  });
  const server = c.realServer ? 'Temporal Server' : 'dev server';
  return `## Capacity: a district, a city, a province

Scaled from \`bench:case-cost\`'s figures above (same run); what is assumed is stated here. Volumes: ${VOLUMES.map((v) => `${v.name}: ${v.casesPerMonth.toLocaleString('en')} cases a month (${v.basis})`).join('; ')}.
Cases are accepted over ${WORKING_DAYS_PER_MONTH} working days of ${OFFICE_HOURS} office hours, the busiest hour at ${PEAK_FACTOR}× the average; Temporal keeps a
closed case ${RETENTION_DAYS} days (the namespace's retention) after about ${OPEN_DAYS} open; Greenlane's records are kept for good.

| | ${rows.map((r) => r.name).join(' | ')} |
| --- | ${rows.map(() => '---').join(' | ')} |
| cases at the peak hour | ${rows.map((r) => `${(r.peakCasesPerSecond * 3600).toFixed(0)}/h`).join(' | ')} |
| Temporal state transitions at peak | ${rows.map((r) => `${r.transitionsPerSecond.toFixed(1)}/s`).join(' | ')} |
| per history shard (${SHARDS} shards) | ${rows.map((r) => `${r.perShard.toFixed(3)}/s`).join(' | ')} |
| Temporal store held (retention + open) | ${rows.map((r) => gib(r.temporalStore)).join(' | ')} |
| Greenlane PostgreSQL growth a year | ${rows.map((r) => gib(r.postgresPerYear)).join(' | ')} |
| worker + API CPU at peak | ${rows.map((r) => `${r.workerCores.toFixed(2)} cores`).join(' | ')} |
| workers (2× headroom, at least 2) | ${rows.map((r) => String(r.workers)).join(' | ')} |
| Temporal server CPU at peak (${server}) | ${rows.map((r) => `${r.serverCores.toFixed(2)} cores`).join(' | ')} |

Per case, measured: ${c.historyEvents.toFixed(0)} history events, ${(c.historyBytes / 1024).toFixed(1)} KiB of history, ${c.transitions.toFixed(0)} state transitions,
${(c.temporalStoreBytes / 1024).toFixed(1)} KiB of Temporal store (${c.realServer ? "the Temporal Server's PostgreSQL databases" : "the dev server's SQLite"}), ${(c.postgresBytes / 1024).toFixed(1)} KiB of Greenlane's PostgreSQL, ${(c.workerCpuSeconds * 1000).toFixed(0)} ms of worker + API CPU and
${(c.serverCpuSeconds * 1000).toFixed(0)} ms of Temporal server CPU. Even the province's busiest hour is ${(rows[2]!.peakCasesPerSecond).toFixed(2)} cases a second: the
smallest production shape of a Temporal cluster serves it, ${SHARDS} shards (fixed at creation) leave each a transition every
${(1 / rows[2]!.perShard).toFixed(0)} s, and the lasting cost is storage. ${
    c.realServer
      ? "The Temporal figures are the production topology's Temporal Server's (PostgreSQL persistence and SQL visibility; the case-cost section also shows the dev server's)."
      : "The Temporal figures are the dev server's (SQLite); `-- --real-server` measures the production topology's Temporal Server on PostgreSQL, which stores and spends differently."
  }`;
}
