import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { addDays, compareIsoDates } from '../../domain/calendar/timeZone';
import type { Database } from '../../infra/database';
import { readArrangements } from '../../infra/calendarStore';
import { parseOr422 } from '../problem';
import { DaysQuery, DeadlineQuery } from '../schemas';
import { calendarYearsRouter } from './calendarYears';

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
