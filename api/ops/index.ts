import type { Express, RequestHandler } from 'express';
import { createLogger, type Logger } from '../../infra/logger';
import { requestLogging } from './logger';
import { createMetrics, recordHttpMetrics, type Metrics } from './metrics';
import { perTokenRateLimit } from './rateLimit';
import { routeTable } from './routeTable';
import { secureHeaders } from './secureHeaders';

export interface OpsOptions {
  /** Defaults to an `info` JSON logger on stdout; tests pass a silent one. */
  logger?: Logger;
  /** Defaults to a fresh registry with Node's process metrics. */
  metrics?: Metrics;
  /** Requests a minute per token under /api/v1 (RATE_LIMIT_PER_MINUTE); default 600. */
  rateLimitPerMinute?: number;
}

/** The operational middleware of one app: logs, metrics, headers and limits. */
export function operations(app: Express, options: OpsOptions = {}) {
  const logger = options.logger ?? createLogger('info');
  const metrics = options.metrics ?? createMetrics();
  const routes = routeTable(app);
  return {
    logger,
    metrics,
    /** First on the app: request id and access log, HTTP metrics, secure headers. */
    first: [requestLogging(logger, routes.pattern), recordHttpMetrics(metrics, routes.pattern), secureHeaders()] as RequestHandler[],
    /** After authentication under /api/v1, before the body is parsed. */
    rateLimit: perTokenRateLimit(options.rateLimitPerMinute ?? 600),
  };
}

export { createMetrics, type Metrics } from './metrics';
