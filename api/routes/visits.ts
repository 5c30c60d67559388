// The visit list (走访清单) and visits (api/services/visits.ts): each reads within the caller's
// survey reach (a team's buildings, a community, a street, the streets a bank is stationed at,
// the district), and a building, firm or visit outside it is a 404.
import { FIRM_FINDERS } from '../../domain/surveyNetwork';
import { B, P, R, authed, firmCodeWithBody, ok, problem, withBody } from '../contract';
import { IdempotencyKeyHeader, NetworkCodeParams, VisitListQuery, VisitsQuery } from '../schemas';
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
    responses: {
      201: ok('Recorded', R.VisitView),
      200: ok('Recorded before under this Idempotency-Key', R.VisitView),
      ...withBody,
      422: problem('Validation failed (…:validation), or the Idempotency-Key recorded another visit (…:idempotency-key-reused)'),
      403: P[403],
      404: P[404],
      409: problem('A repeat of the request under the same key is recording it now (…:visit-in-progress)'),
    },
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
];
