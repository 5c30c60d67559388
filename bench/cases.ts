// Fast-track cases for benchmarks: request bodies and the parties' answers, as docs/api.md shows
// them, and many cases opened at once without HTTP.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { nextCaseNo } from '../infra/caseNumbers';
import { developmentDataConverter } from '../infra/dataConverter';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import { MIN_NOTICE_MS } from '../domain/fastTrack/policy';
import { fastTrackCaseWorkflow, type FastTrackCaseInput } from '../workflows/fastTrackCase';
import { openingSearchAttributes } from '../workflows/searchAttributes';
import { validSimingCode } from '../tests/support/creditCodes';
import type { System } from './system';
import { bareAccept, bareAcceptanceWorkflow, bareCaseWorkflow, bareComplete, bareDecide, bareHappyPathWorkflow } from './workflows';

/** A valid POST /api/v1/cases body for a 鹭江 firm banking with 厦门国际银行; `i` keeps credit codes distinct. */
export function caseBody(i: number) {
  return {
    firmName: `厦门基准测试${i}号有限公司`,
    creditCode: validSimingCode(`MB${String(i).padStart(6, '0')}`),
    street: 'lujiang',
    bank: 'xib',
    amount: '1000000',
    purpose: 'benchmark',
  };
}

/** Each branch's completion: path segment, the seeded assignee who may complete it, and the evidence. */
export const BRANCH_ANSWERS = [
  { task: 'grid-submission', sub: 'lujiang-grid', body: { applicationNo: 'XYD20261127000123' } },
  { task: 'bank-vip-channel', sub: 'xib-manager', body: { assessmentOutcome: 'RECOMMEND', note: '基准测试 benchmark' } },
  { task: 'due-diligence', sub: 'assessor', body: { reportNo: 'DD-2026-0042', riskRating: 'LOW', summary: '基准测试 benchmark' } },
] as const;

export const APPROVAL = { sub: 'xib-approver', body: { outcome: 'APPROVED', amount: '1000000', rateBp: 385, termMonths: 12 } } as const;

/** POSTs JSON with a bearer token; throws unless the answer is `expect`. Returns the parsed body. */
export async function postJson(url: string, token: string, body: unknown, expect: number): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== expect) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

// Half the cases at 鹭江/厦门国际银行, half at 莲前/建设银行, so scopes and filters select something.
export const PLACES = [
  { street: 'lujiang', bank: 'xib', assignees: { GRID_SUBMISSION: 'lujiang-grid', BANK_VIP_CHANNEL: 'xib-manager', DUE_DILIGENCE: 'assessor' } },
  { street: 'lianqian', bank: 'ccb', assignees: { BANK_VIP_CHANNEL: 'ccb-manager', DUE_DILIGENCE: 'assessor' } },
] as const;

/**
 * Starts case i the way POST /api/v1/cases does, minus the HTTP request and the acceptance wait.
 * With `warnAt`, its branches turn AT_RISK at that instant: a branch never warns within its first
 * hour (MIN_NOTICE_MS), so the case is accepted an hour before it and warned as early as that rule allows
 * (in a calendar where every day works: bench/openCases.ts).
 */
export async function startCase(system: System, i: number, warnAt?: Date): Promise<string> {
  const place = PLACES[i % 2];
  const body = caseBody(i);
  const acceptedAt = warnAt ? new Date(warnAt.getTime() - MIN_NOTICE_MS) : new Date();
  const caseNo = await nextCaseNo(system.db, yearOf(shanghaiDate(acceptedAt)));
  const input: FastTrackCaseInput = {
    caseNo,
    firm: { name: body.firmName, creditCode: body.creditCode, creditCodeWarnings: [] },
    streetCode: place.street,
    bankCode: place.bank,
    amountFen: 100_000_000,
    purpose: body.purpose,
    acceptedAt: acceptedAt.toISOString(),
    acceptedBy: `${place.street}-officer`,
    assignees: place.assignees,
    ...(warnAt && { atRiskLeadMs: BRANCHES_WARN_FIRST_MS }),
  };
  await system.env.client.workflow.start(fastTrackCaseWorkflow, {
    workflowId: `case-${caseNo}`,
    taskQueue: system.taskQueue,
    args: [input],
    typedSearchAttributes: openingSearchAttributes({ product: 'FAST_TRACK', streetCode: place.street, bankCode: place.bank, amountFen: input.amountFen }),
  });
  return caseNo;
}

