// The Keycloak realm (deploy/keycloak/greenlane-realm.json) is the one description of who signs in
// with which role and reach, for Compose's Keycloak and the stand-in provider alike.
import fs from 'node:fs';
import { ROLES } from '../../domain/people';
import { DEV_USERS } from '../../infra/devUsers';
import { loadRealm, REALM_FILE, resolvePlaceholders } from '../../dev/identityProvider/realm';

const env = { GREENLANE_INITIAL_PASSWORD: 'first-Pass-1', TEMPORAL_UI_CLIENT_SECRET: 'ui-secret', GREENLANE_TEMPORAL_CLIENT_SECRET: 'workers-secret' };

it('has the same people, roles and reach as the development users, each with the password from the environment', () => {
  const realm = loadRealm(env);
  expect(realm.users.map(({ password: _p, ...u }) => u)).toEqual(DEV_USERS.map((u) => ({ street: undefined, bank: undefined, community: undefined, team: undefined, creditCode: undefined, ...u })));
  expect(new Set(realm.users.map((u) => u.password))).toEqual(new Set(['first-Pass-1']));
  expect(realm.audience).toBe('greenlane-api');
});

it('defines every role as a realm role and gives each user the role its claim names', () => {
  const raw = JSON.parse(fs.readFileSync(REALM_FILE, 'utf8'));
  expect(raw.roles.realm.map((r: { name: string }) => r.name).sort()).toEqual([...ROLES].sort());
  for (const u of raw.users) expect(u.realmRoles).toEqual(u.attributes.role);
});

it('keeps the console a public PKCE client, the Temporal UI a confidential one, redirecting only to their own callbacks, and Greenlane\'s Temporal client a service account that signs nobody in', () => {
  const raw = JSON.parse(fs.readFileSync(REALM_FILE, 'utf8'));
  const console_ = raw.clients.find((c: { clientId: string }) => c.clientId === 'greenlane-console');
  expect(console_).toMatchObject({ publicClient: true, directAccessGrantsEnabled: false, implicitFlowEnabled: false, attributes: { 'pkce.code.challenge.method': 'S256' } });
  expect(loadRealm({ ...env, GREENLANE_CONSOLE_URL: 'https://greenlane.siming.example', TEMPORAL_UI_URL: 'https://temporal.siming.example' }).clients).toEqual([
    { clientId: 'greenlane-console', public: true, secret: undefined, redirectUris: ['https://greenlane.siming.example/auth/callback'], serviceAccount: false, scopes: ['greenlane', 'profile'] },
    { clientId: 'temporal-ui', public: false, secret: 'ui-secret', redirectUris: ['https://temporal.siming.example/auth/sso/callback'], serviceAccount: false, scopes: ['greenlane', 'profile', 'temporal'] },
    { clientId: 'greenlane-temporal', public: false, secret: 'workers-secret', redirectUris: [], serviceAccount: true, scopes: ['temporal'] },
  ]);
  const workers = raw.clients.find((c: { clientId: string }) => c.clientId === 'greenlane-temporal');
  expect(workers).toMatchObject({ standardFlowEnabled: false, implicitFlowEnabled: false, directAccessGrantsEnabled: false, serviceAccountsEnabled: true });
});

it('lets operators read the namespace at Temporal and Greenlane\'s own client write to it, and nobody else reach it', () => {
  expect(loadRealm(env).temporalPermissions).toEqual({ operator: ['default:read', 'temporal-system:read'], 'greenlane-temporal': ['default:write'] });
  expect(loadRealm({ ...env, TEMPORAL_NAMESPACE: 'siming' }).temporalPermissions).toEqual({ operator: ['siming:read', 'temporal-system:read'], 'greenlane-temporal': ['siming:write'] });
  // Keycloak puts the claim in the access tokens of the clients with the `temporal` scope: the UI and Greenlane's own, not the console.
  const raw = JSON.parse(fs.readFileSync(REALM_FILE, 'utf8'));
  const temporal = raw.clientScopes.find((s: { name: string }) => s.name === 'temporal');
  expect(temporal.protocolMappers).toEqual([expect.objectContaining({ protocolMapper: 'oidc-usermodel-attribute-mapper', config: expect.objectContaining({ 'user.attribute': 'temporal_permissions', 'claim.name': 'permissions', multivalued: 'true', 'access.token.claim': 'true' }) })]);
  expect(raw.clients.filter((c: { defaultClientScopes: string[] }) => c.defaultClientScopes.includes('temporal')).map((c: { clientId: string }) => c.clientId)).toEqual(['temporal-ui', 'greenlane-temporal']);
});

it('resolves placeholders as Keycloak does, and names a required one that is missing', () => {
  expect(resolvePlaceholders('${A}/${B:fallback}', { A: 'x' })).toBe('x/fallback');
  expect(() => loadRealm({ ...env, GREENLANE_INITIAL_PASSWORD: undefined })).toThrow('GREENLANE_INITIAL_PASSWORD is not set');
});
