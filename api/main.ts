import path from 'node:path';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { connectClient } from '../infra/temporal';
import { temporalTokenFor } from '../infra/temporalToken';
import { createVerifier } from './auth/verifier';
import { signInOptions } from './services/signIn';
import { createApp } from './app';
import { createHttpServer } from './httpServer';
import { createLogger } from '../infra/logger';

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required to run the API on its own (npm start sets it)');
  const db = createDatabase(config.databaseUrl, 8, config.databaseStatementTimeoutMs);
  const temporalToken = await temporalTokenFor(config.temporal.oauth);
  const client = await connectClient(config.temporal.address, config.temporal.namespace, config.payloadKeys, temporalToken);
  const app = createApp({
    db,
    client,
    taskQueue: config.temporal.taskQueue,
    namespace: config.temporal.namespace,
    temporalUiUrl: config.temporal.uiUrl,
    verify: createVerifier(config),
    signIn: signInOptions(config),
    // Built by `npm run build:web` (npm start does it when the sources changed).
    consoleDir: path.resolve(__dirname, '../web/dist'),
    codec: { keys: config.payloadKeys, corsOrigins: config.codec.corsOrigins, development: config.env !== 'production' },
    ops: { logger, rateLimitPerMinute: config.rateLimitPerMinute },
  });
  const server = createHttpServer(app).listen(config.api.port, config.api.host, () => {
    console.log(`接口已启动 API listening on http://${config.api.host}:${config.api.port}`);
  });
  const stop = () => {
    server.close(async () => {
      await temporalToken?.stop();
      await client.connection.close();
      await db.$disconnect();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
