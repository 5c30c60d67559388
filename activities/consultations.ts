// Joint consultations' projections into PostgreSQL (every write idempotent, ordered by the
// workflow's revision like loan_case) and the number and assignees of the case an accepted
// plan opens.
import { Context } from '@temporalio/activity';
import { formatWan } from '../domain/money';
import { nextCaseNo } from '../infra/caseNumbers';
import type { Database } from '../infra/database';
import { auditCreditCodeOverride } from './creditCodeOverride';
import { defaultAssignees } from '../infra/staffDirectory';
import type { NotificationChannel } from './adapters';
import { auditPersonAction, type Notification } from './caseProgress';
import { deliverNotice } from './notifications';
import { writeAudit } from '../infra/audit';
import { acceptanceUpdate, fastTrackCaseWorkflow, type FastTrackCaseInput } from '../workflows/fastTrackCase';
import { sciTechAcceptanceUpdate, sciTechCaseWorkflow, type SciTechCaseInput } from '../workflows/sciTechCase';
import { ConsultationLink, openingSearchAttributes } from '../workflows/searchAttributes';
import type { ConsultationState, JointConsultationInput, ProposedPlan, ReasonEntry } from '../workflows/jointConsultationMessages';
import { consultationWorkflowId } from '../workflows/jointConsultationMessages';

export interface ConsultationProgress {
  consultationId: string;
  revision: number;
  stage: string;
  slaState: string;
  dueAt?: string;
  reasons: ReasonEntry[];
  plan?: ProposedPlan & { by: string; at: string };
  linkedCaseNo?: string;
  materials: ConsultationState['materials'];
  reReview?: ConsultationState['reReview'];
  breaches: ConsultationState['breaches'];
  withdrawal?: ConsultationState['withdrawal'];
  /** Timeline entry; `eventKey` is unique per consultation, so a retry writes nothing new. */
  event: { eventKey: string; type: string; actor: string; at: string; data: Record<string, unknown> };
}

/** A case notification's fields, addressed to a consultation's timeline. */
export type ConsultationNotification = Omit<Notification, 'caseNo'> & { consultationId: string };

