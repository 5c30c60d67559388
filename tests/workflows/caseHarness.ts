// Shared set-up for the case workflow tests: a time-skipping server per test
// file, a worker with real activities on the real test database, and helpers
// that put the server clock where a scenario needs it.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createSandboxAdapters, type Adapters } from '../../activities/adapters';
import { createApp } from '../../api/app';
import { createLogger } from '../../infra/logger';
import { developmentDataConverter } from '../../infra/dataConverter';
import type { Database } from '../../infra/database';
import { createWorker, type WorkerDeps } from '../../worker/createWorker';
import { testSignIn, testVerifier } from '../support/auth';
import { createTimeSkippingEnv, registerSearchAttributes, testDatabase, workflowBundle } from '../support/env';

export {
  HOUR,
  advanceTo,
  apiCaseNo,
  calendar,
  caseInput,
  completeAllBranches,
  ddEvidence,
  eventually,
  gridEvidence,
  nextWorkingMorning,
  refusal,
  settled,
  startCase,
  testNotice,
  vipEvidence,
} from '../support/caseScenarios';
export { patchMarkers, patchesMarkedAfterLocalActivity, recordWrites, saveHistory } from './historyFiles';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: Database;
  taskQueue: string;
  startWorker(adapters?: Adapters, tuning?: WorkerDeps['tuning']): Promise<RunningWorker>;
  teardown(): Promise<void>;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  await registerSearchAttributes(env);
  const db = testDatabase();
  const taskQueue = `cases-${randomUUID()}`;
  const workers: RunningWorker[] = [];
  return {
    env,
    db,
    taskQueue,
    async startWorker(adapters = createSandboxAdapters(db, {}), tuning?: WorkerDeps['tuning']) {
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        db,
        dataConverter: developmentDataConverter(),
        workflowBundle: await workflowBundle(),
        adapters,
        tuning,
      });
      const running = worker.run();
      const handle: RunningWorker = {
        worker,
        async stop() {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
        },
      };
      workers.push(handle);
      return handle;
    },
    async teardown() {
      for (const w of workers) await w.stop();
      await env.teardown();
      await db.$disconnect();
    },
  };
}

/** A harness with one running worker for the whole test file, torn down after it. */
export function useHarnessWithWorker(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await createHarness());
    await h.startWorker();
  });
  afterAll(() => h.teardown?.());
  return h;
}

/** The real HTTP API over a harness's server and database, with test tokens. */
export function apiOver(h: Harness): ReturnType<typeof createApp> {
  return createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, namespace: h.env.namespace ?? 'default', temporalUiUrl: 'http://localhost:8233', verify: testVerifier(), signIn: testSignIn(), ops: { logger: createLogger('silent') } });
}

/** useHarnessWithWorker, and the HTTP API over it as `app`. */
export function useHarnessWithApi(): Harness & { app: ReturnType<typeof createApp> } {
  const h = {} as Harness & { app: ReturnType<typeof createApp> };
  beforeAll(async () => {
    Object.assign(h, await createHarness());
    await h.startWorker();
    h.app = apiOver(h);
  });
  afterAll(() => h.teardown?.());
  return h;
}

/** Case events in timeline order, as the API shows them. */
export async function eventsOf(db: Database, caseNo: string) {
  return db.caseEvent.findMany({ where: { caseNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
