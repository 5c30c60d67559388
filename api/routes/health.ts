// Operations: liveness, readiness and metrics, on the API's own host and port, without a token.
// The reverse proxy must not route /metrics publicly.
import { P, R, ok } from '../contract';
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
      c.res.json(await ready());
    },
  }),
  route({
    operationId: 'metrics',
    method: 'get',
    path: '/metrics',
    summary: '监控指标 Prometheus metrics (HTTP and Temporal SDK); not for the public proxy',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: { description: 'Metrics', content: { 'text/plain': R.PrometheusText } } },
    handler: async (c, { metrics }) => {
      c.res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  }),
];
