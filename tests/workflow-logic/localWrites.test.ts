// A case's record writes run inside its workflow tasks as local activities (workflows/localFirst.ts).
// While PostgreSQL refuses them, a write goes to the server as an activity retried until it is
// taken: the case neither fails nor answers before its record is written. While PostgreSQL hangs,
// the task gives the write up in time to end without a heartbeat. 2035-05 holds no holiday.
import type { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate, getStateQuery, type CompleteTaskRequest, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { ddEvidence, gridEvidence, vipEvidence } from '../support/caseScenarios';
import { acceptCase, at, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;

/** A branch completed by its assignee. */
async function complete(handle: Case, kind: 'GRID_SUBMISSION' | 'BANK_VIP_CHANNEL' | 'DUE_DILIGENCE') {
  const actor = (await handle.query(getStateQuery)).tasks.find((t) => t.kind === kind)!.assignee;
  const evidence = { DUE_DILIGENCE: ddEvidence, GRID_SUBMISSION: gridEvidence, BANK_VIP_CHANNEL: vipEvidence }[kind];
  return handle.executeUpdate(completeTaskUpdate, { args: [{ kind, actor, evidence } as CompleteTaskRequest] });
}

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
  // Three local attempts, then two of the activity's.
  s.rec.refuse('BRANCHES_STARTED', 5);
  const { input, handle } = await acceptCase(s, at('2035-05-07', '10:00')); // a Monday

  expect(s.rec.types(input.caseNo)).toEqual(['ACCEPTED', 'BRANCHES_STARTED']);
  expect(s.rec.record(input.caseNo)).toMatchObject({ stage: 'PARALLEL_REVIEW' });
  expect(await attemptsAt(handle, 'recordCaseOpened')).toEqual({ local: ['failed'], activity: [3] });
  expect((await handle.describe()).status.name).toBe('RUNNING');
});

test('PostgreSQL refusing a branch completion’s record: the update answers once the write is taken through the server, with the record showing it', async () => {
  const { input, handle } = await acceptCase(s, at('2035-05-08', '10:00'));
  s.rec.refuse('TASK_COMPLETED', 4);

  const state = await complete(handle, 'DUE_DILIGENCE');

  expect(state.tasks.find((t) => t.kind === 'DUE_DILIGENCE')!.status).toBe('DONE');
  expect(s.rec.types(input.caseNo)).toContain('TASK_COMPLETED');
  expect(await attemptsAt(handle, 'recordCaseProgress')).toEqual({ local: ['failed'], activity: [2] });
  // Writes after it are local again.
  await complete(handle, 'GRID_SUBMISSION');
  expect(await attemptsAt(handle, 'recordCaseProgress')).toEqual({ local: ['failed', 'done'], activity: [2] });
});

test('PostgreSQL hanging on the acceptance record: its first task gives up on the local write within 2 s and hands it to the server, so the task ends without a heartbeat', async () => {
  // Longer than a local attempt's old 5 s bound: a task waiting it out ran past its heartbeat (8 s).
  s.rec.hang('BRANCHES_STARTED', 6_000);
  try {
    const { input, handle } = await acceptCase(s, at('2035-05-10', '10:00'));

    expect(s.rec.record(input.caseNo)).toMatchObject({ stage: 'PARALLEL_REVIEW' });
    expect(await attemptsAt(handle, 'recordCaseOpened')).toEqual({ local: ['failed'], activity: [1] });
    const events = (await handle.fetchHistory()).events ?? [];
    const handedOver = events.findIndex((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordCaseOpened');
    expect(events.slice(0, handedOver).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
  } finally {
    s.rec.hang('BRANCHES_STARTED', 0);
  }
});

test('three branches completed at once: their record writes run one at a time, and the fourth local write in a row goes by the server', async () => {
  const { input, handle } = await acceptCase(s, at('2035-05-14', '10:00'));
  // Long enough for writes that do not wait for each other to overlap.
  s.rec.hang('TASK_COMPLETED', 200);
  s.rec.mostWritesAtOnce = 0;
  try {
    await Promise.all((['GRID_SUBMISSION', 'BANK_VIP_CHANNEL', 'DUE_DILIGENCE'] as const).map((kind) => complete(handle, kind)));

    expect((await handle.query(getStateQuery)).tasks.every((t) => t.status === 'DONE')).toBe(true);
    expect(s.rec.mostWritesAtOnce).toBe(1);
    // Acceptance's calendar read and record, two branches locally; the third by the server, then locally again.
    expect(await attemptsAt(handle, 'recordCaseProgress')).toMatchObject({ activity: [1] });
    expect(s.rec.types(input.caseNo).filter((t) => t === 'TASK_COMPLETED')).toHaveLength(3);
  } finally {
    s.rec.hang('TASK_COMPLETED', 0);
  }
});
