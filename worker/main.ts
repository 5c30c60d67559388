import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import { createLogger, temporalLogger, type Logger } from '../infra/logger';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { ensureSchedules } from '../infra/schedules';
import { dataConverter } from '../infra/dataConverter';
import { connectTemporal, sealedClient } from '../infra/temporal';
import { temporalTokenFor } from '../infra/temporalToken';
import { createWorker } from './createWorker';

/**
 * The SDK's process-wide runtime: its logs into our JSON log stream and, unless disabled, its
 * metrics (workflow/activity task latencies, schedule-to-start, poller counts, sticky cache, …)
 * on a Prometheus endpoint at http://WORKER_METRICS_ADDRESS/metrics. Must run before the first
 * connection. A busy port must not stop the worker from working, so it then runs without metrics.
 */
function installRuntime(logger: Logger, metricsAddress: string | undefined) {
  const base: RuntimeOptions = { logger: temporalLogger(logger) };
  if (!metricsAddress) return void Runtime.install(base);
  try {
    Runtime.install({ ...base, telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } });
    logger.info({ metrics: `http://${metricsAddress}/metrics` }, 'worker metrics exporter listening');
  } catch (err) {
    logger.error({ err, metricsAddress }, 'worker metrics exporter not started; running without it');
    Runtime.install(base);
  }
}

async function main() {
  const config = loadConfigOrExit();
  installRuntime(createLogger(config.logLevel, 'greenlane-worker'), config.workerMetricsAddress);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required to run the worker on its own (npm start sets it)');
  const db = createDatabase(config.databaseUrl, 8, config.databaseStatementTimeoutMs);
  const token = await temporalTokenFor(config.temporal.oauth);
  const connection = await connectTemporal(config.temporal.address, token);
  const worker = await createWorker({ connection, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, db, dataConverter: dataConverter(config.payloadKeys) });
  // The cadence's schedules, created or brought to spec by whichever worker starts: every
  // deployment runs a worker (npm start, Docker Compose), and they target its task queue.
  await ensureSchedules(sealedClient(connection, config.temporal.namespace, config.payloadKeys), config.temporal.taskQueue);
  console.log(`工作进程已启动 Worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  // The SDK shuts the worker down gracefully on SIGINT/SIGTERM.
  await worker.run();
  await token?.stop();
  await connection.close();
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
