// Requests about the working calendar: days, deadlines, and loading a year's notice.
import { z } from 'zod';
import { compareIsoDates, isHhMm, isIsoDate, toEpochDay } from '../../domain/calendar/timeZone';
import { trimmed } from './cases';
import { IsoDateParam } from './common';

const MAX_RANGE_DAYS = 366;
// The lunar-calendar library covers 1901–2099; business dates stay well inside.

// zod runs object refinements even when a field already failed: check both dates first.
const bothDates = (q: { from: string; to: string }) => isIsoDate(q.from) && isIsoDate(q.to);
export const DaysQuery = z
  .strictObject({ from: IsoDateParam, to: IsoDateParam })
  .refine((q) => !bothDates(q) || compareIsoDates(q.from, q.to) <= 0, { path: ['to'], message: 'must not be before from' })
  .refine((q) => !bothDates(q) || toEpochDay(q.to) - toEpochDay(q.from) < MAX_RANGE_DAYS, {
    path: ['to'],
    message: `the range may span at most ${MAX_RANGE_DAYS} days`,
  });

export const DeadlineQuery = z.strictObject({
  acceptedAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant with a time zone, e.g. 2026-09-30T10:00:00+08:00' })
    .refine((s) => { const y = new Date(s).getUTCFullYear(); return y >= 2000 && y <= 2098; }, 'must be between the years 2000 and 2098'),
  workingDays: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(60, 'must be at most 60'),
  closeOfBusiness: z.string().refine(isHhMm, 'must be HH:mm').optional(),
});

// A case reads its acceptance year and the next; 2098 keeps year + 1 inside the lunar library's range.
const MIN_YEAR = 2000;
const MAX_YEAR = 2098;

const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');

export const YearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a four-digit year')
    .transform(Number)
    .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, `must be between ${MIN_YEAR} and ${MAX_YEAR}`),
});
export const LoadQuery = z.strictObject({ preview: z.enum(['true', 'false'], 'must be true or false').optional() });
/** The notice as published, pasted whole; `documentNo` when the copy lacks its 文号 line (Xinhua's release does). */
export const NoticeTextBody = z.strictObject({
  text: trimmed(20_000),
  documentNo: trimmed(100).optional(),
});
export const NoticeBody = z.strictObject({
  notice: z.strictObject({ title: trimmed(200), documentNo: trimmed(100), publishedOn: isoDate }),
  holidays: z.array(z.strictObject({ name: trimmed(50), nameEn: trimmed(100), from: isoDate, to: isoDate })).max(40, 'at most 40 rest blocks'),
  makeupWorkdays: z.array(isoDate).max(40, 'at most 40 make-up workdays'),
});
