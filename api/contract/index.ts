import { Router } from 'express';
import { docsPage } from './docsPage';
import { openApiDocument } from './openapi';

export { openApiDocument } from './openapi';
export { ROUTES, type RouteSpec } from './registry';

/**
 * `GET /openapi.json` and `GET /docs`, mounted under /api/v1 before authentication:
 * the contract is public, like any published API's.
 */
export function contractRouter(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    // The app's CSP forbids everything; the page needs its own inline styles and links only.
    res
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
      .type('html')
      .send(docsPage());
  });
  return router;
}
