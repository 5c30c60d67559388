// The cadence reports (日晾晒, 周例会材料, 月调度报告) the Schedules store: listed, read, and run
// by hand for a date (catch-up beyond the schedules' window, demos).
import type { Client } from '@temporalio/client';
import { decideCadence, type CadenceKind } from '../../domain/cadence/decision';
import type { CadenceReportContent } from '../../domain/cadence/report';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import type { Database } from '../../infra/database';
import { runCadenceFor } from '../../infra/schedules';
import { calendarOf } from '../../readModels/slaSummaryQuery';
import { Problem, validationProblem } from '../problem';
import { REPEAT_IS_SAFE, boundedWrite } from './workflowCalls';

interface StoredReport {
  content: unknown;
}

/** What a list shows of a report: everything but the rankings, the case list and the batches. */
function summaryOf(row: StoredReport) {
  // Reports stored before the outcome board (2026-11) have no `board`: their rates read null.
  const c = row.content as Omit<CadenceReportContent, 'board'> & Partial<Pick<CadenceReportContent, 'board'>>;
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    businessDate: c.businessDate,
    period: c.period,
    scheduledFor: c.scheduledFor,
    generatedAt: c.generatedAt,
    provisional: c.provisional,
    activity: c.activity,
    decidedInTimeRate: c.board?.overall.decidedInTimeRate ?? null,
    promiseKeptRate: c.board?.overall.promiseKeptRate ?? null,
    atRiskCases: c.atRisk.length,
  };
}

export function cadenceReports({ db, client, taskQueue }: { db: Database; client: Client; taskQueue: string }) {
  return {
    async list(q: { kind?: CadenceKind; limit: number }) {
      const rows = await db.cadenceReport.findMany({
        where: q.kind ? { kind: q.kind } : {},
        orderBy: [{ businessDate: 'desc' }, { kind: 'asc' }],
        take: q.limit,
        select: { content: true },
      });
      return { items: rows.map(summaryOf) };
    },

    async get(reportId: string): Promise<CadenceReportContent> {
      const row = await db.cadenceReport.findUnique({ where: { id: reportId }, select: { content: true } });
      if (!row) throw new Problem(404, 'not-found', 'Not found', `No report ${reportId}`);
      const content = row.content as unknown as CadenceReportContent;
      // Reports stored before the funnel joined them have none.
      return { ...content, funnel: content.funnel ?? null };
    },

    /** Publishes the report of `kind` for `date` now, as `requestedBy` (on the audit trail); one workflow per kind and date, so a repeat joins the run. */
    async run(kind: CadenceKind, date: string, requestedBy: string) {
      if (date > shanghaiDate(new Date())) throw validationProblem([{ field: 'date', message: 'must not be after today (Asia/Shanghai)' }]);
      // Refused before starting anything: the workflow would decide the same from the same calendar.
      const decision = decideCadence(kind, date, await calendarOf(db));
      if (!decision.run) throw validationProblem([{ field: 'date', message: decision.reason }]);
      // One workflow per kind and date: a repeat joins the run this one started.
      const run = { zh: `${date} 的报告运行`, en: `The ${kind.toLowerCase()} report run for ${date}` };
      const result = await boundedWrite(client, run, REPEAT_IS_SAFE, () => runCadenceFor(client, taskQueue, kind, date, requestedBy));
      if (!result.ran) throw new Problem(409, 'report-not-published', 'The report was not published', result.reason);
      const row = await db.cadenceReport.findUniqueOrThrow({ where: { id: result.reportId }, select: { content: true } });
      return { reportId: result.reportId, summary: summaryOf(row) };
    },
  };
}
