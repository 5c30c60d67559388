import { Router } from 'express';
import { principalOf, requireRole } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { DaysQuery, DeadlineQuery, LoadQuery, NoticeBody, YearParams } from '../schemas';
import type { Services } from '../services';

/**
 * Calendar answers (which days are working days, when a period ends) and, for operators,
 * loading a year's notice. Without a Temporal client a load cannot reach running cases (503).
 */
export function calendarRouter({ calendar, calendarYears }: Pick<Services, 'calendar' | 'calendarYears'>): Router {
  const router = Router();

  router.put('/years/:year', requireRole('operator'), async (req, res) => {
    const { year } = parseOr422(YearParams, req.params);
    const { preview } = parseOr422(LoadQuery, req.query);
    const notice = parseOr422(NoticeBody, req.body);
    res.json(await calendarYears.load(year, notice, { preview: preview === 'true', actor: principalOf(req).sub }));
  });

  router.get('/days', async (req, res) => {
    res.json(await calendar.days(parseOr422(DaysQuery, req.query)));
  });

  router.get('/deadline', async (req, res) => {
    res.json(await calendar.deadline(parseOr422(DeadlineQuery, req.query)));
  });

  return router;
}
