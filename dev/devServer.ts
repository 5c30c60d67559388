import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalCli } from './tools/temporalCli';

export interface DevServerOptions {
  cacheDir: string;
  cliPath?: string;
  port?: number;
  /** SQLite file; in memory when absent. */
  dbFilename?: string;
  uiPort?: number;
  /** More `temporal server start-dev` flags, e.g. ['--sqlite-pragma', 'journal_mode=wal'] (benchmarks). */
  extraArgs?: string[];
  /** Server log threshold; default `error`. */
  logLevel?: 'error' | 'never';
  /** The UI decodes payloads through this codec server (`--ui-codec-endpoint`), e.g. the API's /codec. */
  uiCodecEndpoint?: string;
  /** For the environment's own client (`env.client`); infra/dataConverter.ts. */
  dataConverter?: DataConverter;
}

/**
 * Temporal's CLI dev server (SQLite persistence, Web UI on request), started
 * through the SDK so it is stopped with `teardown()`. Without a CLI we can
 * build, the SDK downloads one (machines with internet).
 */
export async function startDevServer(opts: DevServerOptions): Promise<TestWorkflowEnvironment> {
  const path = ensureTemporalCli(opts.cacheDir, opts.cliPath);
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: path ? { type: 'existing-path', path } : { type: 'cached-download', downloadDir: opts.cacheDir },
      ip: '127.0.0.1',
      port: opts.port,
      dbFilename: opts.dbFilename,
      ...(opts.uiPort ? { ui: true, uiPort: opts.uiPort } : { ui: false }),
      log: { format: 'pretty', level: opts.logLevel ?? 'error' },
      extraArgs: [...(opts.extraArgs ?? []), ...(opts.uiPort && opts.uiCodecEndpoint ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : [])],
    },
    client: { dataConverter: opts.dataConverter },
  });
}
