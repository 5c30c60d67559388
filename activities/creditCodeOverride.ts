import type { Prisma } from '../prisma/generated/client';

/**
 * Audits an officer's confirmation of a credit code whose check characters fail (codes from the
 * early pilot), in the transaction that writes the record the code opens.
 */
export async function auditCreditCodeOverride(tx: Prisma.TransactionClient, c: { actor: string; creditCode: string; warnings: readonly string[]; opened: Record<string, string> }): Promise<void> {
  await tx.auditEntry.create({
    data: { actor: c.actor, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED', subject: `firm:${c.creditCode}`, after: { ...c.opened, warnings: [...c.warnings] } },
  });
}
