// The consistency check behind `npm run verify:consistency` and `npm run faults`:
// every case's workflow and its PostgreSQL record agree, no case was paid twice,
// and no running case is stuck. Collecting (Temporal, PostgreSQL) is separate from
// judging (`judgeCase`, pure), so the rules can be tested on made-up snapshots.
import { isDeepStrictEqual } from 'node:util';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import type { BankAdapter } from '../activities/adapters';
import { caseEnded } from '../domain/stages';
import type { Database } from '../infra/database';
import type { CaseState } from '../workflows/fastTrackCaseMessages';
import type { SciTechCaseState } from '../workflows/sciTechCaseMessages';
import { fastTrackCaseFacts } from '../readModels/fastTrackCaseFacts';
import type { EventRow } from '../readModels/recordedEvents';
import { sciTechCaseFacts } from '../readModels/sciTechCaseFacts';

export const CASE_WORKFLOW_TYPES = ['fastTrackCaseWorkflow', 'sciTechCaseWorkflow'] as const;
// Stages in which the case waits on people; its only pending work is the SLA clock's timer (a held
// payment waits for the bank's approver, a cancelled contract for the withdrawal).
const WAITING_ON_PEOPLE = new Set(['PARALLEL_REVIEW', 'CREDIT_DECISION', 'MANUAL_REVIEW', 'DISBURSEMENT_HELD', 'CONTRACT_CANCELLED']);
// Stages after the contract is signed: exactly one contract exists (a cancelled one stays on the bank's books).
const CONTRACT_SIGNED = new Set(['DISBURSING', 'DISBURSEMENT_HELD', 'CONTRACT_CANCELLED', 'DISBURSED']);

export type ViolationKind =
  | 'RECORD_MISSING'
  | 'WORKFLOW_MISSING'
  | 'WORKFLOW_NOT_COMPLETED'
  | 'STATE_MISMATCH'
  | 'DISBURSED_TWICE'
  | 'DISBURSEMENT_MISSING'
  | 'UNEXPECTED_DISBURSEMENT'
  | 'CONTRACT_MISSING'
  | 'STUCK'
  | 'SLA_TIMER_MISSING'
  | 'WORKFLOW_TASK_STALLED'
  | 'STATE_UNREADABLE';

export interface Violation {
  caseNo: string;
  kind: ViolationKind;
  /** Chinese first, then English. */
  message: string;
}

type AnyCaseState = CaseState | SciTechCaseState;

export interface CaseSnapshot {
  caseNo: string;
  record?: {
    stage: string;
    slaState: string;
    dueAt: string | null;
    /** Branches; their clock (SLA state, due, warning) is compared where recorded (`atRiskAt` set). */
    tasks: { kind: string; status: string; assignee: string; slaState?: string; dueAt?: string; atRiskAt?: string | null }[];
    /** Fast-track: the due's provisional flag and explanation, where recorded. */
    due?: { provisional: boolean; explanation: string[] };
    /** The case's timeline: the facts rebuilt from it must be the workflow's (none: not compared). */
    events?: EventRow[];
  };
  workflow?: {
    type: string;
    /** RUNNING, COMPLETED, FAILED, TERMINATED, … */
    status: string;
    state?: AnyCaseState;
    stateError?: string;
    pendingActivities: { type: string; attempt: number }[];
    pendingWorkflowTask?: { ageMs: number; attempt: number };
    /** Timers started and neither fired nor cancelled; read from history only when nothing else is pending. */
    openTimers?: number;
  };
  contracts: { contractNo: string }[];
  disbursements: { idempotencyKey: string; reference: string; amountFen: number }[];
}

export interface JudgeOptions {
  now: Date;
  /** A workflow task pending longer than this, or failing again and again, is stalled. */
  stalledAfterMs: number;
}

export interface CaseVerdict {
  violations: Violation[];
  /** The record trails the workflow while a projection write is pending: allowed, not a violation. */
  lagging: boolean;
}

const v = (caseNo: string, kind: ViolationKind, zh: string, en: string): Violation => ({ caseNo, kind, message: `${zh} / ${en}` });

// A second attempt is normal right after a worker dies (its sticky queue times out); a third is not.
const isStalled = (t: { ageMs: number; attempt: number } | undefined, stalledAfterMs: number) => !!t && (t.attempt > 2 || t.ageMs > stalledAfterMs);

