// Production authentication: tokens from the organisation's identity provider,
// verified against its JWKS (served here by a real HTTP server on loopback).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createVerifier } from '../../api/auth/verifier';
import { loadConfig } from '../../infra/config';
import { PRODUCTION_TEST_PAYLOAD_KEYS } from '../support/payloadKeys';

let server: http.Server;
let privateKey: KeyLike;
let verify: ReturnType<typeof createVerifier>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verify = createVerifier(
    loadConfig({
      GREENLANE_ENV: 'production',
      DATABASE_URL: 'postgresql://greenlane@127.0.0.1/greenlane',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_ISSUER: 'https://idp.siming.example',
      AUTH_AUDIENCE: 'greenlane-api',
      PAYLOAD_KEYS: PRODUCTION_TEST_PAYLOAD_KEYS,
    }),
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const token = (claims: Record<string, unknown>, opts: { audience?: string; expiresIn?: string; issuedAt?: number; key?: KeyLike | Uint8Array; alg?: string } = {}) =>
  new SignJWT({ name: '王磊', role: 'customer_manager', bank: 'xib', ...claims })
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: 'idp-key-1' })
    .setSubject('xib-manager')
    .setIssuer('https://idp.siming.example')
    .setAudience(opts.audience ?? 'greenlane-api')
    .setIssuedAt(opts.issuedAt)
    .setExpirationTime(opts.expiresIn ?? '5m')
    .sign(opts.key ?? privateKey);

it("accepts the identity provider's token and reads the principal from it", async () => {
  expect(await verify(await token({}))).toEqual({ sub: 'xib-manager', name: '王磊', role: 'customer_manager', bank: 'xib' });
});

it('rejects a token for another audience, an expired one, an unknown role and a locally signed one', async () => {
  await expect(verify(await token({}, { audience: 'another-api' }))).rejects.toThrow();
  await expect(verify(await token({}, { expiresIn: '-1m' }))).rejects.toThrow();
  await expect(verify(await token({ role: 'superuser' }))).rejects.toThrow();
  const devKey = new TextEncoder().encode('a development secret that is long enough!!');
  await expect(verify(await token({}, { alg: 'HS256', key: devKey }))).rejects.toThrow();
});

it('rejects a token issued longer ago than production allows (an hour), even one that has not expired', async () => {
  const twoHoursAgo = Math.floor(Date.now() / 1000) - 2 * 3600;
  await expect(verify(await token({}, { issuedAt: twoHoursAgo, expiresIn: '1d' }))).rejects.toThrow(/"iat" claim timestamp check failed/);
  await expect(verify(await token({}, { issuedAt: twoHoursAgo + 3600 + 120, expiresIn: '1d' }))).resolves.toMatchObject({ sub: 'xib-manager' });
});
