import type { Database } from '../../infra/database';
import { sandboxGate, SandboxUnavailableError, type SandboxBehaviour } from './sandbox';

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

/** The cooperating bank's systems: VIP channel, contracts and payments. */
export interface BankAdapter {
  /** Docks a case into the bank's VIP (green) channel; idempotent per case. */
  dockVipChannel(req: { caseNo: string; bankCode: string; amountFen: number; assessmentOutcome: string }): Promise<{ ticketNo: string }>;
  signContract(req: ContractRequest): Promise<{ contractNo: string; signedAt: string }>;
  /** Pays the loan into the firm's account exactly once per case. */
  disburse(req: DisbursementRequest, signal?: AbortSignal): Promise<{ reference: string; amountFen: number; paidAt: string }>;
}

export interface SandboxBankOptions extends SandboxBehaviour {
  /** The first N disbursements are paid but their answer is lost, as when a connection drops. */
  loseResponseFirst?: number;
  /** Runs after a payment is committed and before answering (tests crash a worker here). */
  afterPayment?: (caseNo: string, signal?: AbortSignal) => Promise<void>;
}

/**
 * A bank that keeps contracts and payments in PostgreSQL under a unique
 * idempotency key, as a real core-banking API would: a repeated call returns the
 * first result and never pays twice.
 */
export class SandboxBank implements BankAdapter {
  private readonly gate;
  private lost = 0;

  constructor(
    private readonly db: Database,
    private readonly opts: SandboxBankOptions = {},
  ) {
    this.gate = sandboxGate('银行 bank', opts);
  }

  async dockVipChannel({ caseNo, bankCode }: { caseNo: string; bankCode: string }) {
    await this.gate('dockVipChannel');
    return { ticketNo: `VIP-${bankCode.toUpperCase()}-${caseNo}` };
  }

  async signContract(req: ContractRequest) {
    await this.gate('signContract');
    const contractNo = `HT-${req.bankCode.toUpperCase()}-${req.caseNo}`;
    await this.db.sandboxContract.createMany({
      data: [{ idempotencyKey: req.caseNo, contractNo, bankCode: req.bankCode, amountFen: BigInt(req.amountFen), rateBp: req.rateBp, termMonths: req.termMonths }],
      skipDuplicates: true,
    });
    const row = await this.db.sandboxContract.findUniqueOrThrow({ where: { idempotencyKey: req.caseNo } });
    return { contractNo: row.contractNo, signedAt: row.createdAt.toISOString() };
  }

  async disburse(req: DisbursementRequest, signal?: AbortSignal) {
    await this.gate('disburse');
    await this.db.sandboxDisbursement.createMany({
      data: [{ idempotencyKey: req.caseNo, reference: `FK-${req.caseNo}`, bankCode: req.bankCode, contractNo: req.contractNo, amountFen: BigInt(req.amountFen) }],
      skipDuplicates: true,
    });
    const row = await this.db.sandboxDisbursement.findUniqueOrThrow({ where: { idempotencyKey: req.caseNo } });
    if (row.amountFen !== BigInt(req.amountFen)) {
      throw new Error(`disbursement ${row.reference} was already made for ${row.amountFen} fen, not ${req.amountFen}`);
    }
    await this.opts.afterPayment?.(req.caseNo, signal);
    if (this.lost < (this.opts.loseResponseFirst ?? 0)) {
      this.lost++;
      throw new SandboxUnavailableError(`银行 bank sandbox: paid ${row.reference} but the answer was lost`);
    }
    return { reference: row.reference, amountFen: Number(row.amountFen), paidAt: row.createdAt.toISOString() };
  }
}