export function consultationActivities(db: Database, channel: NotificationChannel) {
  return {
    /** The consultation's first record, with an audited credit-code override; a retry finds it and changes nothing. */
    async recordConsultationOpened({ input, dueAt }: { input: JointConsultationInput; dueAt: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const created = await tx.consultation.createMany({
          data: [{
            consultationId: input.consultationId,
            workflowId: consultationWorkflowId(input.consultationId),
            batchId: input.batchId ?? null,
            fromCaseNo: input.refused.caseNo ?? null,
            fromLeadId: input.leadId ?? null,
            firmName: input.firm.name,
            creditCode: input.firm.creditCode,
            streetCode: input.firm.streetCode,
            bankCode: input.refused.bankCode,
            refusedProduct: input.refused.product,
            amountFen: BigInt(input.refused.amountFen),
            stage: input.reasons?.length ? 'REASONS_RECORDED' : 'OPENED',
            slaState: 'ON_TRACK',
            openedAt: new Date(input.openedAt),
            dueAt: new Date(dueAt),
            reasons: (input.reasons ?? []) as object[],
            createdBy: input.openedBy,
          }],
          skipDuplicates: true,
        });
        const warnings = input.firm.creditCodeWarnings ?? [];
        if (created.count > 0 && warnings.length > 0) {
          const opened = { consultationId: input.consultationId, ...(input.batchId ? { batchId: input.batchId } : {}) };
          await auditCreditCodeOverride(tx, { actor: input.openedBy, creditCode: input.firm.creditCode, warnings, opened });
        }
      });
    },

    async recordConsultationProgress(p: ConsultationProgress): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.consultationEvent.createMany({
          data: [{ consultationId: p.consultationId, eventKey: p.event.eventKey, type: p.event.type, actor: p.event.actor, at: new Date(p.event.at), data: p.event.data as object }],
          skipDuplicates: true,
        });
        await auditPersonAction(tx, `consultation:${p.consultationId}`, p.revision, p.stage, p.event);
        await tx.consultation.updateMany({
          where: { consultationId: p.consultationId, revision: { lt: p.revision } },
          data: {
            stage: p.stage,
            slaState: p.slaState,
            revision: p.revision,
            reasons: p.reasons as object[],
            ...(p.dueAt ? { dueAt: new Date(p.dueAt) } : {}),
            ...(p.plan ? { plan: p.plan as object, planBankCode: p.plan.bankCode } : {}),
            ...(p.linkedCaseNo ? { linkedCaseNo: p.linkedCaseNo } : {}),
            // A write scheduled before the record kept these carries none: the record still lacks them.
            ...(p.materials ? { materials: p.materials as object[], breaches: p.breaches as object[] } : {}),
            ...(p.reReview ? { reReview: p.reReview } : {}),
            ...(p.withdrawal ? { withdrawal: p.withdrawal } : {}),
          },
        });
      });
    },

    /** A bilingual notice: on the consultation's timeline, then to each person its audience reaches. */
    async notifyConsultation(n: ConsultationNotification): Promise<void> {
      await db.consultationEvent.createMany({
        data: [{ consultationId: n.consultationId, eventKey: n.eventKey, type: n.type, actor: 'system', at: new Date(n.at), data: { audience: n.audience, text: `${n.zh}\n${n.en}` } }],
        skipDuplicates: true,
      });
      await deliverNotice(db, channel, { source: n.consultationId, ...n });
    },

    /** The batch's record and its opening's audit row, in one transaction; a retry writes neither again (keys). */
    async recordConsultationBatch(b: { batchId: string; bankCode: string; firmCount: number; openedAt: string; openedBy: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.consultationBatch.createMany({
          data: [{ batchId: b.batchId, bankCode: b.bankCode, firmCount: b.firmCount, openedAt: new Date(b.openedAt), createdBy: b.openedBy }],
          skipDuplicates: true,
        });
        const subject = `consultation-batch:${b.batchId}`;
        await writeAudit(tx, { actor: b.openedBy, action: 'CONSULTATION_BATCH_OPENED', subject, after: { bankCode: b.bankCode, firmCount: b.firmCount, openedAt: b.openedAt }, key: `${subject}:opened` });
      });
    },

    /**
     * The accepted plan's case number (from the same sequence as API-opened cases) and who
     * holds its branches. A retry after a lost answer draws another number; the workflow keeps
     * the one it recorded, so at worst a number is skipped, never reused.
     */
    async prepareLinkedCase({ year, streetCode, bankCode }: { year: number; streetCode: string; bankCode: string }): Promise<{ caseNo: string; assignees: FastTrackCaseInput['assignees'] }> {
      const [caseNo, assignees] = await Promise.all([nextCaseNo(db, year), defaultAssignees(db, streetCode, bankCode)]);
      return { caseNo, assignees };
    },

    /**
     * Starts the accepted plan's (or a converted lead's) case on this worker's task queue, as the API starts one
     * (workflow case-<caseNo>, the same search attributes), and returns once the case has
     * written its record. Idempotent: a retry meets the same workflow id.
     */
    async startLinkedCase(req: LinkedCaseStart): Promise<{ workflowId: string }> {
      const { client, info } = Context.current();
      const { input } = req;
      const workflowId = `case-${input.caseNo}`;
      const amountFen = req.product === 'SCI_TECH' ? req.input.application.requestedFen : req.input.amountFen;
      const options = {
        workflowId,
        taskQueue: info.taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING' as const,
        staticSummary: `${input.caseNo} · ${formatWan(amountFen)} · ${input.streetCode}`,
        staticDetails: input.consultationId ? `联合会诊转入 From joint consultation ${input.consultationId} · ${req.planLabel}` : `${req.planLabel} ${input.leadId}`,
        typedSearchAttributes: [
          ...openingSearchAttributes({ product: req.product, streetCode: input.streetCode, bankCode: input.bankCode, amountFen }),
          ...(input.consultationId ? [{ key: ConsultationLink, value: input.consultationId }] : []),
        ],
      };
      const handle =
        req.product === 'SCI_TECH'
          ? await client.workflow.start(sciTechCaseWorkflow, { ...options, args: [req.input] })
          : await client.workflow.start(fastTrackCaseWorkflow, { ...options, args: [req.input] });
      try {
        await (req.product === 'SCI_TECH' ? handle.executeUpdate(sciTechAcceptanceUpdate) : handle.executeUpdate(acceptanceUpdate));
      } catch (err) {
        // A sci-tech case may decide and pay before the update arrives: ended, it was recorded.
        if ((await handle.describe()).status.name === 'RUNNING') throw err;
      }
      return { workflowId };
    },
  };
}

export type LinkedCaseStart =
  | { product: 'FAST_TRACK'; input: FastTrackCaseInput; planLabel: string }
  | { product: 'SCI_TECH'; input: SciTechCaseInput; planLabel: string };
