// The managers' SLA reports: the breach list, the summary and the on-time trend by street or bank. Every query
// goes through visibleCasesWhere, so a bank's staff never count or list another bank's cases.
import { z } from 'zod';
import { DAY_MS } from '../../domain/calendar/timeZone';
import type { IsoDate } from '../../domain/calendar/types';
import type { TrendBucket } from '../../domain/reports/onTimeTrend';
import type { GroupBy } from '../../domain/reports/slaSummary';
import type { Database } from '../../infra/database';
import { queryOnTimeTrendWhere, type OnTimeTrendReport } from '../../readModels/onTimeTrendQuery';
import { calendarOf, querySlaSummaryWhere, rangeInstants as instants, type Named, type SlaSummaryReport } from '../../readModels/slaSummaryQuery';
import type { Prisma } from '../../prisma/generated/client';
import type { Principal } from '../../domain/people';
import { visibleCasesWhere } from './caseScope';

export interface SlaRange {
  from: IsoDate;
  to: IsoDate;
  street?: string;
  bank?: string;
}

export type { Named, SlaSummaryReport };

/** The reports as the API serves them: the caller's scope, the real clock, nothing narrowed. */
export function slaReports(db: Database) {
  return {
    breaches: (principal: Principal, q: SlaRange) => querySlaBreaches(db, principal, q),
    summary: (principal: Principal, q: SlaRange & { groupBy: GroupBy }) => querySlaSummary(db, principal, q),
    trend: (principal: Principal, q: SlaTrendRange) => querySlaTrend(db, principal, q),
  };
}

/** `narrow` lets a test restrict a report to its own cases; the API passes nothing. */
function casesWhere(p: Principal, q: SlaRange, narrow: Prisma.LoanCaseWhereInput): Prisma.LoanCaseWhereInput {
  return {
    AND: [visibleCasesWhere(p), q.street ? { streetCode: q.street } : {}, q.bank ? { bankCode: q.bank } : {}, narrow],
  };
}

// ---- Summary -----------------------------------------------------------------------------

export function querySlaSummary(
  db: Database,
  principal: Principal,
  q: SlaRange & { groupBy: GroupBy },
  narrow: Prisma.LoanCaseWhereInput = {},
): Promise<SlaSummaryReport> {
  return querySlaSummaryWhere(db, casesWhere(principal, q, narrow), q);
}

// ---- Trend -------------------------------------------------------------------------------

export type SlaTrendRange = SlaRange & { groupBy: GroupBy; bucket: TrendBucket };

export function querySlaTrend(db: Database, principal: Principal, q: SlaTrendRange, narrow: Prisma.LoanCaseWhereInput = {}): Promise<OnTimeTrendReport> {
  return queryOnTimeTrendWhere(db, casesWhere(principal, q, narrow), q);
}

// ---- Breaches ----------------------------------------------------------------------------

/** More than a district produces in a year; beyond it the answer says `truncated`. */
export const MAX_BREACHES = 2000;

const BreachData = z.object({
  subject: z.string().catch('UNKNOWN'),
  assignee: z.string().catch(''),
  stage: z.string().catch(''),
  dueAt: z.string().catch(''),
});

export interface BreachItem {
  caseId: string;
  firmName: string;
  street: Named;
  bank: Named;
  /** The branch (task kind) or PROMISE, the five-working-day promise. */
  subject: string;
  /** Who owned the deadline when it passed. */
  assignee: string;
  /** The case's stage when the deadline passed. */
  stage: string;
  dueAt: string;
  breachedAt: string;
  /** Working time from due until the late work was done, or until now while it is not. */
  lateWorkingMs: number;
  lateWorkingHours: number;
  resolved: boolean;
  resolvedAt: string | null;
}

export interface BreachList {
  from: IsoDate;
  to: IsoDate;
  items: BreachItem[];
  truncated: boolean;
}

interface EndEvent {
  caseNo: string;
  type: string;
  at: Date;
  data: unknown;
}

/** When the breached deadline was finally met: its branch completed, or the case closed (promise). */
function resolvedAt(subject: string, ends: readonly EndEvent[]): Date | undefined {
  const hit = ends.find((e) =>
    subject === 'PROMISE'
      ? ['DISBURSED', 'REJECTED', 'WITHDRAWN'].includes(e.type)
      : e.type === 'TASK_COMPLETED' && (e.data as { kind?: unknown } | null)?.kind === subject,
  );
  return hit?.at;
}

export async function querySlaBreaches(
  db: Database,
  principal: Principal,
  q: SlaRange,
  now: Date = new Date(),
  narrow: Prisma.LoanCaseWhereInput = {},
): Promise<BreachList> {
  const [events, calendar] = await Promise.all([
    db.caseEvent.findMany({
      where: { type: 'SLA_BREACHED', at: instants(q), loanCase: casesWhere(principal, q, narrow) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: MAX_BREACHES + 1,
      select: {
        caseNo: true,
        at: true,
        data: true,
        loanCase: { select: { firmName: true, street: true, bank: true } },
      },
    }),
    calendarOf(db),
  ]);
  const truncated = events.length > MAX_BREACHES;
  const shown = events.slice(0, MAX_BREACHES);
  const ends = await db.caseEvent.findMany({
    where: { caseNo: { in: [...new Set(shown.map((e) => e.caseNo))] }, type: { in: ['TASK_COMPLETED', 'DISBURSED', 'REJECTED', 'WITHDRAWN'] } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { caseNo: true, type: true, at: true, data: true },
  });
  const items = shown.map((e): BreachItem => {
    const d = BreachData.parse(e.data ?? {});
    const due = new Date(d.dueAt);
    const dueAt = Number.isNaN(due.getTime()) ? e.at : due;
    const resolved = resolvedAt(d.subject, ends.filter((x) => x.caseNo === e.caseNo && x.at >= dueAt));
    const late = Math.max(0, calendar.workingTimeRemaining(dueAt, resolved ?? now));
    const { street, bank, firmName } = e.loanCase;
    return {
      caseId: e.caseNo,
      firmName,
      street: { code: street.code, nameZh: street.nameZh, nameEn: street.nameEn },
      bank: { code: bank.code, nameZh: bank.nameZh, nameEn: bank.nameEn },
      subject: d.subject,
      assignee: d.assignee,
      stage: d.stage,
      dueAt: dueAt.toISOString(),
      breachedAt: e.at.toISOString(),
      lateWorkingMs: late,
      lateWorkingHours: Math.round((late / (DAY_MS / 24)) * 100) / 100,
      resolved: resolved !== undefined,
      resolvedAt: resolved?.toISOString() ?? null,
    };
  });
  return { from: q.from, to: q.to, items, truncated };
}
