// The managers' SLA summary: pure arithmetic over case rows and their timelines, so the
// same code serves the API, the CSV export and the tests.
//
// Definitions (all business dates Asia/Shanghai):
// - Cohort: the cases ACCEPTED within the report's date range; every figure below is
//   about that cohort, whatever happened to it afterwards (a case accepted on the 30th
//   and decided on the 2nd counts as opened and decided in the month it was opened).
// - opened: cohort size. decided (approved + rejected): cases with an APPROVED or REJECTED event.
//   disbursed: cases with a DISBURSED event.
// - decidedInTime, disbursedInTime, decidedInTimeRate and promiseKeptRate: ./promiseKept.ts, the
//   cadence board's own definitions, over each case's first decision and first payment against
//   its promise due. A rejection is a decision, never a kept promise.
// - breachedCases: cases with at least one SLA_BREACHED event (a branch or the promise);
//   breaches: the number of SLA_BREACHED events.
// - closed: cases that ended DISBURSED or REJECTED (withdrawals are not judged).
//   onTimeRate = closed cases whose SLA state ended MET (no breach of any kind, as the
//   workflow derives it) ÷ closed, null when nothing closed: closed without a breach, which a
//   prompt rejection is too, so it is not the promise.
// - pausedWorkingDays: working days the cohort's cases waited for the firm, by the SLA_RESUMED
//   events and the WITHDRAWN event's pauseEnded (a pause the withdrawal ended), each pause counted
//   as a period; the promise moved on by them, so they stand beside it:
//   "kept in 5 working days, not counting 3 waiting for the firm".
// - Working days between two instants = working time between them ÷ 24 h, where working
//   time is `WorkingCalendar.workingTimeRemaining`: only time on Chinese working days
//   counts and a working day counts whole (the 24:00 rule). 10:00 on one working day to
//   10:00 on the next is 1.0 whatever weekend or holiday lies between.
// - Stage durations per case, medians over the cases that reached the stage's end:
//   parallelReview     acceptance → all three branches done (STAGE_CHANGED to CREDIT_DECISION)
//   creditDecision     all branches done → APPROVED/REJECTED
//   contractingDisbursing  APPROVED → DISBURSED
//   acceptanceToDecision   acceptance → APPROVED/REJECTED (the whole case)
//   Medians are rounded to 3 decimals (≈ 1.5 minutes).
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { DAY_MS } from '../calendar/timeZone';
import { promiseFigures, ratio, type Outcome, type OutcomeType, type PromiseFigures } from './promiseKept';

export interface ReportEvent {
  type: string;
  at: Date;
  data: unknown;
}

export interface ReportCase {
  caseNo: string;
  streetCode: string;
  bankCode: string;
  stage: string;
  acceptedAt: Date;
  /** The promise due on the record (moved later by pauses for the firm); null: not in time. */
  dueAt: Date | null;
  events: readonly ReportEvent[];
}

export type GroupBy = 'street' | 'bank';

export const STAGE_METRICS = ['parallelReview', 'creditDecision', 'contractingDisbursing', 'acceptanceToDecision'] as const;
export type StageMetric = (typeof STAGE_METRICS)[number];

export interface SlaFigures extends PromiseFigures {
  opened: number;
  closed: number;
  breachedCases: number;
  breaches: number;
  /** Closed without any breach ÷ closed: not the promise (a prompt rejection counts here). */
  onTimeRate: number | null;
  /** Working days the cases waited for the firm (finished pauses); not counted against the promise. */
  pausedWorkingDays: number;
  /** Median working days per stage; null when no case of the group reached the stage's end. */
  medianWorkingDays: Record<StageMetric, number | null>;
}

export interface GroupFigures extends SlaFigures {
  code: string;
}

export interface SlaSummary {
  overall: SlaFigures;
  groups: GroupFigures[];
}

/** Working days (fractional) from `from` to `to`; see the definition above. */
export function workingDaysBetweenInstants(calendar: WorkingCalendar, from: Date, to: Date): number {
  return calendar.workingTimeRemaining(from, to) / DAY_MS;
}

interface CaseFacts {
  /** The first decision and the first payment, against the promise due. */
  outcomes: Outcome[];
  closed: boolean;
  breaches: number;
  pausedWorkingDays: number;
  durations: Partial<Record<StageMetric, number>>;
}

