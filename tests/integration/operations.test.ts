import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../../infra/logger';
import { requestLogging } from '../../api/ops/logger';
import { problemHandler } from '../../api/problem';
import { bearer } from '../support/auth';
import { startStack, useStack, type Stack } from '../support/stack';

/** A JSON-lines logger whose lines the test can read. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger('info', 'greenlane-api', stream), lines };
}

const stack = useStack();
let officer: string;
beforeAll(async () => {
  officer = await bearer('lujiang-officer');
});

describe('request ids', () => {
  it('echoes a well-formed X-Request-Id and replaces a missing or malformed one with a UUID', async () => {
    const mine = `client-${randomUUID()}`;
    const echoed = await request(stack.app).get('/healthz').set('x-request-id', mine).expect(200);
    expect(echoed.headers['x-request-id']).toBe(mine);

    const generated = await request(stack.app).get('/api/v1/streets').set('authorization', officer).expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    for (const bad of ['two words', 'x'.repeat(200), 'quote"and{json}', '-leading-dash']) {
      const res = await request(stack.app).get('/healthz').set('x-request-id', bad).expect(200);
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('are on problem responses too', async () => {
    const res = await request(stack.app).get('/api/v1/cases/GL-2026-999999').expect(401);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/v1/metrics', () => {
  it('counts requests by route pattern, never by raw path, with Node process metrics', async () => {
    await request(stack.app).get('/api/v1/cases/GL-2026-987654').set('authorization', officer).expect(404);
    await request(stack.app).get('/api/v1/cases/GL-2026-987655').set('authorization', officer).expect(404);
    await request(stack.app).post('/api/v1/cases/GL-2026-987656/tasks/grid/complete').set('authorization', officer).send({}).expect(404);
    await request(stack.app).get('/api/v1/no-such-thing/GL-2026-987657').set('authorization', officer).expect(404);
    await request(stack.app).get('/api/v1/streets?secret=GL-2026-987658').set('authorization', officer).expect(200);

    const res = await request(stack.app).get('/api/v1/metrics').set('authorization', await bearer('operator')).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    const count = (labels: string) => Number(new RegExp(`^http_requests_total\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    expect(count('method="GET",route="/api/v1/cases/:caseNo",status="404"')).toBeGreaterThanOrEqual(2);
    expect(count('method="POST",route="/api/v1/cases/:caseNo/tasks/:task/complete",status="404"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="/api/v1/streets",status="200"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="\\(unmatched\\)",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/streets",status="200"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
    expect(text).not.toMatch(/GL-2026-98765/);
  });
});

describe('secure headers', () => {
  it.each(['/healthz', '/api/v1/streets', '/api/v1/nowhere'])('are on %s', async (path) => {
    const res = await request(stack.app).get(path).set('authorization', officer);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('with a small rate limit and a captured log', () => {
  let limited: Stack;
  const log = capturedLogger();
  beforeAll(async () => {
    limited = await startStack({ ops: { rateLimitPerMinute: 3, logger: log.logger } });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('answers 429 problem+json with Retry-After once a token has used its requests, and only for that token', async () => {
    const manager = await bearer('manager');
    for (let i = 0; i < 3; i++) await request(limited.app).get('/api/v1/streets').set('authorization', manager).expect(200);
    const refused = await request(limited.app).get('/api/v1/streets').set('authorization', manager).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'urn:greenlane:problem:rate-limited', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-policy']).toMatch(/^3;w=60/);

    await request(limited.app).get('/api/v1/streets').set('authorization', await bearer('operator')).expect(200);
    // Health and metrics are outside /api/v1 and not limited.
    for (let i = 0; i < 5; i++) await request(limited.app).get('/healthz').expect(200);
  });

  it('writes one JSON access line per request, with the request id and principal, and no query string', async () => {
    const requestId = randomUUID();
    await request(limited.app).get('/api/v1/banks?token=s3cret').set('authorization', await bearer('xib-approver')).set('x-request-id', requestId).expect(200);
    await new Promise((r) => setTimeout(r, 50));
    const mine = log.lines.filter((l) => l.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'info', msg: 'request', service: 'greenlane-api', method: 'GET', path: '/api/v1/banks', route: '/api/v1/banks', status: 200, sub: 'xib-approver', role: 'credit_approver' });
    expect(typeof mine[0].durationMs).toBe('number');
    expect(JSON.stringify(log.lines)).not.toMatch(/s3cret|Bearer/);
  });
});

describe('an unexpected error', () => {
  it('is logged with the request id and leaves as a 500 problem without internals', async () => {
    const log = capturedLogger();
    const app = express();
    app.use(requestLogging(log.logger, () => '/boom'));
    app.get('/boom', () => {
      throw new Error('database on fire');
    });
    app.use(problemHandler);
    const res = await request(app).get('/boom').set('x-request-id', 'trace-42').expect(500);
    expect(res.body).toMatchObject({ type: 'urn:greenlane:problem:internal', status: 500 });
    expect(JSON.stringify(res.body)).not.toMatch(/fire/);
    const error = log.lines.find((l) => l.msg === 'unhandled error');
    expect(error).toMatchObject({ level: 'error', requestId: 'trace-42', method: 'GET', path: '/boom' });
    expect((error!.err as { message: string }).message).toBe('database on fire');
  });
});
