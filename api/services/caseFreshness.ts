// Whether a case's or a consultation's record may answer a read instead of its workflow. A case's
// workflow writes its record inside the workflow task that makes the change (a consultation's, by
// an activity that task schedules), and a person's update answers only once that write is done;
// so the record trails the workflow only while the workflow has work in flight: a workflow task not
// completed yet (an update, a signal, a timer or an activity's result being applied) or an activity
// not finished yet (a record write, or an outside call the state already shows, such as a branch
// COMPLETING while its evidence is confirmed). Temporal's DescribeWorkflowExecution shows both
// from the server's own state of the run: no worker and no replay, unlike a query, which a
// workflow evicted from the worker's cache answers only after replaying its whole history.
//
// A case's record can also say by itself that nothing is in flight (caseRecordAtRest), and then no
// describe is needed: what a case's view shows changes only by a person's update (the API counts
// those in flight on the record), the SLA clock's next level change (the workflow writes its
// instant with each write), an outside system's answer (the stage shows the workflow waiting on
// one) or a loaded calendar notice (the API clears that instant before telling the case). Its
// other timers only add notices to the timeline, which either answer reads from the record.
import { isGrpcServiceError, type Client } from '@temporalio/client';
import { CASE_AWAITING_OUTSIDE_STAGES, caseEnded } from '../../domain/stages';
import type { Database } from '../../infra/database';
import { runOnPool } from '../../infra/sql';
import { Prisma } from '../../prisma/generated/client';
import type { Caller } from './caller';
import { READ_DEADLINE_MS } from './workflowCalls';

/** What a case's record says of its workflow's work in flight. */
export interface RecordRest {
  stage: string;
  quietUntil: Date | null;
  updatesInFlight: number;
}

/**
 * Whether the case's record is its running workflow's state with nothing in flight, from the record
 * alone: no update of the API's unanswered, the workflow's next timer still ahead, and no outside
 * system's answer awaited. False says only that the record cannot tell: Temporal is asked (for an
 * ended case, whether its workflow is still kept, which `live` reports).
 */
export function caseRecordAtRest(r: RecordRest, now: Date): boolean {
  return (
    r.updatesInFlight === 0 &&
    r.quietUntil !== null &&
    now < r.quietUntil &&
    !(CASE_AWAITING_OUTSIDE_STAGES as readonly string[]).includes(r.stage) &&
    !caseEnded(r.stage)
  );
}

/**
 * Runs a person's update to case `caseNo`, counted on its record meanwhile, so a read before it
 * answers asks Temporal. The update answers once its own write is done, but the change can lead
 * the workflow on to a next write (the last branch done: the credit decision's stage) that is
 * still on its way: if the record's stage or SLA state is not yet the answered one, its next
 * change is forgotten, and reads ask Temporal until that write brings it. A count left behind by
 * a process that died mid-update costs that case only the describe, never a stale answer.
 */
export async function updateCountedOnRecord<R extends { stage: string; slaState: string }>(db: Database, log: Caller['log'], caseNo: string, update: () => Promise<R>): Promise<R> {
  await runOnPool(db, Prisma.sql`UPDATE loan_case SET updates_in_flight = updates_in_flight + 1 WHERE case_no = ${caseNo}`);
  let answered: R | undefined;
  try {
    answered = await update();
    return answered;
  } finally {
    const settled = answered ? Prisma.sql`stage = ${answered.stage} AND sla_state = ${answered.slaState}` : Prisma.sql`TRUE`;
    // The update's outcome stands whatever happens here.
    await runOnPool(db, Prisma.sql`
      UPDATE loan_case SET updates_in_flight = updates_in_flight - 1, quiet_until = CASE WHEN ${settled} THEN quiet_until END
       WHERE case_no = ${caseNo}`).catch((err: unknown) => log?.warn({ err, case: caseNo }, 'the update in flight stays counted on the record; its reads ask Temporal'));
  }
}

/** Before a loaded calendar notice is signalled to running cases: their records no longer know their next timer. */
export async function forgetNextTimers(db: Database, workflowIds: readonly string[]): Promise<void> {
  if (workflowIds.length > 0) await runOnPool(db, Prisma.sql`UPDATE loan_case SET quiet_until = NULL WHERE workflow_id = ANY(${[...workflowIds]})`);
}

const GRPC_NOT_FOUND = 5;

/**
 * CURRENT: the workflow (running or closed) has nothing in flight, the record is its state;
 * TRAILING: ask the workflow; UNREACHABLE: the workflow is gone (closed past retention) or Temporal
 * did not answer in time, so the record answers as last written.
 */
export type RecordStanding = 'CURRENT' | 'TRAILING' | 'UNREACHABLE';

export async function recordStanding(client: Client, log: Caller['log'], workflowId: string): Promise<RecordStanding> {
  const d = await describeWorkflow(client, log, workflowId);
  if (d === undefined || d === 'GONE') return 'UNREACHABLE';
  return d.pendingWorkflowTask || (d.pendingActivities?.length ?? 0) > 0 ? 'TRAILING' : 'CURRENT';
}

/**
 * What Temporal's own state says of a workflow: its description, GONE when it has none (never
 * started, or closed past retention), undefined when it did not answer in time (logged).
 */
export async function describeWorkflow(client: Client, log: Caller['log'], workflowId: string) {
  try {
    return await client.withDeadline(Date.now() + READ_DEADLINE_MS, () =>
      client.workflowService.describeWorkflowExecution({ namespace: client.options.namespace, execution: { workflowId } }),
    );
  } catch (err) {
    if (isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND) return 'GONE';
    log?.warn({ err, workflow: workflowId }, 'Temporal did not describe the workflow; the record answers');
    return undefined;
  }
}

/**
 * Who answers a view: the workflow with its live state, or the record; `current` when Temporal
 * showed nothing in flight that the record lacks, false when the workflow could not be reached.
 */
export type RecordAnswer<State> = { by: 'WORKFLOW'; state: State } | { by: 'RECORD'; current: boolean };

/**
 * The record, and who answers: the record itself, unless `live` asks for the workflow, the record
 * trails it, or the record lacks what the view shows (`complete`: written before it kept it all).
 */
export async function readThroughRecord<Rec, State>(
  client: Client,
  log: Caller['log'],
  r: {
    workflowId: string;
    live: boolean;
    load: () => Promise<Rec>;
    complete: (record: Rec) => boolean;
    /** Whether the record shows by itself that nothing is in flight (caseRecordAtRest). */
    atRest?: (record: Rec) => boolean;
    ask: () => Promise<State | undefined>;
  },
): Promise<{ record: Rec; answer: RecordAnswer<State> }> {
  // The record first: a caller who may not see the case gets its 404 without a describe, and
  // without a describe's time telling whether the case exists.
  const record = await r.load();
  if (!r.live && r.complete(record) && r.atRest?.(record)) return { record, answer: { by: 'RECORD', current: true } };
  const standing = r.live ? undefined : await recordStanding(client, log, r.workflowId);
  if (standing === 'UNREACHABLE' || (standing === 'CURRENT' && r.complete(record))) return { record, answer: { by: 'RECORD', current: standing === 'CURRENT' } };
  const state = await r.ask();
  // Read after the workflow answered, so its timeline is not older than its state.
  return { record: await r.load(), answer: state ? { by: 'WORKFLOW', state } : { by: 'RECORD', current: false } };
}
