// The facts the cadence reports' board is built from (domain/cadence/ranking.ts): the outcomes
// and intake of a period, the cases open now, every street and bank.
import type { BoardFacts, OutcomeEvent } from '../domain/cadence/ranking';
import { OUTCOME_EVENT_TYPES } from '../domain/reports/promiseKept';
import { CASE_ENDED_STAGES } from '../domain/stages';
import type { Database } from '../infra/database';
import { rangeInstants, type DateRange } from './slaSummaryQuery';
import { eventAmountFen } from './eventAmount';

/** Decisions and payments dated in the range, and the cases accepted in it. */
export async function periodFacts(db: Database, range: DateRange): Promise<Pick<BoardFacts, 'outcomes' | 'intake'>> {
  const at = rangeInstants(range);
  const [events, intake] = await Promise.all([
    db.caseEvent.findMany({
      where: { type: { in: [...OUTCOME_EVENT_TYPES] }, at },
      select: { type: true, at: true, data: true, loanCase: { select: { streetCode: true, bankCode: true, dueAt: true } } },
    }),
    db.loanCase.findMany({ where: { acceptedAt: at }, select: { streetCode: true, bankCode: true, amountFen: true } }),
  ]);
  return {
    outcomes: events.map(
      (e): OutcomeEvent => ({ ...e.loanCase, type: e.type as OutcomeEvent['type'], at: e.at, amountFen: e.type === 'REJECTED' ? 0 : eventAmountFen(e.data) }),
    ),
    intake: intake.map((c) => ({ streetCode: c.streetCode, bankCode: c.bankCode, amountFen: Number(c.amountFen) })),
  };
}

/** The cases open now, and every street and bank of the reference data. */
export async function currentFacts(db: Database): Promise<Pick<BoardFacts, 'open' | 'streets' | 'banks'>> {
  const [open, streets, banks] = await Promise.all([
    db.loanCase.findMany({
      where: { stage: { notIn: [...CASE_ENDED_STAGES] } },
      select: { caseNo: true, streetCode: true, bankCode: true, slaState: true, acceptedAt: true, firmName: true },
    }),
    db.street.findMany({ orderBy: { code: 'asc' } }),
    db.bank.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  return { open, streets, banks };
}
