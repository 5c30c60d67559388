// `npm run stack:production`: the production topology on this machine (dev/productionStack).
// Needs a PostgreSQL server: DATABASE_URL names Greenlane's database and a role that may create
// Temporal's two beside it. `--fresh` drops all three first. A part that exits on its own is
// started again (Compose's `restart: unless-stopped`). Ctrl-C stops everything.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfigOrExit } from '../infra/config';
import { startProductionStack } from '../dev/productionStack';

const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is required: a PostgreSQL database, and a role that may create databases (see docs/production-stack.md)');
    process.exit(2);
  }
  const password = process.env.GREENLANE_INITIAL_PASSWORD || randomBytes(9).toString('base64url');
  const started = Date.now();
  const stack = await startProductionStack({
    databaseUrl: config.databaseUrl,
    fresh: process.argv.includes('--fresh'),
    cacheDir: config.cacheDir,
    runDir: path.join(config.dataDir, 'production-stack'),
    password,
    ports: { api: port('API_PORT', 3000), ui: port('TEMPORAL_UI_PORT', 8233), idp: port('IDP_PORT', 8180) },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('» 正在停止… Stopping…');
    await stack.stop();
    console.log('» 已全部停止 Everything stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  console.log(
    [
      '',
      `Greenlane production topology is running / 生产拓扑已启动 (${Math.round((Date.now() - started) / 1000)} s):`,
      `  Console + API 控制台与接口   ${stack.apiUrl}/`,
      `  Temporal UI                 ${stack.uiUrl}/ (sign-in 需登录; operators 运维)`,
      `  Codec 解码服务               ${stack.codecUrl} (self-signed: open it once to accept 自签名证书，先在浏览器中打开并接受一次)`,
      `  OpenID provider 身份提供方   ${stack.issuer} (users: deploy/keycloak/greenlane-realm.json)`,
      `  Password 初始密码            ${process.env.GREENLANE_INITIAL_PASSWORD ? '(GREENLANE_INITIAL_PASSWORD)' : password}`,
      `  Temporal Server             ${stack.temporalAddress} (PostgreSQL, ${stack.workers.length} workers)`,
      `  Logs 日志                   ${path.dirname(stack.api.logFile)}`,
      '按 Ctrl-C 停止 / Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
