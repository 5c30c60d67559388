// The production topology's Temporal Server for a benchmark: built like `npm run stack:production`
// builds it (dev/productionStack), its two databases beside the benchmark's Greenlane database on
// the same PostgreSQL, schemas by temporal-sql-tool, 4 history shards, loopback ports.
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { developmentDataConverter } from '../infra/dataConverter';
import { freePorts } from '../dev/managedProcess';
import { databaseNames, prepareDatabases } from '../dev/productionStack/postgres';
import { applySchemas, prepareNamespace, serverConfig, startTemporalServer, writeServerConfig } from '../dev/productionStack/temporalServer';
import { ensureTemporalServer } from '../dev/tools/temporalServer';
import type { TemporalHandle } from './system';

/** Where the server's config lives; its command line names it (`--root`). */
export const realServerDir = (dir: string) => path.join(dir, 'temporal-server');

/** `databases`: Temporal's two, on `databaseUrl`'s server. */
export async function startRealServer(cacheDir: string, databaseUrl: string, dir: string): Promise<TemporalHandle & { databases: string[] }> {
  const install = ensureTemporalServer(cacheDir);
  const names = databaseNames(new URL(databaseUrl).pathname.slice(1));
  await prepareDatabases(databaseUrl, names, false);
  const persistence = { url: databaseUrl, name: names.temporal };
  const visibility = { url: databaseUrl, name: names.visibility };
  applySchemas(install, persistence, visibility, path.join(dir, 'temporal-sql-tool.log'));
  const [grpcF, grpcI, grpcH, grpcM, grpcW, memF, memI, memH, memM, memW, httpF, httpI, metrics] = await freePorts(13);
  const serverDir = realServerDir(dir);
  // No JWT authorizer: the benchmark measures the engine and its persistence, not token checks.
  writeServerConfig(serverDir, serverConfig(persistence, visibility, {
    grpc: { frontend: grpcF, 'internal-frontend': grpcI, history: grpcH, matching: grpcM, worker: grpcW },
    membership: { frontend: memF, 'internal-frontend': memI, history: memH, matching: memM, worker: memW },
    http: { frontend: httpF, 'internal-frontend': httpI },
    metrics,
  }));
  const address = `127.0.0.1:${grpcF}`;
  const server = await startTemporalServer(install, serverDir, address, dir);
  await prepareNamespace(address, 'default');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return {
    databases: [names.temporal, names.visibility],
    connection,
    nativeConnection,
    client: new Client({ connection, namespace: 'default', dataConverter: developmentDataConverter() }),
    async teardown() {
      await nativeConnection.close();
      await connection.close();
      await server.stop();
    },
  };
}
