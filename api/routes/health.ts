// Operations: liveness and readiness without a token (they say nothing but up or down), and the
// metrics behind an operator's token (they count every route and status).
import { P, R, authed, ok } from '../contract';
import { route } from './route';

export const HEALTH_ROUTES = [
  route({
    operationId: 'healthz',
    method: 'get',
    path: '/healthz',
    summary: '存活 The process is alive',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: ok('Alive', R.Health) },
    handler: (c) => {
      c.res.json({ status: 'ok' });
    },
  }),
  route({
    operationId: 'readyz',
    method: 'get',
    path: '/readyz',
    summary: '就绪 Temporal and the database are reachable',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: ok('Ready', R.Readiness), 503: P[503] },
    handler: async (c, { ready }) => {
      c.res.json(await ready(c.req.log));
    },
  }),
  route({
    operationId: 'metrics',
    method: 'get',
    path: '/api/v1/metrics',
    summary: '监控指标 Prometheus metrics of the API (scraped with an operator token)',
    tags: ['Operations'],
    roles: ['operator'],
    responses: { 200: { description: 'Metrics', content: { 'text/plain': R.PrometheusText } }, ...authed, 403: P[403] },
    handler: async (c, { metrics }) => {
      c.res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  }),
];