/** Projection writes into PostgreSQL run as activities (recordCaseAccepted, recordCaseOpened, recordCaseProgress, recordSciTechAccepted). */
const isProjection = (activityType: string) => /^record/.test(activityType);

/** The rules, on one case's snapshot. */
export function judgeCase(s: CaseSnapshot, opts: JudgeOptions): CaseVerdict {
  const { caseNo, record, workflow: wf } = s;
  const out: Violation[] = [];
  let lagging = false;
  if (!wf) return { violations: [v(caseNo, 'WORKFLOW_MISSING', '案件记录没有对应的工作流', 'the loan_case record has no workflow')], lagging };

  const state = wf.state;
  if (wf.status !== 'RUNNING' && wf.status !== 'COMPLETED') {
    out.push(v(caseNo, 'WORKFLOW_NOT_COMPLETED', `工作流以 ${wf.status} 结束，记录阶段为 ${record?.stage ?? '无'}`, `the workflow ended ${wf.status}; the record says ${record?.stage ?? 'nothing'}`));
  }
  const stalled = isStalled(wf.pendingWorkflowTask, opts.stalledAfterMs);
  if (wf.status === 'RUNNING' && stalled) {
    const t = wf.pendingWorkflowTask!;
    out.push(v(caseNo, 'WORKFLOW_TASK_STALLED', `工作流任务已等待 ${Math.round(t.ageMs / 1000)} 秒（第 ${t.attempt} 次尝试），无工作进程处理或持续失败`, `a workflow task has waited ${Math.round(t.ageMs / 1000)} s (attempt ${t.attempt}): no worker takes it, or it keeps failing`));
  }
  // A projection write runs as an activity, or (local activities) inside a workflow task that is not stalled.
  const projectionPending = wf.status === 'RUNNING' && (wf.pendingActivities.some((a) => isProjection(a.type)) || (!!wf.pendingWorkflowTask && !stalled));
  if (!state) {
    // A closed workflow that is not COMPLETED has no result; that is reported above.
    if (!stalled && (wf.status === 'RUNNING' || wf.status === 'COMPLETED')) {
      out.push(v(caseNo, 'STATE_UNREADABLE', `无法读取工作流状态：${wf.stateError ?? '未知'}`, `cannot read the workflow's state: ${wf.stateError ?? 'unknown'}`));
    }
    if (!record) {
      if (projectionPending) lagging = true;
      else out.push(v(caseNo, 'RECORD_MISSING', '工作流存在但没有案件记录', 'the workflow exists but there is no loan_case record'));
    }
    return { violations: out, lagging };
  }

  const differences = record ? recordDifferences(record, state) : ['no record'];
  if (differences.length > 0) {
    if (projectionPending) lagging = true;
    else if (!record) out.push(v(caseNo, 'RECORD_MISSING', '工作流存在但没有案件记录', 'the workflow exists but there is no loan_case record'));
    else out.push(v(caseNo, 'STATE_MISMATCH', `记录与工作流不一致：${differences.join('；')}`, `record and workflow disagree: ${differences.join('; ')}`));
  }

  out.push(...moneyViolations(s, state));

  if (wf.status === 'RUNNING' && !stalled && !wf.pendingWorkflowTask && wf.pendingActivities.length === 0 && wf.openTimers === 0) {
    const upcoming = upcomingDues(state, opts.now);
    if (upcoming.length > 0) {
      out.push(v(caseNo, 'SLA_TIMER_MISSING', `阶段 ${state.stage} 有未到的时限 ${upcoming[0]}，但没有计时器`, `stage ${state.stage} has a due instant ahead (${upcoming[0]}) but no timer is pending`));
    } else if (!WAITING_ON_PEOPLE.has(state.stage)) {
      out.push(v(caseNo, 'STUCK', `阶段 ${state.stage} 的工作流没有待执行的活动、计时器或工作流任务`, `in ${state.stage} the workflow has no pending activity, timer or workflow task`));
    }
    // Waiting on people with every due instant passed: escalated already, nothing to time.
  }
  return { violations: out, lagging };
}

