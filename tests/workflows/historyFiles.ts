// Recorded case histories for the replay test. The SDK's historyToJSON trips over
// two protobufjs copies in this install, so histories are written with the
// generated classes' own JSON mapping (enum names, base64 bytes, string longs)
// and read back with fromObject, which restores the Long event ids replay expects.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = path.join(__dirname, 'histories');
const History = temporal.api.history.v1.History;

/**
 * Records a path's history once: the files are the old code's histories that new code must
 * replay. GREENLANE_RECORD_HISTORIES=1 re-records them (only with patched() in place).
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (fs.existsSync(file) && process.env.GREENLANE_RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

export function loadHistories(): { name: string; history: temporal.api.history.v1.History }[] {
  if (!fs.existsSync(HISTORIES_DIR)) return [];
  return fs
    .readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), history: History.fromObject(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, f), 'utf8'))) }));
}

/**
 * The patches a history marks after its first local activity: a run that writes locally decides
 * every patch before its first write (decideLocalWrites in workflows/localFirst.ts), so none.
 */
export function patchesMarkedAfterLocalActivity(events: temporal.api.history.v1.IHistoryEvent[]): string[] {
  const marker = (e: temporal.api.history.v1.IHistoryEvent) => e.markerRecordedEventAttributes?.markerName;
  const first = events.findIndex((e) => marker(e) === 'core_local_activity');
  return events.slice(first < 0 ? events.length : first).filter((e) => marker(e) === 'core_patch').map((e) => JSON.stringify(e.markerRecordedEventAttributes!.details));
}

/** The changes a history marks, in order: a run of a code generation marks only its generation (workflows/changeGenerations.ts). */
export function patchMarkers(events: temporal.api.history.v1.IHistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const data = e.markerRecordedEventAttributes?.markerName === 'core_patch' ? e.markerRecordedEventAttributes.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
  });
}

/**
 * How a history's record writes (and calendar reads) ran, in order: 'local' inside a workflow task,
 * 'server' as an activity. A run makes at most three local writes in a row (workflows/localFirst.ts).
 */
export function recordWrites(events: temporal.api.history.v1.IHistoryEvent[]): ('local' | 'server')[] {
  const isWrite = (name: string | null | undefined) => !!name && (name.startsWith('record') || name === 'loadCalendarYears');
  return events.flatMap((e): ('local' | 'server')[] => {
    if (isWrite(e.activityTaskScheduledEventAttributes?.activityType?.name)) return ['server'];
    const details = e.markerRecordedEventAttributes?.markerName === 'core_local_activity' ? e.markerRecordedEventAttributes.details?.data?.payloads?.[0]?.data : undefined;
    return details && isWrite((JSON.parse(Buffer.from(details).toString('utf8')) as { activity_type: string }).activity_type) ? ['local'] : [];
  });
}
