// The sandbox bank's payment system refusing one case's payment for a while: its contract is
// signed and the money not paid, the window in which the bank may still cancel the contract.
import { SandboxBank } from '../../activities/adapters';
import type { Database } from '../../infra/database';

/** Refuses payments of `caseNo` at the sandbox bank until the returned release() is called. */
export async function holdPayment(db: Database, caseNo: string): Promise<() => Promise<void>> {
  await new SandboxBank(db).ledger([]); // opens the sandbox's books
  const hold = `hold_${caseNo.replace(/\W/g, '_').toLowerCase()}`;
  await db.$executeRawUnsafe(`ALTER TABLE sandbox_bank.disbursement ADD CONSTRAINT ${hold} CHECK (idempotency_key <> '${caseNo}')`);
  return async () => {
    await db.$executeRawUnsafe(`ALTER TABLE sandbox_bank.disbursement DROP CONSTRAINT IF EXISTS ${hold}`);
  };
}
