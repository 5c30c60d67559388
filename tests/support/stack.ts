// The real stack in one test process: the HTTP API (on an ephemeral port, via
// supertest), a worker polling a task queue of its own, the shared dev server
// and PostgreSQL from globalSetup.
import { Client, type ConnectionLike } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../api/app';
import type { OpsOptions } from '../../api/ops';
import { developmentDataConverter } from '../../infra/dataConverter';
import { createLogger } from '../../infra/logger';
import { createWorker } from '../../worker/createWorker';
import { testSignIn, testVerifier } from './auth';
import { describeViolations, recordContract } from './contractRecorder';
import { testDatabase, testTemporalAddress, workflowBundle } from './env';

export interface StackOptions {
  /** Overrides the app's logger (silent by default here), metrics or rate limit. */
  ops?: OpsOptions;
  /** Another Temporal server than the shared one (e.g. one whose persistence a test reads). */
  temporalAddress?: string;
  /** The client's and worker's data converter: the development key's codec unless given. */
  dataConverter?: DataConverter;
}

export async function startStack(options: StackOptions = {}) {
  const address = options.temporalAddress ?? testTemporalAddress();
  const dataConverter = options.dataConverter ?? developmentDataConverter();
  const db = testDatabase();
  const taskQueue = `test-${randomUUID()}`;
  // One native connection for the worker and the API's client, as npm start's processes have (infra/temporal.ts).
  const nativeConnection = await NativeConnection.connect({ address });
  const client = new Client({ connection: nativeConnection, namespace: 'default', dataConverter });
  const bundle = await workflowBundle();
  // One worker at a time; a test may stop it (a crash, a deploy) and start another on the same queue.
  let current: { worker: Worker; running: Promise<void> } | undefined;
  const startWorker = async () => {
    if (current) return;
    const worker = await createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db, dataConverter, workflowBundle: bundle });
    current = { worker, running: worker.run() };
  };
  const stopWorker = async () => {
    if (!current) return;
    const { worker, running } = current;
    current = undefined;
    worker.shutdown();
    await running;
  };
  await startWorker();
  const appOn = (c: Client) =>
    recordContract(createApp({ db, client: c, taskQueue, namespace: 'default', temporalUiUrl: 'http://localhost:8233', verify: testVerifier(), signIn: testSignIn(), ops: { logger: createLogger('silent'), ...options.ops } }));
  const contract = appOn(client);
  const others: ReturnType<typeof appOn>[] = [];
  return {
    /** The app, with every response checked against the OpenAPI contract (api/contract). */
    app: contract.listener,
    contract,
    db,
    client,
    /** The task queue the stack's worker polls (for schedules and workflows a test starts). */
    taskQueue,
    /** Stops the worker alone, as a deploy does (to the API, like a crash); the API and the servers go on. */
    stopWorker,
    /** Starts a worker again after stopWorker. */
    startWorker,
    /** The same API (database, task queue) with its Temporal client on `other`, e.g. a server that is down; its answers are checked against the contract too. */
    appOn(other: ConnectionLike) {
      const recorded = appOn(new Client({ connection: other, namespace: 'default', dataConverter }));
      others.push(recorded);
      return recorded.listener;
    },
    async stop() {
      await stopWorker();
      await nativeConnection.close();
      await db.$disconnect();
      // A response that broke the contract fails the file, after everything is shut down.
      const violations = [contract, ...others].flatMap((c) => c.violations);
      if (violations.length) throw new Error(`responses not matching the OpenAPI contract:\n${describeViolations(violations)}`);
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** A stack for the whole test file: started before its tests, stopped (and its contract checked) after. */
export function useStack(options: StackOptions = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(options));
  });
  afterAll(async () => {
    await stack.stop?.();
  });
  return stack;
}
