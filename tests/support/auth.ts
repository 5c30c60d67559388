import { createVerifier, mintDevToken } from '../../api/auth/verifier';
import type { Principal } from '../../domain/people';
import { signInOptions } from '../../api/services/signIn';
import { loadConfig } from '../../infra/config';
import { DEV_USERS } from '../../infra/devUsers';

const config = () => loadConfig({ ...process.env, GREENLANE_ENV: 'test' });

export const testVerifier = () => createVerifier(config());
/** Development sign-in on, as with the embedded default. */
export const testSignIn = () => signInOptions(config());

/** `Authorization` header value for a seeded development user. */
export async function bearer(sub: string): Promise<string> {
  const user = DEV_USERS.find((u) => u.sub === sub);
  if (!user) throw new Error(`no development user ${sub}`);
  return bearerAs(user);
}

/** `Authorization` header value for any principal, e.g. staff a test adds to the directory. */
export async function bearerAs(p: Principal): Promise<string> {
  return `Bearer ${await mintDevToken(config(), p)}`;
}
