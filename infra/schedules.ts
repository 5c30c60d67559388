// The cadence's Temporal Schedules, created (or brought to the desired spec) at start-up, and
// the start of one run for a given business date (operators' catch-up, the demo).
//
// Each schedule fires on every CANDIDATE day in Asia/Shanghai and the workflow decides from the
// working-day calendar: make-up weekend days (调休上班) and holiday weeks cannot be written as
// a calendar spec, and the calendar changes when an operator loads a notice.
// Catch-up: the server takes the actions it missed while it was down, within catchupWindow,
// in order (BUFFER_ALL), and each run reports the business date it was scheduled for. 14 days
// outlasts the longest rest block (the 8–9 day Spring Festival and National Day weeks) plus a
// weekend, so a system switched off over a golden week still publishes every board it owed.
// Beyond the window an operator runs a date by hand (POST /api/v1/reports/{kind}/runs).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, WorkflowIdConflictPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { CADENCE_TITLES, type CadenceKind } from '../domain/cadence/decision';
import { shanghaiDateTime } from '../domain/calendar/timeZone';
import type { IsoDate } from '../domain/calendar/types';
import { cadenceReportWorkflow, type CadenceReportResult } from '../workflows/cadenceReport';

export const CADENCE_TIME_ZONE = 'Asia/Shanghai';
export const CATCHUP_WINDOW = '14 days';

interface CadenceSchedule {
  scheduleId: string;
  kind: CadenceKind;
  /** Asia/Shanghai wall-clock time of the run. */
  hour: number;
  minute: number;
  /** Candidate days of the month; the first working day of a month comes by the 15th at the latest. */
  dayOfMonth?: { start: number; end: number };
}

export const CADENCE_SCHEDULES: readonly CadenceSchedule[] = [
  { scheduleId: 'greenlane-daily-board', kind: 'DAILY', hour: 8, minute: 30 },
  { scheduleId: 'greenlane-weekly-pack', kind: 'WEEKLY', hour: 9, minute: 0 },
  { scheduleId: 'greenlane-monthly-dispatch', kind: 'MONTHLY', hour: 9, minute: 30, dayOfMonth: { start: 1, end: 15 } },
];

function scheduleOptions(s: CadenceSchedule, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  const title = CADENCE_TITLES[s.kind];
  return {
    spec: {
      calendars: [
        {
          hour: s.hour,
          minute: s.minute,
          dayOfMonth: s.dayOfMonth ?? '*',
          dayOfWeek: '*',
          comment: `${title.zh} ${title.en}: every candidate day; the workflow decides from the working-day calendar`,
        },
      ],
      timezone: CADENCE_TIME_ZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: cadenceReportWorkflow,
      workflowId: `cadence-${s.kind.toLowerCase()}`,
      taskQueue,
      args: [{ kind: s.kind }],
      staticSummary: `${title.zh} ${title.en}`,
    },
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ALL, catchupWindow: CATCHUP_WINDOW, pauseOnFailure: false },
  };
}

/** Creates the three schedules, or updates existing ones to this spec (keeping paused/notes). */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<string[]> {
  for (const s of CADENCE_SCHEDULES) {
    const options = scheduleOptions(s, taskQueue);
    try {
      await client.schedule.create({ scheduleId: s.scheduleId, ...options });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(s.scheduleId).update((previous) => ({ ...options, state: previous.state }));
    }
  }
  return CADENCE_SCHEDULES.map((s) => s.scheduleId);
}

/**
 * Runs the cadence for one business date as if scheduled at its usual time, and waits for the
 * outcome. One workflow id per kind and date: a second call while one runs joins it.
 */
export async function runCadenceFor(client: Client, taskQueue: string, kind: CadenceKind, businessDate: IsoDate, requestedBy: string): Promise<CadenceReportResult> {
  const s = CADENCE_SCHEDULES.find((x) => x.kind === kind)!;
  const hhmm = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  const title = CADENCE_TITLES[kind];
  return client.workflow.execute(cadenceReportWorkflow, {
    workflowId: `cadence-${kind.toLowerCase()}-run-${businessDate}`,
    taskQueue,
    args: [{ kind, scheduledFor: shanghaiDateTime(businessDate, hhmm).toISOString(), requestedBy }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: `${title.zh} ${title.en} ${businessDate}（手动 run by hand）`,
  });
}
