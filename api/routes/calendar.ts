import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { addDays, compareIsoDates, isHhMm, isIsoDate, toEpochDay } from '../../domain/calendar/timeZone';
import type { Database } from '../../infra/database';
import { readArrangements } from '../../infra/calendarStore';
import { parseOr422 } from '../problem';
import { IsoDateParam } from '../schemas';
import { calendarYearsRouter } from './calendarYears';

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

/**
 * Calendar answers (which days are working days, when a period ends) and, for operators,
 * loading a year's notice. Without a Temporal client a load cannot reach running cases (503).
 */
export function calendarRouter(db: Database, client?: Client): Router {
  const router = Router();
  router.use('/years', calendarYearsRouter(db, client));
  const calendar = async () => new WorkingCalendar(await readArrangements(db));

  router.get('/days', async (req, res) => {
    const q = parseOr422(DaysQuery, req.query);
    const cal = await calendar();
    const days = [];
    for (let d = q.from; compareIsoDates(d, q.to) <= 0; d = addDays(d, 1)) days.push(cal.dayInfo(d));
    res.json({ from: q.from, to: q.to, provisional: days.some((d) => d.provisional), noticeYears: cal.noticeYears(), days });
  });

  router.get('/deadline', async (req, res) => {
    const q = parseOr422(DeadlineQuery, req.query);
    const due = (await calendar()).addWorkingDays(new Date(q.acceptedAt), q.workingDays, { closeOfBusiness: q.closeOfBusiness });
    res.json({
      acceptedAt: new Date(q.acceptedAt).toISOString(),
      workingDays: q.workingDays,
      dueAt: due.dueAt.toISOString(),
      dueDate: due.dueDate,
      provisional: due.provisional,
      explanation: due.explanation,
    });
  });

  return router;
}
