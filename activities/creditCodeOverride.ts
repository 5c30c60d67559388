import { writeAudit, type AuditDb } from '../infra/audit';

/**
 * Audits an officer's confirmation of a credit code whose check characters fail (codes from the
 * early pilot), in the transaction that writes the record the code opens.
 */
export async function auditCreditCodeOverride(tx: AuditDb, c: { actor: string; creditCode: string; warnings: readonly string[]; opened: Record<string, string> }): Promise<void> {
  const subject = `firm:${c.creditCode}`;
  const after = { ...c.opened, warnings: [...c.warnings] };
  // Keyed by the record it opens, so a retried or rebuilt projection writes it once.
  await writeAudit(tx, { actor: c.actor, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED', subject, after, key: `${subject}:override:${Object.values(c.opened).join(':')}` });
}
