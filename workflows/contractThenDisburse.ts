// Contract, then money, for a case the bank approved (fast-track or sci-tech). Both calls are
// idempotent on the bank's side (key = case number) and retried until done. A case withdrawn
// while its contract was being signed gets no money; once the contract is signed, it can no
// longer be withdrawn.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { formatWan } from '../domain/money';
import type { FastTrackStage, SciTechStage } from '../domain/stages';
import { BANK, RECORD } from './activityOptions';
import type { Projector } from './projector';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/** The loan the bank approved. */
export interface ApprovedLoan {
  caseNo: string;
  bankCode: string;
  amountFen: number;
  rateBp: number;
  termMonths: number;
}

/** What the step reads and moves on the case. */
export interface ApprovedCase {
  readonly state: {
    stage: FastTrackStage | SciTechStage;
    contract?: { contractNo: string; signedAt: string };
    disbursement?: { reference: string; amountFen: number; at: string };
  };
  /** Writes the case's record with one timeline event (see Projector.project). */
  project: Projector['project'];
  ended(): boolean;
  /** The DISBURSED event's data besides the payment: how the case's promise was kept. */
  promiseKept(): Record<string, unknown>;
}

export async function contractThenDisburse(loan: ApprovedLoan, c: ApprovedCase): Promise<void> {
  const contract = await act.signContract.executeWithOptions({ ...BANK, summary: `签订借款合同 Sign loan contract ${formatWan(loan.amountFen)}` }, [
    { caseNo: loan.caseNo, bankCode: loan.bankCode, amountFen: loan.amountFen, rateBp: loan.rateBp, termMonths: loan.termMonths },
  ]);
  c.state.contract = contract;
  if (c.ended()) return;
  // From here on money moves: a withdrawal is no longer accepted.
  c.state.stage = 'DISBURSING';
  await c.project('合同已签 Contract signed', 'contract-signed', 'CONTRACT_SIGNED', 'system', { contractNo: contract.contractNo, signedAt: contract.signedAt });
  const paid = await act.disburse.executeWithOptions({ ...BANK, summary: `放款 Disburse ${formatWan(loan.amountFen)} (幂等键 idempotency key ${loan.caseNo})` }, [
    { caseNo: loan.caseNo, bankCode: loan.bankCode, contractNo: contract.contractNo, amountFen: loan.amountFen },
  ]);
  c.state.disbursement = { reference: paid.reference, amountFen: paid.amountFen, at: paid.paidAt };
  c.state.stage = 'DISBURSED';
  await c.project('放款完成 Disbursed', 'disbursed', 'DISBURSED', 'system', { ...c.state.disbursement, ...c.promiseKept() });
}
