// A bank for development, tests and demos. It keeps its own books in PostgreSQL, in a schema of
// its own (`sandbox_bank`) that it creates on first use, outside Greenlane's tables: like a real
// core-banking API, a repeated call under the same idempotency key returns the first result and
// never pays twice.
import type { Database } from '../../infra/database';
import { ContractPaidError, DisbursedAmountDiffersError, type BankAdapter, type BankLedger, type ContractCancellationRequest, type ContractRequest, type DisbursementRequest } from './bank';
import { sandboxGate, SandboxUnavailableError, type SandboxBehaviour } from './sandbox';

export interface SandboxBankOptions extends SandboxBehaviour {
  /** The first N disbursements are paid but their answer is lost, as when a connection drops. */
  loseResponseFirst?: number;
  /** Runs after a payment is committed and before answering (tests crash a worker here). */
  afterPayment?: (caseNo: string, signal?: AbortSignal) => Promise<void>;
}

// IF NOT EXISTS everywhere: several workers may open the books at once; a race on creating the
// same object is retried once (see openBooks).
const BOOKS_DDL = [
  `CREATE SCHEMA IF NOT EXISTS sandbox_bank`,
  `CREATE TABLE IF NOT EXISTS sandbox_bank.contract (
  idempotency_key TEXT PRIMARY KEY,
  contract_no     TEXT NOT NULL UNIQUE,
  bank_code       TEXT NOT NULL,
  amount_fen      BIGINT NOT NULL,
  rate_bp         INTEGER NOT NULL,
  term_months     INTEGER NOT NULL,
  created_at      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
  // Books opened before contracts could be cancelled gain the columns.
  `ALTER TABLE sandbox_bank.contract ADD COLUMN IF NOT EXISTS cancelled_at TIMESTAMPTZ(3)`,
  `ALTER TABLE sandbox_bank.contract ADD COLUMN IF NOT EXISTS cancel_reason TEXT`,
  `CREATE TABLE IF NOT EXISTS sandbox_bank.disbursement (
  idempotency_key TEXT PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  bank_code       TEXT NOT NULL,
  contract_no     TEXT NOT NULL,
  amount_fen      BIGINT NOT NULL,
  created_at      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
];

type ContractRow = { idempotency_key: string; contract_no: string; created_at: Date };
type PaymentRow = { idempotency_key: string; reference: string; contract_no: string; amount_fen: bigint; created_at: Date };

export class SandboxBank implements BankAdapter {
  private readonly gate;
  private lost = 0;
  private books?: Promise<void>;

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
    await this.openBooks();
    const contractNo = `HT-${req.bankCode.toUpperCase()}-${req.caseNo}`;
    await this.db.$executeRaw`
      INSERT INTO sandbox_bank.contract (idempotency_key, contract_no, bank_code, amount_fen, rate_bp, term_months)
      VALUES (${req.caseNo}, ${contractNo}, ${req.bankCode}, ${BigInt(req.amountFen)}, ${req.rateBp}, ${req.termMonths})
      ON CONFLICT DO NOTHING`;
    const [row] = await this.db.$queryRaw<ContractRow[]>`
      SELECT idempotency_key, contract_no, created_at FROM sandbox_bank.contract WHERE idempotency_key = ${req.caseNo}`;
    return { contractNo: row!.contract_no, signedAt: row!.created_at.toISOString() };
  }

  // Cancelling and paying both lock the contract's row first: whichever comes second sees the other.
  async cancelContract(req: ContractCancellationRequest) {
    await this.gate('cancelContract');
    await this.openBooks();
    return this.db.$transaction(async (tx) => {
      const [contract] = await tx.$queryRaw<{ cancelled_at: Date | null }[]>`
        SELECT cancelled_at FROM sandbox_bank.contract WHERE idempotency_key = ${req.caseNo} AND contract_no = ${req.contractNo} FOR UPDATE`;
      if (!contract) throw new Error(`银行 bank sandbox: no contract ${req.contractNo} for case ${req.caseNo}`);
      if (contract.cancelled_at) return { cancelledAt: contract.cancelled_at.toISOString() };
      const [paid] = await tx.$queryRaw<{ reference: string }[]>`SELECT reference FROM sandbox_bank.disbursement WHERE contract_no = ${req.contractNo}`;
      if (paid) throw new ContractPaidError(`合同 ${req.contractNo} 已放款（${paid.reference}），不能撤销 contract ${req.contractNo} is paid out (${paid.reference}) and can no longer be cancelled`);
      const [cancelled] = await tx.$queryRaw<{ cancelled_at: Date }[]>`
        UPDATE sandbox_bank.contract SET cancelled_at = CURRENT_TIMESTAMP, cancel_reason = ${req.reason}
        WHERE idempotency_key = ${req.caseNo} RETURNING cancelled_at`;
      return { cancelledAt: cancelled!.cancelled_at.toISOString() };
    });
  }

  async disburse(req: DisbursementRequest, signal?: AbortSignal) {
    await this.gate('disburse');
    await this.openBooks();
    await this.db.$transaction(async (tx) => {
      const [contract] = await tx.$queryRaw<{ cancelled_at: Date | null }[]>`
        SELECT cancelled_at FROM sandbox_bank.contract WHERE contract_no = ${req.contractNo} FOR UPDATE`;
      if (contract?.cancelled_at) throw new Error(`银行 bank sandbox: contract ${req.contractNo} was cancelled at ${contract.cancelled_at.toISOString()}; it is never paid`);
      await tx.$executeRaw`
        INSERT INTO sandbox_bank.disbursement (idempotency_key, reference, bank_code, contract_no, amount_fen)
        VALUES (${req.caseNo}, ${`FK-${req.caseNo}`}, ${req.bankCode}, ${req.contractNo}, ${BigInt(req.amountFen)})
        ON CONFLICT DO NOTHING`;
    });
    const [row] = await this.db.$queryRaw<PaymentRow[]>`
      SELECT idempotency_key, reference, contract_no, amount_fen, created_at FROM sandbox_bank.disbursement WHERE idempotency_key = ${req.caseNo}`;
    if (row!.amount_fen !== BigInt(req.amountFen)) {
      throw new DisbursedAmountDiffersError(req.amountFen, { reference: row!.reference, amountFen: Number(row!.amount_fen), paidAt: row!.created_at.toISOString() });
    }
    await this.opts.afterPayment?.(req.caseNo, signal);
    if (this.lost < (this.opts.loseResponseFirst ?? 0)) {
      this.lost++;
      throw new SandboxUnavailableError(`银行 bank sandbox: paid ${row!.reference} but the answer was lost`);
    }
    return { reference: row!.reference, amountFen: Number(row!.amount_fen), paidAt: row!.created_at.toISOString() };
  }

  async ledger(caseNos: string[]): Promise<BankLedger> {
    await this.openBooks();
    const contracts = await this.db.$queryRaw<ContractRow[]>`
      SELECT idempotency_key, contract_no, created_at FROM sandbox_bank.contract WHERE idempotency_key = ANY(${caseNos})`;
    const contractNos = contracts.map((c) => c.contract_no);
    const payments = await this.db.$queryRaw<PaymentRow[]>`
      SELECT idempotency_key, reference, contract_no, amount_fen, created_at FROM sandbox_bank.disbursement
      WHERE idempotency_key = ANY(${caseNos}) OR contract_no = ANY(${contractNos})`;
    return {
      contracts: contracts.map((c) => ({ caseNo: c.idempotency_key, contractNo: c.contract_no })),
      payments: payments.map((p) => ({ idempotencyKey: p.idempotency_key, contractNo: p.contract_no, reference: p.reference, amountFen: Number(p.amount_fen), paidAt: p.created_at.toISOString() })),
    };
  }

  /** Creates the sandbox's books once per instance; losing a race to another creator is retried once. */
  private openBooks(): Promise<void> {
    const create = async () => {
      for (const statement of BOOKS_DDL) await this.db.$executeRawUnsafe(statement);
    };
    this.books ??= create()
      .catch(create)
      .catch((err: unknown) => {
        this.books = undefined; // the next call tries again (the database may be back)
        throw err;
      });
    return this.books;
  }
}
