// Managers' SLA reports: the breach list and the summary by street or bank (JSON or CSV).
// Every authenticated role may call them and sees only the cases in its scope
// (visibleCasesWhere): the district for manager, task force and operator; a street's or a
// bank's own cases otherwise. An empty scope gives an empty report, never a 403.
import { Router, type Request, type Response } from 'express';
import { slaSummaryCsv } from '../../domain/reports/slaCsv';
import { principalOf } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { SlaBreachesQuery, SlaSummaryQuery } from '../schemas';
import type { Services } from '../services';

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

export function slaRouter({ sla }: Pick<Services, 'sla'>): Router {
  const router = Router();

  router.get('/breaches', async (req, res) => {
    const q = parseOr422(SlaBreachesQuery, req.query);
    res.json(await sla.breaches(principalOf(req), q));
  });

  router.get('/summary', async (req, res) => {
    const q = parseOr422(SlaSummaryQuery, req.query);
    const report = await sla.summary(principalOf(req), q);
    // The name holds only validated dates and the group: quoting is all it needs.
    sendJsonOrCsv(req, res, q.format, report, {
      filename: `sla-summary-${q.from}-${q.to}-${q.groupBy}.csv`,
      text: () => slaSummaryCsv(report.groups, report.overall),
    });
  });

  return router;
}