function first(events: readonly ReportEvent[], match: (e: ReportEvent) => boolean): ReportEvent | undefined {
  let found: ReportEvent | undefined;
  for (const e of events) if (match(e) && (!found || e.at < found.at)) found = e;
  return found;
}

/** The working days a pause lasted, from the event that ended it: a resumption, or a withdrawal while paused. */
function pausedDaysOf(e: ReportEvent): number {
  const data = e.data && typeof e.data === 'object' ? (e.data as { pausedWorkingDays?: unknown; pauseEnded?: { pausedWorkingDays?: unknown } }) : undefined;
  const days = e.type === 'SLA_RESUMED' ? data?.pausedWorkingDays : e.type === 'WITHDRAWN' ? data?.pauseEnded?.pausedWorkingDays : undefined;
  return typeof days === 'number' ? days : 0;
}

function stageOf(e: ReportEvent): unknown {
  return e.data && typeof e.data === 'object' ? (e.data as { stage?: unknown }).stage : undefined;
}

function factsOf(c: ReportCase, calendar: WorkingCalendar): CaseFacts {
  const ev = c.events;
  const branchesDone = first(ev, (e) => e.type === 'STAGE_CHANGED' && stageOf(e) === 'CREDIT_DECISION')?.at;
  const decision = first(ev, (e) => e.type === 'APPROVED' || e.type === 'REJECTED');
  const decidedAt = decision?.at;
  const approvedAt = first(ev, (e) => e.type === 'APPROVED')?.at;
  const disbursedAt = first(ev, (e) => e.type === 'DISBURSED')?.at;
  const rejected = ev.some((e) => e.type === 'REJECTED');
  const outcome = (type: OutcomeType, at: Date): Outcome => ({ type, at, dueAt: c.dueAt });
  const breachEvents = ev.filter((e) => e.type === 'SLA_BREACHED');
  const days = (a: Date | undefined, b: Date | undefined) => (a && b ? workingDaysBetweenInstants(calendar, a, b) : undefined);
  const durations: Partial<Record<StageMetric, number>> = {
    parallelReview: days(c.acceptedAt, branchesDone),
    creditDecision: days(branchesDone, decidedAt),
    contractingDisbursing: days(approvedAt, disbursedAt),
    acceptanceToDecision: days(c.acceptedAt, decidedAt),
  };
  return {
    outcomes: [...(decision ? [outcome(decision.type as OutcomeType, decision.at)] : []), ...(disbursedAt ? [outcome('DISBURSED', disbursedAt)] : [])],
    closed: disbursedAt !== undefined || rejected,
    breaches: breachEvents.length,
    pausedWorkingDays: ev.reduce((n, e) => n + pausedDaysOf(e), 0),
    durations,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function figures(facts: readonly CaseFacts[]): SlaFigures {
  const closed = facts.filter((f) => f.closed);
  const medianWorkingDays = Object.fromEntries(
    STAGE_METRICS.map((m) => {
      const values = facts.map((f) => f.durations[m]).filter((v): v is number => v !== undefined);
      const med = median(values);
      return [m, med === null ? null : round(med, 3)];
    }),
  ) as Record<StageMetric, number | null>;
  return {
    opened: facts.length,
    ...promiseFigures(facts.flatMap((f) => f.outcomes)),
    closed: closed.length,
    breachedCases: facts.filter((f) => f.breaches > 0).length,
    breaches: facts.reduce((n, f) => n + f.breaches, 0),
    onTimeRate: ratio(closed.filter((f) => f.breaches === 0).length, closed.length),
    pausedWorkingDays: facts.reduce((n, f) => n + f.pausedWorkingDays, 0),
    medianWorkingDays,
  };
}

/** Figures per street or bank (groups with at least one case, by code) and overall. */
export function summariseSla(cases: readonly ReportCase[], calendar: WorkingCalendar, groupBy: GroupBy): SlaSummary {
  const byGroup = new Map<string, CaseFacts[]>();
  const all: CaseFacts[] = [];
  for (const c of cases) {
    const f = factsOf(c, calendar);
    all.push(f);
    const code = groupBy === 'street' ? c.streetCode : c.bankCode;
    const list = byGroup.get(code);
    if (list) list.push(f);
    else byGroup.set(code, [f]);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, facts]) => ({ code, ...figures(facts) }));
  return { overall: figures(all), groups };
}
