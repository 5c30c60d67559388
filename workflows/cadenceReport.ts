// One run of the cadence (日晾晒 — 周例会 — 月调度). The Schedules start it on every candidate
// day; it decides from the working-day calendar whether that business date publishes a
// report and, if so, has it computed and stored. The business date is the one the schedule
// meant (TemporalScheduledStartTime), so a run caught up after an outage reports its own day.
import { proxyActivities, setCurrentDetails, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type * as activities from '../activities';
import { decideCadence, CADENCE_TITLES, type CadenceKind } from '../domain/cadence/decision';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import { workingCalendarOf } from './calendarYears';

type Activities = ReturnType<typeof activities.createActivities>;

// Reads and one upsert: retry until PostgreSQL is back.
const REPORT: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};
const act = proxyActivities<Activities>(REPORT);

/** Set by the server on runs a Schedule starts. */
const TemporalScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', 'DATETIME');

export interface CadenceReportInput {
  kind: CadenceKind;
  /** ISO instant the run stands for; absent, the schedule's scheduled time, else the start time. */
  scheduledFor?: string;
  /** Who ran it by hand (the audit trail's actor); absent on the schedules' runs. */
  requestedBy?: string;
}

export type CadenceReportResult =
  | { ran: true; kind: CadenceKind; businessDate: string; reportId: string; scheduledFor: string }
  | { ran: false; kind: CadenceKind; businessDate: string; reason: string; scheduledFor: string };

function scheduledInstant(input: CadenceReportInput): Date {
  if (input.scheduledFor) return new Date(input.scheduledFor);
  return workflowInfo().typedSearchAttributes.get(TemporalScheduledStartTime) ?? workflowInfo().startTime;
}

export async function cadenceReportWorkflow(input: CadenceReportInput): Promise<CadenceReportResult> {
  const scheduledFor = scheduledInstant(input);
  const businessDate = shanghaiDate(scheduledFor);
  const year = yearOf(businessDate);
  // The previous year too: a January report covers December.
  const notices = await act.loadCalendarYears.executeWithOptions({ ...REPORT, summary: `载入工作日历 Load working calendar ${year - 1}-${year}` }, [
    { fromYear: year - 1, toYear: year },
  ]);
  const decision = decideCadence(input.kind, businessDate, workingCalendarOf(notices));
  const base = { kind: input.kind, businessDate, scheduledFor: scheduledFor.toISOString() };
  if (!decision.run) {
    setCurrentDetails(decision.reason);
    return { ...base, ran: false, reason: decision.reason };
  }
  const title = CADENCE_TITLES[input.kind];
  const { period } = decision;
  const generated = await act.generateCadenceReport.executeWithOptions(
    { ...REPORT, summary: `生成${title.zh} Generate the ${title.en.toLowerCase()} ${businessDate}` },
    // requestedBy is absent from every run started before it existed, so their activity input is unchanged.
    [{ reportId: decision.reportId, kind: input.kind, businessDate, period, scheduledFor: base.scheduledFor, provisional: decision.provisional, requestedBy: input.requestedBy }],
  );
  setCurrentDetails(
    `已发布${title.zh} ${decision.reportId}（统计 ${period.from} 至 ${period.to}，受理 ${generated.opened} 件，风险 ${generated.atRisk} 件）/ ` +
      `${title.en} ${decision.reportId} published (period ${period.from} to ${period.to}, ${generated.opened} opened, ${generated.atRisk} at risk)` +
      (decision.provisional ? '；暂定日历 / provisional calendar' : ''),
  );
  return { ...base, ran: true, reportId: decision.reportId };
}