/**
 * A lead (working time; every day works in the bench's calendar) longer than any branch's time, at
 * most 3 working days ending at midnight, so a branch warns at the earliest instant allowed; and
 * shorter than the case's own, 5 working days, whose warning stays days ahead.
 */
const BRANCHES_WARN_FIRST_MS = 4.5 * 24 * 60 * 60 * 1000;

/** Waits until `count` cases have their record and three branch tasks in PostgreSQL. */
export async function waitRecorded(system: System, count: number): Promise<void> {
  for (;;) {
    const tasks = await system.db.caseTask.count();
    if (tasks >= count * 3) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The filtered list the read benchmarks load: the district's cases in parallel review, newest first. */
export const LIST_PATH = '/api/v1/cases?stage=PARALLEL_REVIEW&limit=20';

/**
 * Runs fast-track case i end to end through the API as its parties would: POST the case, the
 * three branch completions in parallel (each by its assignee's token), the approval; resolves
 * with its case number once the workflow has ended DISBURSED.
 */
export async function caseRunner(system: System): Promise<(i: number) => Promise<string>> {
  const api = `${system.apiOrigin}/api/v1/cases`;
  const officer = await system.token('lujiang-officer');
  const parties = await Promise.all(BRANCH_ANSWERS.map((b) => system.token(b.sub)));
  const approver = await system.token(APPROVAL.sub);
  return async (i) => {
    const { id } = (await postJson(api, officer, caseBody(i), 201)) as { id: string };
    await Promise.all(BRANCH_ANSWERS.map((b, k) => postJson(`${api}/${id}/tasks/${b.task}/complete`, parties[k], b.body, 200)));
    await postJson(`${api}/${id}/decision`, approver, APPROVAL.body, 200);
    const final = await system.env.client.workflow.getHandle(`case-${id}`).result();
    if (final.stage !== 'DISBURSED') throw new Error(`${id} ended ${final.stage}`);
    return id;
  };
}

/** The baselines `runBareCases` runs; each resolves with the workflow id once its part is done. */
export interface BareRuns {
  /** bareCaseWorkflow (three no-op activities in parallel, then one), to its end. */
  fourActivities(): Promise<string>;
  /** bareHappyPathWorkflow driven as the API drives a case (accepted, three branches at once, decided), to its end. */
  happyPath(): Promise<string>;
  /** bareAcceptanceWorkflow's update-with-start, until the update answers. */
  acceptance(): Promise<string>;
}

/**
 * The baselines: workflows with nothing of Greenlane's, on their own worker (no-op activities)
 * against the same server, their payloads encrypted as every Greenlane payload is (the system's
 * client encodes them). `drive` runs them as often as it likes while the worker runs.
 */
export async function runBareCases<T>(system: System, drive: (runs: BareRuns) => Promise<T>): Promise<T> {
  const taskQueue = `${system.taskQueue}-bare`;
  const worker = await Worker.create({
    connection: system.env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    dataConverter: developmentDataConverter(),
    activities: { bareStep: async (name: string) => name },
  });
  const { client } = system.env;
  const options = () => ({ taskQueue, workflowId: `bare-${randomUUID()}` });
  const accepted = (workflow: typeof bareAcceptanceWorkflow | typeof bareHappyPathWorkflow) => {
    const start = options();
    return client.workflow.executeUpdateWithStart(bareAccept, {
      startWorkflowOperation: new WithStartWorkflowOperation(workflow, { ...start, workflowIdConflictPolicy: 'FAIL' }),
    }).then(() => client.workflow.getHandle(start.workflowId));
  };
  return worker.runUntil(() =>
    drive({
      async fourActivities() {
        const start = options();
        await client.workflow.execute(bareCaseWorkflow, start);
        return start.workflowId;
      },
      async happyPath() {
        const handle = await accepted(bareHappyPathWorkflow);
        await Promise.all(['grid', 'bank', 'diligence'].map((branch) => handle.executeUpdate(bareComplete, { args: [branch] })));
        await handle.executeUpdate(bareDecide);
        await handle.result();
        return handle.workflowId;
      },
      async acceptance() {
        return (await accepted(bareAcceptanceWorkflow)).workflowId;
      },
    }),
  );
}
