// Messages of the contract-then-money step both case workflows share (contractThenDisburse.ts).
import { defineUpdate } from '@temporalio/workflow';
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
