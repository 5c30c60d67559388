import type { Database } from '../infra/database';
import type { FastTrackCaseInput } from '../workflows/fastTrackCase';

export interface CaseEventInput {
  caseNo: string;
  /** Unique per case: a retried activity writes the same key again and changes nothing. */
  eventKey: string;
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
  stage: string;
  slaState: string;
}

/** Projections of a case's workflow into PostgreSQL, each idempotent. */
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

    async recordCaseEvent(e: CaseEventInput) {
      await db.$transaction([
        db.caseEvent.createMany({
          data: [{ caseNo: e.caseNo, eventKey: e.eventKey, type: e.type, actor: e.actor, at: new Date(e.at), data: e.data as object }],
          skipDuplicates: true,
        }),
        db.loanCase.update({ where: { caseNo: e.caseNo }, data: { stage: e.stage, slaState: e.slaState } }),
      ]);
    },
  };
}
