// Baseline workflows for benchmarks: Temporal's own cost with nothing of Greenlane's.
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { CaseStage } from '../workflows/searchAttributes';

export async function emptyWorkflow(): Promise<void> {
  // one workflow task, nothing else
}

// Declared here, not imported: the workflow bundle must not pull in activity code.
type BareActivities = { bareStep(name: string): Promise<string> };
const { bareStep } = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });
const { bareStep: bareLocalStep } = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** A fast-track case's shape with nothing of Greenlane's: three activities in parallel, then one. */
export async function bareCaseWorkflow(): Promise<void> {
  await Promise.all([bareStep('grid'), bareStep('bank'), bareStep('diligence')]);
  await bareStep('disburse');
}

export const bareAccept = defineUpdate<void>('bareAccept');
export const bareComplete = defineUpdate<void, [branch: string]>('bareComplete');
export const bareDecide = defineUpdate<void>('bareDecide');

/** Acceptance as Greenlane answers it: in the first workflow task, after the calendar read and the record write. */
async function acceptLocally(): Promise<void> {
  await bareLocalStep('calendar');
  await bareLocalStep('record');
}

/**
 * Acceptance's floor in Temporal: an update-with-start answered in the workflow's first task after
 * two no-op local activities, the workflow then waiting on a timer as a case waits on its SLA.
 */
export async function bareAcceptanceWorkflow(): Promise<void> {
  setHandler(bareAccept, acceptLocally);
  await sleep('5 days');
}

/**
 * A fast-track case's happy path as Temporal records it (the recorded history
 * `fast-track-2026-12`: five updates, eight activities, seven local activities, ten
 * search-attribute upserts; its SLA waits as two timers where the case has four), every step a no-op.
 */
export async function bareHappyPathWorkflow(): Promise<void> {
  const stage = (value: string) => upsertSearchAttributes([{ key: CaseStage, value }]);
  const branchesDone = new Set<string>();
  let decided = false;
  setHandler(bareAccept, async () => {
    await acceptLocally();
    stage('PARALLEL_REVIEW');
  });
  setHandler(bareComplete, async (branch) => {
    await bareStep(branch);
    await bareLocalStep(`record ${branch}`);
    branchesDone.add(branch);
    stage(`PARALLEL_REVIEW ${branchesDone.size}`);
  });
  setHandler(bareDecide, async () => {
    await bareLocalStep('record decision');
    decided = true;
  });
  await condition(() => branchesDone.size === 3, '5 days');
  await condition(() => decided, '5 days');
  for (const [step, local] of [['contract', false], ['sign', false], ['signed', true], ['disburse', false], ['disbursed', false], ['notify', false]] as const) {
    await (local ? bareLocalStep : bareStep)(step);
    stage(step);
  }
}
