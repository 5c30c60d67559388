// One workflow per batch of refused firms: starts a joint consultation per firm as a child
// (ParentClosePolicy ABANDON: a consultation outlives its batch), hears each one's progress by
// signal and answers managers' progress query until every consultation has closed.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, condition, patched, proxyActivities, setCurrentDetails, setHandler, startChild } from '@temporalio/workflow';
import type * as activities from '../activities';
import { summariseBatch, type MemberProgress } from '../domain/consultation/progress';
import { batchOpenedUpdate, batchProgressQuery, type BatchFirm, type ConsultationBatchInput, type ConsultationBatchResult } from './consultationBatchMessages';
import { jointConsultationWorkflow } from './jointConsultation';
import { batchMemberId, consultationProgressSignal, consultationWorkflowId, legacyBatchMemberId } from './jointConsultationMessages';
import { AmountFen, Bank, CaseStage, ConsultationBatch, Product, SlaState, Street } from './searchAttributes';
import { RECORD } from './activityOptions';

export * from './consultationBatchMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/**
 * History: each member costs about two child events plus one signal per stage change, so 55
 * firms stay near 500 events. Beyond a few hundred firms this workflow should start members
 * in pages and continue-as-new between pages, carrying `members` (already started ids are
 * kept by the derived ids), or read progress from the consultation projection instead.
 */
export async function consultationBatchWorkflow(input: ConsultationBatchInput): Promise<ConsultationBatchResult> {
  // Workflow ids and summaries are stored and shown in clear: they name a member by its place in
  // the batch, not by the firm's credit code and name (batches started before keep their ids).
  const withoutFirmIdentity = patched('batch-member-ids-without-credit-code');
  const memberId = (f: BatchFirm, i: number) => (withoutFirmIdentity ? batchMemberId(input.batchId, i + 1) : legacyBatchMemberId(input.batchId, f.creditCode));
  const members = new Map<string, MemberProgress>(
    input.firms.map((f, i) => {
      const consultationId = memberId(f, i);
      const progress: MemberProgress = { consultationId, firmName: f.name, creditCode: f.creditCode, stage: f.reasons?.length ? 'REASONS_RECORDED' : 'OPENED', slaState: 'ON_TRACK' };
      return [consultationId, progress];
    }),
  );
  const result = (): ConsultationBatchResult => ({ ...summariseBatch(input.batchId, input.bankCode, [...members.values()]), members: [...members.values()] });
  const showProgress = () => {
    const p = result();
    setCurrentDetails(`${input.bankCode} · ${p.total} 家企业 firms · 进行中 open ${p.open} · 采纳 accepted ${p.accepted.length} · 超时 breached ${p.breached.length}`);
  };

  setHandler(batchProgressQuery, result);
  let recorded = false;
  setHandler(batchOpenedUpdate, async () => {
    await condition(() => recorded);
    return result();
  });
  // Two updates of one consultation can finish their projections out of order: keep the newest.
  const revisions = new Map<string, number>();
  setHandler(consultationProgressSignal, ({ revision, ...p }) => {
    if (!members.has(p.consultationId) || revision <= (revisions.get(p.consultationId) ?? 0)) return;
    revisions.set(p.consultationId, revision);
    members.set(p.consultationId, p);
    showProgress();
  });

  await act.recordConsultationBatch.executeWithOptions({ ...RECORD, summary: `登记会诊批次 Record batch ${input.batchId}` }, [
    { batchId: input.batchId, bankCode: input.bankCode, firmCount: input.firms.length, openedAt: input.openedAt, openedBy: input.openedBy },
  ]);
  recorded = true;

  const started = await Promise.all(
    input.firms.map(async (f, i) => {
      const consultationId = memberId(f, i);
      const product = f.product ?? 'FAST_TRACK';
      try {
        return await startChild(jointConsultationWorkflow, {
          workflowId: consultationWorkflowId(consultationId),
          parentClosePolicy: ParentClosePolicy.ABANDON,
          staticSummary: `${withoutFirmIdentity ? consultationId : f.name} · 联合会诊 joint consultation · ${input.bankCode}`,
          staticDetails: `批次 Batch ${input.batchId}`,
          typedSearchAttributes: [
            { key: CaseStage, value: members.get(consultationId)!.stage },
            { key: SlaState, value: 'ON_TRACK' },
            { key: Street, value: f.streetCode },
            { key: Bank, value: input.bankCode },
            { key: Product, value: 'JOINT_CONSULTATION' },
            { key: AmountFen, value: f.amountFen },
            { key: ConsultationBatch, value: input.batchId },
          ],
          args: [
            {
              consultationId,
              // Only a confirmed pilot code carries warnings: the args of every other firm stay as they were.
              firm: { name: f.name, creditCode: f.creditCode, streetCode: f.streetCode, ...(f.creditCodeWarnings?.length ? { creditCodeWarnings: f.creditCodeWarnings } : {}) },
              refused: { product, bankCode: input.bankCode, amountFen: f.amountFen, purpose: f.purpose },
              reasons: f.reasons,
              batchId: input.batchId,
              openedAt: input.openedAt,
              openedBy: input.openedBy,
              atRiskLeadMs: input.atRiskLeadMs,
            },
          ],
        });
      } catch (err) {
        // A reset batch meets the consultation it started before: that one is ours already.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        return undefined;
      }
    }),
  );
  showProgress();

  // Closes after its consultations, never before: a child's end then always finds its parent.
  await Promise.allSettled(started.map((child) => child?.result()));
  return result();
}
