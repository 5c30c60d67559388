import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Projections into our own database (case records, events, reports): retry until PostgreSQL is
 * back. People wait on them inside updates, so an attempt lost with a killed worker must be
 * retried soon: a write takes milliseconds, and 10 s bounds the wait for the lost one.
 */
export const RECORD: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};
