// The codec server Temporal UI calls (api/codecServer.ts), over real HTTP: the protocol's round
// trip, who may decode in production and in development, CORS for the UI's origin, and the audit
// row every decode leaves.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { createApp } from '../../api/app';
import { CODEC_ROLES } from '../../api/codecServer';
import type { Role } from '../../domain/people';
import { developmentDataConverter } from '../../infra/dataConverter';
import { DEV_USERS } from '../../infra/devUsers';
import { createLogger } from '../../infra/logger';
import { AesGcmPayloadCodec, DEVELOPMENT_PAYLOAD_KEYS, parsePayloadKeys } from '../../infra/payloadCodec';
import { bearer, testVerifier } from '../support/auth';
import { testDatabase, testTemporalAddress } from '../support/env';

const UI = 'http://localhost:8233';
const keys = parsePayloadKeys(DEVELOPMENT_PAYLOAD_KEYS);
const db = testDatabase();
const namespace = `codec-test-${Date.now().toString(36)}`;
let connection: Connection;
const servers: http.Server[] = [];

/** The API with its codec server, listening on `host`; answers its base URL. */
async function serve(development: boolean, host = '127.0.0.1'): Promise<string> {
  const app = createApp({
    db,
    client: new Client({ connection, dataConverter: developmentDataConverter() }),
    taskQueue: 'unused',
    namespace: 'default',
    temporalUiUrl: UI,
    verify: testVerifier(),
    ops: { logger: createLogger('silent') },
    codec: { keys, corsOrigins: [UI], development },
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

let production: string;
let development: string;
beforeAll(async () => {
  connection = await Connection.connect({ address: testTemporalAddress() });
  [production, development] = await Promise.all([serve(false), serve(true)]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await connection.close();
  await db.$disconnect();
});

const FIRM = { firmName: '厦门鹭江解码测试有限公司', creditCode: '91350203MA2Y4ELK3B' };
const asJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

async function call(base: string, endpoint: 'encode' | 'decode', payloads: object[], headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/codec/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': namespace, origin: UI, ...headers },
    body: JSON.stringify({ payloads }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[]; detail?: string } };
}
const as = async (sub: string) => ({ authorization: await bearer(sub) });

it('decodes what the workers sealed into the JSON Temporal UI shows, and encodes back', async () => {
  const [sealed] = await new AesGcmPayloadCodec(keys).encode([defaultPayloadConverter.toPayload(FIRM)]);
  const decoded = await call(production, 'decode', [asJson(sealed)], await as('operator'));
  expect(decoded.status).toBe(200);
  expect(decoded.headers.get('access-control-allow-origin')).toBe(UI);
  const [plain] = decoded.body.payloads;
  expect(Buffer.from(plain.metadata.encoding, 'base64').toString()).toBe('json/plain');
  expect(JSON.parse(Buffer.from(plain.data, 'base64').toString())).toEqual(FIRM);

  const encoded = await call(production, 'encode', [plain], await as('task-force'));
  expect(encoded.status).toBe(200);
  expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
  expect(Buffer.from(encoded.body.payloads[0].data, 'base64').toString('latin1')).not.toContain(FIRM.creditCode);
  const again = await call(production, 'decode', encoded.body.payloads, await as('task-force'));
  expect(again.body.payloads).toEqual([plain]);
});

it('records every decode before answering it: who, which namespace, how many payloads', async () => {
  const payloads = (await new AesGcmPayloadCodec(keys).encode([defaultPayloadConverter.toPayload(FIRM), defaultPayloadConverter.toPayload('x')])).map(asJson);
  const before = await db.auditEntry.count({ where: { action: 'PAYLOADS_DECODED', subject: `namespace:${namespace}` } });
  expect((await call(production, 'decode', payloads, await as('operator'))).status).toBe(200);
  expect((await call(development, 'decode', payloads.slice(0, 1))).status).toBe(200);
  const rows = await db.auditEntry.findMany({ where: { action: 'PAYLOADS_DECODED', subject: `namespace:${namespace}` }, orderBy: { id: 'asc' }, skip: before });
  expect(rows.map((r) => [r.actor, r.after])).toEqual([
    ['operator', expect.objectContaining({ role: 'operator', payloads: 2, origin: UI })],
    ['development-loopback', expect.objectContaining({ role: null, payloads: 1 })],
  ]);
  // A refused call decodes nothing and records nothing.
  expect((await call(production, 'decode', payloads, await as('manager'))).status).toBe(403);
  expect(await db.auditEntry.count({ where: { action: 'PAYLOADS_DECODED', subject: `namespace:${namespace}` } })).toBe(before + 2);
});

// One development user per role: only operators and the task force may decode, in both modes.
const ONE_PER_ROLE = [...new Map(DEV_USERS.map((u) => [u.role, u.sub])).entries()] as [Role, string][];
describe.each([
  ['production', () => production],
  ['development', () => development],
])('%s', (_mode, base) => {
  it.each(ONE_PER_ROLE)('lets %s (%s) decode only if operator or task force', async (role, sub) => {
    const res = await call(base(), 'decode', [], await as(sub));
    expect(res.status).toBe(CODEC_ROLES.includes(role) ? 200 : 403);
  });

  it('refuses a token that does not verify', async () => {
    expect((await call(base(), 'decode', [], { authorization: 'Bearer a.b.c' })).status).toBe(401);
  });
});

it('asks for a token in production, even from this machine', async () => {
  const res = await call(production, 'decode', []);
  expect(res.status).toBe(401);
  expect(res.body.detail).toMatch(/TEMPORAL_CODEC_PASS_ACCESS_TOKEN/);
});

it('lets a request without a token in only in development and only from loopback', async () => {
  expect((await call(development, 'decode', [])).status).toBe(200);
  const address = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  if (!address) throw new Error('this test needs a non-loopback IPv4 interface to call from');
  const reachable = await serve(true, address);
  expect((await call(reachable, 'decode', [])).status).toBe(401);
  expect((await call(reachable, 'decode', [], await as('operator'))).status).toBe(200);
});

it('answers the UI origin\'s preflight, and no other origin\'s', async () => {
  const preflight = (origin: string) =>
    fetch(`${production}/codec/decode`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization,authorization-extras' } });
  const ok = await preflight(UI);
  expect(ok.status).toBe(204);
  expect(ok.headers.get('access-control-allow-origin')).toBe(UI);
  expect(ok.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['content-type', 'x-namespace', 'authorization', 'authorization-extras']));
  const other = await preflight('https://evil.example');
  expect(other.status).toBe(403);
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});

it('refuses malformed requests with a precise problem', async () => {
  const operator = await as('operator');
  const noNamespace = await call(production, 'decode', [], { ...operator, 'x-namespace': '' });
  expect([noNamespace.status, noNamespace.body.detail]).toEqual([422, 'X-Namespace: the namespace of the payloads is required']);
  const notBase64 = await call(production, 'decode', [{ metadata: { encoding: '*' }, data: '' }], operator);
  expect(notBase64.status).toBe(422);
  const [sealed] = await new AesGcmPayloadCodec(parsePayloadKeys(`gone:${Buffer.alloc(32, 9).toString('base64')}`)).encode([defaultPayloadConverter.toPayload(FIRM)]);
  const unknownKey = await call(production, 'decode', [asJson(sealed)], operator);
  expect([unknownKey.status, unknownKey.body.detail]).toEqual([422, "payload sealed with key 'gone', which PAYLOAD_KEYS does not list (listed: dev-1)"]);
});