function recordDifferences(record: NonNullable<CaseSnapshot['record']>, state: AnyCaseState): string[] {
  const diffs: string[] = [];
  if (record.stage !== state.stage) diffs.push(`stage ${record.stage} ≠ ${state.stage}`);
  if (record.slaState !== state.slaState) diffs.push(`slaState ${record.slaState} ≠ ${state.slaState}`);
  const ms = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : null);
  if (ms(record.dueAt) !== ms(state.dueAt)) diffs.push(`dueAt ${record.dueAt ?? '—'} ≠ ${state.dueAt ?? '—'}`);
  if ('tasks' in state) {
    for (const t of state.tasks) {
      const row = record.tasks.find((r) => r.kind === t.kind);
      const status = t.status === 'DONE' ? 'DONE' : 'OPEN';
      if (!row) diffs.push(`task ${t.kind} missing`);
      else if (row.status !== status || row.assignee !== t.assignee) diffs.push(`task ${t.kind} ${row.status}/${row.assignee} ≠ ${status}/${t.assignee}`);
      else if (row.atRiskAt && (row.slaState !== t.slaState || ms(row.dueAt) !== ms(t.dueAt) || ms(row.atRiskAt) !== ms(t.atRiskAt))) {
        diffs.push(`task ${t.kind} clock ${row.slaState} due ${row.dueAt} warns ${row.atRiskAt} ≠ ${t.slaState} due ${t.dueAt} warns ${t.atRiskAt}`);
      }
    }
  }
  // The record answers reads: what it keeps of the due must be the workflow's.
  if ('dueExplanation' in state && record.due && (record.due.provisional !== state.dueProvisional || !isDeepStrictEqual(record.due.explanation, state.dueExplanation))) {
    diffs.push(`due explanation ${JSON.stringify(record.due)} ≠ the workflow's`);
  }
  if (record.events) diffs.push(...factDifferences(state, record.events));
  return diffs;
}

/**
 * What a case view rebuilds from the timeline once the workflow is gone (decision, contract,
 * disbursement, withdrawal, breaches, pauses; the score for sci-tech) against the workflow's own:
 * a projection event lost or wrong shows here long before anyone reads the case past retention.
 */
function factDifferences(state: AnyCaseState, events: EventRow[]): string[] {
  const facts = (live?: AnyCaseState): Record<string, unknown> =>
    'tasks' in state ? { ...fastTrackCaseFacts(live as CaseState | undefined, events) } : { ...sciTechCaseFacts(live as SciTechCaseState | undefined, events) };
  const [asked, rebuilt] = [facts(state), facts(undefined)];
  // Through JSON, as the API sends them: an absent field and an undefined one are the same.
  const json = (x: unknown) => JSON.parse(JSON.stringify(x ?? null)) as unknown;
  return Object.keys(asked)
    .filter((k) => !isDeepStrictEqual(json(asked[k]), json(rebuilt[k])))
    .map((k) => `${k} in the timeline ≠ the workflow's`);
}

function moneyViolations({ caseNo, contracts, disbursements }: CaseSnapshot, state: AnyCaseState): Violation[] {
  const out: Violation[] = [];
  if (disbursements.length > 1) {
    out.push(v(caseNo, 'DISBURSED_TWICE', `放款 ${disbursements.length} 笔：${disbursements.map((d) => d.reference).join('、')}`, `${disbursements.length} disbursements: ${disbursements.map((d) => d.reference).join(', ')}`));
  }
  if (state.stage === 'DISBURSED') {
    const paid = state.disbursement;
    if (disbursements.length === 0) out.push(v(caseNo, 'DISBURSEMENT_MISSING', '案件已放款，但银行无放款记录', 'the case is DISBURSED but the bank holds no disbursement'));
    else if (disbursements.length === 1 && paid && (disbursements[0].reference !== paid.reference || disbursements[0].amountFen !== paid.amountFen)) {
      out.push(v(caseNo, 'DISBURSEMENT_MISSING', `银行放款 ${disbursements[0].reference}（${disbursements[0].amountFen} 分）与案件 ${paid.reference}（${paid.amountFen} 分）不符`, `the bank paid ${disbursements[0].reference} (${disbursements[0].amountFen} fen), the case says ${paid.reference} (${paid.amountFen} fen)`));
    }
  } else if (disbursements.length > 0 && state.stage !== 'DISBURSING' && state.stage !== 'DISBURSEMENT_HELD') {
    // DISBURSING: the bank may have paid and its answer not yet arrived; DISBURSEMENT_HELD: it
    // reports a payment an approver has yet to accept.
    out.push(v(caseNo, 'UNEXPECTED_DISBURSEMENT', `案件处于 ${state.stage}，银行却有放款 ${disbursements[0].reference}`, `the case is ${state.stage} but the bank paid ${disbursements[0].reference}`));
  }
  if (CONTRACT_SIGNED.has(state.stage) && contracts.length !== 1) {
    out.push(v(caseNo, 'CONTRACT_MISSING', `阶段 ${state.stage} 应有 1 份借款合同，实有 ${contracts.length} 份`, `stage ${state.stage} needs exactly one loan contract, found ${contracts.length}`));
  }
  return out;
}

