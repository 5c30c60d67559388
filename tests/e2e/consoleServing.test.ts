// How the API serves the console and its sign-in: the bundle and deep links under a CSP that
// lets only the bundle run, unknown /api paths still a 404 problem, development sign-in issuing
// tokens the API accepts, and no development sign-in with the production auth configuration.
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../api/app';
import { developmentDataConverter } from '../../infra/dataConverter';
import { createLogger } from '../../infra/logger';
import { signInOptions } from '../../api/services/signIn';
import { loadConfig } from '../../infra/config';
import type { Database } from '../../infra/database';
import { PRODUCTION_TEST_PAYLOAD_KEYS } from '../support/payloadKeys';
import { CONSOLE_DIST } from '../../web/ensureBuilt';
import { testSignIn, testVerifier } from '../support/auth';
import { testDatabase, testTemporalAddress } from '../support/env';

let db: Database;
let connection: Connection;
let app: ReturnType<typeof createApp>;
const appWith = (signIn: ReturnType<typeof testSignIn>) =>
  createApp({ db, client: new Client({ connection, dataConverter: developmentDataConverter() }), taskQueue: 'unused', namespace: 'default', temporalUiUrl: 'http://localhost:8233', verify: testVerifier(), signIn, consoleDir: CONSOLE_DIST, ops: { logger: createLogger('silent') } });

beforeAll(async () => {
  db = testDatabase();
  connection = await Connection.connect({ address: testTemporalAddress() });
  app = appWith(testSignIn());
});
afterAll(async () => {
  await connection?.close();
  await db?.$disconnect();
});

it('serves the console at / and at deep links, with a CSP that admits only its own bundle', async () => {
  for (const path of ['/', '/cases/GL-2026-000001', '/sla?from=2026-11-01&to=2026-11-30']) {
    const res = await request(app).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/<div id="root"><\/div>/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'; style-src 'self'/);
  }
  const script = /src="(\/assets\/[^"]+\.js)"/.exec((await request(app).get('/')).text)![1]!;
  const js = await request(app).get(script).expect(200);
  expect(js.headers['content-type']).toMatch(/javascript/);
  expect(js.headers['cache-control']).toMatch(/immutable/);
});

it('keeps the API’s answers for unknown /api paths and missing files', async () => {
  const api = await request(app).get('/api/v1/nowhere').expect(401);
  expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  const asset = await request(app).get('/assets/missing.js').expect(404);
  expect(asset.body).toMatchObject({ type: 'urn:greenlane:problem:not-found' });
  expect(asset.headers['content-security-policy']).toMatch(/default-src 'none'/);
});

it('signs a development user in with a token the API accepts', async () => {
  const options = await request(app).get('/api/v1/sign-in/options').expect(200);
  expect(options.body.oidc).toBeNull();
  expect(options.body.devUsers).toEqual(expect.arrayContaining([{ id: 'xib-approver', name: '郑敏 (厦门国际银行审批)', role: 'credit_approver', bank: 'xib' }]));
  const res = await request(app).post('/api/v1/dev/sign-in').send({ userId: 'xib-approver' }).expect(200);
  expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 43200, user: { id: 'xib-approver', role: 'credit_approver' } });
  await request(app).get('/api/v1/banks').set('authorization', `Bearer ${res.body.token}`).expect(200);

  const unknown = await request(app).post('/api/v1/dev/sign-in').send({ userId: 'root' }).expect(422);
  expect(unknown.body.errors).toEqual([{ field: 'userId', message: "no development user 'root'" }]);
});

it('has no development sign-in with the production auth configuration, and names the OIDC provider', async () => {
  const production = loadConfig({
    GREENLANE_ENV: 'production',
    DATABASE_URL: 'postgresql://greenlane@db/greenlane',
    AUTH_JWKS_URL: 'https://sso.siming.example/jwks',
    AUTH_ISSUER: 'https://sso.siming.example/',
    AUTH_AUDIENCE: 'greenlane-api',
    PAYLOAD_KEYS: PRODUCTION_TEST_PAYLOAD_KEYS,
    OIDC_ISSUER: 'https://sso.siming.example/',
    OIDC_CLIENT_ID: 'greenlane-console',
  });
  const prod = appWith(signInOptions(production));
  const options = await request(prod).get('/api/v1/sign-in/options').expect(200);
  expect(options.body).toEqual({ devUsers: null, oidc: { issuer: 'https://sso.siming.example', clientId: 'greenlane-console', scope: 'openid profile' } });
  const refused = await request(prod).post('/api/v1/dev/sign-in').send({ userId: 'manager' }).expect(404);
  expect(refused.body).toMatchObject({ type: 'urn:greenlane:problem:not-found', status: 404 });
  // The provider's origin may be called from the console (its token endpoint).
  const page = await request(prod).get('/').expect(200);
  expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://sso.siming.example");
});
