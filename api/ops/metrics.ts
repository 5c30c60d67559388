import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics: HTTP traffic plus Node's process metrics. Each app gets its own
 * registry (tests build several apps in one process). Labels are the route *pattern*, never the raw
 * path, so case numbers and probing clients cannot create unbounded series.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames,
    // Reads are milliseconds; creating a case waits on a workflow update, so up to seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts and times every request once its response has ended. */
export function recordHttpMetrics(metrics: Metrics, routeOf: (method: string, path: string) => string): RequestHandler {
  return (req, res, next) => {
    const end = metrics.duration.startTimer();
    const { method, path } = req; // before mounted routers rewrite req.url
    res.once('close', () => {
      const labels = { method: KNOWN_METHODS.has(method) ? method : 'OTHER', route: routeOf(method, path), status: String(res.statusCode) };
      metrics.requests.inc(labels);
      end(labels);
    });
    next();
  };
}
