// The API in production mode accepts the provider's tokens only: a real token from another
// provider (same realm, other issuer and keys), one signed with the provider's own key but
// expired, and a real one whose role was edited are all refused with 401. The provider holds the
// console to PKCE and its registered callback; the Temporal UI refuses writes.
import { Client } from '@temporalio/client';
import fs from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT, decodeJwt } from 'jose';
import request from 'supertest';
import { signingKeyFile } from '../../dev/productionStack';
import { freePort, ManagedProcess, tsxEntry, waitFor } from '../../dev/managedProcess';
import { validSimingCode } from '../support/creditCodes';
import { signInWithPassword } from '../../dev/identityProvider/browserSignIn';
import { prod, temporalAs, tokenOf, uiTokenOf } from './stack';

const casesAs = (token: string) => request(prod.apiUrl).get('/api/v1/cases').set('authorization', `Bearer ${token}`);

let other: ManagedProcess;
let otherIssuer: string;

beforeAll(async () => {
  const port = await freePort();
  otherIssuer = `http://127.0.0.1:${port}`;
  const env = { ...process.env, GREENLANE_INITIAL_PASSWORD: prod.password, TEMPORAL_UI_CLIENT_SECRET: 'unused', GREENLANE_TEMPORAL_CLIENT_SECRET: 'unused', GREENLANE_CONSOLE_URL: prod.apiUrl, TEMPORAL_UI_URL: prod.uiUrl, IDP_PORT: String(port) };
  other = new ManagedProcess('other-identity-provider', tsxEntry('dev/identityProvider/main.ts'), env, path.join(prod.runDir, 'logs', 'other-identity-provider.log'), (out) =>
    waitFor(() => out().includes(`issuer ${otherIssuer}`), 60_000, 'the other provider'),
  );
  await other.start();
});

afterAll(async () => {
  await other?.stop();
});

it('accepts a token the provider issued', async () => {
  const res = await casesAs(await tokenOf('manager'));
  expect(res.status).toBe(200);
});

it('refuses a token from another issuer, though its user, claims and audience are the same', async () => {
  const token = await signInWithPassword({ issuer: otherIssuer, clientId: 'greenlane-console', redirectUri: `${prod.apiUrl}/auth/callback`, username: 'manager', password: prod.password });
  expect(decodeJwt(token)).toMatchObject({ iss: otherIssuer, sub: 'manager', role: 'manager', aud: 'greenlane-api' });
  const res = await casesAs(token);
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ type: 'urn:greenlane:problem:unauthenticated', detail: 'The token is invalid, expired, or not for this API' });
});

it('refuses an expired token signed with the provider\'s own key', async () => {
  const jwk = JSON.parse(fs.readFileSync(signingKeyFile(prod.runDir), 'utf8'));
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ name: '李红 (管理者)', role: 'manager', client_id: 'greenlane-console', scope: 'greenlane' })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' })
    .setIssuer(prod.issuer)
    .setAudience('greenlane-api')
    .setSubject('manager')
    .setIssuedAt(now - 1200)
    .setExpirationTime(now - 300)
    .sign(await importJWK(jwk, 'RS256'));
  expect((await casesAs(expired)).status).toBe(401);
});

it('refuses a real token whose role claim was changed to another role', async () => {
  const [header, payload, signature] = (await tokenOf('xib-manager')).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = [header, Buffer.from(JSON.stringify({ ...claims, role: 'credit_approver' })).toString('base64url'), signature].join('.');
  expect((await casesAs(forged)).status).toBe(401);
  // The untouched token still works: only the edit was refused.
  expect((await casesAs([header, payload, signature].join('.'))).status).toBe(200);
});

it('sends the console back without a code when it asks without PKCE, and never to an address it did not register', async () => {
  const authorize = (params: Record<string, string>) =>
    fetch(`${prod.issuer}/auth?${new URLSearchParams({ client_id: 'greenlane-console', response_type: 'code', scope: 'openid profile greenlane', state: 's1', ...params })}`, { redirect: 'manual' });
  const noPkce = await authorize({ redirect_uri: `${prod.apiUrl}/auth/callback` });
  const back = new URL(noPkce.headers.get('location') ?? '', prod.issuer);
  expect(`${back.origin}${back.pathname}`).toBe(`${prod.apiUrl}/auth/callback`);
  expect(back.searchParams.get('error')).toBe('invalid_request');
  expect(back.searchParams.get('error_description')).toBe('Authorization Server policy requires PKCE to be used for this request');
  expect(back.searchParams.has('code')).toBe(false);

  const elsewhere = await authorize({ redirect_uri: 'http://127.0.0.1:9/steal', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' });
  expect(elsewhere.status).toBe(400);
  expect(elsewhere.headers.get('location')).toBeNull();
});

it('has the Temporal UI refuse every write, even with a token it cannot check: case actions go through the API', async () => {
  const created = await request(prod.apiUrl)
    .post('/api/v1/cases')
    .set('authorization', `Bearer ${await tokenOf('lujiang-officer')}`)
    .send({ firmName: '厦门鹭江界面只读测试有限公司', creditCode: validSimingCode('MA4PRD4D'), street: 'lujiang', bank: 'xib', amount: '600000.00', purpose: '流动资金' })
    .expect(201);
  const workflowId = `case-${created.body.id}`;
  // The UI server passes any bearer token on unchecked, to Temporal's authorizer; writes stop at the UI server itself.
  const terminate = await fetch(`${prod.uiUrl}/api/v1/namespaces/default/workflows/${workflowId}/terminate`, {
    method: 'POST',
    headers: { authorization: 'Bearer made-up', cookie: '_csrf=t', 'x-csrf-token': 't', 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'abuse' }),
  });
  expect(terminate.status).toBe(405);
  const connection = await temporalAs(await uiTokenOf('operator'));
  try {
    expect((await new Client({ connection }).workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
  } finally {
    await connection.close();
  }
});
