// The on-time trend: decisions in time and the promise kept (./promiseKept.ts) per week or month
// of a date range, so a manager sees whether a street or a bank is getting better.
//
// - Buckets: calendar weeks (Monday to Sunday, as China's working week) or calendar months, cut
//   to the range, so the first and last may be partial; each says how many working days it
//   holds on China's calendar (调休 included), because a week of National Day has few.
// - Outcomes counted in a bucket are the decisions and payments dated in it (Asia/Shanghai),
//   whatever the case's acceptance date, as the cadence reports count them; the database sums
//   them (readModels/onTimeTrendQuery.ts), this module names the buckets and turns sums into rates.
import { addDays, toEpochDay, weekday } from '../calendar/timeZone';
import type { IsoDate } from '../calendar/types';
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { ratio } from './promiseKept';

export const TREND_BUCKETS = ['week', 'month'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface BucketSpan {
  from: IsoDate;
  to: IsoDate;
  /** Working days in [from, to] on China's calendar. */
  workingDays: number;
}

/** The first day of the bucket holding `date`. */
function bucketStart(date: IsoDate, bucket: TrendBucket): IsoDate {
  if (bucket === 'month') return `${date.slice(0, 8)}01`;
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The first day of the next bucket after the one starting on `start`. */
function nextStart(start: IsoDate, bucket: TrendBucket): IsoDate {
  if (bucket === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The buckets covering from..to (inclusive), in order, the first and last cut to the range. */
export function trendBuckets(from: IsoDate, to: IsoDate, bucket: TrendBucket, calendar: WorkingCalendar): BucketSpan[] {
  const spans: BucketSpan[] = [];
  for (let start = bucketStart(from, bucket); toEpochDay(start) <= toEpochDay(to); start = nextStart(start, bucket)) {
    const spanFrom = start < from ? from : start;
    const end = addDays(nextStart(start, bucket), -1);
    const spanTo = end > to ? to : end;
    spans.push({ from: spanFrom, to: spanTo, workingDays: calendar.workingDaysBetween(addDays(spanFrom, -1), spanTo) });
  }
  return spans;
}

/** One bucket's sums, as the database counts them; `group` null for the whole scope. */
export interface TrendSums {
  group: string | null;
  /** Index into the buckets. */
  bucket: number;
  decided: number;
  decidedInTime: number;
  disbursed: number;
  disbursedInTime: number;
}

export interface TrendPoint {
  decided: number;
  decidedInTime: number;
  disbursed: number;
  disbursedInTime: number;
  decidedInTimeRate: number | null;
  promiseKeptRate: number | null;
}

export interface Trend {
  overall: TrendPoint[];
  /** Groups with at least one outcome in the range, by code; one point per bucket. */
  groups: { code: string; points: TrendPoint[] }[];
}

const EMPTY = { decided: 0, decidedInTime: 0, disbursed: 0, disbursedInTime: 0 };

function point(s: typeof EMPTY): TrendPoint {
  return { ...s, decidedInTimeRate: ratio(s.decidedInTime, s.decided), promiseKeptRate: ratio(s.disbursedInTime, s.disbursed) };
}

/** One point per bucket for the whole scope and each group: buckets without outcomes read zero and null rates. */
export function trendOf(sums: readonly TrendSums[], bucketCount: number): Trend {
  const series = new Map<string | null, (typeof EMPTY)[]>([[null, []]]);
  for (const s of sums) {
    if (s.bucket < 0 || s.bucket >= bucketCount) throw new RangeError(`bucket ${s.bucket} outside 0..${bucketCount - 1}`);
    const list = series.get(s.group) ?? [];
    list[s.bucket] = { decided: s.decided, decidedInTime: s.decidedInTime, disbursed: s.disbursed, disbursedInTime: s.disbursedInTime };
    series.set(s.group, list);
  }
  const points = (list: (typeof EMPTY)[]) => Array.from({ length: bucketCount }, (_, i) => point(list[i] ?? EMPTY));
  const groups = [...series.entries()]
    .filter((e): e is [string, (typeof EMPTY)[]] => e[0] !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, list]) => ({ code, points: points(list) }));
  return { overall: points(series.get(null)!), groups };
}
