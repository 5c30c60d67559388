// The contract and its docs page are public, like any published API's.
import { R, ok } from '../contract';
import { route } from './route';

export const CONTRACT_ROUTES = [
  route({
    operationId: 'openapi',
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: '接口契约 This OpenAPI 3.1 document',
    tags: ['Contract'],
    roles: 'public',
    responses: { 200: ok('The document', R.OpenApiDocument) },
    handler: (c, { contract }) => {
      c.res.json(contract.document());
    },
  }),
  route({
    operationId: 'docs',
    method: 'get',
    path: '/api/v1/docs',
    summary: '接口文档 The browsable docs page',
    tags: ['Contract'],
    roles: 'public',
    responses: { 200: { description: 'HTML', content: { 'text/html': R.DocsPage } } },
    handler: (c, { contract }) => {
      // The app's CSP forbids everything; the page needs its own inline styles and links only.
      c.res
        .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        .type('html')
        .send(contract.page());
    },
  }),
];
