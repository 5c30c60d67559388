import { ConfigError, loadConfig } from '../../infra/config';

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

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ API_PORT: '' }).api.port).toBe(3000);
  });
});
