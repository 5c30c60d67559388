// The on-time trend's sums, counted by PostgreSQL over the case records: the decisions and
// payments dated in each bucket (Asia/Shanghai), per street or bank and for the whole scope.
// The buckets and the rates are domain/reports/onTimeTrend.ts's.
import type { IsoDate } from '../domain/calendar/types';
import { trendBuckets, trendOf, type BucketSpan, type TrendBucket, type TrendPoint, type TrendSums } from '../domain/reports/onTimeTrend';
import { OUTCOME_EVENT_TYPES } from '../domain/reports/promiseKept';
import type { GroupBy } from '../domain/reports/slaSummary';
import type { Database } from '../infra/database';
import type { Prisma } from '../prisma/generated/client';
import { calendarOf, rangeInstants, withNames, type DateRange, type Named } from './slaSummaryQuery';

export interface OnTimeTrendReport {
  from: IsoDate;
  to: IsoDate;
  groupBy: GroupBy;
  bucket: TrendBucket;
  buckets: BucketSpan[];
  overall: TrendPoint[];
  groups: ({ code: string; points: TrendPoint[] } & Named)[];
}

const OUTCOMES = [...OUTCOME_EVENT_TYPES];

/** The trend of the cases matching `where` (the caller's scope) over the range. */
export async function queryOnTimeTrendWhere(
  db: Database,
  where: Prisma.LoanCaseWhereInput,
  q: DateRange & { groupBy: GroupBy; bucket: TrendBucket },
): Promise<OnTimeTrendReport> {
  const at = rangeInstants(q);
  // The scope is Prisma's one filter (visibleCasesWhere): it names the cases, the database sums.
  const [scoped, calendar] = await Promise.all([
    db.loanCase.findMany({ where: { AND: [where, { events: { some: { type: { in: OUTCOMES }, at } } }] }, select: { caseNo: true } }),
    calendarOf(db),
  ]);
  const buckets = trendBuckets(q.from, q.to, q.bucket, calendar);
  const sums =
    scoped.length === 0
      ? []
      : await db.$queryRaw<TrendSums[]>`
          WITH bucket AS (
            SELECT (n - 1)::int AS i, f, t
            FROM unnest(${buckets.map((b) => b.from)}::date[], ${buckets.map((b) => b.to)}::date[]) WITH ORDINALITY AS b(f, t, n)
          ), outcome AS (
            SELECT CASE WHEN ${q.groupBy} = 'street' THEN c.street_code ELSE c.bank_code END AS code,
                   e.type, e.at <= c.due_at AS in_time, (e.at AT TIME ZONE 'Asia/Shanghai')::date AS day
            FROM case_event e JOIN loan_case c ON c.case_no = e.case_no
            WHERE e.type = ANY(${OUTCOMES}::text[]) AND e.at >= ${at.gte} AND e.at < ${at.lt}
              AND c.case_no = ANY(${scoped.map((c) => c.caseNo)}::text[])
          )
          SELECT o.code AS "group", b.i AS bucket,
                 count(*) FILTER (WHERE o.type <> 'DISBURSED')::int AS decided,
                 count(*) FILTER (WHERE o.type <> 'DISBURSED' AND o.in_time)::int AS "decidedInTime",
                 count(*) FILTER (WHERE o.type = 'DISBURSED')::int AS disbursed,
                 count(*) FILTER (WHERE o.type = 'DISBURSED' AND o.in_time)::int AS "disbursedInTime"
          FROM outcome o JOIN bucket b ON o.day BETWEEN b.f AND b.t
          GROUP BY GROUPING SETS ((o.code, b.i), (b.i))`;
  const trend = trendOf(sums, buckets.length);
  return { from: q.from, to: q.to, groupBy: q.groupBy, bucket: q.bucket, buckets, overall: trend.overall, groups: await withNames(db, q.groupBy, trend.groups) };
}
