// Requests of the cadence reports (日晾晒, 周例会材料, 月调度报告).
import { z } from 'zod';
import { CADENCE_KINDS } from '../../domain/cadence/decision';
import { IsoDateParam } from './common';

const kindSlug = z.enum(['daily', 'weekly', 'monthly'], { error: 'must be daily, weekly or monthly' });

const format = z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional();

export const ReportListQuery = z.strictObject({
  kind: z.enum(CADENCE_KINDS, { error: 'must be DAILY, WEEKLY or MONTHLY' }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 100').max(100, 'must be 1 to 100').default(20),
  format,
});
export const ReportParams = z.strictObject({
  reportId: z.string().regex(/^(daily|weekly|monthly)-\d{4}-\d{2}-\d{2}$/, 'must be a report id such as daily-2026-11-27'),
});
export const ReportQuery = z.strictObject({ format });
export const ReportRunParams = z.strictObject({ kind: kindSlug });
export const ReportRunBody = z.strictObject({ date: IsoDateParam.describe('The business date to publish for (Asia/Shanghai), not after today') });
