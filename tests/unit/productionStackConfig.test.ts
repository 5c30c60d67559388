// The production topology's generated configs keep to loopback, spread cases over several history
// shards, put Temporal's frontend behind the provider's tokens and the Temporal UI behind the
// provider's sign-in with the API's codec.
import { HISTORY_SHARDS, serverConfig } from '../../dev/productionStack/temporalServer';
import { uiServerConfig } from '../../dev/productionStack/uiServer';

const ports = (base: number) => ({ frontend: base, 'internal-frontend': base + 4, history: base + 1, matching: base + 2, worker: base + 3 });
const db = { url: 'postgresql://greenlane:secret@127.0.0.1:5432/x', name: 'x_temporal' };
const config = () => serverConfig(db, { ...db, name: 'x_visibility' }, { grpc: ports(21000), membership: ports(22000), http: { frontend: 23000, 'internal-frontend': 23002 }, metrics: 23001 }, 'http://127.0.0.1:25000/jwks');

it('binds every Temporal service to loopback, on PostgreSQL with SQL visibility and more than one history shard', () => {
  const c = config();
  expect(Object.values(c.services).map((s) => s.rpc.bindOnIP)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1']);
  expect(c.global.membership.broadcastAddress).toBe('127.0.0.1');
  expect(c.global.metrics.prometheus.listenAddress).toBe('127.0.0.1:23001');
  expect(HISTORY_SHARDS).toBeGreaterThan(1);
  expect(c.persistence).toMatchObject({ numHistoryShards: HISTORY_SHARDS, datastores: { default: { sql: { pluginName: 'postgres12', databaseName: 'x_temporal', password: 'secret' } }, visibility: { sql: { pluginName: 'postgres12', databaseName: 'x_visibility' } } } });
});

it('has the frontend admit only tokens signed with the provider\'s keys, by their permissions claim, and the server\'s own workers use the internal frontend', () => {
  const c = config();
  expect(c.global.authorization).toEqual({ jwtKeyProvider: { keySourceURIs: ['http://127.0.0.1:25000/jwks'], refreshInterval: '1m' }, permissionsClaimName: 'permissions', claimMapper: 'default', authorizer: 'default' });
  expect(c.services['internal-frontend'].rpc).toMatchObject({ grpcPort: 21004, httpPort: 23002 });
  // A publicClient would send the system workers to the authorizing frontend instead.
  expect(c).not.toHaveProperty('publicClient');
});

it('puts the UI on loopback behind the provider\'s sign-in, read-only, decoding through the API with the user\'s token', () => {
  const c = uiServerConfig({ temporalAddress: '127.0.0.1:21000', port: 24000, issuer: 'http://127.0.0.1:25000', clientId: 'temporal-ui', clientSecret: 's', codecEndpoint: 'http://127.0.0.1:26000/codec', namespace: 'default' });
  expect(c.host).toBe('127.0.0.1');
  expect(c.auth).toMatchObject({ enabled: true, providers: [{ providerUrl: 'http://127.0.0.1:25000', clientId: 'temporal-ui', callbackUrl: 'http://127.0.0.1:24000/auth/sso/callback' }] });
  expect(c.codec).toEqual({ endpoint: 'http://127.0.0.1:26000/codec', passAccessToken: true, includeCredentials: false });
  expect(c.disableWriteActions).toBe(true);
  expect(c.cors).toMatchObject({ allowOrigins: ['http://127.0.0.1:24000'], unsafeAllowAllOrigins: false });
});
