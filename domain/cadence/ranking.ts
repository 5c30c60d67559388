// What the cadence reports rank streets and banks on: what reached an outcome in the period, and
// what is open now. Pure, so the report activity and the tests rank alike.
//
// Definitions:
// - Outcomes in the period are events dated in it, whatever the case's acceptance date: a
//   decision (APPROVED or REJECTED) and a disbursement (DISBURSED).
// - Decided in time and promise kept (decidedInTimeRate, promiseKeptRate) are
//   domain/reports/promiseKept.ts's, the SLA summary's too: only money in time keeps the promise.
// - Amounts: applied = the cases accepted in the period, granted = the approvals', disbursed =
//   the payments'; in CNY exact to the fen.
// - Rank (1 = best): groups with an outcome, by promiseKeptRate (a group that paid nothing below
//   any that paid), then decidedInTimeRate (a group that paid but decided nothing in the period
//   has no late decision: it counts as 1), then more disbursements, then code. Groups without any
//   outcome are listed after them, unranked: every street and bank appears, even with zero.
import { formatFen } from '../money';
import { promiseFigures, type Outcome, type PromiseFigures } from '../reports/promiseKept';
import type { SlaStateValue } from '../slaState';

/**
 * The SLA states the board counts open cases by, with their column names; a new state (PAUSED)
 * joins with one line here, and the report, its CSV, the API schema and the console follow.
 */
export const WATCHED_SLA_STATES = {
  AT_RISK: { zh: '当前预警', en: 'At risk now' },
  BREACHED: { zh: '当前超时', en: 'Breached now' },
  PAUSED: { zh: '暂停计时', en: 'Paused' },
} as const satisfies Partial<Record<SlaStateValue, { zh: string; en: string }>>;
export type WatchedSlaState = keyof typeof WATCHED_SLA_STATES;
export const WATCHED_STATES = Object.keys(WATCHED_SLA_STATES) as WatchedSlaState[];

export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface OutcomeEvent extends Outcome {
  streetCode: string;
  bankCode: string;
  /** Granted (APPROVED) or paid (DISBURSED); 0 for a rejection. */
  amountFen: number;
}

export interface IntakeCase {
  streetCode: string;
  bankCode: string;
  amountFen: number;
}

export interface OpenCase {
  caseNo: string;
  firmName: string;
  streetCode: string;
  bankCode: string;
  slaState: string;
  acceptedAt: Date;
}

export interface OutcomeFigures extends PromiseFigures {
  /** Cases accepted in the period. */
  opened: number;
  /** CNY, exact to the fen ("5140000.00"). */
  amounts: { applied: string; granted: string; disbursed: string };
}

export interface OpenFigures {
  open: number;
  bySlaState: Record<WatchedSlaState, number>;
  /** The open case accepted first, and its working days open by the report's business date. */
  oldest: { caseId: string; firmName: string; acceptedAt: string; workingDaysOpen: number } | null;
}

/** The same group's outcomes in the previous period (weekly and monthly reports). */
export type PreviousFigures = OutcomeFigures & { rank: number | null };

export interface GroupBoard extends Named, OutcomeFigures {
  open: OpenFigures;
  /** null: nothing reached an outcome in the period. */
  rank: number | null;
  previous: PreviousFigures | null;
}

export interface Board {
  overall: OutcomeFigures & { open: OpenFigures; previous: OutcomeFigures | null };
  byStreet: GroupBoard[];
  byBank: GroupBoard[];
}

export interface BoardFacts {
  outcomes: readonly OutcomeEvent[];
  intake: readonly IntakeCase[];
  open: readonly OpenCase[];
  streets: readonly Named[];
  banks: readonly Named[];
  /** Working days an open case accepted at `acceptedAt` has been open (the report's own rule). */
  workingDaysOpen: (acceptedAt: Date) => number;
}

const sum = (xs: readonly { amountFen: number }[]) => formatFen(xs.reduce((n, x) => n + x.amountFen, 0));

export function outcomeFigures(outcomes: readonly OutcomeEvent[], intake: readonly IntakeCase[]): OutcomeFigures {
  return {
    opened: intake.length,
    ...promiseFigures(outcomes),
    amounts: { applied: sum(intake), granted: sum(outcomes.filter((e) => e.type === 'APPROVED')), disbursed: sum(outcomes.filter((e) => e.type === 'DISBURSED')) },
  };
}

export function openFigures(open: readonly OpenCase[], workingDaysOpen: (acceptedAt: Date) => number): OpenFigures {
  const bySlaState = Object.fromEntries(WATCHED_STATES.map((s) => [s, open.filter((c) => c.slaState === s).length])) as Record<WatchedSlaState, number>;
  const oldest = open.reduce<OpenCase | undefined>((o, c) => (!o || c.acceptedAt < o.acceptedAt || (+c.acceptedAt === +o.acceptedAt && c.caseNo < o.caseNo) ? c : o), undefined);
  return {
    open: open.length,
    bySlaState,
    oldest: oldest ? { caseId: oldest.caseNo, firmName: oldest.firmName, acceptedAt: oldest.acceptedAt.toISOString(), workingDaysOpen: workingDaysOpen(oldest.acceptedAt) } : null,
  };
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Orders groups by the rule above and numbers those with an outcome. */
export function rankBoard<G extends Named & OutcomeFigures>(groups: readonly G[]): (G & { rank: number | null })[] {
  const hasOutcome = (g: G) => g.decided + g.disbursed > 0;
  const kept = (g: G) => g.promiseKeptRate ?? -1;
  const decidedInTime = (g: G) => g.decidedInTimeRate ?? 1;
  const ranked = groups
    .filter(hasOutcome)
    .sort((a, b) => kept(b) - kept(a) || decidedInTime(b) - decidedInTime(a) || b.disbursed - a.disbursed || byCode(a, b))
    .map((g, i) => ({ ...g, rank: i + 1 }));
  const unranked = groups.filter((g) => !hasOutcome(g)).sort(byCode).map((g) => ({ ...g, rank: null }));
  return [...ranked, ...unranked];
}

type PeriodFacts = Pick<BoardFacts, 'outcomes' | 'intake'>;
type GroupKey = 'streetCode' | 'bankCode';

function rankedOutcomes(f: PeriodFacts, refs: readonly Named[], key: GroupKey) {
  return rankBoard(refs.map((r) => ({ ...r, ...outcomeFigures(f.outcomes.filter((e) => e[key] === r.code), f.intake.filter((c) => c[key] === r.code)) })));
}

/**
 * The board: overall, and every street and bank (reference data) ranked; with `previous`, each
 * also carries its figures and rank in the previous period.
 */
export function buildBoard(f: BoardFacts, previous?: PeriodFacts): Board {
  const groups = (refs: readonly Named[], key: GroupKey): GroupBoard[] => {
    const before = previous ? new Map(rankedOutcomes(previous, refs, key).map(({ code, nameZh: _z, nameEn: _e, ...figures }) => [code, figures])) : undefined;
    return rankedOutcomes(f, refs, key).map((g) => ({
      ...g,
      open: openFigures(f.open.filter((c) => c[key] === g.code), f.workingDaysOpen),
      previous: before?.get(g.code) ?? null,
    }));
  };
  return {
    overall: { ...outcomeFigures(f.outcomes, f.intake), open: openFigures(f.open, f.workingDaysOpen), previous: previous ? outcomeFigures(previous.outcomes, previous.intake) : null },
    byStreet: groups(f.streets, 'streetCode'),
    byBank: groups(f.banks, 'bankCode'),
  };
}
