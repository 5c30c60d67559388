// A batch's outcome as managers read it, on both clocks: each consultation's own five working
// days, to a plan accepted or declined; and the case an accepted plan opened, to a decision and
// the money. "Of the 55 firms, how many got money, and how fast" is `cases.disbursed` and
// `cases.workingDaysToMoney`. Pure; the batch report and the cadence reports both use it.
//
// Working days here are fractional (working time ÷ 24 h, domain/reports/slaSummary.ts), from the
// consultation's opening: the firm's whole wait after its refusal.
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { formatFen } from '../money';
import { median, workingDaysBetweenInstants } from '../reports/slaSummary';
import { caseEnded, consultationAnswered, type ConsultationStage } from '../stages';

export interface MemberFacts {
  consultationId: string;
  firmName: string;
  stage: ConsultationStage;
  openedAt: Date;
  /** The consultation's due (moved by the firm's materials pauses). */
  dueAt: Date | null;
  /** When the plan was accepted or declined at re-review. */
  answeredAt: Date | null;
  linkedCase: {
    caseNo: string;
    stage: string;
    decision: { outcome: 'APPROVED' | 'REJECTED'; at: Date } | null;
    disbursement: { at: Date; amountFen: number } | null;
  } | null;
}

export interface MemberOutcome {
  consultationId: string;
  firmName: string;
  stage: ConsultationStage;
  answeredAt: string | null;
  answeredInTime: boolean | null;
  caseNo: string | null;
  caseStage: string | null;
  decision: 'APPROVED' | 'REJECTED' | null;
  decidedAt: string | null;
  disbursedAt: string | null;
  /** CNY, exact to the fen. */
  disbursedAmount: string | null;
  workingDaysToMoney: number | null;
}

export interface BatchOutcome {
  firms: number;
  consultation: { open: number; accepted: number; declined: number; withdrawn: number; answeredInTime: number; medianWorkingDaysToAnswer: number | null };
  cases: {
    opened: number;
    open: number;
    approved: number;
    rejected: number;
    disbursed: number;
    disbursedAmount: string;
    medianWorkingDaysToMoney: number | null;
    slowestWorkingDaysToMoney: number | null;
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function memberOutcome(m: MemberFacts, calendar: WorkingCalendar): MemberOutcome {
  const c = m.linkedCase;
  return {
    consultationId: m.consultationId,
    firmName: m.firmName,
    stage: m.stage,
    answeredAt: m.answeredAt?.toISOString() ?? null,
    answeredInTime: m.answeredAt && m.dueAt ? m.answeredAt <= m.dueAt : null,
    caseNo: c?.caseNo ?? null,
    caseStage: c?.stage ?? null,
    decision: c?.decision?.outcome ?? null,
    decidedAt: c?.decision?.at.toISOString() ?? null,
    disbursedAt: c?.disbursement?.at.toISOString() ?? null,
    disbursedAmount: c?.disbursement ? formatFen(c.disbursement.amountFen) : null,
    workingDaysToMoney: c?.disbursement ? round2(workingDaysBetweenInstants(calendar, m.openedAt, c.disbursement.at)) : null,
  };
}

export function batchOutcome(members: readonly MemberFacts[], calendar: WorkingCalendar): { summary: BatchOutcome; members: MemberOutcome[] } {
  const rows = members.map((m) => memberOutcome(m, calendar));
  const answered = members.filter((m) => consultationAnswered(m.stage) && m.answeredAt);
  const cases = members.flatMap((m) => (m.linkedCase ? [m.linkedCase] : []));
  const toMoney = rows.flatMap((r) => (r.workingDaysToMoney === null ? [] : [r.workingDaysToMoney]));
  const toAnswer = answered.map((m) => workingDaysBetweenInstants(calendar, m.openedAt, m.answeredAt!));
  const medianOf = (xs: number[]) => {
    const v = median(xs);
    return v === null ? null : round2(v);
  };
  return {
    summary: {
      firms: members.length,
      consultation: {
        open: members.filter((m) => !consultationAnswered(m.stage) && m.stage !== 'WITHDRAWN').length,
        accepted: members.filter((m) => m.stage === 'ACCEPTED').length,
        declined: members.filter((m) => m.stage === 'DECLINED').length,
        withdrawn: members.filter((m) => m.stage === 'WITHDRAWN').length,
        answeredInTime: rows.filter((r) => r.answeredInTime === true).length,
        medianWorkingDaysToAnswer: medianOf(toAnswer),
      },
      cases: {
        opened: cases.length,
        open: cases.filter((c) => !caseEnded(c.stage)).length,
        approved: cases.filter((c) => c.decision?.outcome === 'APPROVED').length,
        rejected: cases.filter((c) => c.decision?.outcome === 'REJECTED').length,
        disbursed: toMoney.length,
        disbursedAmount: formatFen(cases.reduce((n, c) => n + (c.disbursement?.amountFen ?? 0), 0)),
        medianWorkingDaysToMoney: medianOf(toMoney),
        slowestWorkingDaysToMoney: toMoney.length ? Math.max(...toMoney) : null,
      },
    },
    members: rows,
  };
}
