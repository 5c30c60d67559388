// The cadence reports' operations. Built from the registry's shared responses, passed in, so
// this module needs nothing of the registry at load time.
import { z } from 'zod';
import { IdempotencyKeyHeader, ReportListQuery, ReportParams, ReportQuery, ReportRunParams } from '../schemas';
import { REPORT_READERS } from '../routes/reports';
import type { Named, ResponseSpec, RouteSpec } from './registry';

interface Shared {
  R: { ProblemDetails: Named; CadenceReportList: Named; CadenceReport: Named; CadenceReportCsv: Named; CadenceReportSummary: Named };
  B: { ReportRunBody: Named };
  P: Record<400 | 401 | 403 | 404 | 413 | 415 | 422 | 429, ResponseSpec> & { badPath: ResponseSpec; notAnswering: ResponseSpec };
  ok: (description: string, body: Named) => ResponseSpec;
  problem: (description: string) => ResponseSpec;
}

const SCOPE = 'District-wide documents (rankings of streets and banks, every case at risk): district roles only';

export function reportRoutes({ R, B, P, ok, problem }: Shared): RouteSpec[] {
  const authed = { 401: P[401], 429: P[429] };
  return [
    {
      operationId: 'listReports',
      method: 'get',
      path: '/api/v1/reports',
      summary: '例行报告 Cadence reports (daily board, weekly pack, monthly dispatch), newest first',
      tags: ['Cadence reports'],
      roles: REPORT_READERS,
      scope: SCOPE,
      query: ReportListQuery,
      responses: { 200: ok('Summaries of the stored reports', R.CadenceReportList), ...authed, 403: P[403], 422: P[422] },
    },
    {
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
    },
    {
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
    },
  ];
}
