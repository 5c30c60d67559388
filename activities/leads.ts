// Leads' projections into PostgreSQL (every write idempotent, ordered by the workflow's revision
// like loan_case), their notices, and the joint consultation a refused firm's lead opens.
import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Database } from '../infra/database';
import type { NotificationChannel } from './adapters';
import { auditPersonAction, type Notification } from './caseProgress';
import { deliverNotice } from './notifications';
import { consultationOpenedUpdate, consultationWorkflowId, jointConsultationWorkflow, type JointConsultationInput } from '../workflows/jointConsultation';
import { leadWorkflowId, type LeadConversion, type LeadInput } from '../workflows/leadMessages';
import { openingConsultationAttributes } from '../workflows/searchAttributes';

export interface LeadProgress {
  leadId: string;
  revision: number;
  stage: string;
  slaState: string;
  /** First contact due (it moves when a holiday notice is loaded while the lead is open). */
  dueAt: string;
  owner: string;
  contactedAt?: string;
  conversion?: { kind: LeadConversion; caseNo?: string; consultationId?: string };
  closeReason?: string;
  /** Timeline entry; `eventKey` is unique per lead, so a retry writes nothing new. */
  event: { eventKey: string; type: string; actor: string; at: string; data: Record<string, unknown> };
}

export type LeadNotification = Omit<Notification, 'caseNo'> & { leadId: string };

export function leadActivities(db: Database, channel: NotificationChannel) {
  return {
    /** The lead's first record; a retry finds it and changes nothing. */
    async recordLeadOpened({ input, dueAt }: { input: LeadInput; dueAt: string }): Promise<void> {
      await db.lead.createMany({
        data: [{
          leadId: input.leadId,
          workflowId: leadWorkflowId(input.leadId),
          sourceKind: input.source.kind,
          sourceId: input.source.id,
          firmName: input.firm.name,
          creditCode: input.firm.creditCode,
          streetCode: input.streetCode,
          communityCode: input.communityCode ?? null,
          teamCode: input.teamCode ?? null,
          need: input.need as object,
          owner: input.owner,
          stage: 'OPEN',
          slaState: 'ON_TRACK',
          openedAt: new Date(input.openedAt),
          dueAt: new Date(dueAt),
          createdBy: input.openedBy,
        }],
        skipDuplicates: true,
      });
    },

    async recordLeadProgress(p: LeadProgress): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.leadEvent.createMany({
          data: [{ leadId: p.leadId, eventKey: p.event.eventKey, type: p.event.type, actor: p.event.actor, at: new Date(p.event.at), data: p.event.data as object }],
          skipDuplicates: true,
        });
        await auditPersonAction(tx, `lead:${p.leadId}`, p.revision, p.stage, p.event);
        await tx.lead.updateMany({
          where: { leadId: p.leadId, revision: { lt: p.revision } },
          data: {
            stage: p.stage,
            slaState: p.slaState,
            dueAt: new Date(p.dueAt),
            owner: p.owner,
            revision: p.revision,
            ...(p.contactedAt ? { contactedAt: new Date(p.contactedAt) } : {}),
            ...(p.conversion ? { convertedTo: p.conversion.kind, linkedCaseNo: p.conversion.caseNo ?? null, linkedConsultationId: p.conversion.consultationId ?? null } : {}),
            ...(p.closeReason ? { closeReason: p.closeReason } : {}),
          },
        });
      });
    },

    /** A bilingual notice: on the lead's timeline, then to each person its audience reaches. */
    async notifyLead(n: LeadNotification): Promise<void> {
      await db.leadEvent.createMany({
        data: [{ leadId: n.leadId, eventKey: n.eventKey, type: n.type, actor: 'system', at: new Date(n.at), data: { audience: n.audience, text: `${n.zh}\n${n.en}` } }],
        skipDuplicates: true,
      });
      await deliverNotice(db, channel, { source: n.leadId, ...n });
    },

    /**
     * Starts a refused firm's joint consultation on this worker's task queue, as the API starts
     * one, and returns once it has written its record. Idempotent: a retry meets the same id.
     */
    async startLeadConsultation(input: JointConsultationInput): Promise<{ workflowId: string }> {
      const { client, info } = Context.current();
      const workflowId = consultationWorkflowId(input.consultationId);
      await client.workflow.executeUpdateWithStart(consultationOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(jointConsultationWorkflow, {
          workflowId,
          taskQueue: info.taskQueue,
          workflowIdConflictPolicy: 'USE_EXISTING',
          args: [input],
          staticSummary: `${input.consultationId} · 联合会诊 joint consultation · ${input.refused.bankCode}`,
          staticDetails: `走访线索转入 From lead ${input.leadId}`,
          typedSearchAttributes: openingConsultationAttributes(input, input.firm.streetCode),
        }),
      });
      return { workflowId };
    },
  };
}
