// What globalSetup started, for test files.
import { createDatabase, type Database } from '../../infra/database';
import { requiredEnv } from './temporalEnv';

export { createTimeSkippingEnv, registerSearchAttributes, workflowBundle } from './temporalEnv';

export const testDatabaseUrl = () => requiredEnv('GREENLANE_TEST_DATABASE_URL');
export const testTemporalAddress = () => requiredEnv('GREENLANE_TEST_TEMPORAL_ADDRESS');

export function testDatabase(): Database {
  return createDatabase(testDatabaseUrl(), 4);
}
