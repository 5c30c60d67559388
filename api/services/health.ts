// Readiness: the API can reach what it needs.
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { Problem } from '../problem';

export function readiness(db: Database, client: Client) {
  /** `ok` for each dependency, or a 503 naming what is unreachable. */
  return async () => {
    const [database, temporal] = await Promise.all([
      db.$queryRaw`SELECT 1`.then(() => 'ok', (e: Error) => e.message),
      client.workflowService.getSystemInfo({}).then(() => 'ok', (e: Error) => e.message),
    ]);
    if (database !== 'ok' || temporal !== 'ok') {
      throw new Problem(503, 'not-ready', 'A dependency is unreachable', `database: ${database}; temporal: ${temporal}`);
    }
    return { status: 'ok' as const, database, temporal };
  };
}
