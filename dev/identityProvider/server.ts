// The stand-in OpenID provider for machines without Docker (where Compose runs Keycloak):
// oidc-provider, configured from the same realm file. Authorization code only, PKCE required of
// public clients (the console), a client secret of confidential ones (the Temporal UI), and the
// client-credentials grant for clients with a service account (Greenlane's workers and API at
// Temporal). Access tokens are JWTs for the API (its audience, RS256, this provider's JWKS)
// carrying the claims the API reads: name, role, street, bank, community, team, a firm's
// creditCode; and, for clients with the `temporal` scope, the holder's Temporal `permissions`.
import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors } from 'oidc-provider';
import type { Realm } from './realm';
import { loginPage } from './loginPage';

/** The resource indicator of Greenlane's API; every client's access tokens are for it. */
export const API_RESOURCE = 'urn:greenlane:api';
const SCOPES = 'openid profile greenlane';
export const ACCESS_TOKEN_SECONDS = 900;

export interface IdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

/** An RS256 signing key (private JWK with its kid), as a provider keeps it across restarts. */
export function newSigningKey(): JsonWebKey & { kid: string } {
  return { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' } as JsonWebKey & { kid: string };
}

export async function startIdentityProvider(realm: Realm, { host = '127.0.0.1', port = 0, signingKey = newSigningKey() } = {}): Promise<IdentityProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const users = new Map(realm.users.map((u) => [u.sub, u]));
  const claimsOf = (sub: string) => {
    const { password: _password, ...claims } = users.get(sub)!;
    return claims;
  };
  const redirectOrigins = new Map(realm.clients.map((c) => [c.clientId, new Set(c.redirectUris.map((u) => new URL(u).origin))]));
  const temporalClients = new Set(realm.clients.filter((c) => c.scopes.includes('temporal')).map((c) => c.clientId));
  /** Keycloak's `temporal` client scope: the permissions claim, in tokens of the clients that have it. */
  const permissionsOf = (clientId: string, holder: string) => {
    const permissions = temporalClients.has(clientId) ? realm.temporalPermissions[holder] : undefined;
    return permissions ? { permissions } : {};
  };

  const provider = new Provider(issuer, {
    clients: realm.clients.map((c) => ({
      client_id: c.clientId,
      redirect_uris: c.redirectUris,
      ...(c.serviceAccount ? { grant_types: ['client_credentials'], response_types: [] } : { grant_types: ['authorization_code'], response_types: ['code'] }),
      ...(c.public ? { token_endpoint_auth_method: 'none' } : { client_secret: c.secret, token_endpoint_auth_method: 'client_secret_basic' }),
    })),
    scopes: SCOPES.split(' '),
    claims: { openid: ['sub'], profile: ['name'], greenlane: ['role', 'street', 'bank', 'community', 'team', 'creditCode'] },
    findAccount: (_ctx: unknown, sub: string) => (users.has(sub) ? { accountId: sub, claims: () => claimsOf(sub) } : undefined),
    // What the API reads is in the access token itself, as Keycloak's mappers put it there.
    extraTokenClaims: (_ctx: unknown, token: { kind: string; clientId: string; accountId?: string }) => {
      if (token.kind === 'ClientCredentials') return permissionsOf(token.clientId, token.clientId);
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const { sub: _sub, ...claims } = claimsOf(token.accountId);
      return { ...claims, ...permissionsOf(token.clientId, token.accountId) };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return { scope: 'greenlane', audience: realm.audience, accessTokenTTL: ACCESS_TOKEN_SECONDS, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // The console's code exchange is a cross-origin fetch from its own origin.
    clientBasedCORS: (_ctx: unknown, origin: string, client: { clientId: string }) => redirectOrigins.get(client.clientId)?.has(origin) ?? false,
    // First-party clients: signing in is consent (the realm's clients ask for no consent either).
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(SCOPES);
      grant.addResourceScope(API_RESOURCE, 'greenlane');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { AccessToken: ACCESS_TOKEN_SECONDS, ClientCredentials: ACCESS_TOKEN_SECONDS, IdToken: ACCESS_TOKEN_SECONDS, Session: 8 * 3600, Grant: 8 * 3600, Interaction: 600 },
    pkce: { required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
  });
  const oidc = provider.callback();

  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return oidc(req, res);
    signIn(req, res).catch((err: Error) => res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`登录失败 Sign-in failed: ${err.message}`));
  };

  /** The login page of an interaction, and its form's answer: a known user with the right password. */
  async function signIn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { uid, prompt } = await provider.interactionDetails(req, res);
    if (prompt.name !== 'login') throw new Error(`unexpected prompt ${prompt.name}`);
    if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
    const form = new URLSearchParams(await readBody(req));
    const user = users.get(form.get('username') ?? '');
    if (!user || !passwordMatches(user.password, form.get('password') ?? '')) {
      return void res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, true));
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function passwordMatches(expected: string, given: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 4096) throw new Error('form too large');
  }
  return body;
}
