// Managers' SLA reports: the breach list, and the summary and on-time trend by street or bank (JSON or CSV).
// Every authenticated role may call them and sees only the cases in its scope
// (visibleCasesWhere): the district for manager, task force and operator; a street's or a
// bank's own cases otherwise. An empty scope gives an empty report, never a 403.
import { STAFF_ROLES } from '../../domain/people';
import { slaSummaryCsv } from '../../domain/reports/slaCsv';
import { onTimeTrendCsv } from '../../domain/reports/trendCsv';
import { P, R, authed, ok } from '../contract';
import { SlaBreachesQuery, SlaSummaryQuery, SlaTrendQuery } from '../schemas';
import type { Services } from '../services';
import { sendJsonOrCsv } from './jsonOrCsv';
import { route } from './route';

const SCOPE = 'Only cases in the caller’s scope are counted; an empty scope gives an empty report';

export const SLA_ROUTES = [
  route({
    operationId: 'slaBreaches',
    method: 'get',
    path: '/api/v1/sla/breaches',
    summary: '超时清单 SLA breaches in a date range',
    tags: ['SLA reports'],
    roles: STAFF_ROLES,
    scope: SCOPE,
    query: SlaBreachesQuery,
    responses: { 200: ok('The breaches', R.SlaBreachList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'SLA_BREACHES_READ', subject: () => 'sla/breaches' },
    handler: async (c, { sla }: Pick<Services, 'sla'>) => {
      c.res.json(await sla.breaches(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'slaSummary',
    method: 'get',
    path: '/api/v1/sla/summary',
    summary: '时效汇总 On-time rate, breaches and median working days per stage, by street or bank (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['SLA reports'],
    roles: STAFF_ROLES,
    scope: SCOPE,
    query: SlaSummaryQuery,
    responses: {
      200: { description: 'The summary', content: { 'application/json': R.SlaSummary, 'text/csv': R.SlaSummaryCsv } },
      ...authed, 403: P[403],
      422: P[422],
    },
    // An export when CSV: the row's contentType says which.
    audit: { action: 'SLA_SUMMARY_READ', subject: () => 'sla/summary' },
    handler: async (c, { sla }: Pick<Services, 'sla'>) => {
      const q = c.query();
      const report = await sla.summary(c.principal, q);
      // The name holds only validated dates and the group: quoting is all it needs.
      sendJsonOrCsv(c.req, c.res, q.format, report, {
        filename: `sla-summary-${q.from}-${q.to}-${q.groupBy}.csv`,
        text: () => slaSummaryCsv(report.groups, report.overall),
      });
    },
  }),
  route({
    operationId: 'slaTrend',
    method: 'get',
    path: '/api/v1/sla/trend',
    summary: '按时率趋势 Decisions in time and the promise kept per week or month, by street or bank (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['SLA reports'],
    roles: STAFF_ROLES,
    scope: SCOPE,
    query: SlaTrendQuery,
    responses: {
      200: { description: 'The trend', content: { 'application/json': R.SlaTrend, 'text/csv': R.SlaTrendCsv } },
      ...authed,
      403: P[403],
      422: P[422],
    },
    audit: { action: 'SLA_TREND_READ', subject: () => 'sla/trend' },
    handler: async (c, { sla }: Pick<Services, 'sla'>) => {
      const q = c.query();
      const report = await sla.trend(c.principal, q);
      sendJsonOrCsv(c.req, c.res, q.format, report, {
        filename: `sla-trend-${q.from}-${q.to}-${q.groupBy}-${q.bucket}.csv`,
        text: () => onTimeTrendCsv(report.buckets, report.groups, report.overall),
      });
    },
  }),
];
