// OpenID Connect sign-in for a public browser client: authorization code with PKCE (RFC 7636,
// S256). The verifier and state live in session storage between the redirect and the callback;
// the access token from the provider is the API's bearer token (issuer/audience as configured).

export interface OidcClient {
  issuer: string;
  clientId: string;
  scope: string;
}

/** Where the verifier waits for the callback: sessionStorage in the browser. */
export interface PendingStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const PENDING_KEY = 'greenlane.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier: 32 random bytes, base64url (43 characters of the unreserved set). */
export function randomVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier. */
export async function challengeS256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function authorizationUrl(endpoint: string, p: { clientId: string; redirectUri: string; scope: string; state: string; challenge: string }): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: p.scope,
    state: p.state,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export async function discover(issuer: string, fetchFn: typeof fetch = fetch): Promise<Discovery> {
  const res = await fetchFn(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`OpenID configuration of ${issuer}: HTTP ${res.status}`);
  return (await res.json()) as Discovery;
}

/** Starts the flow: remembers verifier and state, then returns where to send the browser. */
export async function beginSignIn(client: OidcClient, redirectUri: string, storage: PendingStore, fetchFn: typeof fetch = fetch): Promise<string> {
  const { authorization_endpoint, token_endpoint } = await discover(client.issuer, fetchFn);
  const verifier = randomVerifier();
  const state = randomVerifier();
  storage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, redirectUri, tokenEndpoint: token_endpoint, clientId: client.clientId }));
  return authorizationUrl(authorization_endpoint, { clientId: client.clientId, redirectUri, scope: client.scope, state, challenge: await challengeS256(verifier) });
}

/** Finishes the flow on the callback: checks the state, exchanges the code for the access token. */
export async function completeSignIn(search: string, storage: PendingStore, fetchFn: typeof fetch = fetch): Promise<string> {
  const params = new URLSearchParams(search);
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (params.get('error')) throw new Error(`${params.get('error')}: ${params.get('error_description') ?? ''}`);
  if (!raw) throw new Error('No sign-in in progress');
  const pending = JSON.parse(raw) as { verifier: string; state: string; redirectUri: string; tokenEndpoint: string; clientId: string };
  const code = params.get('code');
  if (!code || params.get('state') !== pending.state) throw new Error('The sign-in answer does not match the request (state)');
  const res = await fetchFn(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier }).toString(),
  });
  if (!res.ok) throw new Error(`Token endpoint: HTTP ${res.status}`);
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('The token endpoint sent no access token');
  return body.access_token;
}
