// The on-time trend as a spreadsheet, like the SLA summary's (./slaCsv.ts): one line per group
// and bucket, then the whole scope's; headers Chinese first, text cells formula-neutralised.
import type { BucketSpan, TrendPoint } from './onTimeTrend';
import { PROMISE_FIGURE_LABELS as PROMISE } from './promiseKept';
import { bilingual, cell, csvDocument, percent } from './slaCsv';

export const TREND_CSV_HEADERS = [
  '代码 Code',
  '名称 Name',
  '起 From',
  '止 To',
  '工作日 Working days',
  '已决定 Decided',
  '按时决定 Decided in time',
  bilingual(PROMISE.decidedInTimeRate),
  '已放款 Disbursed',
  '按时放款 Disbursed in time',
  bilingual(PROMISE.promiseKeptRate),
];

interface NamedSeries {
  code: string;
  nameZh: string;
  nameEn: string;
  points: readonly TrendPoint[];
}

/** Header, each group's buckets in order, then the whole scope's (code ALL). */
export function onTimeTrendCsv(buckets: readonly BucketSpan[], groups: readonly NamedSeries[], overall: readonly TrendPoint[]): string {
  const series = [...groups.map((g) => ({ code: g.code, name: `${g.nameZh} ${g.nameEn}`, points: g.points })), { code: 'ALL', name: '合计 Total', points: overall }];
  const lines = series.flatMap((s) =>
    buckets.map((b, i) => {
      const p = s.points[i]!;
      return [s.code, s.name, b.from, b.to, b.workingDays, p.decided, p.decidedInTime, percent(p.decidedInTimeRate), p.disbursed, p.disbursedInTime, percent(p.promiseKeptRate)]
        .map(cell)
        .join(',');
    }),
  );
  return csvDocument([TREND_CSV_HEADERS.map(cell).join(','), ...lines]);
}
