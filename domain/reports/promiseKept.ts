// What "decided in time" and "promise kept" mean, once, for every report a manager reads: the
// cadence board's ranking (domain/cadence/ranking.ts) and the SLA summary, its CSV and the
// console's SLA board (./slaSummary.ts). So the board and the reports always agree.
//
// - In time: at or before the case's promise due (the due on the record, moved later by any pause
//   for the firm's materials); a case without a due is not in time.
// - A decision is an approval or a rejection; decidedInTimeRate = decisions in time ÷ decisions,
//   rejections included: a rejection is a decision, on time or not.
// - The promise is the money: promiseKeptRate = disbursements in time ÷ disbursements. A rejection,
//   however prompt, never counts as a kept promise.
// - Rates are rounded to 4 decimals, null when there is nothing to divide.

export const OUTCOME_EVENT_TYPES = ['APPROVED', 'REJECTED', 'DISBURSED'] as const;
export type OutcomeType = (typeof OUTCOME_EVENT_TYPES)[number];

export interface Outcome {
  type: OutcomeType;
  at: Date;
  /** The case's promise due; null counts as not in time. */
  dueAt: Date | null;
}

export interface PromiseFigures {
  decided: number;
  approved: number;
  rejected: number;
  decidedInTime: number;
  disbursed: number;
  disbursedInTime: number;
  decidedInTimeRate: number | null;
  promiseKeptRate: number | null;
}

/** The figures' names as a manager reads them, Chinese first (CSV headers and the console). */
export const PROMISE_FIGURE_LABELS = {
  decidedInTimeRate: { zh: '按时决定率', en: 'Decided in time' },
  promiseKeptRate: { zh: '承诺兑现率（按时放款）', en: 'Promise kept (disbursed in time)' },
} as const;

export const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

const inTime = (o: Outcome) => o.dueAt !== null && o.at.getTime() <= o.dueAt.getTime();

export function promiseFigures(outcomes: readonly Outcome[]): PromiseFigures {
  const decisions = outcomes.filter((o) => o.type !== 'DISBURSED');
  const approved = decisions.filter((o) => o.type === 'APPROVED').length;
  const payments = outcomes.filter((o) => o.type === 'DISBURSED');
  const decidedInTime = decisions.filter(inTime).length;
  const disbursedInTime = payments.filter(inTime).length;
  return {
    decided: decisions.length,
    approved,
    rejected: decisions.length - approved,
    decidedInTime,
    disbursed: payments.length,
    disbursedInTime,
    decidedInTimeRate: ratio(decidedInTime, decisions.length),
    promiseKeptRate: ratio(disbursedInTime, payments.length),
  };
}
