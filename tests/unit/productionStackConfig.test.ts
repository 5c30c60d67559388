// The production topology's generated configs keep to loopback, spread cases over several history
// shards and put the Temporal UI behind the provider's sign-in with the API's codec.
import { HISTORY_SHARDS, serverConfig } from '../../dev/productionStack/temporalServer';
import { uiServerConfig } from '../../dev/productionStack/uiServer';

const ports = (base: number) => ({ frontend: base, history: base + 1, matching: base + 2, worker: base + 3 });

it('binds every Temporal service to loopback, on PostgreSQL with SQL visibility and more than one history shard', () => {
  const db = { url: 'postgresql://greenlane:secret@127.0.0.1:5432/x', name: 'x_temporal' };
  const c = serverConfig(db, { ...db, name: 'x_visibility' }, { grpc: ports(21000), membership: ports(22000), http: 23000, metrics: 23001 });
  expect(Object.values(c.services).map((s) => s.rpc.bindOnIP)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1']);
  expect(c.global.membership.broadcastAddress).toBe('127.0.0.1');
  expect(c.global.metrics.prometheus.listenAddress).toBe('127.0.0.1:23001');
  expect(HISTORY_SHARDS).toBeGreaterThan(1);
  expect(c.persistence).toMatchObject({ numHistoryShards: HISTORY_SHARDS, datastores: { default: { sql: { pluginName: 'postgres12', databaseName: 'x_temporal', password: 'secret' } }, visibility: { sql: { pluginName: 'postgres12', databaseName: 'x_visibility' } } } });
});

it('puts the UI on loopback behind the provider\'s sign-in, read-only, decoding through the API with the user\'s token', () => {
  const c = uiServerConfig({ temporalAddress: '127.0.0.1:21000', port: 24000, issuer: 'http://127.0.0.1:25000', clientId: 'temporal-ui', clientSecret: 's', codecEndpoint: 'http://127.0.0.1:26000/codec', namespace: 'default' });
  expect(c.host).toBe('127.0.0.1');
  expect(c.auth).toMatchObject({ enabled: true, providers: [{ providerUrl: 'http://127.0.0.1:25000', clientId: 'temporal-ui', callbackUrl: 'http://127.0.0.1:24000/auth/sso/callback' }] });
  expect(c.codec).toEqual({ endpoint: 'http://127.0.0.1:26000/codec', passAccessToken: true, includeCredentials: false });
  expect(c.disableWriteActions).toBe(true);
  expect(c.cors).toMatchObject({ allowOrigins: ['http://127.0.0.1:24000'], unsafeAllowAllOrigins: false });
});
