// How the console signs in. Development: pick a seeded user and receive a token signed with the
// development key, exactly what `npm run token` mints; never with the production auth
// configuration (404, as if the route did not exist). Production: the console runs the
// organisation's OpenID Connect authorization-code flow with PKCE itself; this only says where.
import express, { Router } from 'express';
import type { Config } from '../../infra/config';
import { DEV_USERS } from '../../infra/devUsers';
import type { Principal } from '../auth/principal';
import { mintDevToken } from '../auth/verifier';
import { Problem, parseOr422, validationProblem } from '../problem';
import { DevSignInBody } from '../schemas';

export interface SignInOptions {
  /** Mints a development token; absent with the production auth configuration. */
  devToken?: (user: Principal) => Promise<string>;
  /** The identity provider the console sends users to. */
  oidc?: { issuer: string; clientId: string; scope: string };
}

const DEV_TOKEN_SECONDS = 12 * 3600;

/** Development sign-in only when tokens are verified with the local development key. */
export function signInOptions(config: Config): SignInOptions {
  const production = config.env === 'production' || config.auth.jwksUrl !== undefined;
  return {
    devToken: production ? undefined : (user) => mintDevToken(config, user, `${DEV_TOKEN_SECONDS}s`),
    oidc: config.oidc,
  };
}

const userView = ({ sub, ...rest }: Principal) => ({ id: sub, ...rest });

/** Public routes, mounted under /api/v1 before authentication. */
export function signInRouter(options: SignInOptions): Router {
  const router = Router();
  router.get('/sign-in/options', (_req, res) => {
    res.json({ devUsers: options.devToken ? DEV_USERS.map(userView) : null, oidc: options.oidc ?? null });
  });
  router.post('/dev/sign-in', express.json({ limit: '4kb', strict: true }), async (req, res) => {
    const devToken = options.devToken;
    if (!devToken) throw new Problem(404, 'not-found', 'Not found', 'Development sign-in is off with the production auth configuration');
    if (!req.is('application/json')) throw new Problem(415, 'unsupported-media-type', 'Send JSON', 'Content-Type must be application/json');
    const { userId } = parseOr422(DevSignInBody, req.body);
    const user = DEV_USERS.find((u) => u.sub === userId);
    if (!user) throw validationProblem([{ field: 'userId', message: `no development user '${userId}'` }]);
    res.json({ token: await devToken(user), tokenType: 'Bearer', expiresIn: DEV_TOKEN_SECONDS, user: userView(user) });
  });
  return router;
}
