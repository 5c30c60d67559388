// Firms, seen through their cases: a firm is visible to whoever may see one of its cases.
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
    roles: 'authenticated',
    scope: 'A firm is visible to whoever may see one of its cases; counts are of visible cases only',
    query: FirmListQuery,
    responses: { 200: ok('The firms', R.FirmList), ...authed, 422: P[422] },
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
    roles: 'authenticated',
    scope: 'A firm is visible to whoever may see one of its cases; others get 404',
    pathParams: FirmParams,
    responses: { 200: ok('The firm', R.FirmView), ...authed, 400: P.badPath, 404: P[404] },
    handler: async (c, { firms }) => {
      c.res.json(await firms.get(c.principal, c.params().creditCode));
    },
  }),
];
