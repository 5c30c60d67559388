// The Keycloak realm that docker-compose imports (deploy/keycloak/greenlane-realm.json), read as
// the stand-in OpenID provider's configuration: one file says who the users are, their roles and
// reach, and which clients may sign them in, for both providers.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Principal } from '../../domain/people';

export const REALM_FILE = path.join(__dirname, '..', '..', 'deploy', 'keycloak', 'greenlane-realm.json');

const one = z.array(z.string()).length(1).transform(([v]) => v);

/** Temporal Server's permissions claim, `<namespace>:<read|write|…>` (the `temporal` client scope). */
const temporalPermissions = z.array(z.string().regex(/^[\w.-]+:(read|write|worker|admin)$/)).optional();

const Person = z.object({
  id: z.string(),
  attributes: z.object({
    display_name: one, role: one.pipe(z.enum(ROLES)), street: one.optional(), bank: one.optional(), community: one.optional(), team: one.optional(), credit_code: one.optional(), temporal_permissions: temporalPermissions,
  }),
  credentials: z.array(z.object({ type: z.literal('password'), value: z.string() })).length(1),
});
/** A client's own account, for the client-credentials grant (Keycloak's service-account user). */
const ServiceAccount = z.object({ serviceAccountClientId: z.string(), attributes: z.object({ temporal_permissions: temporalPermissions }) });

const RealmFile = z.object({
  users: z.array(z.union([ServiceAccount, Person])),
  clients: z.array(
    z.object({
      clientId: z.string(), publicClient: z.boolean(), secret: z.string().optional(), redirectUris: z.array(z.string()), serviceAccountsEnabled: z.boolean().default(false), defaultClientScopes: z.array(z.string()).default([]),
    }),
  ),
  clientScopes: z.array(z.object({ name: z.string(), protocolMappers: z.array(z.object({ protocolMapper: z.string(), config: z.record(z.string(), z.string()) })) })),
});

export interface RealmClient {
  clientId: string;
  /** A browser client (no secret): authorization code with PKCE only. */
  public: boolean;
  secret?: string;
  redirectUris: string[];
  /** Signs nobody in: gets tokens for itself (client credentials), as its service account. */
  serviceAccount: boolean;
  /** The client scopes its tokens always carry (`temporal`: the permissions claim). */
  scopes: string[];
}

export interface Realm {
  users: Array<Principal & { password: string }>;
  clients: RealmClient[];
  /** The audience the realm's access tokens name (its audience mapper). */
  audience: string;
  /** Temporal permissions by user id, and by client id for a client's service account. */
  temporalPermissions: Record<string, string[]>;
}

/** Keycloak's import placeholders, `${VAR}` or `${VAR:default}`; an unset one without a default is an error. */
export function resolvePlaceholders(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([^}]*))?\}/g, (_m, name: string, fallback?: string) => {
    const value = env[name] || fallback;
    if (value === undefined) throw new Error(`${name} is not set (the realm file needs it)`);
    return value;
  });
}

export function loadRealm(env: NodeJS.ProcessEnv = process.env, file = REALM_FILE): Realm {
  const realm = RealmFile.parse(JSON.parse(resolvePlaceholders(fs.readFileSync(file, 'utf8'), env)));
  const audience = realm.clientScopes.flatMap((s) => s.protocolMappers).find((m) => m.protocolMapper === 'oidc-audience-mapper')?.config['included.custom.audience'];
  if (!audience) throw new Error(`${file}: no audience mapper`);
  const people = realm.users.filter((u) => 'id' in u);
  const serviceAccounts = realm.users.filter((u) => 'serviceAccountClientId' in u);
  return {
    users: people.map(({ id, attributes: a, credentials }) => ({
      sub: id, name: a.display_name, role: a.role, street: a.street, bank: a.bank, community: a.community, team: a.team, creditCode: a.credit_code, password: credentials[0].value,
    })),
    clients: realm.clients.map((c) => ({ clientId: c.clientId, public: c.publicClient, secret: c.secret, redirectUris: c.redirectUris, serviceAccount: c.serviceAccountsEnabled, scopes: c.defaultClientScopes })),
    audience,
    temporalPermissions: Object.fromEntries([
      ...people.flatMap((u) => (u.attributes.temporal_permissions ? [[u.id, u.attributes.temporal_permissions]] : [])),
      ...serviceAccounts.flatMap((u) => (u.attributes.temporal_permissions ? [[u.serviceAccountClientId, u.attributes.temporal_permissions]] : [])),
    ]),
  };
}
