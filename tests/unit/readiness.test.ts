// Readiness is public: it says which dependency is down, never the driver's error (hosts, users,
// versions), which goes to the log instead.
import type { Client } from '@temporalio/client';
import { readiness } from '../../api/services/health';
import type { Database } from '../../infra/database';

const secret = 'password authentication failed for user "greenlane" at 10.20.30.40:5432';
const down = { $queryRaw: () => Promise.reject(new Error(secret)) } as unknown as Database;
const up = { workflowService: { getSystemInfo: () => Promise.resolve({}) } } as unknown as Client;

test('a 503 names the dependency, and only the log holds the error', async () => {
  const warned: unknown[] = [];
  const failure = await readiness(down, up)({ warn: (obj: unknown) => warned.push(obj) }).then(
    () => undefined,
    (err: { status: number; detail: string }) => err,
  );
  expect(failure).toMatchObject({ status: 503, detail: 'database: unreachable; temporal: ok' });
  expect(JSON.stringify(failure)).not.toContain('10.20.30.40');
  expect(warned).toEqual([{ dependency: 'database', err: secret }]);
});
