import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/**
 * Projections into our own database (case records, events, reports): retry until PostgreSQL is
 * back. People wait on them inside updates, so an attempt lost with a killed worker must be
 * retried soon: a write takes milliseconds, and 10 s bounds the wait for the lost one.
 */
export const RECORD: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};

/**
 * Calls into outside systems made while a person waits on an update: give up after a while so
 * the person hears about it; an unknown application number is final at once. A call lost with
 * a killed worker is retried after 10 s, well inside the API's wait.
 */
export const OUTSIDE_INTERACTIVE: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 5, nonRetryableErrorTypes: ['UnknownApplication'] },
};

/**
 * Nobody waits on the IP valuation but the clock: retry until the service answers (a long
 * outage shows as AT_RISK/BREACHED, which is the point).
 */
export const VALUATION: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};

/** Contract and money: idempotent on the bank's side (key = case number), so retry until done. */
export const BANK: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};

/**
 * Acceptance's calendar read and record writes, run as local activities inside the case's first
 * workflow task (workflows/localFirst.ts): quick attempts for 2 s, then they go to the server as
 * RECORD activities, so PostgreSQL being down neither fails the case nor holds its workflow task.
 * A task's three local activities then end inside 80% of its 10 s timeout; past that the SDK ends
 * the task as a heartbeat with the update still open, and an update's task lost with its worker
 * after such a heartbeat failed every retry (BENCHMARKS.md, tuning record).
 */
export const LOCAL_RECORD: LocalActivityOptions = {
  startToCloseTimeout: '2 seconds',
  scheduleToCloseTimeout: '2 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '1 second', maximumAttempts: 3 },
};
