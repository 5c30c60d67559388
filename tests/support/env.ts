// What globalSetup started, for test files.
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDatabase, type Database } from '../../infra/database';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run integration tests through jest (globalSetup starts the servers)`);
  return v;
}

export const testDatabaseUrl = () => required('GREENLANE_TEST_DATABASE_URL');
export const testTemporalAddress = () => required('GREENLANE_TEST_TEMPORAL_ADDRESS');

export function testDatabase(): Database {
  return createDatabase(testDatabaseUrl(), 4);
}

/** The Java time-skipping server, through the SDK (it toggles time skipping itself). */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: required('GREENLANE_TEST_SERVER_PATH') } },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling takes seconds: once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  return bundle;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
