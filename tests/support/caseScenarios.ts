// Inputs and moves shared by the workflow tests, whether their activities are real
// (tests/workflows, on PostgreSQL) or in-memory stubs (tests/workflow-logic). Nothing here
// opens a database: the unit tests may import it too.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import type { YearArrangement } from '../../domain/calendar/types';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { acceptanceUpdate, completeTaskUpdate, fastTrackCaseWorkflow, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import { eventually } from './eventually';

export { eventually };

export const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
export const HOUR = 60 * 60 * 1000;

/** Where a test's workflows run: a time-skipping server and the task queue its worker polls. */
export interface CaseServer {
  env: TestWorkflowEnvironment;
  taskQueue: string;
}

/** Moves the time-skipping server's clock forward to `instant`. */
export async function advanceTo(env: TestWorkflowEnvironment, instant: Date): Promise<void> {
  const ms = instant.getTime() - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/**
 * 10:00 Asia/Shanghai on the first working day after the server's current date; with `beforeAnother`,
 * the first one the next calendar day is also a working day of (so a due at its 24:00 is the next
 * working day's start, whatever weekday the tests run on).
 */
export async function nextWorkingMorning(env: TestWorkflowEnvironment, hhmm = '10:00', { beforeAnother = false } = {}): Promise<Date> {
  let date = addDays(shanghaiDate(new Date(await env.currentTimeMs())), 1);
  while (!calendar.isWorkingDay(date) || (beforeAnother && !calendar.isWorkingDay(addDays(date, 1)))) date = addDays(date, 1);
  return shanghaiDateTime(date, hhmm);
}

let seq = 0;

/** A State Council notice for `year` that rests on `from`–`to` (test data, for a year with none loaded). */
export function testNotice(year: number, name: string, from: string, to = from): YearArrangement {
  return {
    year,
    notice: { title: '测试通知 test notice', documentNo: `测试〔${year}〕1号`, publishedOn: `${year - 1}-11-01` },
    holidays: [{ name, nameEn: 'test rest days', from, to }],
    makeupWorkdays: [],
  };
}

/** A case number of the API's shape for `year` (caseInput's own are not), unique in the run: for cases read through the API. */
export function apiCaseNo(year: number): string {
  return `GL-${year}-${String((Date.now() + ++seq) % 10_000_000).padStart(7, '0')}`;
}

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
export async function startCase(s: CaseServer, input: FastTrackCaseInput): Promise<WorkflowHandle<typeof fastTrackCaseWorkflow>> {
  const handle = await s.env.client.workflow.start(fastTrackCaseWorkflow, {
    workflowId: `case-${input.caseNo}`,
    taskQueue: s.taskQueue,
    args: [input],
    staticSummary: `${input.caseNo} · ${input.amountFen} fen · ${input.streetCode}`,
  });
  await handle.executeUpdate(acceptanceUpdate);
  return handle;
}

export const gridEvidence = { applicationNo: 'XYD20261130000001' };
export const vipEvidence = { assessmentOutcome: 'RECOMMEND' as const, note: '联合评估通过 joint assessment passed' };
export const ddEvidence = { reportNo: 'DD-2026-001', riskRating: 'LOW' as const, summary: '经营正常，订单真实 operations normal, order genuine' };

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
