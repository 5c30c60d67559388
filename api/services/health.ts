// Readiness: the API can reach what it needs.
import type { Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import type { Logger } from '../../infra/logger';
import { Problem } from '../problem';

export function readiness(db: Database, client: Client) {
  /**
   * `ok` for each dependency, or a 503 naming which is unreachable. Why is logged, never answered:
   * a driver's error names hosts, users and versions, and readiness is public.
   */
  return async (log?: Pick<Logger, 'warn'>) => {
    const check = (name: string, probe: Promise<unknown>) =>
      probe.then(
        () => 'ok' as const,
        (err: Error) => {
          log?.warn({ dependency: name, err: err.message }, 'not ready');
          return 'unreachable' as const;
        },
      );
    const [database, temporal] = await Promise.all([check('database', db.$queryRaw`SELECT 1`), check('temporal', client.workflowService.getSystemInfo({}))]);
    if (database !== 'ok' || temporal !== 'ok') {
      throw new Problem(503, 'not-ready', 'A dependency is unreachable', `database: ${database}; temporal: ${temporal}`);
    }
    return { status: 'ok' as const, database, temporal };
  };
}