/** Due instants still ahead that the SLA clock must be timing (paused branches and breached dues excluded). */
export function upcomingDues(state: AnyCaseState, now: Date): string[] {
  const ahead = (iso: string | null | undefined) => (iso && new Date(iso) > now ? [iso] : []);
  if (!('tasks' in state)) return state.breaches.length > 0 || caseEnded(state.stage) ? [] : ahead(state.dueAt);
  if (caseEnded(state.stage)) return [];
  const paused = state.pauses.find((p) => !p.until);
  const dues = state.tasks
    .filter((t) => t.status !== 'DONE' && t.kind !== paused?.kind && t.slaState !== 'BREACHED')
    .flatMap((t) => [...(t.slaState === 'ON_TRACK' ? ahead(t.atRiskAt) : []), ...ahead(t.dueAt)]);
  if (!paused && !state.breaches.some((b) => b.subject === 'PROMISE')) dues.push(...ahead(state.dueAt));
  return dues.sort();
}

// ---- Collecting ------------------------------------------------------------------------

export interface ConsistencyOptions {
  client: Client;
  db: Database;
  /** The bank's own books: what it says it signed and paid, whoever the bank is. */
  bank: Pick<BankAdapter, 'ledger'>;
  /** Only these cases (tests sharing a namespace and database); default every case record and case workflow. */
  caseNos?: string[];
  /** Violations must persist over this many looks, `settleMs` apart, so in-flight work is not reported. */
  rounds?: number;
  settleMs?: number;
  stalledAfterMs?: number;
  /** Per query of a running workflow (no worker: it never answers). */
  queryTimeoutMs?: number;
  concurrency?: number;
}

export interface ConsistencyReport {
  checkedAt: string;
  durationMs: number;
  cases: number;
  records: number;
  workflows: { running: number; closed: number };
  stages: Record<string, number>;
  /** Cases whose record trails a pending projection write. */
  lagging: string[];
  violations: Violation[];
  ok: boolean;
}

const CHUNK = 500;
function chunks<T>(xs: T[]): T[][] {
  return Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
}

async function mapLimit<T, R>(xs: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, async () => {
    for (let i = next++; i < xs.length; i = next++) out[i] = await fn(xs[i]);
  }));
  return out;
}

const caseNoOf = (workflowId: string) => workflowId.replace(/^case-/, '');

/** Case numbers of every case record and every case workflow in the namespace (or of the given ones). */
async function caseUniverse(client: Client, db: Database, caseNos?: string[]): Promise<string[]> {
  if (caseNos) return [...new Set(caseNos)];
  const types = CASE_WORKFLOW_TYPES.map((t) => `WorkflowType = '${t}'`).join(' OR ');
  const found = new Set((await db.loanCase.findMany({ select: { caseNo: true } })).map((r) => r.caseNo));
  for await (const wf of client.workflow.list({ query: types })) found.add(caseNoOf(wf.workflowId));
  return [...found].sort();
}

