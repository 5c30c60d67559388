// The fault run's load: fast-track cases driven through the HTTP API, each party
// acting with its own token, every request retried through outages with the same
// Idempotency-Key (so a retry is the same request, never a second case or update).
import { expectedCheckCharacter, expectedOrganisationCheckCharacter } from '../../domain/creditCode';

export interface ServerError {
  status: number | 'network';
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  /** The API's X-Request-Id: finds the error in api.log. */
  requestId?: string;
}

export interface LoadStats {
  requests: number;
  retries: number;
  /** Journeys finished, well or not. */
  finished: number;
  serverErrors: ServerError[];
  /** Cases whose journey could not be completed (a request failed for good, an answer made no sense). */
  failures: { i: number; caseNo?: string; error: string }[];
  /** Case reads between steps (no retries): how many, and those that failed. */
  reads: number;
  readErrors: ServerError[];
  /** Idempotency-Key → every case number its POSTs answered (must be one). */
  acceptedByKey: Map<string, Set<string>>;
  outcomes: Record<'APPROVED' | 'REJECTED' | 'WITHDRAWN', number>;
}

type Tokens = (sub: string) => Promise<string>;
type Answer = { status: number; body: { id?: string; stage?: string; type?: string; detail?: string }; retried: boolean };

const RETRY_FOR_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A distinct, valid Siming credit code per case, so every case is its own firm. */
function creditCode(runTag: string, i: number): string {
  const body8 = `${runTag}${String(i).padStart(5, '0')}`.slice(-8).toUpperCase();
  const first17 = `91350203${body8}${expectedOrganisationCheckCharacter(body8)}`;
  return first17 + expectedCheckCharacter(first17);
}

export function createCaseLoad(baseUrl: string, token: Tokens, runTag: string) {
  const stats: LoadStats = { requests: 0, retries: 0, finished: 0, serverErrors: [], failures: [], reads: 0, readErrors: [], acceptedByKey: new Map(), outcomes: { APPROVED: 0, REJECTED: 0, WITHDRAWN: 0 } };

  /**
   * A manager looks at the case, once, no retry: with the worker killed or Temporal restarting
   * the record must answer (`live: false`); only a database outage may fail a read.
   */
  async function read(caseNo: string): Promise<void> {
    const path = `/cases/${caseNo}`;
    const startedAt = Date.now();
    stats.reads++;
    try {
      const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await token('manager')}` }, signal: AbortSignal.timeout(30_000) });
      if (res.status !== 200) stats.readErrors.push({ status: res.status, method: 'GET', path, startedAt, endedAt: Date.now(), requestId: res.headers.get('x-request-id') ?? undefined });
      await res.body?.cancel();
    } catch {
      stats.readErrors.push({ status: 'network', method: 'GET', path, startedAt, endedAt: Date.now() });
    }
  }

  /** 5xx, 429 and network errors are retried with the same key until RETRY_FOR_MS has passed. */
  async function call(who: string, path: string, body: object, key: string): Promise<Answer> {
    const giveUpAt = Date.now() + RETRY_FOR_MS;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        stats.retries++;
        await sleep(Math.min(200 * 2 ** attempt, 3_000));
      }
      if (Date.now() > giveUpAt) throw new Error(`POST ${path} still failing after ${RETRY_FOR_MS / 1000} s`);
      stats.requests++;
      const startedAt = Date.now();
      let res: Response;
      try {
        res = await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(who)}`, 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(90_000),
        });
      } catch {
        stats.serverErrors.push({ status: 'network', method: 'POST', path, startedAt, endedAt: Date.now() });
        continue;
      }
      if (res.status >= 500 || res.status === 429) {
        if (res.status >= 500) stats.serverErrors.push({ status: res.status, method: 'POST', path, startedAt, endedAt: Date.now(), requestId: res.headers.get('x-request-id') ?? undefined });
        await res.body?.cancel();
        continue;
      }
      return { status: res.status, body: (await res.json()) as Answer['body'], retried: attempt > 0 };
    }
  }

  const fail = (what: string, a: Answer) => new Error(`${what}: ${a.status} ${a.body.type ?? ''} ${a.body.detail ?? ''}`);

  /** An update answered 409 after a retry: its first attempt most likely took effect. */
  const appliedEarlier = (a: Answer) => a.status === 409 && a.retried;

  async function journey(i: number): Promise<void> {
    const key = `faults-${runTag}-${i}`;
    const bank = i % 2 === 0 ? 'xib' : 'ccb';
    const created = await call('lujiang-officer', '/cases', {
      firmName: `厦门故障演练${runTag}第${i}号有限公司`,
      creditCode: creditCode(runTag, i),
      street: 'lujiang',
      bank,
      amount: '1000000',
      purpose: '故障演练 fault drill',
    }, key);
    if (created.status !== 201 || !created.body.id) throw fail('open case', created);
    const caseNo = created.body.id;
    const seen = stats.acceptedByKey.get(key) ?? new Set<string>();
    stats.acceptedByKey.set(key, seen.add(caseNo));
    try {
      await read(caseNo);
      const complete = async (who: string, slug: string, evidence: object) => {
        const a = await call(who, `/cases/${caseNo}/tasks/${slug}/complete`, evidence, `${key}-${slug}`);
        if (a.status !== 200 && !appliedEarlier(a)) throw fail(`complete ${slug}`, a);
        await read(caseNo);
      };
      const grid = complete('lujiang-grid', 'grid-submission', { applicationNo: `XYD2026112${String(i).padStart(7, '0')}` });
      if (i % 10 === 9) {
        await grid;
        const w = await call('lujiang-officer', `/cases/${caseNo}/withdrawal`, { reason: '企业撤回申请 fault drill' }, `${key}-withdraw`);
        if (w.status !== 200 && !appliedEarlier(w)) throw fail('withdraw', w);
        stats.outcomes.WITHDRAWN++;
        return;
      }
      await Promise.all([
        grid,
        complete(`${bank}-manager`, 'bank-vip-channel', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' }),
        complete('assessor', 'due-diligence', { reportNo: `DD-${runTag}-${i}`, riskRating: 'LOW', summary: '经营正常' }),
      ]);
      const decision = i % 10 === 8
        ? { outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '故障演练 fault drill' }] }
        : { outcome: 'APPROVED', amount: '1000000', rateBp: 385, termMonths: 12 };
      for (let tries = 0; ; tries++) {
        const d = await call(`${bank}-approver`, `/cases/${caseNo}/decision`, decision, `${key}-decide`);
        if (d.status === 200 || appliedEarlier(d)) break;
        // The last branch's answer can arrive a moment before the case enters CREDIT_DECISION.
        if (d.status === 409 && /not expected in|before every branch/.test(d.body.detail ?? '') && tries < 40) {
          await sleep(250);
          continue;
        }
        throw fail('decide', d);
      }
      stats.outcomes[decision.outcome as 'APPROVED' | 'REJECTED']++;
      await read(caseNo);
    } catch (err) {
      stats.failures.push({ i, caseNo, error: (err as Error).message });
    }
  }

  /** Runs `n` journeys, starting them evenly over `spreadMs`, at most `concurrency` at once. */
  async function run(n: number, concurrency: number, spreadMs: number): Promise<void> {
    const t0 = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const due = t0 + (spreadMs * i) / n;
        if (due > Date.now()) await sleep(due - Date.now());
        await journey(i).catch((err: Error) => stats.failures.push({ i, error: err.message }));
        stats.finished++;
      }
    }));
  }

  return { stats, run };
}
