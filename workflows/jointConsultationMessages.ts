// The joint consultation's messages (银行联合会诊): what the task force, banks and the API
// send to one refused firm's consultation, and what its batch hears back.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReasonEntry } from '../domain/consultation/reasons';
import type { CreditCodeWarning } from '../domain/creditCode';
import type { FinancingPlan, LinkedProduct } from '../domain/consultation/plan';
import type { MemberProgress } from '../domain/consultation/progress';
import type { SlaStateValue } from '../domain/slaState';
import type { ConsultationStage } from '../domain/stages';
import type { SciTechApplication } from './sciTechCaseMessages';

export type { ConsultationStage, FinancingPlan, LinkedProduct, ReasonEntry };

/** Workflow ids: what Temporal UI shows and what keeps a retried start from duplicating. */
export const consultationWorkflowId = (consultationId: string) => `consultation-${consultationId}`;
export const batchWorkflowId = (batchId: string) => `consultation-batch-${batchId}`;
/**
 * A batch member's consultation id: the batch id and the firm's place in the batch (from 1), so a
 * retried batch starts the same ids. Workflow ids are stored and shown in clear, so no credit code.
 */
export const batchMemberId = (batchId: string, position: number) => `${batchId}-${String(position).padStart(3, '0')}`;
/** The ids of batches started before patch `batch-member-ids-without-credit-code`, which carried the credit code. */
export const legacyBatchMemberId = (batchId: string, creditCode: string) => `${batchId}-${creditCode}`;

/**
 * Who acts, as the API authenticated them: the validators check the role (and a bank's own
 * plans) from this data, so the rules live with the workflow like the fast-track case's.
 */
export interface ConsultationActor {
  id: string;
  role: string;
  bank?: string;
}

export interface JointConsultationInput {
  /** JC-<caseNo> from a rejected case; <batchId>-<position, 001…> in a batch (<batchId>-<credit code> before). */
  consultationId: string;
  /** `creditCodeWarnings`: check characters that fail, confirmed by the officer who opened it (early pilot codes). */
  firm: { name: string; creditCode: string; streetCode: string; creditCodeWarnings?: CreditCodeWarning[] };
  /** What the bank refused; the plan is judged against it. */
  refused: { product: LinkedProduct; bankCode: string; amountFen: number; purpose: string; caseNo?: string };
  /** Reasons known at opening (the rejected case's, or the batch's list); otherwise recorded later. */
  reasons?: ReasonEntry[];
  batchId?: string;
  /** The lead (线索) of a refused firm a visit found, which opened this consultation. */
  leadId?: string;
  /** ISO-8601 instant the consultation opened: its five working days start here. */
  openedAt: string;
  openedBy: string;
  /** Working time before the due instant at which it turns AT_RISK (default half a working day). */
  atRiskLeadMs?: number;
}

/** A plan as proposed; a sci-tech plan carries the full application its case will score. */
export interface ProposedPlan extends FinancingPlan {
  sciTech?: SciTechApplication;
}

export interface MaterialsPause {
  missing: string[];
  reason: string;
  by: string;
  since: string;
  until?: string;
  /** Working days the wait lasted (its own day not counted, the day the materials came counted); the due moves on by them. */
  pausedWorkingDays?: number;
  /** Working time the clock stood still, for waits ended before the period rule; added to the due instant. */
  pausedWorkingMs?: number;
  /** When the wait, still standing, escalates (waits since patch `consultation-pause-limit`). */
  escalatesAt?: string;
  /** When it did. */
  escalatedAt?: string;
}

export interface ConsultationState {
  consultationId: string;
  stage: ConsultationStage;
  slaState: SlaStateValue;
  openedAt: string;
  dueAt: string | null;
  atRiskAt?: string;
  recorded: boolean;
  reasons: ReasonEntry[];
  reasonsBy?: string;
  plan?: ProposedPlan & { by: string; at: string };
  materials: MaterialsPause[];
  reReview?: { outcome: 'ACCEPTED' | 'DECLINED'; by: string; at: string; note?: string };
  /** The case an accepted plan opened: it points back through its input's consultationId. */
  linkedCase?: { caseNo: string; product: LinkedProduct; workflowId: string };
  breaches: { dueAt: string; breachedAt: string; stage: ConsultationStage }[];
  withdrawal?: { reason: string; by: string; at: string };
}

export interface RecordReasonsRequest {
  actor: ConsultationActor;
  reasons: ReasonEntry[];
}
export interface ProposePlanRequest {
  actor: ConsultationActor;
  plan: ProposedPlan;
}
export interface RequestMaterialsRequest {
  actor: ConsultationActor;
  missing: string[];
  reason: string;
}
export interface CompleteMaterialsRequest {
  actor: ConsultationActor;
  note?: string;
}
export interface ReReviewRequest {
  actor: ConsultationActor;
  outcome: 'ACCEPTED' | 'DECLINED';
  note?: string;
}
export interface WithdrawConsultationRequest {
  actor: ConsultationActor;
  reason: string;
}

export const consultationStateQuery = defineQuery<ConsultationState>('getConsultationState');
/** Completes once the consultation's record is written; used with update-with-start. */
export const consultationOpenedUpdate = defineUpdate<ConsultationState>('consultationOpened');
export const recordReasonsUpdate = defineUpdate<ConsultationState, [RecordReasonsRequest]>('recordReasons');
export const proposePlanUpdate = defineUpdate<ConsultationState, [ProposePlanRequest]>('proposePlan');
/** The firm has to supply materials: the five-working-day clock stands still meanwhile. */
export const requestMaterialsUpdate = defineUpdate<ConsultationState, [RequestMaterialsRequest]>('requestMaterials');
/** The file is complete (after a materials request, or at once): the plan goes to re-review. */
export const completeMaterialsUpdate = defineUpdate<ConsultationState, [CompleteMaterialsRequest]>('completeMaterials');
export const reReviewUpdate = defineUpdate<ConsultationState, [ReReviewRequest]>('reReview');
export const withdrawConsultationUpdate = defineUpdate<ConsultationState, [WithdrawConsultationRequest]>('withdrawConsultation');

/** A consultation tells its batch where it stands after each change; `revision` orders the news. */
export const consultationProgressSignal = defineSignal<[MemberProgress & { revision: number }]>('consultationProgress');
