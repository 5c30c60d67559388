// The time-skipping server and the workflow bundle, without PostgreSQL: shared by the
// workflow tests on real activities (tests/workflows) and the fast workflow-logic tests
// on stub activities (tests/workflow-logic).
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { developmentDataConverter } from '../../infra/dataConverter';
import { bundleCaseWorkflows } from '../../maintenance/replayCheck';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';

export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run these tests through jest (a globalSetup installs and starts what they need)`);
  return v;
}

/** How often to launch the server before giving up: see createTimeSkippingEnv. */
const LAUNCH_ATTEMPTS = 3;

/**
 * The Java time-skipping server, through the SDK (it toggles time skipping itself); its client
 * seals payloads as production's does. The SDK gives the JVM a fixed 5 s to listen; with jest
 * busy on both cores it sometimes needs longer (CI once failed a file on it), so a launch that
 * timed out is tried again on a new port.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: requiredEnv('GREENLANE_TEST_SERVER_PATH') } },
        client: { dataConverter: developmentDataConverter() },
      });
    } catch (err) {
      if (attempt >= LAUNCH_ATTEMPTS || !/did not start within/.test(String(err))) throw err;
    }
  }
}

/**
 * The time-skipping server can add search attributes but cannot list them, so add all at once,
 * before a workflow upserts one.
 */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const types = temporal.api.enums.v1.IndexedValueType;
  const indexed = { KEYWORD: types.INDEXED_VALUE_TYPE_KEYWORD, INT: types.INDEXED_VALUE_TYPE_INT, DATETIME: types.INDEXED_VALUE_TYPE_DATETIME, KEYWORD_LIST: types.INDEXED_VALUE_TYPE_KEYWORD_LIST } as Record<string, temporal.api.enums.v1.IndexedValueType>;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(ALL_SEARCH_ATTRIBUTES.map((k) => [k.name, indexed[k.type]!])),
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling takes seconds: once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleCaseWorkflows();
  return bundle;
}
