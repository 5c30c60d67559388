// Signs a user in at an OpenID provider the way a browser does, over plain HTTP: the console's
// own authorization-code + PKCE code (web/src/auth/pkce.ts) starts and finishes the flow, and the
// provider's login form is filled in between (cookies kept, redirects followed by hand).
import { beginSignIn, completeSignIn, type PendingStore } from '../../web/src/auth/pkce';

class CookieJar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  named(pattern: RegExp): Array<[string, string]> {
    return [...this.cookies].filter(([k]) => pattern.test(k));
  }
  keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
}

function memoryStore(): PendingStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/** Follows redirects by hand until one leaves for `stopAt` (returned) or a page answers (returned). */
async function follow(jar: CookieJar, url: string, init: RequestInit, stopAt: string): Promise<{ url: string; res?: Response }> {
  let next = url;
  let request = init;
  for (let hops = 0; hops < 10; hops++) {
    if (next.startsWith(stopAt)) return { url: next };
    const res = await fetch(next, { ...request, redirect: 'manual', headers: { ...(request.headers as Record<string, string>), cookie: jar.header() } });
    jar.keep(res);
    const location = res.headers.get('location');
    if (!location || res.status < 300 || res.status >= 400) return { url: next, res };
    next = new URL(location, next).toString();
    request = {};
  }
  throw new Error(`too many redirects from ${url}`);
}

export interface SignInRequest {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope?: string;
  username: string;
  password: string;
}

/** The access token the provider hands the client after the user signs in with a password. */
export async function signInWithPassword(r: SignInRequest): Promise<string> {
  const store = memoryStore();
  const jar = new CookieJar();
  const authorize = await beginSignIn({ issuer: r.issuer, clientId: r.clientId, scope: r.scope ?? 'openid profile greenlane' }, r.redirectUri, store);
  const login = await follow(jar, authorize, {}, r.redirectUri);
  if (!login.res) throw new Error(`the provider redirected to ${login.url} without asking for a password`);
  const form = new URLSearchParams({ username: r.username, password: r.password });
  const action = new URL(/action="([^"]+)"/.exec(await login.res.text())?.[1] ?? '', login.url).toString();
  const back = await follow(jar, action, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, r.redirectUri);
  if (back.res) throw new Error(`sign-in of ${r.username} refused: HTTP ${back.res.status}`);
  return completeSignIn(new URL(back.url).search, store);
}

/**
 * Signs a user in to Temporal's UI server the way a browser does (its `/auth/sso`, the provider's
 * login form, its callback) and answers the access token the UI then sends with each call: the
 * UI server hands it to the page in its `user<N>` cookies (base64 JSON, split at 4000 characters).
 */
export async function signInToTemporalUi(r: { uiUrl: string; username: string; password: string }): Promise<string> {
  const jar = new CookieJar();
  const login = await follow(jar, `${r.uiUrl}/auth/sso`, {}, 'about:');
  if (!login.res) throw new Error('the UI sent the browser nowhere');
  const form = new URLSearchParams({ username: r.username, password: r.password });
  const action = new URL(/action="([^"]+)"/.exec(await login.res.text())?.[1] ?? '', login.url).toString();
  const back = await follow(jar, action, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 'about:');
  if (!back.url.startsWith(r.uiUrl)) throw new Error(`sign-in of ${r.username} to the UI refused: HTTP ${back.res?.status} at ${back.url}`);
  const parts = jar.named(/^user\d+$/).sort(([a], [b]) => Number(a.slice(4)) - Number(b.slice(4)));
  return (JSON.parse(Buffer.from(decodeURIComponent(parts.map(([, v]) => v).join('')), 'base64').toString()) as { AccessToken: string }).AccessToken;
}
