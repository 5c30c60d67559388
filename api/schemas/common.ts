// Request parts many routes share.
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/timeZone';

/** A business date (Asia/Shanghai) the calendar can answer for. */
export const IsoDateParam = z
  .string()
  .refine(isIsoDate, 'must be a date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'must be between 2000-01-01 and 2099-12-31');

export const IdempotencyKeyHeader = z.strictObject({
  'Idempotency-Key': z.string().regex(/^[\w.:-]{8,128}$/, 'must be 8-128 characters of letters, digits, . _ : -').optional(),
});
