// The console's OpenID Connect helpers (web/src/auth/pkce.ts): RFC 7636's S256 vector, the
// authorization request, and the callback's state check and code exchange. The provider is a
// stand-in fetch here; no real identity provider is exercised.
import { authorizationUrl, beginSignIn, challengeS256, completeSignIn, randomVerifier } from '../../web/src/auth/pkce';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const ISSUER = 'https://sso.siming.example';
const DISCOVERY = { authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token` };

function provider(tokenAnswer: object = { access_token: 'header.payload.signature', token_type: 'Bearer' }) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const body = url.endsWith('/.well-known/openid-configuration') ? DISCOVERY : tokenAnswer;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe('PKCE helpers', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, different each time', () => {
    const a = randomVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomVerifier()).not.toBe(a);
  });

  it('asks for a code with the S256 challenge', () => {
    const url = new URL(authorizationUrl(DISCOVERY.authorization_endpoint, { clientId: 'greenlane-console', redirectUri: 'https://greenlane.example/auth/callback', scope: 'openid profile', state: 's1', challenge: 'c1' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'greenlane-console',
      redirect_uri: 'https://greenlane.example/auth/callback',
      scope: 'openid profile',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });
});

describe('the sign-in round trip', () => {
  const client = { issuer: ISSUER, clientId: 'greenlane-console', scope: 'openid profile' };
  const redirect = 'https://greenlane.example/auth/callback';

  it('exchanges the code with the verifier whose challenge it sent, and returns the access token', async () => {
    const storage = new MemoryStorage();
    const { calls, fetchFn } = provider();
    const authorize = new URL(await beginSignIn(client, redirect, storage, fetchFn));
    expect(authorize.origin + authorize.pathname).toBe(DISCOVERY.authorization_endpoint);
    const state = authorize.searchParams.get('state')!;

    const token = await completeSignIn(`?code=abc&state=${state}`, storage, fetchFn);
    expect(token).toBe('header.payload.signature');
    const exchange = calls.find((c) => c.url === DISCOVERY.token_endpoint)!;
    const form = new URLSearchParams(String(exchange.init!.body));
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'authorization_code', code: 'abc', redirect_uri: redirect, client_id: 'greenlane-console' });
    expect(await challengeS256(form.get('code_verifier')!)).toBe(authorize.searchParams.get('code_challenge'));
  });

  it('refuses an answer whose state does not match, and a replayed callback', async () => {
    const storage = new MemoryStorage();
    const { calls, fetchFn } = provider();
    await beginSignIn(client, redirect, storage, fetchFn);
    await expect(completeSignIn('?code=abc&state=forged', storage, fetchFn)).rejects.toThrow(/state/);
    await expect(completeSignIn('?code=abc&state=forged', storage, fetchFn)).rejects.toThrow(/No sign-in in progress/);
    expect(calls.some((c) => c.url === DISCOVERY.token_endpoint)).toBe(false);
  });

  it('reports the provider’s error and a token answer without an access token', async () => {
    const storage = new MemoryStorage();
    await expect(completeSignIn('?error=access_denied&error_description=denied', storage)).rejects.toThrow(/access_denied/);
    const { fetchFn } = provider({ id_token: 'x' });
    const state = new URL(await beginSignIn(client, redirect, storage, fetchFn)).searchParams.get('state');
    await expect(completeSignIn(`?code=abc&state=${state}`, storage, fetchFn)).rejects.toThrow(/no access token/);
  });
});
