// Baseline workflows for benchmarks: Temporal's own cost with nothing of Greenlane's.
import { proxyActivities } from '@temporalio/workflow';

export async function emptyWorkflow(): Promise<void> {
  // one workflow task, nothing else
}

// Declared here, not imported: the workflow bundle must not pull in activity code.
const { bareStep } = proxyActivities<{ bareStep(name: string): Promise<string> }>({ startToCloseTimeout: '10 seconds' });

/** A fast-track case's shape with nothing of Greenlane's: three activities in parallel, then one. */
export async function bareCaseWorkflow(): Promise<void> {
  await Promise.all([bareStep('grid'), bareStep('bank'), bareStep('diligence')]);
  await bareStep('disburse');
}
