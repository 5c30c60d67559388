// How the console signs in. Development: pick a seeded user and receive a token signed with the
// development key, exactly what `npm run token` mints; never with the production auth
// configuration (404, as if the route did not exist). Production: the console runs the
// organisation's OpenID Connect authorization-code flow with PKCE itself; this only says where.
import type { Config } from '../../infra/config';
import { DEV_USERS } from '../../infra/devUsers';
import type { Principal } from '../../domain/people';
import { mintDevToken } from '../auth/verifier';
import { Problem, validationProblem } from '../problem';

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

export function signInService(options: SignInOptions) {
  /** The token minter; without one (production auth configuration) the route does not exist: 404. */
  function devToken(): (user: Principal) => Promise<string> {
    if (!options.devToken) throw new Problem(404, 'not-found', 'Not found', 'Development sign-in is off with the production auth configuration');
    return options.devToken;
  }
  return {
    options: () => ({ devUsers: options.devToken ? DEV_USERS.map(userView) : null, oidc: options.oidc ?? null }),
    /** Throws the 404 when development sign-in is off. */
    requireDevSignIn(): void {
      devToken();
    },
    /** A development token for a seeded user; an unknown one is a 422 naming userId. */
    async devSignIn(userId: string) {
      const mint = devToken();
      const user = DEV_USERS.find((u) => u.sub === userId);
      if (!user) throw validationProblem([{ field: 'userId', message: `no development user '${userId}'` }]);
      return { token: await mint(user), tokenType: 'Bearer' as const, expiresIn: DEV_TOKEN_SECONDS, user: userView(user) };
    },
  };
}
