// A case's writes to our own PostgreSQL (its acceptance with the calendar read, then every record
// write) need no outside party and are idempotent, so they run as local activities: inside the
// workflow task that makes them, without a round trip to the server. A task attempt that is lost
// after writing (its worker died) is outranked by the retried attempt, whose writes carry a later
// workflow time (activities/caseProgress.ts). Outside parties' calls and notices stay activities.
import { TemporalFailure, isCancellation, patched, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type * as activities from '../activities';
import { LOCAL_RECORD, RECORD } from './activityOptions';
import { decideChanges, takeGeneration, type Generation } from './changeGenerations';

type Activities = ReturnType<typeof activities.createActivities>;
type Name = 'loadCalendarYears' | 'recordCaseOpened' | 'recordCaseProgress' | 'recordSciTechAccepted';
/** One proxied activity, as the proxies type it for a known name (TypeScript cannot follow a generic name through them). */
type Call<N extends Name, O> = { executeWithOptions(options: O, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> };

/** A case's acceptance (calendar read and first record) runs in its first workflow task; earlier cases scheduled activities. */
export const LOCAL_ACCEPTANCE = 'local-acceptance';
/** A case's later record writes run in the workflow task that makes them; earlier runs wrote them by activities. */
export const LOCAL_PROJECTIONS = 'local-projections';

/**
 * Whether this run writes its record inside its workflow tasks, asked first thing in the run; such
 * a run also decides here every change it will take, before its first local write: a run of one of
 * `generations` by that one marker, a run started before them by the marker of each of `patches`.
 * The code after a local write sometimes comes, live, in a workflow task the SDK forces straight
 * after the write's task, while on replay it runs in the write's own task, where a patch marker of
 * the later task is not yet known: a patch asked there would answer differently on replay (4 of
 * 48 drill cases, BENCHMARKS.md). Decided before any write, each answers the same either way.
 * Runs started before local writes write by activities, and ask each change where they meet it.
 */
export function decideLocalWrites(generations: readonly Generation[], patches: readonly string[]): boolean {
  if (takeGeneration(generations)) return true;
  if (!patched(LOCAL_PROJECTIONS)) return false;
  decideChanges(patches);
  return true;
}

const local = proxyLocalActivities<Pick<Activities, Name>>(LOCAL_RECORD);
const durable = proxyActivities<Pick<Activities, Name>>(RECORD);

/**
 * Most local writes a run makes one after another before the next goes by the server. That write
 * ends its workflow task, so a task holds at most three local writes of at most 2 s each
 * (LOCAL_RECORD), inside the 8 s past which the SDK ends a task as a heartbeat; an update's task
 * lost with its worker after such a heartbeat failed every retry (BENCHMARKS.md). Counted along the
 * run, never per task: live and replay may cut a run's tasks at different writes.
 */
const LOCAL_IN_A_ROW = 3;

// A run's writes go one at a time: two update handlers each awaiting its own local write
// interleaved their commands differently on replay (BENCHMARKS.md). This module's state is the run's own.
let queue: Promise<unknown> = Promise.resolve();
let localInARow = 0;

/**
 * `name` as a local activity, once the run's write before it has ended; if its quick attempts all
 * fail (PostgreSQL down), or after LOCAL_IN_A_ROW local writes, as an activity retried until
 * PostgreSQL is back. Either way the write is idempotent, so a worker that dies mid-task leaves
 * nothing half done: the next worker runs the task again.
 */
export function localFirst<N extends Name>(name: N, summary: string, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> {
  const write = queue.then(() => (localInARow < LOCAL_IN_A_ROW ? writeLocally(name, summary, args) : byServer(name, summary, args)));
  queue = write.catch(() => undefined);
  return write;
}

async function writeLocally<N extends Name>(name: N, summary: string, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> {
  try {
    const result = await (local[name] as unknown as Call<N, LocalActivityOptions>).executeWithOptions({ ...LOCAL_RECORD, summary }, args);
    localInARow++;
    return result;
  } catch (err) {
    // A local activity's last failure arrives as itself (an ApplicationFailure, a TimeoutFailure), not wrapped in an ActivityFailure.
    if (!(err instanceof TemporalFailure) || isCancellation(err)) throw err;
    return byServer(name, summary, args);
  }
}

function byServer<N extends Name>(name: N, summary: string, args: Parameters<Activities[N]>): Promise<Awaited<ReturnType<Activities[N]>>> {
  localInARow = 0;
  return (durable[name] as unknown as Call<N, ActivityOptions>).executeWithOptions({ ...RECORD, summary }, args);
}
