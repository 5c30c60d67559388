// The sci-tech credit case's messages: what people and the API send to a running case.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PatentValuation } from '../activities/adapters';
import type { StaffProfile } from '../domain/people';
import type { PatentType, SciTechRejectionReason } from '../domain/sciTech/policy';
import type { Band, Factor, LimitBreakdown, ScoringResult } from '../domain/sciTech/scoring';
import type { SciTechStage } from '../domain/stages';
import type { ContractConfirmation, DisbursementHold, SignedContract } from './contractMessages';
import type { SlaStateValue } from './fastTrackCaseMessages';

export type { Band, Factor, PatentType, SciTechRejectionReason, SciTechStage };

/** What the firm submits online, guided by the loan officer; the valuations come from the IP valuation service. */
export interface SciTechApplication {
  patents: { patentNo: string; type: PatentType; remainingYears: number }[];
  rdSpendFen: number;
  /** Oldest first. */
  revenueFen: [number, number, number];
  yearsInOperation: number;
  existingDebtFen: number;
  requestedFen: number;
}

export interface SciTechCaseInput {
  caseNo: string;
  firm: { name: string; creditCode: string; creditCodeWarnings: string[] };
  streetCode: string;
  bankCode: string;
  purpose: string;
  /** ISO-8601 instant the application was accepted: the 48 hours start here. */
  acceptedAt: string;
  acceptedBy: string;
  /** The joint consultation whose accepted plan opened this case, if any. */
  consultationId?: string;
  /** The lead (线索) converted into this case, if any. */
  leadId?: string;
  /** The customer manager's prepared application the firm submitted (docs/firm.md), if any. */
  firmApplicationId?: string;
  /** The customer manager who guided the firm's application (and confirmed a pilot credit code), if any. */
  guidedBy?: string;
  application: SciTechApplication;
  /** Who decides a MANUAL_REVIEW case; defaults to the bank's credit approver role. */
  approver?: string;
  /** Calendar time before the due instant at which the case turns AT_RISK (default 8 h). */
  atRiskLeadMs?: number;
  /** The firm confirms the approved terms online before the contract is signed (docs/firm.md). */
  firmConfirmsContract?: boolean;
}

export interface SciTechDecision {
  outcome: 'APPROVED' | 'REJECTED';
  /** `system:scoring` for an automatic decision. */
  by: string;
  at: string;
  automatic: boolean;
  amountFen?: number;
  rateBp?: number;
  termMonths?: number;
  reasons?: { code: SciTechRejectionReason; note?: string }[];
}

export interface SciTechBreach {
  dueAt: string;
  breachedAt: string;
  stage: SciTechStage;
}

export interface SciTechCaseState {
  caseNo: string;
  product: 'SCI_TECH';
  stage: SciTechStage;
  slaState: SlaStateValue;
  acceptedAt: string;
  /** acceptedAt + 48 calendar hours. */
  dueAt: string;
  atRiskAt: string;
  recorded: boolean;
  valuations?: PatentValuation[];
  score?: number;
  band?: Band;
  bandReasons?: ScoringResult['reasons'];
  factors?: Factor[];
  limit?: LimitBreakdown;
  /** Who decides, set as the case enters MANUAL_REVIEW (the query answers it before the record does). */
  approver?: string;
  breaches: SciTechBreach[];
  decision?: SciTechDecision;
  /** The firm's confirmation of the terms, for a case opened with firmConfirmsContract. */
  contractConfirmation?: ContractConfirmation;
  contract?: SignedContract;
  /** Set while a payment the bank reports at another amount waits for the approver. */
  disbursementHold?: DisbursementHold;
  disbursement?: { reference: string; amountFen: number; at: string };
  withdrawal?: { reason: string; by: string; at: string };
}

/** `actorProfile`: the decider's role and bank; the decision belongs to the case's bank's credit approver. */
export type SciTechDecideRequest = { actor: string; actorProfile: StaffProfile } & (
  | { outcome: 'APPROVED'; amountFen: number; rateBp: number; termMonths: number }
  | { outcome: 'REJECTED'; reasons: { code: SciTechRejectionReason; note?: string }[] }
);

export interface SciTechWithdrawRequest {
  reason: string;
  actor: string;
}

// Same names as the fast-track case's: the API addresses any case the same way.
export const sciTechGetStateQuery = defineQuery<SciTechCaseState>('getState');
/** Completes once the case is accepted and its record written; used with update-with-start. */
export const sciTechAcceptanceUpdate = defineUpdate<SciTechCaseState>('acceptance');
export const sciTechDecideUpdate = defineUpdate<SciTechCaseState, [SciTechDecideRequest]>('decide');
export const sciTechWithdrawUpdate = defineUpdate<SciTechCaseState, [SciTechWithdrawRequest]>('withdraw');
