// Shared set-up for the case workflow tests: a time-skipping server per test
// file, a worker with real activities on the real test database, and helpers
// that put the server clock where a scenario needs it.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createSandboxAdapters, type Adapters } from '../../activities/adapters';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import type { Database } from '../../infra/database';
import { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { createWorker, type WorkerDeps } from '../../worker/createWorker';
import { acceptanceUpdate, completeTaskUpdate, fastTrackCaseWorkflow, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import { createTimeSkippingEnv, testDatabase, workflowBundle } from '../support/env';

export const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
export const HOUR = 60 * 60 * 1000;
export { saveHistory } from './historyFiles';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: Database;
  taskQueue: string;
  startWorker(adapters?: Adapters, tuning?: WorkerDeps['tuning']): Promise<RunningWorker>;
  teardown(): Promise<void>;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  await registerSearchAttributes(env);
  const db = testDatabase();
  const taskQueue = `cases-${randomUUID()}`;
  const workers: RunningWorker[] = [];
  return {
    env,
    db,
    taskQueue,
    async startWorker(adapters = createSandboxAdapters(db, {}), tuning?: WorkerDeps['tuning']) {
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        db,
        workflowBundle: await workflowBundle(),
        adapters,
        tuning,
      });
      const running = worker.run();
      const handle: RunningWorker = {
        worker,
        async stop() {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
        },
      };
      workers.push(handle);
      return handle;
    },
    async teardown() {
      for (const w of workers) await w.stop();
      await env.teardown();
      await db.$disconnect();
    },
  };
}

/** A harness with one running worker for the whole test file, torn down after it. */
export function useHarnessWithWorker(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await createHarness());
    await h.startWorker();
  });
  afterAll(() => h.teardown?.());
  return h;
}

/** Moves the time-skipping server's clock forward to `instant`. */
export async function advanceTo(env: TestWorkflowEnvironment, instant: Date): Promise<void> {
  const ms = instant.getTime() - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** 10:00 Asia/Shanghai on the first working day after the server's current date. */
export async function nextWorkingMorning(env: TestWorkflowEnvironment, hhmm = '10:00'): Promise<Date> {
  let date = addDays(shanghaiDate(new Date(await env.currentTimeMs())), 1);
  while (!calendar.isWorkingDay(date)) date = addDays(date, 1);
  return shanghaiDateTime(date, hhmm);
}

let seq = 0;
export function caseInput(acceptedAt: Date, overrides: Partial<FastTrackCaseInput> = {}): FastTrackCaseInput {
  const caseNo = `GL-T${Date.now().toString(36).toUpperCase()}-${String(++seq).padStart(3, '0')}`;
  return {
    caseNo,
    firm: { name: '厦门鹭江装饰工程有限公司', creditCode: '91350203MA31T5XY0K', creditCodeWarnings: [] },
    streetCode: 'lujiang',
    bankCode: 'xib',
    amountFen: 514_000_000,
    purpose: '新订单备料 materials for a new order',
    acceptedAt: acceptedAt.toISOString(),
    acceptedBy: 'officer@lujiang',
    ...overrides,
  };
}

/** Starts a case the way the API does (workflow id case-<caseNo>) and waits for its record. */
export async function startCase(h: Harness, input: FastTrackCaseInput): Promise<WorkflowHandle<typeof fastTrackCaseWorkflow>> {
  const handle = await h.env.client.workflow.start(fastTrackCaseWorkflow, {
    workflowId: `case-${input.caseNo}`,
    taskQueue: h.taskQueue,
    args: [input],
    staticSummary: `${input.firm.name} · ${input.amountFen} fen · ${input.streetCode}`,
  });
  await handle.executeUpdate(acceptanceUpdate);
  return handle;
}

export const gridEvidence = { applicationNo: 'XYD20261130000001' };
export const vipEvidence = { assessmentOutcome: 'RECOMMEND' as const, note: '联合评估通过 joint assessment passed' };
export const ddEvidence = { reportNo: 'DD-2026-001', riskRating: 'LOW' as const, summary: '经营正常，订单真实 operations normal, order genuine' };

/** Case events in timeline order, as the API shows them. */
export async function eventsOf(db: Database, caseNo: string) {
  return db.caseEvent.findMany({ where: { caseNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

/** The time-skipping server can add search attributes but cannot list them, so add all at once. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const types = temporal.api.enums.v1.IndexedValueType;
  const indexed = { KEYWORD: types.INDEXED_VALUE_TYPE_KEYWORD, INT: types.INDEXED_VALUE_TYPE_INT, DATETIME: types.INDEXED_VALUE_TYPE_DATETIME, KEYWORD_LIST: types.INDEXED_VALUE_TYPE_KEYWORD_LIST } as Record<string, temporal.api.enums.v1.IndexedValueType>;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(ALL_SEARCH_ATTRIBUTES.map((k) => [k.name, indexed[k.type]!])),
  });
}

/** Polls until `check` stops throwing: the workflow reacts to a skipped timer a moment later. */
import { eventually } from '../support/eventually';

export { eventually };

/**
 * The results of workflows that end without time passing. `result()` lets the
 * test server skip time while it waits, and a case still running then (an
 * activity in flight on a loaded machine) would see its activity time out
 * again and again; so wait until all of them have closed, then read them.
 */
export async function settled<T>(...handles: Array<{ describe(): Promise<{ status: { name: string } }>; result(): Promise<T> }>): Promise<T[]> {
  await eventually(async () => {
    for (const handle of handles) expect((await handle.describe()).status.name).not.toBe('RUNNING');
  }, 60_000);
  return Promise.all(handles.map((handle) => handle.result()));
}

/** The precise reason an update was refused (validator or handler). */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    return cause?.message ?? (err as Error).message;
  }
  throw new Error('the update was accepted but should have been refused');
}

/** Completes the three branches as their default assignees would. */
export async function completeAllBranches(handle: WorkflowHandle<typeof fastTrackCaseWorkflow>, input: FastTrackCaseInput) {
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@default', evidence: ddEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: `grid-officer@${input.streetCode}`, evidence: gridEvidence }] });
  return handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: `customer-manager@${input.bankCode}`, evidence: vipEvidence }] });
}
