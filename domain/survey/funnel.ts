// The survey funnel (摸排漏斗): from the buildings walked to the money paid, per street,
// community, team, bank or matching event and overall. Pure arithmetic over rows (visits, or a
// matching event's meetings), so the API, its CSV, the cadence reports, the event report and the
// tests share it.
//
// Definitions:
// - Cohort: the visits made in the report's date range (Asia/Shanghai dates); every later stage
//   follows those visits' needs, whenever it happened.
// - buildingsWalked, firmsVisited: distinct buildings and firms among the visits (a meeting at a
//   matching event meets a firm and walks no building).
// - needsFound: the visits that found a financing need; leads: the distinct leads they opened.
// - casesOpened: those leads converted into a case; decided: cases with an approval or a
//   rejection; disbursed: cases with a payment, disbursedFen the payments' sum.
// - Rates: each stage ÷ the one before it, from firmsVisited on (needsFound ÷ firmsVisited,
//   leads ÷ needsFound, …), rounded to 4 decimals, null when there is nothing to divide.
// - Medians: working days (the SLA summary's measure, 24:00 rule) between the stages, over the
//   cases that reached the later one: need found → case opened, case opened → decided,
//   decided → first payment, need found → first payment; rounded to 3 decimals.
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { formatFen } from '../money';
import { ratio } from '../reports/promiseKept';
import { median, workingDaysBetweenInstants } from '../reports/slaSummary';

export const FUNNEL_GROUPS = ['street', 'community', 'team', 'bank', 'event'] as const;
export type FunnelGroupBy = (typeof FUNNEL_GROUPS)[number];

export interface FunnelCase {
  acceptedAt: Date;
  /** The first approval or rejection. */
  decidedAt: Date | null;
  /** The first payment. */
  disbursedAt: Date | null;
  /** Every payment's amount summed. */
  disbursedFen: number;
}

/** A visit, or a meeting at a matching event (no building, community or team; its event and bank). */
export interface FunnelVisit {
  visitedAt: Date;
  buildingCode: string | null;
  firmId: string;
  /** Where it happened, and the bank of the team's bank seat (null: the team has none) or of the meeting. */
  street: string | null;
  community: string | null;
  team: string | null;
  bank: string | null;
  event: string | null;
  needFound: boolean;
  /** The lead the need opened, when it exists, and the case it became. */
  lead: { leadId: string; case: FunnelCase | null } | null;
}

export const FUNNEL_STAGES = ['buildingsWalked', 'firmsVisited', 'needsFound', 'leads', 'casesOpened', 'decided', 'disbursed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_INTERVALS = ['needToCase', 'caseToDecision', 'decisionToDisbursement', 'needToDisbursement'] as const;
export type FunnelInterval = (typeof FUNNEL_INTERVALS)[number];

export interface FunnelFigures extends Record<FunnelStage, number> {
  disbursedFen: number;
  /** The same in CNY, 2 decimals. */
  disbursedAmount: string;
  /** Each stage ÷ the one before it, from firmsVisited on. */
  rates: Record<Exclude<FunnelStage, 'buildingsWalked' | 'firmsVisited'>, number | null>;
  medianWorkingDays: Record<FunnelInterval, number | null>;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The funnel of a set of visits. */
export function funnelFigures(visits: readonly FunnelVisit[], calendar: WorkingCalendar): FunnelFigures {
  const needs = visits.filter((v) => v.needFound);
  // A lead belongs to the visit that opened it: the first visit naming it wins its times.
  const leads = new Map<string, { foundAt: Date; case: FunnelCase | null }>();
  for (const v of needs) if (v.lead && !leads.has(v.lead.leadId)) leads.set(v.lead.leadId, { foundAt: v.visitedAt, case: v.lead.case });
  const withCase = [...leads.values()].filter((l): l is { foundAt: Date; case: FunnelCase } => l.case !== null);
  const decided = withCase.filter((l) => l.case.decidedAt);
  const disbursed = withCase.filter((l) => l.case.disbursedAt);
  const count = {
    buildingsWalked: new Set(visits.flatMap((v) => (v.buildingCode === null ? [] : [v.buildingCode]))).size,
    firmsVisited: new Set(visits.map((v) => v.firmId)).size,
    needsFound: needs.length,
    leads: leads.size,
    casesOpened: withCase.length,
    decided: decided.length,
    disbursed: disbursed.length,
  };
  const days = (pairs: [Date | null, Date | null][]) => {
    const m = median(pairs.flatMap(([a, b]) => (a && b ? [workingDaysBetweenInstants(calendar, a, b)] : [])));
    return m === null ? null : round3(m);
  };
  const disbursedFen = withCase.reduce((n, l) => n + l.case.disbursedFen, 0);
  return {
    ...count,
    disbursedFen,
    disbursedAmount: formatFen(disbursedFen),
    rates: {
      needsFound: ratio(count.needsFound, count.firmsVisited),
      leads: ratio(count.leads, count.needsFound),
      casesOpened: ratio(count.casesOpened, count.leads),
      decided: ratio(count.decided, count.casesOpened),
      disbursed: ratio(count.disbursed, count.decided),
    },
    medianWorkingDays: {
      needToCase: days(withCase.map((l) => [l.foundAt, l.case.acceptedAt])),
      caseToDecision: days(withCase.map((l) => [l.case.acceptedAt, l.case.decidedAt])),
      decisionToDisbursement: days(withCase.map((l) => [l.case.decidedAt, l.case.disbursedAt])),
      needToDisbursement: days(withCase.map((l) => [l.foundAt, l.case.disbursedAt])),
    },
  };
}

export interface FunnelGroup extends FunnelFigures {
  code: string;
}

/** The funnel overall and per group, groups by code; a row without the group's code (a team without a bank seat, by bank) counts only overall. */
export function funnel(visits: readonly FunnelVisit[], calendar: WorkingCalendar, groupBy: FunnelGroupBy): { overall: FunnelFigures; groups: FunnelGroup[] } {
  const byGroup = new Map<string, FunnelVisit[]>();
  for (const v of visits) {
    const code = v[groupBy];
    if (code !== null) byGroup.set(code, [...(byGroup.get(code) ?? []), v]);
  }
  return {
    overall: funnelFigures(visits, calendar),
    groups: [...byGroup.keys()].sort().map((code) => ({ code, ...funnelFigures(byGroup.get(code)!, calendar) })),
  };
}
