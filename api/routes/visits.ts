// The visit list (走访清单), visits and the survey funnel (api/services/visits.ts): each reads within the caller's
// survey reach (a team's buildings, a community, a street, the streets a bank is stationed at,
// the district), and a building, firm or visit outside it is a 404.
import { surveyFunnelCsv } from '../../domain/survey/funnelCsv';
import { FIRM_FINDERS } from '../../domain/surveyNetwork';
import { B, P, R, authed, firmCodeWithBody, keyedCreate, ok } from '../contract';
import { IdempotencyKeyHeader, NetworkCodeParams, SurveyFunnelQuery, VisitListQuery, VisitsQuery } from '../schemas';
import { sendJsonOrCsv } from './jsonOrCsv';
import { route } from './route';
import { SURVEY_READERS } from './surveyNetwork';

const REACH =
  'A team member reaches their team’s buildings, a community coordinator the community, case and grid officers their street, bank staff the streets their bank’s branches are stationed at, the task force (its survey group too), managers and operators the district';

export const VISIT_ROUTES = [
  route({
    operationId: 'getVisitList',
    method: 'get',
    path: '/api/v1/visit-list',
    summary: '走访清单 The visit list: buildings in use on the caller’s list, each with the firms found in it and their latest visit',
    tags: ['Visits'],
    roles: SURVEY_READERS,
    scope: REACH,
    query: VisitListQuery,
    responses: { 200: ok('The list', R.VisitListView), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'VISIT_LIST_READ', subject: () => 'visit-list' },
    handler: async (c, { visits }) => {
      c.res.json(await visits.list(c.caller, c.query()));
    },
  }),
  route({
    operationId: 'addSurveyFirm',
    method: 'post',
    path: '/api/v1/survey-network/buildings/{code}/firms',
    summary: '登记楼宇企业 Add a firm found in a building of the caller’s list (the same credit code in the same building is the same firm)',
    tags: ['Visits'],
    roles: FIRM_FINDERS,
    scope: `${REACH}; a building outside it, or retired, is 404`,
    pathParams: NetworkCodeParams,
    headers: IdempotencyKeyHeader,
    body: B.SurveyFirmBody,
    responses: {
      201: ok('Added', R.SurveyFirmView),
      200: ok('The firm was already on the building’s list', R.SurveyFirmView),
      ...firmCodeWithBody,
      403: P[403],
      404: P[404],
    },
    handler: async (c, { visits }) => {
      const building = await visits.buildingInReach(c.caller, c.path.code!);
      const r = await visits.addFirm(c.caller, building, c.body());
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  }),
  route({
    operationId: 'recordVisit',
    method: 'post',
    path: '/api/v1/visits',
    summary: '记录走访 Record a visit to a firm on the team’s list: its financing need, or that none was found',
    tags: ['Visits'],
    roles: ['visit_team_member'],
    scope: 'A firm in a building of the caller’s own team’s list; any other is 404. With an Idempotency-Key a repeat answers the same visit (200)',
    headers: IdempotencyKeyHeader,
    body: B.VisitBody,
    responses: { ...keyedCreate(R.VisitView, 'Recorded', 'visit', 'visit-in-progress'), 403: P[403], 404: P[404] },
    handler: async (c, { visits }) => {
      const r = await visits.record(c.caller, c.body());
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  }),
  route({
    operationId: 'listVisits',
    method: 'get',
    path: '/api/v1/visits',
    summary: '走访记录 Visits within the caller’s reach, newest first',
    tags: ['Visits'],
    roles: SURVEY_READERS,
    scope: REACH,
    query: VisitsQuery,
    responses: { 200: ok('The visits', R.VisitList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'VISITS_READ', subject: () => 'visits' },
    handler: async (c, { visits }) => {
      c.res.json(await visits.visits(c.caller, c.query()));
    },
  }),
  route({
    operationId: 'surveyFunnel',
    method: 'get',
    path: '/api/v1/survey/funnel',
    summary: '摸排漏斗 The survey funnel: buildings walked, firms visited, needs found, leads, cases opened, decided and disbursed (count and CNY) of the visits in a date range, with each stage’s rate and median working days between stages, by street, community, team or bank; or of the meetings at the matching events held in the range, by event (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['Visits'],
    roles: SURVEY_READERS,
    scope: `${REACH}; the visits in reach are counted, and the leads and cases their needs became`,
    query: SurveyFunnelQuery,
    responses: {
      200: { description: 'The funnel', content: { 'application/json': R.SurveyFunnel, 'text/csv': R.SurveyFunnelCsv } },
      ...authed,
      403: P[403],
      422: P[422],
    },
    audit: { action: 'SURVEY_FUNNEL_READ', subject: () => 'survey/funnel' },
    handler: async (c, { visits }) => {
      const q = c.query();
      const report = await visits.funnel(c.caller, q);
      // The name holds only validated dates and the group: quoting is all it needs.
      sendJsonOrCsv(c.req, c.res, q.format, report, {
        filename: `survey-funnel-${q.from}-${q.to}-${q.groupBy}.csv`,
        text: () => surveyFunnelCsv(report.groups, report.overall),
      });
    },
  }),
];
