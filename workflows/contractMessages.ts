// Messages of the contract-then-money step both case workflows share (contractThenDisburse.ts).
import { defineUpdate } from '@temporalio/workflow';
import type { ContractTerms } from '../domain/contractConfirmation';
import type { DisbursementResolution, ReportedPayment } from '../domain/disbursementHold';
import type { StaffProfile } from '../domain/people';
import type { CaseState } from './fastTrackCaseMessages';
import type { SciTechCaseState } from './sciTechCaseMessages';

/** The bank's cancellation of a signed contract before it paid: the case may then be withdrawn. */
export interface ContractCancellation {
  reason: string;
  by: string;
  /** When the bank cancelled it. */
  at: string;
}

export interface SignedContract {
  contractNo: string;
  signedAt: string;
  cancellation?: ContractCancellation;
}

/** The case bank's credit approver cancels the signed contract, while no money has moved. */
export interface CancelContractRequest {
  reason: string;
  actor: string;
  actorProfile?: StaffProfile;
}

export const cancelContractUpdate = defineUpdate<CaseState | SciTechCaseState, [CancelContractRequest]>('cancelContract');

/**
 * A payment the bank reports at another amount than approved: held for the case bank's credit
 * approver, never retried on its own.
 */
export interface DisbursementHold {
  requestedFen: number;
  reported: ReportedPayment;
  since: string;
  /** Who is to act: a credit approver of this bank. */
  assignee: { role: 'credit_approver'; bank: string };
}

/** The approver's answer: accept the bank's reported payment as the disbursement, or ask the bank again. */
export interface ResolveDisbursementRequest {
  action: DisbursementResolution;
  note: string;
  actor: string;
  actorProfile?: StaffProfile;
}

export const resolveDisbursementUpdate = defineUpdate<CaseState | SciTechCaseState, [ResolveDisbursementRequest]>('resolveDisbursement');

/**
 * The firm's confirmation of the approved terms, for a case opened with firmConfirmsContract:
 * the contract is signed only once it is given. Dues on the working-day calendar
 * (domain/contractConfirmation.ts).
 */
export interface ContractConfirmation {
  terms: ContractTerms;
  requestedAt: string;
  /** 24:00 of the last working day the firm has. */
  dueAt: string;
  /** When the firm and its bank are reminded. */
  atRiskAt: string;
  level: 'ON_TRACK' | 'AT_RISK' | 'BREACHED';
  confirmedAt?: string;
  confirmedBy?: string;
}

/** The firm confirms the terms its page showed it; they must still be the approved ones. */
export interface ConfirmContractRequest {
  actor: string;
  /** The credit code the caller's token carries; the validator holds it to the case's firm. */
  actorCreditCode: string;
  /** The terms as the firm saw them. */
  amountFen: number;
  rateBp: number;
  termMonths: number;
}

export const confirmContractUpdate = defineUpdate<CaseState | SciTechCaseState, [ConfirmContractRequest]>('confirmContract');
