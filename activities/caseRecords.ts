import type { Database } from '../infra/database';
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
}

/** A case's first record: firm, case and acceptance event, and an audited credit-code override; idempotent. */
export async function recordAcceptedCase(db: Database, c: AcceptedCase): Promise<void> {
  await db.$transaction(async (tx) => {
    const firm = await tx.firm.upsert({
      where: { creditCode: c.firm.creditCode },
      create: { creditCode: c.firm.creditCode, name: c.firm.name, streetCode: c.streetCode },
      update: {},
    });
    if (await tx.loanCase.findUnique({ where: { caseNo: c.caseNo } })) return;
    await tx.loanCase.create({
      data: {
        caseNo: c.caseNo,
        workflowId: `case-${c.caseNo}`,
        product: c.product,
        firmId: firm.id,
        streetCode: c.streetCode,
        bankCode: c.bankCode,
        amountFen: BigInt(c.amountFen),
        purpose: c.purpose,
        stage: c.stage,
        slaState: 'ON_TRACK',
        acceptedAt: new Date(c.acceptedAt),
        dueAt: new Date(c.dueAt),
        createdBy: c.acceptedBy,
      },
    });
    await tx.caseEvent.create({
      data: { caseNo: c.caseNo, eventKey: 'accepted', type: 'ACCEPTED', actor: c.acceptedBy, at: new Date(c.acceptedAt), data: c.eventData as object },
    });
    if (c.firm.creditCodeWarnings.length > 0) {
      await auditCreditCodeOverride(tx, { actor: c.acceptedBy, creditCode: c.firm.creditCode, warnings: c.firm.creditCodeWarnings, opened: { caseNo: c.caseNo } });
    }
  });
}

export function caseRecordActivities(db: Database) {
  return {
    recordCaseAccepted({ input, dueAt, dueProvisional }: { input: FastTrackCaseInput; dueAt: string; dueProvisional: boolean }): Promise<void> {
      const { caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy } = input;
      return recordAcceptedCase(db, {
        caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy, dueAt,
        product: 'FAST_TRACK',
        stage: 'PARALLEL_REVIEW',
        eventData: { dueAt, dueProvisional, amountFen, ...(input.consultationId ? { consultationId: input.consultationId } : {}) },
      });
    },
  };
}
