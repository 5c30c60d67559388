// The sandbox bank misbehaving for one case: refusing its payment for a while (the contract is
// signed and the money not paid, the window in which the bank may still cancel the contract), or
// already holding a payment under its key at another amount.
import { SandboxBank } from '../../activities/adapters';
import type { Database } from '../../infra/database';

/** Refuses payments of `caseNo` at the sandbox bank until the returned release() is called. */
export async function holdPayment(db: Database, caseNo: string): Promise<() => Promise<void>> {
  await openBooks(db);
  const hold = `hold_${caseNo.replace(/\W/g, '_').toLowerCase()}`;
  await db.$executeRawUnsafe(`ALTER TABLE sandbox_bank.disbursement ADD CONSTRAINT ${hold} CHECK (idempotency_key <> '${caseNo}')`);
  return async () => {
    await db.$executeRawUnsafe(`ALTER TABLE sandbox_bank.disbursement DROP CONSTRAINT IF EXISTS ${hold}`);
  };
}

/** The bank's books hold a payment of `amountFen` under the case's key, against its future contract: it reports that amount when asked to pay. */
export async function reportPaid(db: Database, caseNo: string, bankCode: string, amountFen: number): Promise<void> {
  await openBooks(db);
  await db.$executeRaw`
    INSERT INTO sandbox_bank.disbursement (idempotency_key, reference, bank_code, contract_no, amount_fen)
    VALUES (${caseNo}, ${`FK-${caseNo}`}, ${bankCode}, ${`HT-${bankCode.toUpperCase()}-${caseNo}`}, ${BigInt(amountFen)})`;
}

const openBooks = (db: Database) => new SandboxBank(db).ledger([]);
