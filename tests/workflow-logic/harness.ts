// The fast workflow tests: the real workflow code on the time-skipping server, with a worker
// whose activities are in-memory stubs. One server, bundle and worker per test file; each
// test picks its own fixed Asia/Shanghai instants, later than the tests before it in the file
// (the server's clock only moves forward).
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle, type Workflow, type WorkflowResultType } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { developmentDataConverter } from '../../infra/dataConverter';
import type { FastTrackCaseInput, fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { caseInput, eventually, startCase, type CaseServer } from '../support/caseScenarios';
import { createTimeSkippingEnv, registerSearchAttributes, workflowBundle } from '../support/temporalEnv';
import { Recorder, stubActivities } from './stubActivities';

export { Recorder };
export const MINUTE = 60_000;

export interface StubbedServer extends CaseServer {
  /** What the stub activities were asked to record, per case or consultation. */
  rec: Recorder;
  /** A client whose result() leaves the clock alone (the time-skipping client's would let it run). */
  plain: Client;
}

/** A time-skipping server and a worker on stub activities for the whole file. */
export function useStubbedWorker(): StubbedServer {
  const s = { rec: new Recorder(), taskQueue: `logic-${randomUUID()}` } as StubbedServer;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    s.env = await createTimeSkippingEnv();
    await registerSearchAttributes(s.env);
    s.plain = new Client({ connection: s.env.connection, namespace: s.env.namespace ?? 'default', dataConverter: developmentDataConverter() });
    worker = await Worker.create({
      connection: s.env.nativeConnection,
      namespace: s.env.namespace ?? 'default',
      taskQueue: s.taskQueue,
      workflowBundle: await workflowBundle(),
      dataConverter: developmentDataConverter(),
      activities: stubActivities(s.rec),
    });
    running = worker.run();
  });
  // A test that loads its own holiday notice leaves the next one the official notices alone.
  afterEach(() => s.rec.resetCalendar());
  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await s.env?.teardown();
  });
  return s;
}

/** An instant in Asia/Shanghai: `at('2035-03-05', '10:00')`; '24:00' is the end of that day. */
export function at(date: string, hhmm: string): Date {
  if (hhmm === '24:00') return new Date(shanghaiDateTime(date).getTime() + 24 * 60 * MINUTE);
  return shanghaiDateTime(date, hhmm);
}

/** Moves the server's clock to `instant`, firing every timer due by then; never backwards. */
export async function clockTo(env: TestWorkflowEnvironment, instant: Date): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant.getTime() < now) {
    throw new Error(`the server clock is at ${new Date(now).toISOString()}, past ${instant.toISOString()}: tests later in a file use later dates`);
  }
  await env.sleep(instant.getTime() - now);
}

/** A case accepted at `acceptedAt` (the clock moved there first), as the API opens one. */
export async function acceptCase(
  s: StubbedServer,
  acceptedAt: Date,
  overrides: Partial<FastTrackCaseInput> = {},
): Promise<{ input: FastTrackCaseInput; handle: WorkflowHandle<typeof fastTrackCaseWorkflow> }> {
  await clockTo(s.env, acceptedAt);
  const input = caseInput(acceptedAt, overrides);
  return { input, handle: await startCase(s, input) };
}

/** `iso` within a minute of `expected`: the server's clock runs on a little past each skip. */
export function expectNear(iso: string | null | undefined, expected: Date): void {
  const off = iso == null ? NaN : Math.abs(new Date(iso).getTime() - expected.getTime());
  if (!(off < MINUTE)) throw new Error(`expected ${iso} within a minute of ${expected.toISOString()}`);
}

/**
 * What a workflow returned, once it has ended. Not the time-skipping handle's result(): while
 * it waits the server skips to its next timer, and with none left that is years ahead, past
 * the fixed dates of the tests after this one.
 */
export async function finalResult<W extends Workflow>(s: StubbedServer, handle: WorkflowHandle<W>): Promise<WorkflowResultType<W>> {
  await eventually(async () => expect((await handle.describe()).status.name).not.toBe('RUNNING'));
  return s.plain.workflow.getHandle<W>(handle.workflowId).result();
}
