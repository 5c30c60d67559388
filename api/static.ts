// The browser console (web/, built to web/dist) on the API's own origin. Assets are served as
// files; any other GET outside /api is the single-page app's index, so deep links such as
// /cases/GL-2026-000001 survive a reload. Unknown /api paths keep their 404 problem document.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';

/** `connectOrigins`: where the console may call besides its own origin (the OIDC provider). */
export function consoleStatic(dir: string, connectOrigins: readonly string[] = []): Router {
  // Looser than the API's CSP (nothing at all), yet the bundle is the only script that runs.
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  const index = path.join(dir, 'index.html');
  const withCsp = (res: Response) => res.set('Content-Security-Policy', csp);
  const router = Router();
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true, setHeaders: withCsp }),
  );
  router.get(/.*/, (req, res, next) => {
    // /api, health and metrics are the API's; a missing file with an extension is a 404.
    if (req.path.startsWith('/api/') || req.path === '/api' || path.extname(req.path) || !fs.existsSync(index)) return next();
    withCsp(res).set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
