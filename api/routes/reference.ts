// Streets, banks and branches a case can name.
import { R, authed, ok } from '../contract';
import { route } from './route';

export const REFERENCE_ROUTES = [
  route({
    operationId: 'listStreets',
    method: 'get',
    path: '/api/v1/streets',
    summary: '街道 Streets a case can name',
    tags: ['Reference'],
    roles: 'authenticated',
    responses: { 200: ok('The streets', R.StreetList), ...authed },
    handler: async (c, { reference }) => {
      c.res.json(await reference.streets());
    },
  }),
  route({
    operationId: 'listBanks',
    method: 'get',
    path: '/api/v1/banks',
    summary: '银行及网点 Banks and their branches',
    tags: ['Reference'],
    roles: 'authenticated',
    responses: { 200: ok('The banks', R.BankList), ...authed },
    handler: async (c, { reference }) => {
      c.res.json(await reference.banks());
    },
  }),
];
