import type { Client } from '@temporalio/client';
import { SandboxNotificationChannel } from '../activities/adapters';
import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { caseProgressActivities } from '../activities/caseProgress';
import { caseRecordActivities } from '../activities/caseRecords';
import { sciTechRecordActivities } from '../activities/sciTech';
import type { Database } from '../infra/database';

/**
 * Rebuilds the PostgreSQL projection of cases from their workflow histories:
 * every projection activity a workflow scheduled is applied again, in order,
 * with the input the history recorded; a projection run as a local activity,
 * whose marker keeps its result and not its input, with the result (the
 * projections answer what they wrote). The projections are idempotent (event
 * keys, revisions), so this also repairs a live database without duplicating.
 */
export async function rebuildProjection(client: Client, db: Database, query: string): Promise<{ workflows: number; writes: number }> {
  const projections: Record<string, (arg: never) => Promise<unknown>> = {
    ...caseRecordActivities(db),
    // Lost notification rows come back; people are not messaged again (the sandbox channel sends nothing).
    ...caseProgressActivities(db, new SandboxNotificationChannel()),
    // Only the sci-tech case's record; its valuation call is not a projection.
    recordSciTechAccepted: sciTechRecordActivities(db).recordSciTechAccepted,
  };
  // Histories hold payloads as stored (sealed by the payload codec): open them as the client does.
  const { payloadCodecs, payloadConverter } = client.options.loadedDataConverter;
  const decode = async (payloads: Payload[]) => {
    for (const codec of [...payloadCodecs].reverse()) payloads = await codec.decode(payloads);
    return payloads.map((p) => payloadConverter.fromPayload(p));
  };
  let workflows = 0;
  let writes = 0;
  for await (const wf of client.workflow.list({ query })) {
    workflows++;
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const written = event.activityTaskScheduledEventAttributes
        ? { type: event.activityTaskScheduledEventAttributes.activityType?.name, payloads: event.activityTaskScheduledEventAttributes.input?.payloads }
        : localActivityResult(event.markerRecordedEventAttributes);
      const apply = written?.type ? projections[written.type] : undefined;
      if (!written?.payloads || !apply) continue;
      const [arg] = await decode(written.payloads);
      await apply(arg as never);
      writes++;
    }
  }
  return { workflows, writes };
}

/** A completed local activity's type and result, from the marker the SDK records (its metadata is plain JSON); undefined for any other marker or a failed attempt. */
function localActivityResult(marker: temporal.api.history.v1.IMarkerRecordedEventAttributes | null | undefined): { type?: string; payloads?: Payload[] } | undefined {
  if (marker?.markerName !== 'core_local_activity') return undefined;
  const data = marker.details?.data?.payloads?.[0]?.data;
  const result = marker.details?.result?.payloads;
  if (!data || !result?.length) return undefined;
  return { type: (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string }).activity_type, payloads: result };
}
