import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Adapters } from '../activities/adapters';
import type { Database } from '../infra/database';

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** infra/dataConverter.ts: the payload codec every client of these workflows shares. */
  dataConverter: DataConverter;
  /** A prebuilt bundle (tests build it once, with FAILURE_CONVERTER_PATH); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Outside systems; the sandbox ones (configured from the environment) by default. */
  adapters?: Adapters;
  /** Tuning for tests, deployments and benchmarks (grace time on shutdown, workflow cache size, task slots). */
  tuning?: Pick<WorkerOptions, 'shutdownGraceTime' | 'maxCachedWorkflows' | 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions'>;
}

export function createWorker({ connection, namespace, taskQueue, db, dataConverter, workflowBundle, adapters, tuning }: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    dataConverter,
    activities: createActivities(db, adapters),
    ...tuning,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
}
