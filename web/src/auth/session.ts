// The signed-in user: the bearer token (session storage: gone with the tab) and its claims.
// The API verifies the token; the console reads the claims only to choose screens.
import type { Role } from '../../../domain/people';

export interface SessionUser {
  sub: string;
  name: string;
  role: Role;
  street?: string;
  bank?: string;
  /** A visiting team member's team and community, a community coordinator's community. */
  team?: string;
  community?: string;
}

const TOKEN_KEY = 'greenlane.token';
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The claims of the current token, or null when there is none or it has expired. */
export function currentUser(): SessionUser | null {
  const token = currentToken();
  if (!token) return null;
  try {
    const payload = JSON.parse(new TextDecoder().decode(base64UrlDecode(token.split('.')[1] ?? ''))) as SessionUser & { exp?: number };
    if (payload.exp !== undefined && payload.exp * 1000 < Date.now()) return null;
    return { sub: payload.sub, name: payload.name, role: payload.role, street: payload.street, bank: payload.bank, team: payload.team, community: payload.community };
  } catch {
    return null;
  }
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  listeners.forEach((l) => l());
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function base64UrlDecode(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
