// The cadence reports (日晾晒, 周例会材料, 月调度报告): district-wide documents (they rank streets
// and banks against each other and list every case at risk), so only the district roles read
// them; streets and banks have /sla, scoped.
import { z } from 'zod';
import type { CadenceKind } from '../../domain/cadence/decision';
import { cadencePeriodsCsv, cadenceReportCsv } from '../../domain/cadence/report';
import { B, P, R, authed, ok, problem } from '../contract';
import { IdempotencyKeyHeader, ReportListQuery, ReportParams, ReportQuery, ReportRunParams } from '../schemas';
import { sendJsonOrCsv } from './jsonOrCsv';
import { route } from './route';

const REPORT_READERS = ['manager', 'task_force', 'operator'] as const;
const SCOPE = 'District-wide documents (rankings of streets and banks, every case at risk): district roles only';

export const REPORT_ROUTES = [
  route({
    operationId: 'listReports',
    method: 'get',
    path: '/api/v1/reports',
    summary: '例行报告 Cadence reports (daily board, weekly pack, monthly dispatch), newest first: each period’s activity and rates (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['Cadence reports'],
    roles: REPORT_READERS,
    scope: SCOPE,
    query: ReportListQuery,
    responses: {
      200: { description: 'Summaries of the stored reports', content: { 'application/json': R.CadenceReportList, 'text/csv': R.CadenceReportListCsv } },
      ...authed,
      403: P[403],
      422: P[422],
    },
    handler: async (c, { reports }) => {
      const q = c.query();
      const list = await reports.list(q);
      sendJsonOrCsv(c.req, c.res, q.format, list, { filename: `reports-${(q.kind ?? 'all').toLowerCase()}.csv`, text: () => cadencePeriodsCsv(list.items) });
    },
  }),
  route({
    operationId: 'getReport',
    method: 'get',
    path: '/api/v1/reports/{reportId}',
    summary: '报告详情 One report (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['Cadence reports'],
    roles: REPORT_READERS,
    scope: SCOPE,
    pathParams: ReportParams,
    query: ReportQuery,
    responses: {
      200: { description: 'The report', content: { 'application/json': R.CadenceReport, 'text/csv': R.CadenceReportCsv } },
      ...authed,
      400: P.badPath,
      403: P[403],
      404: P[404],
      422: P[422],
    },
    // It lists every case at risk, with its firm; an export when CSV (the row's contentType).
    audit: { action: 'REPORT_READ', subject: (path) => `report:${path.reportId}` },
    handler: async (c, { reports }) => {
      const { reportId } = c.params();
      const { format } = c.query();
      const content = await reports.get(reportId);
      // The id is validated above: quoting is all the name needs.
      sendJsonOrCsv(c.req, c.res, format, content, { filename: `${reportId}.csv`, text: () => cadenceReportCsv(content) });
    },
  }),
  route({
    operationId: 'runReport',
    method: 'post',
    path: '/api/v1/reports/{kind}/runs',
    summary: '补发报告 Publish the report of a past or today’s business date now (catch-up beyond the schedules’ window)',
    tags: ['Cadence reports'],
    roles: ['operator'],
    scope: 'A run is idempotent by kind and date: a repeat while it runs joins it, a later one publishes the same report id again',
    pathParams: ReportRunParams,
    headers: IdempotencyKeyHeader,
    body: B.ReportRunBody,
    responses: {
      201: {
        ...ok('Published (a report already stored for that date is replaced)', R.CadenceReportSummary),
        headers: { Location: { description: 'The report’s URL', required: true, schema: z.string().regex(/^\/api\/v1\/reports\/(daily|weekly|monthly)-\d{4}-\d{2}-\d{2}$/) } },
      },
      ...authed,
      400: P[400],
      403: P[403],
      409: problem('The calendar changed while the run started: nothing was published (…:report-not-published)'),
      413: P[413],
      415: P[415],
      422: problem('Validation failed, the date is in the future, or it publishes no report of this kind (the reason says why) (…:validation)'),
      503: P.notAnswering,
    },
    handler: async (c, { reports }) => {
      const kind = c.params().kind.toUpperCase() as CadenceKind;
      // Checked like every POST's; the run needs no key of its own, being idempotent by kind and date.
      c.headers();
      const { reportId, summary } = await reports.run(kind, c.body().date, c.principal.sub);
      c.res.status(201).location(`/api/v1/reports/${reportId}`).json(summary);
    },
  }),
];
