// Firms, seen through their cases: a firm is visible to whoever may see one of its cases, and
// what they see of it comes from those cases alone (api/services/firms.ts).
import { STAFF_ROLES } from '../../domain/people';
import { P, R, authed, ok } from '../contract';
import { FirmListQuery, FirmParams } from '../schemas';
import { route } from './route';

export const FIRM_ROUTES = [
  route({
    operationId: 'listFirms',
    method: 'get',
    path: '/api/v1/firms',
    summary: '企业 Firms, by name or credit-code prefix',
    tags: ['Firms'],
    roles: STAFF_ROLES,
    scope: 'A firm is visible to whoever may see one of its cases, named and placed as the newest of them says; counts are of visible cases matching the search',
    query: FirmListQuery,
    responses: { 200: ok('The firms', R.FirmList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'FIRM_LIST_READ', subject: () => 'firms' },
    handler: async (c, { firms }) => {
      c.res.json(await firms.list(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'getFirm',
    method: 'get',
    path: '/api/v1/firms/{creditCode}',
    summary: '企业详情 A firm and its visible cases',
    tags: ['Firms'],
    roles: STAFF_ROLES,
    scope: 'A firm is visible to whoever may see one of its cases, named and placed as the newest of them says; others get 404',
    pathParams: FirmParams,
    responses: { 200: ok('The firm', R.FirmView), ...authed, 403: P[403], 400: P.badPath, 404: P[404] },
    audit: { action: 'FIRM_READ', subject: (path) => `firm:${path.creditCode.toUpperCase()}` },
    handler: async (c, { firms }) => {
      c.res.json(await firms.get(c.principal, c.params().creditCode));
    },
  }),
];
