import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { SandboxNotificationChannel } from '../activities/adapters';
import { caseProgressActivities } from '../activities/caseProgress';
import { caseRecordActivities } from '../activities/caseRecords';
import { sciTechRecordActivities } from '../activities/sciTech';
import type { Database } from '../infra/database';

/**
 * Rebuilds the PostgreSQL projection of cases from their workflow histories:
 * every projection activity a workflow scheduled is applied again, in order,
 * with the input the history recorded. The projections are idempotent (event
 * keys, revisions), so this also repairs a live database without duplicating.
 */
export async function rebuildProjection(client: Client, db: Database, query: string): Promise<{ workflows: number; writes: number }> {
  const projections: Record<string, (arg: never) => Promise<void>> = {
    ...caseRecordActivities(db),
    // Lost notification rows come back; people are not messaged again (the sandbox channel sends nothing).
    ...caseProgressActivities(db, new SandboxNotificationChannel()),
    // Only the sci-tech case's record; its valuation call is not a projection.
    recordSciTechAccepted: sciTechRecordActivities(db).recordSciTechAccepted,
  };
  let workflows = 0;
  let writes = 0;
  for await (const wf of client.workflow.list({ query })) {
    workflows++;
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      const apply = scheduled?.activityType?.name ? projections[scheduled.activityType.name] : undefined;
      if (!scheduled || !apply) continue;
      const [arg] = (scheduled.input?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
      await apply(arg as never);
      writes++;
    }
  }
  return { workflows, writes };
}
