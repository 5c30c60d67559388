// The cadence reports (日晾晒, 周例会材料, 月调度报告) the Schedules store: listed, read as JSON
// or CSV, and run by hand for a date (catch-up beyond the schedules' window, demos).
// District-wide documents (they rank streets and banks against each other and list every
// case at risk), so only the district roles read them; streets and banks have /sla, scoped.
import { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import { decideCadence, type CadenceKind } from '../../domain/cadence/decision';
import { cadenceReportCsv, type CadenceReportContent } from '../../domain/cadence/report';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import type { Database } from '../../infra/database';
import { runCadenceFor } from '../../infra/schedules';
import { calendarOf } from '../../infra/slaSummaryQuery';
import { requireRole } from '../auth/middleware';
import { Problem, parseOr422, validationProblem } from '../problem';
import { ReportListQuery, ReportParams, ReportQuery, ReportRunBody, ReportRunParams, idempotencyKey } from '../schemas';
import { sendJsonOrCsv } from './sla';
import { REPEAT_IS_SAFE, boundedWrite } from './workflowCalls';

export const REPORT_READERS = ['manager', 'task_force', 'operator'] as const;

interface StoredReport {
  content: unknown;
}

/** What a list shows of a report: everything but the rankings and the case list. */
function summaryOf(row: StoredReport) {
  const c = row.content as CadenceReportContent;
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
    onTimeRate: c.sla.overall.onTimeRate,
    atRiskCases: c.atRisk.length,
  };
}

export function reportsRouter(deps: { db: Database; client: Client; taskQueue: string }): Router {
  const { db } = deps;
  const router = Router();

  router.get('/', requireRole(...REPORT_READERS), async (req, res) => {
    const q = parseOr422(ReportListQuery, req.query);
    const rows = await db.cadenceReport.findMany({
      where: q.kind ? { kind: q.kind } : {},
      orderBy: [{ businessDate: 'desc' }, { kind: 'asc' }],
      take: q.limit,
      select: { content: true },
    });
    res.json({ items: rows.map(summaryOf) });
  });

  router.get('/:reportId', requireRole(...REPORT_READERS), async (req: Request<{ reportId: string }>, res) => {
    const { reportId } = parseOr422(ReportParams, req.params);
    const q = parseOr422(ReportQuery, req.query);
    const row = await db.cadenceReport.findUnique({ where: { id: reportId }, select: { content: true } });
    if (!row) throw new Problem(404, 'not-found', 'Not found', `No report ${reportId}`);
    const content = row.content as unknown as CadenceReportContent;
    // The id is validated above: quoting is all the name needs.
    sendJsonOrCsv(req, res, q.format, content, { filename: `${reportId}.csv`, text: () => cadenceReportCsv(content) });
  });

  router.post('/:kind/runs', requireRole('operator'), async (req: Request<{ kind: string }>, res) => {
    const kind = parseOr422(ReportRunParams, req.params).kind.toUpperCase() as CadenceKind;
    // Checked like every POST's; the run needs no key of its own, being idempotent by kind and date.
    idempotencyKey(req);
    const { date } = parseOr422(ReportRunBody, req.body);
    if (date > shanghaiDate(new Date())) throw validationProblem([{ field: 'date', message: 'must not be after today (Asia/Shanghai)' }]);
    // Refused before starting anything: the workflow would decide the same from the same calendar.
    const decision = decideCadence(kind, date, await calendarOf(db));
    if (!decision.run) throw validationProblem([{ field: 'date', message: decision.reason }]);
    // One workflow per kind and date: a repeat joins the run this one started.
    const run = { zh: `${date} 的报告运行`, en: `The ${kind.toLowerCase()} report run for ${date}` };
    const result = await boundedWrite(deps.client, run, REPEAT_IS_SAFE, () => runCadenceFor(deps.client, deps.taskQueue, kind, date));
    if (!result.ran) throw new Problem(409, 'report-not-published', 'The report was not published', result.reason);
    const row = await db.cadenceReport.findUniqueOrThrow({ where: { id: result.reportId }, select: { content: true } });
    res.status(201).location(`/api/v1/reports/${result.reportId}`).json(summaryOf(row));
  });

  return router;
}
