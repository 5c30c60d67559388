// `npm run rebuild:projection [-- <caseNo> ...]`: rewrites the case records from
// the workflows (all fast-track and sci-tech cases, or the ones named).
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { rebuildProjection } from '../maintenance/rebuildProjection';
import { connectClient } from '../infra/temporal';
import { temporalTokenFor } from '../infra/temporalToken';

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  const ids = process.argv.slice(2);
  if (ids.some((id) => !/^GL-\d{4}-\d{6,}$/.test(id))) throw new Error('case numbers look like GL-2026-000001');
  const query = ids.length
    ? `WorkflowId IN (${ids.map((id) => `'case-${id}'`).join(', ')})`
    : `WorkflowType IN ('fastTrackCaseWorkflow', 'sciTechCaseWorkflow')`;
  const db = createDatabase(config.databaseUrl, 2);
  const client = await connectClient(config.temporal.address, config.temporal.namespace, config.payloadKeys, await temporalTokenFor(config.temporal.oauth));
  try {
    const { workflows, writes } = await rebuildProjection(client, db, query);
    console.log(`重建完成 Rebuilt ${workflows} case(s) from their workflows (${writes} projection writes applied)`);
  } finally {
    await client.connection.close();
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
