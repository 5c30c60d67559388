// The cooperating bank's systems, as Greenlane uses them. A real connector implements
// BankAdapter; docs/adapters.md says what each call must guarantee.
import type { ReportedPayment } from '../../domain/disbursementHold';

export type { ReportedPayment };

export interface ContractRequest {
  /** Idempotency key: one contract per case. */
  caseNo: string;
  bankCode: string;
  amountFen: number;
  rateBp: number;
  termMonths: number;
}

export interface DisbursementRequest {
  /** Idempotency key: one disbursement per case, whatever retries happen. */
  caseNo: string;
  bankCode: string;
  contractNo: string;
  amountFen: number;
}

export interface ContractCancellationRequest {
  caseNo: string;
  bankCode: string;
  contractNo: string;
  reason: string;
}

/** The bank refuses to cancel a contract it has already paid out. */
export class ContractPaidError extends Error {
  override readonly name = 'ContractPaidError';
}

/** The bank reports a payment under this case's key at another amount than the one asked: retrying cannot change it. */
export class DisbursedAmountDiffersError extends Error {
  override readonly name = 'DisbursedAmountDiffersError';
  constructor(
    readonly requestedFen: number,
    readonly reported: ReportedPayment,
  ) {
    super(`银行报告的放款金额 ${reported.amountFen} 分与申请的 ${requestedFen} 分不符 the bank reports ${reported.reference} paid at ${reported.amountFen} fen, not the ${requestedFen} asked`);
  }
}

/** What the bank's books hold for some cases: the reconciliation the consistency check reads. */
export interface BankLedger {
  contracts: { caseNo: string; contractNo: string }[];
  /** Every payment keyed by one of the cases, or paying one of their contracts. */
  payments: { idempotencyKey: string; contractNo: string; reference: string; amountFen: number; paidAt: string }[];
}

/** The cooperating bank's systems: VIP channel, contracts, payments and their reconciliation. */
export interface BankAdapter {
  /** Docks a case into the bank's VIP (green) channel; idempotent per case. */
  dockVipChannel(req: { caseNo: string; bankCode: string; amountFen: number; assessmentOutcome: string }): Promise<{ ticketNo: string }>;
  /** Signs the loan contract; idempotent per case (a repeat returns the first contract). */
  signContract(req: ContractRequest): Promise<{ contractNo: string; signedAt: string }>;
  /**
   * Cancels a signed contract that has not been paid out (idempotent: a repeat returns the first
   * cancellation); throws ContractPaidError once the money has moved. A cancelled contract is
   * never paid.
   */
  cancelContract(req: ContractCancellationRequest): Promise<{ cancelledAt: string }>;
  /**
   * Pays the loan into the firm's account exactly once per case; never on a cancelled contract.
   * A payment already made under the key at another amount is DisbursedAmountDiffersError.
   */
  disburse(req: DisbursementRequest, signal?: AbortSignal): Promise<{ reference: string; amountFen: number; paidAt: string }>;
  /** The bank's own record of these cases' contracts and payments. */
  ledger(caseNos: string[]): Promise<BankLedger>;
}
