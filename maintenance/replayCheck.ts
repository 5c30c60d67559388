// Whether the workflows' recorded histories replay on the current workflow code: the fault
// drill's last check. A case can settle and agree with its record while its history would fail
// the next replay (a worker restart, a cache eviction) with a nondeterminism error; only a replay
// of every history shows it. The code is what the workers run, bundled the same way.
import type { Client, HistoryAndWorkflowId } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../infra/dataConverter';

export interface ReplayFailure {
  workflowId: string;
  /** The replayer's error, first line. */
  error: string;
}

/** The case workflows bundled as workers run them (with their failure converter); the bundler's warnings only. */
export function bundleCaseWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: warningsOnly });
}

/** Each workflow's history, fetched as the replay reaches it. */
export async function* fetchHistories(client: Client, workflowIds: string[]): AsyncIterable<HistoryAndWorkflowId> {
  for (const workflowId of workflowIds) yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
}

/** Replays each history on the workflow code; returns the ones that fail. */
export async function replayHistories(dataConverter: DataConverter, histories: AsyncIterable<HistoryAndWorkflowId> | Iterable<HistoryAndWorkflowId>): Promise<ReplayFailure[]> {
  const workflowBundle = await bundleCaseWorkflows();
  const failures: ReplayFailure[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle, dataConverter, replayName: 'replay-check' }, histories)) {
    if (r.error) failures.push({ workflowId: r.workflowId, error: (r.error instanceof Error ? r.error.message : String(r.error)).split('\n')[0] });
  }
  return failures;
}

const ignore = () => undefined;
/** The bundler's progress is noise in a drill's or a test's output; its warnings are not. */
const warningsOnly = { trace: ignore, debug: ignore, info: ignore, log: ignore, warn: console.warn, error: console.error };
