// The stand-in OpenID provider as its own process: IDP_PORT (0: any free port) on IDP_HOST
// (loopback by default), users and clients from the realm file with the environment's values.
// IDP_SIGNING_KEY_FILE keeps its signing key across restarts (made on first start), as
// Keycloak keeps its realm keys: tokens stay valid when the provider restarts.
import fs from 'node:fs';
import { loadRealm } from './realm';
import { newSigningKey, startIdentityProvider } from './server';

function signingKey(file: string | undefined) {
  if (!file) return newSigningKey();
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(newSigningKey()), { mode: 0o600 });
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof newSigningKey>;
}

async function main() {
  const idp = await startIdentityProvider(loadRealm(process.env), {
    host: process.env.IDP_HOST || '127.0.0.1',
    port: Number(process.env.IDP_PORT || 0),
    signingKey: signingKey(process.env.IDP_SIGNING_KEY_FILE),
  });
  console.log(`身份提供方已启动 OpenID provider listening; issuer ${idp.issuer}`);
  const stop = () => void idp.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
