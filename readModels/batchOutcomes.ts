// Consultation batches' outcomes read from the projections: each member consultation with its
// re-review answer, and the case its accepted plan opened with that case's decision and payment.
import { batchOutcome, type BatchOutcome, type MemberFacts, type MemberOutcome } from '../domain/consultation/batchOutcome';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import type { ConsultationStage } from '../domain/stages';
import type { Database } from '../infra/database';
import type { Prisma } from '../prisma/generated/client';
import { eventAmountFen } from './eventAmount';

export interface BatchOutcomeReport extends BatchOutcome {
  batchId: string;
  bankCode: string;
  openedAt: string;
  members: MemberOutcome[];
}

/** The outcomes of the batches `where` selects, oldest batch first. */
export async function queryBatchOutcomes(db: Database, where: Prisma.ConsultationBatchWhereInput, calendar: WorkingCalendar): Promise<BatchOutcomeReport[]> {
  const batches = await db.consultationBatch.findMany({ where, orderBy: [{ openedAt: 'asc' }, { batchId: 'asc' }] });
  const consultations = await db.consultation.findMany({
    where: { batchId: { in: batches.map((b) => b.batchId) } },
    orderBy: { consultationId: 'asc' },
    include: { events: { where: { type: { in: ['ACCEPTED', 'DECLINED'] } }, select: { at: true } } },
  });
  const caseNos = consultations.flatMap((c) => (c.linkedCaseNo ? [c.linkedCaseNo] : []));
  const cases = await db.loanCase.findMany({
    where: { caseNo: { in: caseNos } },
    select: { caseNo: true, stage: true, events: { where: { type: { in: ['APPROVED', 'REJECTED', 'DISBURSED'] } }, select: { type: true, at: true, data: true } } },
  });
  const caseOf = new Map(cases.map((c) => [c.caseNo, c]));
  const facts = (c: (typeof consultations)[number]): MemberFacts => {
    const linked = c.linkedCaseNo ? caseOf.get(c.linkedCaseNo) : undefined;
    const decision = linked?.events.find((e) => e.type === 'APPROVED' || e.type === 'REJECTED');
    const paid = linked?.events.find((e) => e.type === 'DISBURSED');
    return {
      consultationId: c.consultationId,
      firmName: c.firmName,
      stage: c.stage as ConsultationStage,
      openedAt: c.openedAt,
      dueAt: c.dueAt,
      answeredAt: c.events[0]?.at ?? null,
      linkedCase: linked
        ? {
            caseNo: linked.caseNo,
            stage: linked.stage,
            decision: decision ? { outcome: decision.type as 'APPROVED' | 'REJECTED', at: decision.at } : null,
            disbursement: paid ? { at: paid.at, amountFen: eventAmountFen(paid.data) } : null,
          }
        : null,
    };
  };
  return batches.map((b) => {
    const { summary, members } = batchOutcome(consultations.filter((c) => c.batchId === b.batchId).map(facts), calendar);
    return { batchId: b.batchId, bankCode: b.bankCode, openedAt: b.openedAt.toISOString(), ...summary, members };
  });
}
