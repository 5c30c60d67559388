// Temporal's UI server behind OpenID Connect sign-in (the provider's `temporal-ui` client, a
// confidential one: ui-server 2.42 sends state and nonce, not PKCE), decoding payloads through
// the API's codec endpoint with the signed-in user's access token.
import fs from 'node:fs';
import path from 'node:path';
import { ManagedProcess, succeeds, waitFor } from '../managedProcess';

export interface UiServerSettings {
  temporalAddress: string;
  port: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  codecEndpoint: string;
  namespace: string;
}

export const uiUrlFor = (port: number) => `http://127.0.0.1:${port}`;

export function uiServerConfig(s: UiServerSettings) {
  const url = uiUrlFor(s.port);
  return {
    temporalGrpcAddress: s.temporalAddress,
    host: '127.0.0.1',
    port: s.port,
    enableUi: true,
    defaultNamespace: s.namespace,
    notifyOnNewVersion: false,
    // Plain HTTP on loopback: cookies without `Secure`, and only the UI's own origin.
    cors: { cookieInsecure: true, allowOrigins: [url], unsafeAllowAllOrigins: false },
    auth: {
      enabled: true,
      providers: [{ label: '绿色审批通道 Greenlane', type: 'oidc', providerUrl: s.issuer, clientId: s.clientId, clientSecret: s.clientSecret, scopes: ['openid', 'profile', 'greenlane'], callbackUrl: `${url}/auth/sso/callback` }],
    },
    codec: { endpoint: s.codecEndpoint, passAccessToken: true, includeCredentials: false },
    // Read-only, enforced by the UI server itself (405 for any write but a query): the UI server only
    // checks that a token is present, and case actions belong to the API, where their rules live.
    disableWriteActions: true,
  };
}

export async function startUiServer(binary: string, dir: string, settings: UiServerSettings, logDir: string): Promise<ManagedProcess> {
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config', 'production.yaml'), JSON.stringify(uiServerConfig(settings), null, 2), { mode: 0o600 });
  const healthy = succeeds(async () => {
    const res = await fetch(`${uiUrlFor(settings.port)}/healthz`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  });
  const proc = new ManagedProcess('temporal-ui', [binary, '--root', dir, '--config', 'config', '--env', 'production', 'start'], process.env, path.join(logDir, 'temporal-ui.log'), () =>
    waitFor(healthy, 60_000, 'Temporal UI server'),
  );
  await proc.start();
  return proc;
}
