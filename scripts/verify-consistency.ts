// `npm run verify:consistency [-- --json] [-- <caseNo> ...]`: checks that every case's
// workflow and record agree, no case was paid twice and no running case is stuck
// (maintenance/consistency.ts). Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and DATABASE_URL
// like the worker; exits 1 when anything is wrong, so it can gate a deployment.
import { createSandboxAdapters } from '../activities/adapters';
import { checkConsistency, formatReport } from '../maintenance/consistency';
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { connectClient } from '../infra/temporal';
import { temporalTokenFor } from '../infra/temporalToken';

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is required (npm start\'s embedded database: postgresql://postgres:postgres@127.0.0.1:54320/postgres)');
  }
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const ids = args.filter((a) => a !== '--json');
  if (ids.some((id) => !/^GL-\d{4}-\d{6,}$/.test(id))) throw new Error('usage: verify-consistency [--json] [GL-2026-000001 ...]');
  const db = createDatabase(config.databaseUrl, 4);
  const client = await connectClient(config.temporal.address, config.temporal.namespace, config.payloadKeys, await temporalTokenFor(config.temporal.oauth));
  try {
    // The bank the worker pays through (the sandbox until a real connector is configured).
    const { bank } = createSandboxAdapters(db);
    const report = await checkConsistency({ client, db, bank, caseNos: ids.length ? ids : undefined });
    console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await client.connection.close();
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(2);
});
