import { NativeConnection } from '@temporalio/worker';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { createWorker } from './createWorker';

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required to run the worker on its own (npm start sets it)');
  const db = createDatabase(config.databaseUrl);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker({ connection, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, db });
  console.log(`工作进程已启动 Worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  // The SDK shuts the worker down gracefully on SIGINT/SIGTERM.
  await worker.run();
  await connection.close();
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
