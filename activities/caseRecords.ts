import type { Database } from '../infra/database';
import type { FastTrackCaseInput } from '../workflows/fastTrackCase';

/** The case's first record: firm, case and acceptance event, idempotently. */
export function caseRecordActivities(db: Database) {
  return {
    async recordCaseAccepted({ input, dueAt, dueProvisional }: { input: FastTrackCaseInput; dueAt: string; dueProvisional: boolean }) {
      await db.$transaction(async (tx) => {
        const firm = await tx.firm.upsert({
          where: { creditCode: input.firm.creditCode },
          create: { creditCode: input.firm.creditCode, name: input.firm.name, streetCode: input.streetCode },
          update: {},
        });
        const existing = await tx.loanCase.findUnique({ where: { caseNo: input.caseNo } });
        if (existing) return;
        await tx.loanCase.create({
          data: {
            caseNo: input.caseNo,
            workflowId: `case-${input.caseNo}`,
            product: 'FAST_TRACK',
            firmId: firm.id,
            streetCode: input.streetCode,
            bankCode: input.bankCode,
            amountFen: BigInt(input.amountFen),
            purpose: input.purpose,
            stage: 'PARALLEL_REVIEW',
            slaState: 'ON_TRACK',
            acceptedAt: new Date(input.acceptedAt),
            dueAt: new Date(dueAt),
            createdBy: input.acceptedBy,
          },
        });
        await tx.caseEvent.create({
          data: {
            caseNo: input.caseNo,
            eventKey: 'accepted',
            type: 'ACCEPTED',
            actor: input.acceptedBy,
            at: new Date(input.acceptedAt),
            data: { dueAt, dueProvisional, amountFen: input.amountFen },
          },
        });
        if (input.firm.creditCodeWarnings.length > 0) {
          // An officer confirmed a code whose check characters fail (early pilot codes).
          await tx.auditEntry.create({
            data: {
              actor: input.acceptedBy,
              action: 'CREDIT_CODE_OVERRIDE_CONFIRMED',
              subject: `firm:${input.firm.creditCode}`,
              after: { caseNo: input.caseNo, warnings: input.firm.creditCodeWarnings },
            },
          });
        }
      });
    },
  };
}
