// Baseline workflows for benchmarks: Temporal's own cost with nothing of Greenlane's.
export async function emptyWorkflow(): Promise<void> {
  // one workflow task, nothing else
}
