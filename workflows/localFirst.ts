// A case's acceptance (the calendar read and its first writes to our own PostgreSQL) needs no
// outside party and is idempotent, so it runs as local activities: inside the workflow's first
// task, without a round trip to the server. Later writes stay activities: a write made by a
// workflow task attempt that is then lost would keep that attempt's workflow time (BENCHMARKS.md).
import { TemporalFailure, isCancellation, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type * as activities from '../activities';
import { LOCAL_RECORD, RECORD } from './activityOptions';

type Activities = ReturnType<typeof activities.createActivities>;
type Name = 'loadCalendarYears' | 'recordCaseOpened' | 'recordCaseProgress' | 'recordSciTechAccepted';
/** One proxied activity, as the proxies type it for a known name (TypeScript cannot follow a generic name through them). */
type Call<N extends Name, O> = { executeWithOptions(options: O, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> };

/** A case's acceptance (calendar read and first record) runs in its first workflow task; earlier cases scheduled activities. */
export const LOCAL_ACCEPTANCE = 'local-acceptance';

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
