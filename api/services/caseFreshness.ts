// Whether a case's or a consultation's record may answer a read instead of its workflow. A case's
// workflow writes its record inside the workflow task that makes the change (a consultation's, by
// an activity that task schedules), and a person's update answers only once that write is done;
// so the record trails the workflow only while the workflow has work in flight: a workflow task not
// completed yet (an update, a signal, a timer or an activity's result being applied) or an activity
// not finished yet (a record write, or an outside call the state already shows, such as a branch
// COMPLETING while its evidence is confirmed). Temporal's DescribeWorkflowExecution shows both
// from the server's own state of the run: no worker and no replay, unlike a query, which a
// workflow evicted from the worker's cache answers only after replaying its whole history.
import { isGrpcServiceError, type Client } from '@temporalio/client';
import type { Caller } from './caller';
import { READ_DEADLINE_MS } from './workflowCalls';

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
  r: { workflowId: string; live: boolean; load: () => Promise<Rec>; complete: (record: Rec) => boolean; ask: () => Promise<State | undefined> },
): Promise<{ record: Rec; answer: RecordAnswer<State> }> {
  // The record first: a caller who may not see the case gets its 404 without a describe, and
  // without a describe's time telling whether the case exists.
  const record = await r.load();
  const standing = r.live ? undefined : await recordStanding(client, log, r.workflowId);
  if (standing === 'UNREACHABLE' || (standing === 'CURRENT' && r.complete(record))) return { record, answer: { by: 'RECORD', current: standing === 'CURRENT' } };
  const state = await r.ask();
  // Read after the workflow answered, so its timeline is not older than its state.
  return { record: await r.load(), answer: state ? { by: 'WORKFLOW', state } : { by: 'RECORD', current: false } };
}
