import { writeAudit } from '../infra/audit';
import type { Database } from '../infra/database';
import { inTransaction, type Statements } from '../infra/sql';
import { Prisma } from '../prisma/generated/client';
import { timelineEventInsert, writeCaseProgress, type CaseProgress } from './caseProgress';
import { auditCreditCodeOverride } from './creditCodeOverride';
import type { FastTrackCaseInput } from '../workflows/fastTrackCase';

export interface AcceptedCase {
  caseNo: string;
  product: 'FAST_TRACK' | 'SCI_TECH';
  stage: string;
  firm: { name: string; creditCode: string; creditCodeWarnings: string[] };
  streetCode: string;
  bankCode: string;
  amountFen: number;
  purpose: string;
  acceptedAt: string;
  acceptedBy: string;
  dueAt: string;
  /** Data of the ACCEPTED timeline event. */
  eventData: Record<string, unknown>;
  /** The lead converted into this case, if any. */
  leadId?: string;
  /** The customer manager who prepared the firm's application: the confirmation of a pilot code is theirs. */
  guidedBy?: string;
}

/**
 * A case's first record: the case (with the firm as its street office named it), the acceptance
 * event, and the audit rows of its opening and of a confirmed credit-code override, all in one
 * transaction; idempotent. A repeat (a retry, or the projection's rebuild) writes the firm's name
 * and code the workflow holds again, which restores them on records migrated from the shared firm row.
 */
export async function recordAcceptedCase(db: Database, c: AcceptedCase): Promise<void> {
  await inTransaction(db, (tx) => writeAcceptedCase(tx, c));
}

/** recordAcceptedCase in the caller's transaction, in written-out statements (Prisma's client compiles a model call anew each time). */
async function writeAcceptedCase(tx: Statements, c: AcceptedCase): Promise<void> {
  const { name, creditCode } = c.firm;
  const inserted = await tx.$executeRaw(Prisma.sql`
    INSERT INTO loan_case (case_no, workflow_id, product, firm_name, credit_code, street_code, bank_code, amount_fen, purpose, stage, sla_state, accepted_at, due_at, created_by, lead_id, updated_at)
    VALUES (${c.caseNo}, ${`case-${c.caseNo}`}, ${c.product}, ${name}, ${creditCode}, ${c.streetCode}, ${c.bankCode}, ${c.amountFen}::bigint, ${c.purpose}, ${c.stage}, 'ON_TRACK',
      ${new Date(c.acceptedAt)}::timestamptz, ${new Date(c.dueAt)}::timestamptz, ${c.acceptedBy}, ${c.leadId ?? null}, now())
    ON CONFLICT DO NOTHING`);
  if (inserted === 0) {
    await tx.$executeRaw(Prisma.sql`UPDATE loan_case SET firm_name = ${name}, credit_code = ${creditCode}, updated_at = now() WHERE case_no = ${c.caseNo}`);
    return;
  }
  await tx.$executeRaw(timelineEventInsert(c.caseNo, { eventKey: 'accepted', type: 'ACCEPTED', actor: c.acceptedBy, at: c.acceptedAt, data: c.eventData }));
  const subject = `case:${c.caseNo}`;
  await writeAudit(tx, {
    actor: c.acceptedBy,
    action: 'CASE_OPENED',
    subject,
    key: `${subject}:opened`,
    after: { product: c.product, firm: c.firm, street: c.streetCode, bank: c.bankCode, amountFen: c.amountFen, purpose: c.purpose, ...c.eventData },
  });
  if (c.firm.creditCodeWarnings.length > 0) {
    await auditCreditCodeOverride(tx, { actor: c.guidedBy ?? c.acceptedBy, creditCode: c.firm.creditCode, warnings: c.firm.creditCodeWarnings, opened: { caseNo: c.caseNo } });
  }
}

/** What a fast-track case's acceptance record is made of. */
export interface FastTrackAcceptance {
  input: FastTrackCaseInput;
  dueAt: string;
  dueProvisional: boolean;
}

/** A fast-track case's first write: its acceptance record and its branches' first progress. */
export interface CaseOpened {
  acceptance: FastTrackAcceptance;
  progress: CaseProgress;
}

function fastTrackAccepted({ input, dueAt, dueProvisional }: FastTrackAcceptance): AcceptedCase {
  const { caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy } = input;
  return {
    caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy, dueAt,
    ...(input.leadId ? { leadId: input.leadId } : {}),
    product: 'FAST_TRACK',
    stage: 'PARALLEL_REVIEW',
    eventData: { dueAt, dueProvisional, amountFen, ...linksOf(input) },
  };
}

/** Where a case came from, on its acceptance event: the consultation, the lead or the prepared application that opened it, and who guided the firm. */
export function linksOf(input: { consultationId?: string; leadId?: string; firmApplicationId?: string; guidedBy?: string }): Record<string, string> {
  const links = { consultationId: input.consultationId, leadId: input.leadId, firmApplicationId: input.firmApplicationId, guidedBy: input.guidedBy };
  return Object.fromEntries(Object.entries(links).filter((e): e is [string, string] => e[1] !== undefined));
}

export function caseRecordActivities(db: Database) {
  return {
    recordCaseAccepted(acceptance: FastTrackAcceptance): Promise<void> {
      return recordAcceptedCase(db, fastTrackAccepted(acceptance));
    },

    /**
     * A fast-track case's acceptance record and its branches' first progress in one transaction:
     * one round trip to PostgreSQL and one activity before acceptance answers (patch acceptance-written-once).
     * Returns what it wrote, as recordCaseProgress does.
     */
    async recordCaseOpened(opened: CaseOpened): Promise<CaseOpened> {
      await inTransaction(db, async (tx) => {
        await writeAcceptedCase(tx, fastTrackAccepted(opened.acceptance));
        await writeCaseProgress(tx, opened.progress);
      });
      return opened;
    },
  };
}
