// A case's acceptance writes run inside its first workflow task as local activities
// (workflows/localFirst.ts). While PostgreSQL refuses them, a write goes to the server as an activity
// retried until it is taken: the case neither fails nor answers before its record is written. While
// PostgreSQL hangs, the task gives the write up in time to end without a heartbeat.
import type { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import type { fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { caseInput, startCase } from '../support/caseScenarios';
import { at, clockTo, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;

/** How each attempt at `activity` ended: local activities' markers, then the activity's own attempts. */
async function attemptsAt(handle: Case, activity: string) {
  const events: temporal.api.history.v1.IHistoryEvent[] = (await handle.fetchHistory()).events ?? [];
  const local = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity' && markerType(e) === activity);
  const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activity).map((e) => String(e.eventId));
  const started = events.filter((e) => scheduled.includes(String(e.activityTaskStartedEventAttributes?.scheduledEventId)));
  return {
    local: local.map((e) => (e.markerRecordedEventAttributes!.failure ? 'failed' : 'done')),
    activity: started.map((e) => e.activityTaskStartedEventAttributes!.attempt),
  };
}

function markerType(e: temporal.api.history.v1.IHistoryEvent): string | undefined {
  const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type : undefined;
}

test('PostgreSQL refusing the acceptance record: after three quick tries in the task it goes to the server, and acceptance answers once it is written', async () => {
  const acceptedAt = at('2035-05-07', '10:00'); // a Monday
  await clockTo(s.env, acceptedAt);
  const input = caseInput(acceptedAt);
  // Three local attempts, then two of the activity's.
  s.rec.refuse('BRANCHES_STARTED', 5);
  const handle = await startCase(s, input);

  expect(s.rec.types(input.caseNo)).toEqual(['ACCEPTED', 'BRANCHES_STARTED']);
  expect(s.rec.record(input.caseNo)).toMatchObject({ stage: 'PARALLEL_REVIEW' });
  expect(await attemptsAt(handle, 'recordCaseOpened')).toEqual({ local: ['failed'], activity: [3] });
  expect((await handle.describe()).status.name).toBe('RUNNING');
});

test('PostgreSQL hanging on the acceptance record: its first task gives up on the local write within 2 s and hands it to the server, so the task ends without a heartbeat', async () => {
  const acceptedAt = at('2035-05-10', '10:00');
  await clockTo(s.env, acceptedAt);
  const input = caseInput(acceptedAt);
  // Longer than a local attempt's old 5 s bound: a task waiting it out ran past its heartbeat (8 s).
  s.rec.hang('BRANCHES_STARTED', 6_000);
  try {
    const handle = await startCase(s, input);

    expect(s.rec.record(input.caseNo)).toMatchObject({ stage: 'PARALLEL_REVIEW' });
    expect(await attemptsAt(handle, 'recordCaseOpened')).toEqual({ local: ['failed'], activity: [1] });
    const events = (await handle.fetchHistory()).events ?? [];
    const handedOver = events.findIndex((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordCaseOpened');
    expect(events.slice(0, handedOver).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
  } finally {
    s.rec.hang('BRANCHES_STARTED', 0);
  }
});
