import { ConfigError, loadConfig } from '../../infra/config';
import { DEVELOPMENT_PAYLOAD_KEYS } from '../../infra/payloadCodec';
import { PRODUCTION_TEST_PAYLOAD_KEYS } from '../support/payloadKeys';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      databaseUrl: undefined,
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'greenlane-cases', uiPort: 8233 },
      api: { host: '127.0.0.1', port: 3000 },
    });
  });

  it.each([
    [{ API_PORT: 'eighty' }, 'API_PORT'],
    [{ API_PORT: '70000' }, 'API_PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS'],
    [{ GREENLANE_ENV: 'staging' }, 'GREENLANE_ENV'],
  ])('stops on %j, naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('requires a real database and identity provider in production', () => {
    expect(() => loadConfig({ GREENLANE_ENV: 'production' })).toThrow(/DATABASE_URL: required when GREENLANE_ENV=production\n  AUTH_JWKS_URL: required/);
  });

  const production = { GREENLANE_ENV: 'production', DATABASE_URL: 'postgresql://greenlane@db/greenlane', AUTH_JWKS_URL: 'https://sso.siming.example/jwks', AUTH_ISSUER: 'https://sso.siming.example/', AUTH_AUDIENCE: 'greenlane-api', PAYLOAD_KEYS: PRODUCTION_TEST_PAYLOAD_KEYS };

  it('runs in production with explicit identity provider settings, accepting tokens at most an hour old', () => {
    expect(loadConfig(production).auth).toMatchObject({ issuer: 'https://sso.siming.example/', audience: 'greenlane-api', maxTokenAgeSeconds: 3600 });
    expect(loadConfig({ ...production, AUTH_MAX_TOKEN_AGE_S: '900' }).auth.maxTokenAgeSeconds).toBe(900);
  });

  it.each([
    ['no AUTH_ISSUER', { AUTH_ISSUER: undefined }, /AUTH_ISSUER: required when GREENLANE_ENV=production/],
    ['no AUTH_AUDIENCE', { AUTH_AUDIENCE: undefined }, /AUTH_AUDIENCE: required when GREENLANE_ENV=production/],
    ['a plain-http key set', { AUTH_JWKS_URL: 'http://sso.siming.example/jwks' }, /AUTH_JWKS_URL: must be https \(http only on loopback or a host in AUTH_PLAIN_HTTP_HOSTS\)/],
    ['no payload keys', { PAYLOAD_KEYS: undefined }, /PAYLOAD_KEYS: required when GREENLANE_ENV=production/],
    ['the published development key', { PAYLOAD_KEYS: `new:${'A'.repeat(43)}=,${DEVELOPMENT_PAYLOAD_KEYS}` }, /PAYLOAD_KEYS: the published development key is not allowed/],
    ['a 16-byte key', { PAYLOAD_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }, /PAYLOAD_KEYS: key 'k1' is 16 bytes; AES-256 needs 32/],
    ['a key without an id', { PAYLOAD_KEYS: Buffer.alloc(32).toString('base64') }, /PAYLOAD_KEYS: entry 1 is not keyId:base64/],
    ['a key id listed twice', { PAYLOAD_KEYS: `${PRODUCTION_TEST_PAYLOAD_KEYS},${PRODUCTION_TEST_PAYLOAD_KEYS}` }, /PAYLOAD_KEYS: key id '2026-11' is listed twice/],
    ['a codec origin with a path', { CODEC_CORS_ORIGINS: 'https://temporal.siming.example/ui' }, /CODEC_CORS_ORIGINS: 'https:\/\/temporal.siming.example\/ui' is not an origin/],
    ['a plain-http sign-in provider', { OIDC_ISSUER: 'http://sso.siming.example/', OIDC_CLIENT_ID: 'greenlane-console' }, /OIDC_ISSUER: must be https/],
    ['a plain-http token endpoint for Temporal', { TEMPORAL_OAUTH_TOKEN_URL: 'http://sso.siming.example/token', TEMPORAL_OAUTH_CLIENT_ID: 'greenlane-temporal', TEMPORAL_OAUTH_CLIENT_SECRET: 's' }, /TEMPORAL_OAUTH_TOKEN_URL: must be https/],
    ['a Temporal client without its secret', { TEMPORAL_OAUTH_TOKEN_URL: 'https://sso.siming.example/token', TEMPORAL_OAUTH_CLIENT_ID: 'greenlane-temporal' }, /set all three \(tokens for Temporal\) or none/],
  ])('refuses production with %s', (_label, change, message) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(message);
  });

  it('asks for a Temporal token only when told where and as whom (npm start and the dev server send none)', () => {
    expect(loadConfig(production).temporal.oauth).toBeUndefined();
    const oauth = { TEMPORAL_OAUTH_TOKEN_URL: 'https://sso.siming.example/token', TEMPORAL_OAUTH_CLIENT_ID: 'greenlane-temporal', TEMPORAL_OAUTH_CLIENT_SECRET: 's3cret' };
    expect(loadConfig({ ...production, ...oauth }).temporal.oauth).toEqual({ tokenUrl: 'https://sso.siming.example/token', clientId: 'greenlane-temporal', clientSecret: 's3cret' });
  });

  it('accepts an http identity provider on loopback (a test or a local Keycloak)', () => {
    expect(loadConfig({ ...production, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).auth.jwksUrl).toBe('http://127.0.0.1:8080/jwks');
  });

  it('accepts http from a host named in AUTH_PLAIN_HTTP_HOSTS only (Compose\'s private network)', () => {
    const keycloak = { ...production, AUTH_JWKS_URL: 'http://keycloak:8080/realms/greenlane/protocol/openid-connect/certs' };
    expect(loadConfig({ ...keycloak, AUTH_PLAIN_HTTP_HOSTS: 'keycloak' }).auth.jwksUrl).toBe(keycloak.AUTH_JWKS_URL);
    expect(() => loadConfig(keycloak)).toThrow(/AUTH_JWKS_URL: must be https/);
    expect(() => loadConfig({ ...keycloak, AUTH_PLAIN_HTTP_HOSTS: 'keycloak.evil' })).toThrow(/AUTH_JWKS_URL: must be https/);
    expect(() => loadConfig({ ...keycloak, AUTH_PLAIN_HTTP_HOSTS: 'keycloak, *' })).toThrow(/AUTH_PLAIN_HTTP_HOSTS: expected host names/);
  });

  it('refuses development bound to another machine: its sign-in hands out any role', () => {
    expect(() => loadConfig({ API_HOST: '0.0.0.0' })).toThrow(/API_HOST: 0.0.0.0 is not loopback; development sign-in hands out tokens for any role/);
    expect(loadConfig({ API_HOST: '::1' }).api.host).toBe('::1');
    expect(loadConfig({ ...production, API_HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
  });

  it('seals payloads with the first listed key; development uses the published one; the codec answers the UI\'s origin', () => {
    expect(loadConfig({ ...production, PAYLOAD_KEYS: `${PRODUCTION_TEST_PAYLOAD_KEYS},old:${Buffer.alloc(32, 1).toString('base64')}` }).payloadKeys.map((k) => k.id)).toEqual(['2026-11', 'old']);
    expect(loadConfig({}).payloadKeys.map((k) => k.id)).toEqual(['dev-1']);
    expect(loadConfig({}).codec.corsOrigins).toEqual(['http://localhost:8233']);
    expect(loadConfig({ ...production, TEMPORAL_UI_URL: 'https://temporal.siming.example/' }).codec.corsOrigins).toEqual(['https://temporal.siming.example']);
    expect(loadConfig({ CODEC_CORS_ORIGINS: 'https://a.example, http://127.0.0.1:8233' }).codec.corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:8233']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ API_PORT: '' }).api.port).toBe(3000);
  });
});
