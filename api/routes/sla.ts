// Managers' SLA reports: the breach list and the summary by street or bank (JSON or CSV).
// Every authenticated role may call them and sees only the cases in its scope
// (visibleCasesWhere): the district for manager, task force and operator; a street's or a
// bank's own cases otherwise. An empty scope gives an empty report, never a 403.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { compareIsoDates, isIsoDate, toEpochDay } from '../../domain/calendar/timeZone';
import { slaSummaryCsv } from '../../domain/reports/slaCsv';
import type { Database } from '../../infra/database';
import { principalOf } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { querySlaBreaches, querySlaSummary } from './slaQueries';

const MAX_RANGE_DAYS = 366;

const isoDate = z
  .string({ error: 'is required, a date YYYY-MM-DD' })
  .refine(isIsoDate, 'must be a date YYYY-MM-DD')
  .refine((d) => !isIsoDate(d) || (d >= '2000-01-01' && d <= '2099-12-31'), 'must be between 2000-01-01 and 2099-12-31');
const code = z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a code such as lujiang or xib');

const range = { from: isoDate, to: isoDate, street: code.optional(), bank: code.optional() };

// zod runs object refinements even when a field failed: check both dates first.
const bothDates = (q: { from: string; to: string }) => isIsoDate(q.from) && isIsoDate(q.to);
function withRangeChecks<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => !bothDates(q) || compareIsoDates(q.from, q.to) <= 0, { path: ['to'], message: 'must not be before from' })
    .refine((q) => !bothDates(q) || toEpochDay(q.to) - toEpochDay(q.from) < MAX_RANGE_DAYS, {
      path: ['to'],
      message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    });
}

export const SlaBreachesQuery = withRangeChecks(z.strictObject(range));
export const SlaSummaryQuery = withRangeChecks(
  z.strictObject({
    ...range,
    groupBy: z.enum(['street', 'bank'], { error: 'must be street or bank' }).default('street'),
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
  }),
);

/** CSV when asked by `format=csv`, or by `Accept: text/csv` without a format. */
function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** The JSON body, or the CSV as an attachment; `filename` must need no escaping but quotes. */
export function sendJsonOrCsv(req: Request, res: Response, format: 'json' | 'csv' | undefined, body: object, csv: { filename: string; text: () => string }): void {
  res.vary('Accept');
  if (!wantsCsv(req, format)) {
    res.json(body);
    return;
  }
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${csv.filename}"`).send(csv.text());
}

export function slaRouter(db: Database): Router {
  const router = Router();

  router.get('/breaches', async (req, res) => {
    const q = parseOr422(SlaBreachesQuery, req.query);
    res.json(await querySlaBreaches(db, principalOf(req), q));
  });

  router.get('/summary', async (req, res) => {
    const q = parseOr422(SlaSummaryQuery, req.query);
    const report = await querySlaSummary(db, principalOf(req), q);
    // The name holds only validated dates and the group: quoting is all it needs.
    sendJsonOrCsv(req, res, q.format, report, {
      filename: `sla-summary-${q.from}-${q.to}-${q.groupBy}.csv`,
      text: () => slaSummaryCsv(report.groups, report.overall),
    });
  });

  return router;
}
