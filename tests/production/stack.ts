// What the production project's tests know of the stack globalSetup started, and how its users
// get their tokens: signing in at the provider with the console's authorization code + PKCE, or
// to the Temporal UI, whose tokens alone carry an operator's Temporal permission.
import { Connection } from '@temporalio/client';
import { signInToTemporalUi, signInWithPassword } from '../../dev/identityProvider/browserSignIn';

const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with --selectProjects production`);
  return value;
};

export const prod = {
  apiUrl: need('GREENLANE_PROD_API_URL'),
  uiUrl: need('GREENLANE_PROD_UI_URL'),
  issuer: need('GREENLANE_PROD_ISSUER'),
  temporalAddress: need('GREENLANE_PROD_TEMPORAL_ADDRESS'),
  databaseUrl: need('GREENLANE_PROD_DATABASE_URL'),
  password: need('GREENLANE_PROD_PASSWORD'),
  runDir: need('GREENLANE_PROD_RUN_DIR'),
};

const tokens = new Map<string, Promise<string>>();

/** A user's access token from the provider, through the console's client (one sign-in per user and file). */
export function tokenOf(username: string): Promise<string> {
  if (!tokens.has(username)) {
    tokens.set(username, signInWithPassword({ issuer: prod.issuer, clientId: 'greenlane-console', redirectUri: `${prod.apiUrl}/auth/callback`, username, password: prod.password }));
  }
  return tokens.get(username)!;
}

export const bearerOf = async (username: string) => `Bearer ${await tokenOf(username)}`;

const uiTokens = new Map<string, Promise<string>>();

/** The access token the Temporal UI holds for a user signed in to it (one sign-in per user and file). */
export function uiTokenOf(username: string): Promise<string> {
  if (!uiTokens.has(username)) uiTokens.set(username, signInToTemporalUi({ uiUrl: prod.uiUrl, username, password: prod.password }));
  return uiTokens.get(username)!;
}

/** A connection to Temporal's frontend sending `token` as its bearer token (none: no Authorization header); lazy, so a refused token fails the call, not the connection. */
export const temporalAs = (token?: string) => Connection.lazy({ address: prod.temporalAddress, ...(token ? { apiKey: token, tls: false } : {}) });
