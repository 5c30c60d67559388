import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../infra/logger';

declare module 'express-serve-static-core' {
  interface Request {
    /** Correlates the access log, error logs, the audit entry and the client's report. */
    requestId?: string;
    /** The logger bound to this request's id. */
    log?: Logger;
  }
}

// Accepted from a proxy or client so one id follows a request across systems; anything
// else (too long, spaces, control characters) could forge or split log lines, so it is replaced.
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

export function requestIdOf(header: string | undefined): string {
  return header !== undefined && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

/**
 * Gives each request an id (echoed in `X-Request-Id`) and a bound logger, and writes one
 * access log line when the response ends. The path is logged without its query string,
 * which may carry filters or, from careless clients, secrets.
 */
export function requestLogging(logger: Logger, routeOf: (method: string, path: string) => string): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.get('x-request-id'));
    req.requestId = requestId;
    req.log = logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Read now: mounted routers rewrite req.url while they handle the request.
    const { method, path } = req;
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const line = {
        method,
        path,
        route: routeOf(method, path),
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(req.principal ? { sub: req.principal.sub, role: req.principal.role } : {}),
        // The client went away before the response was complete.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) req.log!.error(line, 'request');
      else req.log!.info(line, 'request');
    });
    next();
  };
}
