// Which changes (patches) a case run takes. Each change marked on its own costs a run a marker and
// the SDK's upsert of TemporalChangeVersion: a fast-track case started with fourteen of them spent
// 28 of its 130 history events on that, all in its first task (BENCHMARKS.md). A generation folds
// the changes a model has when it comes in under one marker. Runs started before it replay the
// markers they recorded.
import { patched } from '@temporalio/workflow';

export interface Generation {
  /** The patch id the generation is marked by. */
  id: string;
  /** Every change a run of this generation takes. Frozen once a run has taken it: a later change starts the next generation. */
  changes: readonly string[];
}

// The changes the run decided at its start, if it did; this module's state is the run's own.
let decided: ReadonlySet<string> | undefined;

/**
 * The generation this run takes, asked first thing in the run: the first of `generations` (newest
 * first) whose marker the run has, or a new run's newest. None for runs started before them all.
 */
export function takeGeneration(generations: readonly Generation[]): Generation | undefined {
  const taken = generations.find((g) => patched(g.id));
  if (taken) decided = new Set(taken.changes);
  return taken;
}

/** For a run started before every generation: decides now, by their own markers, which of `ids` it takes. */
export function decideChanges(ids: readonly string[]): void {
  decided = new Set(ids.filter((id) => patched(id)));
}

/**
 * Whether this run takes change `id`. A run that decided at its start answers from that decision
 * and never marks a change later; any other run asks the change's own marker.
 */
export function takes(id: string): boolean {
  return decided ? decided.has(id) : patched(id);
}