async function snapshotWorkflow(handle: WorkflowHandle, opts: Required<Pick<ConsistencyOptions, 'queryTimeoutMs' | 'stalledAfterMs'>>, client: Client): Promise<CaseSnapshot['workflow']> {
  let d;
  try {
    d = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
  const raw = d.raw;
  const wft = raw.pendingWorkflowTask;
  const scheduled = optionalTsToMs(wft?.originalScheduledTime) ?? optionalTsToMs(wft?.scheduledTime);
  const wf: NonNullable<CaseSnapshot['workflow']> = {
    type: d.type,
    status: d.status.name,
    pendingActivities: (raw.pendingActivities ?? []).map((a) => ({ type: a.activityType?.name ?? '?', attempt: a.attempt ?? 1 })),
    pendingWorkflowTask: wft ? { ageMs: scheduled === undefined ? 0 : Date.now() - scheduled, attempt: wft.attempt ?? 1 } : undefined,
  };
  const stalled = isStalled(wf.pendingWorkflowTask, opts.stalledAfterMs);
  try {
    if (wf.status === 'COMPLETED') wf.state = (await handle.result()) as AnyCaseState;
    // A stalled workflow would not answer a query either.
    else if (wf.status === 'RUNNING' && !stalled) {
      wf.state = await client.withDeadline(Date.now() + opts.queryTimeoutMs, () => handle.query<AnyCaseState>('getState'));
    }
  } catch (err) {
    wf.stateError = (err as Error).message;
  }
  if (wf.status === 'RUNNING' && !wf.pendingWorkflowTask && wf.pendingActivities.length === 0) wf.openTimers = await openTimers(handle);
  return wf;
}

async function openTimers(handle: WorkflowHandle): Promise<number> {
  const open = new Set<string>();
  for (const e of (await handle.fetchHistory()).events ?? []) {
    if (e.timerStartedEventAttributes?.timerId) open.add(e.timerStartedEventAttributes.timerId);
    if (e.timerFiredEventAttributes?.timerId) open.delete(e.timerFiredEventAttributes.timerId);
    if (e.timerCanceledEventAttributes?.timerId) open.delete(e.timerCanceledEventAttributes.timerId);
  }
  return open.size;
}

async function snapshots(caseNos: string[], o: Required<Omit<ConsistencyOptions, 'caseNos'>>): Promise<CaseSnapshot[]> {
  const { db, client, bank } = o;
  const records = new Map<string, NonNullable<CaseSnapshot['record']>>();
  const contracts = new Map<string, { contractNo: string }[]>();
  const byContract = new Map<string, string>();
  const disbursements = new Map<string, CaseSnapshot['disbursements']>();
  for (const part of chunks(caseNos)) {
    const [rows, ledger] = await Promise.all([
      db.loanCase.findMany({
        where: { caseNo: { in: part } },
        select: {
          caseNo: true,
          stage: true,
          slaState: true,
          dueAt: true,
          dueProvisional: true,
          dueExplanation: true,
          tasks: { select: { kind: true, status: true, assignee: true, slaState: true, dueAt: true, atRiskAt: true } },
          events: { select: { type: true, actor: true, at: true, data: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        },
      }),
      bank.ledger(part),
    ]);
    for (const r of rows) {
      records.set(r.caseNo, {
        stage: r.stage,
        slaState: r.slaState,
        dueAt: r.dueAt?.toISOString() ?? null,
        tasks: r.tasks.map((t) => ({ ...t, dueAt: t.dueAt.toISOString(), atRiskAt: t.atRiskAt?.toISOString() ?? null })),
        ...(r.dueProvisional !== null ? { due: { provisional: r.dueProvisional, explanation: r.dueExplanation } } : {}),
        events: r.events,
      });
    }
    for (const c of ledger.contracts) {
      contracts.set(c.caseNo, [...(contracts.get(c.caseNo) ?? []), { contractNo: c.contractNo }]);
      byContract.set(c.contractNo, c.caseNo);
    }
    // A payment belongs to a case by its idempotency key or by the case's contract it pays.
    for (const p of ledger.payments) {
      const caseNo = byContract.get(p.contractNo) ?? p.idempotencyKey;
      const paid = disbursements.get(caseNo) ?? [];
      if (paid.some((d) => d.idempotencyKey === p.idempotencyKey)) continue;
      disbursements.set(caseNo, [...paid, { idempotencyKey: p.idempotencyKey, reference: p.reference, amountFen: p.amountFen }]);
    }
  }
  return mapLimit(caseNos, o.concurrency, async (caseNo) => ({
    caseNo,
    record: records.get(caseNo),
    workflow: await snapshotWorkflow(client.workflow.getHandle(`case-${caseNo}`), o, client),
    contracts: contracts.get(caseNo) ?? [],
    disbursements: disbursements.get(caseNo) ?? [],
  }));
}

/**
 * Checks every case (or the given ones). A case found in violation is looked at again
 * after `settleMs`, up to `rounds` looks in all; only what persists is reported, so work
 * in flight on a live system (an activity between retries, a record about to be written)
 * does not count.
 */
export async function checkConsistency(options: ConsistencyOptions): Promise<ConsistencyReport> {
  const started = Date.now();
  const o = { rounds: 3, settleMs: 2_000, stalledAfterMs: 60_000, queryTimeoutMs: 10_000, concurrency: 8, ...options };
  const all = await caseUniverse(o.client, o.db, o.caseNos);
  const judge = (s: CaseSnapshot) => judgeCase(s, { now: new Date(), stalledAfterMs: o.stalledAfterMs });

  const latest = new Map<string, { snapshot: CaseSnapshot; verdict: CaseVerdict }>();
  let suspects = all;
  for (let round = 1; round <= o.rounds && suspects.length > 0; round++) {
    if (round > 1) await new Promise((r) => setTimeout(r, o.settleMs));
    for (const snapshot of await snapshots(suspects, o)) latest.set(snapshot.caseNo, { snapshot, verdict: judge(snapshot) });
    suspects = suspects.filter((c) => latest.get(c)!.verdict.violations.length > 0 || latest.get(c)!.verdict.lagging);
  }

  const stages: Record<string, number> = {};
  let running = 0;
  let closed = 0;
  for (const { snapshot } of latest.values()) {
    const stage = snapshot.workflow?.state?.stage ?? snapshot.record?.stage ?? '?';
    stages[stage] = (stages[stage] ?? 0) + 1;
    if (snapshot.workflow?.status === 'RUNNING') running++;
    else if (snapshot.workflow) closed++;
  }
  const verdicts = [...latest.values()];
  const violations = verdicts.flatMap((x) => x.verdict.violations);
  return {
    checkedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    cases: all.length,
    records: verdicts.filter((x) => x.snapshot.record).length,
    workflows: { running, closed },
    stages,
    lagging: verdicts.filter((x) => x.verdict.lagging && x.verdict.violations.length === 0).map((x) => x.snapshot.caseNo),
    violations,
    ok: violations.length === 0,
  };
}

const KIND_ZH: Record<ViolationKind, string> = {
  RECORD_MISSING: '记录缺失',
  WORKFLOW_MISSING: '工作流缺失',
  WORKFLOW_NOT_COMPLETED: '工作流异常结束',
  STATE_MISMATCH: '状态不一致',
  DISBURSED_TWICE: '重复放款',
  DISBURSEMENT_MISSING: '放款缺失或不符',
  UNEXPECTED_DISBURSEMENT: '不应放款',
  CONTRACT_MISSING: '合同缺失',
  STUCK: '卡住',
  SLA_TIMER_MISSING: '时限计时器缺失',
  WORKFLOW_TASK_STALLED: '工作流任务停滞',
  STATE_UNREADABLE: '状态无法读取',
};

/** The report as operators read it: Chinese first, then English; one line per violation. */
export function formatReport(r: ConsistencyReport): string {
  const stages = Object.entries(r.stages).sort().map(([s, n]) => `${s} ${n}`).join(', ');
  const lines = [
    `一致性检查 Consistency check — ${r.ok ? '通过 PASSED' : `未通过 FAILED：${r.violations.length} 项违规 violation(s)`}`,
    `  案件 cases ${r.cases} · 记录 records ${r.records} · 工作流 workflows ${r.workflows.running} 运行中 running, ${r.workflows.closed} 已结束 closed · ${(r.durationMs / 1000).toFixed(1)} s`,
    `  阶段 stages: ${stages || '—'}`,
  ];
  if (r.lagging.length) lines.push(`  记录待写入（允许）records trailing a pending projection write (allowed): ${r.lagging.join(', ')}`);
  for (const x of r.violations) lines.push(`  ✗ ${x.caseNo}  ${KIND_ZH[x.kind]} ${x.kind}  ${x.message}`);
  return lines.join('\n');
}
