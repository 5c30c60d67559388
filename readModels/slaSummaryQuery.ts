// The SLA summary's data access without a caller: the API narrows it to a principal's scope
// (api/services/slaReports.ts), the cadence reports run it for the whole district.
import { shanghaiDateTime, shanghaiEndOfDay } from '../domain/calendar/timeZone';
import type { IsoDate } from '../domain/calendar/types';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { summariseSla, type GroupBy, type GroupFigures, type SlaFigures } from '../domain/reports/slaSummary';
import type { Prisma } from '../prisma/generated/client';
import { readArrangements } from '../infra/calendarStore';
import type { Database } from '../infra/database';

export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** A report's date range as instants: [00:00 of from, 24:00 of to) Asia/Shanghai. */
export function rangeInstants(q: DateRange) {
  return { gte: shanghaiDateTime(q.from), lt: shanghaiEndOfDay(q.to) };
}

export const calendarOf = async (db: Database) => new WorkingCalendar(await readArrangements(db));

const SUMMARY_EVENT_TYPES = ['STAGE_CHANGED', 'APPROVED', 'REJECTED', 'DISBURSED', 'WITHDRAWN', 'SLA_BREACHED', 'SLA_RESUMED'];

export interface SlaSummaryReport {
  from: IsoDate;
  to: IsoDate;
  groupBy: GroupBy;
  overall: SlaFigures;
  groups: (GroupFigures & Named)[];
}

/** The summary of the cases matching `where` that were accepted in the range. */
export async function querySlaSummaryWhere(
  db: Database,
  where: Prisma.LoanCaseWhereInput,
  q: DateRange & { groupBy: GroupBy },
): Promise<SlaSummaryReport> {
  const [rows, calendar] = await Promise.all([
    db.loanCase.findMany({
      where: { AND: [where, { acceptedAt: rangeInstants(q) }] },
      select: {
        caseNo: true,
        streetCode: true,
        bankCode: true,
        stage: true,
        acceptedAt: true,
        dueAt: true,
        events: { where: { type: { in: SUMMARY_EVENT_TYPES } }, select: { type: true, at: true, data: true } },
      },
    }),
    calendarOf(db),
  ]);
  const summary = summariseSla(rows, calendar, q.groupBy);
  return { from: q.from, to: q.to, groupBy: q.groupBy, overall: summary.overall, groups: await withNames(db, q.groupBy, summary.groups) };
}

/** Each group with its street's or bank's names (its code when the reference data lacks it). */
export async function withNames<G extends { code: string }>(db: Database, groupBy: GroupBy, groups: readonly G[]): Promise<(G & Named)[]> {
  const codes = groups.map((g) => g.code);
  const refs: Named[] =
    groupBy === 'street' ? await db.street.findMany({ where: { code: { in: codes } } }) : await db.bank.findMany({ where: { code: { in: codes } } });
  const nameOf = new Map(refs.map((r) => [r.code, r]));
  return groups.map((g) => ({ ...g, nameZh: nameOf.get(g.code)?.nameZh ?? g.code, nameEn: nameOf.get(g.code)?.nameEn ?? g.code }));
}
