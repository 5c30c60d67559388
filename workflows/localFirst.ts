// A case's writes to our own PostgreSQL (its acceptance with the calendar read, then every record
// write) need no outside party and are idempotent, so they run as local activities: inside the
// workflow task that makes them, without a round trip to the server. A task attempt that is lost
// after writing (its worker died) is outranked by the retried attempt, whose writes carry a later
// workflow time (activities/caseProgress.ts). Outside parties' calls and notices stay activities.
import { TemporalFailure, isCancellation, patched, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type * as activities from '../activities';
import { LOCAL_RECORD, RECORD } from './activityOptions';

type Activities = ReturnType<typeof activities.createActivities>;
type Name = 'loadCalendarYears' | 'recordCaseOpened' | 'recordCaseProgress' | 'recordSciTechAccepted';
/** One proxied activity, as the proxies type it for a known name (TypeScript cannot follow a generic name through them). */
type Call<N extends Name, O> = { executeWithOptions(options: O, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> };

/** A case's acceptance (calendar read and first record) runs in its first workflow task; earlier cases scheduled activities. */
export const LOCAL_ACCEPTANCE = 'local-acceptance';
/** A case's later record writes run in the workflow task that makes them; earlier runs wrote them by activities. */
export const LOCAL_PROJECTIONS = 'local-projections';

/**
 * Whether this run writes its record inside its workflow tasks, asked first thing in the run;
 * such a run also decides every patch it will ask (`patches`) here, before its first local write.
 * The code after a local write sometimes comes, live, in a workflow task the SDK forces straight
 * after the write's task, while on replay it runs in the write's own task, where a patch marker of
 * the later task is not yet known: a patch asked there would answer differently on replay (4 of
 * 48 drill cases, BENCHMARKS.md). Decided before any write, each answers the same either way.
 * Runs started before this write by activities, as they did.
 */
export function decideLocalWrites(patches: readonly string[]): boolean {
  if (!patched(LOCAL_PROJECTIONS)) return false;
  for (const id of patches) patched(id);
  return true;
}

const local = proxyLocalActivities<Pick<Activities, Name>>(LOCAL_RECORD);
const durable = proxyActivities<Pick<Activities, Name>>(RECORD);

/**
 * `name` as a local activity; if its quick attempts all fail (PostgreSQL down), as an activity
 * retried until PostgreSQL is back, as before local activities. Either way the write is idempotent,
 * so a worker that dies mid-task leaves nothing half done: the next worker runs the task again.
 */
export async function localFirst<N extends Name>(name: N, summary: string, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> {
  try {
    return await (local[name] as unknown as Call<N, LocalActivityOptions>).executeWithOptions({ ...LOCAL_RECORD, summary }, args);
  } catch (err) {
    // A local activity's last failure arrives as itself (an ApplicationFailure, a TimeoutFailure), not wrapped in an ActivityFailure.
    if (!(err instanceof TemporalFailure) || isCancellation(err)) throw err;
    return (durable[name] as unknown as Call<N, ActivityOptions>).executeWithOptions({ ...RECORD, summary }, args);
  }
}
