// Requests of the managers' SLA reports: a date range, optionally a street or bank.
import { z } from 'zod';
import { TREND_BUCKETS } from '../../domain/reports/onTimeTrend';
import { compareIsoDates, isIsoDate, toEpochDay } from '../../domain/calendar/timeZone';

const MAX_RANGE_DAYS = 366;

export const isoDate = z
  .string({ error: 'is required, a date YYYY-MM-DD' })
  .refine(isIsoDate, 'must be a date YYYY-MM-DD')
  .refine((d) => !isIsoDate(d) || (d >= '2000-01-01' && d <= '2099-12-31'), 'must be between 2000-01-01 and 2099-12-31');
const code = z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a code such as lujiang or xib');

const range = { from: isoDate, to: isoDate, street: code.optional(), bank: code.optional() };

// zod runs object refinements even when a field failed: check both dates first.
const bothDates = (q: { from: string; to: string }) => isIsoDate(q.from) && isIsoDate(q.to);
export function withRangeChecks<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => !bothDates(q) || compareIsoDates(q.from, q.to) <= 0, { path: ['to'], message: 'must not be before from' })
    .refine((q) => !bothDates(q) || toEpochDay(q.to) - toEpochDay(q.from) < MAX_RANGE_DAYS, {
      path: ['to'],
      message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    });
}

export const SlaBreachesQuery = withRangeChecks(z.strictObject(range));
const grouped = {
  ...range,
  groupBy: z.enum(['street', 'bank'], { error: 'must be street or bank' }).default('street'),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
};
export const SlaSummaryQuery = withRangeChecks(z.strictObject(grouped));
export const SlaTrendQuery = withRangeChecks(
  z.strictObject({ ...grouped, bucket: z.enum(TREND_BUCKETS, { error: 'must be week or month' }).default('week') }),
);
