// The cadence reports: district-wide documents (they rank streets and banks against each other
// and list every case at risk), so only the district roles read them; streets and banks have
// /sla, scoped.
import { Router, type Request } from 'express';
import type { CadenceKind } from '../../domain/cadence/decision';
import { cadenceReportCsv } from '../../domain/cadence/report';
import { requireRole } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { ReportListQuery, ReportParams, ReportQuery, ReportRunBody, ReportRunParams, idempotencyKey } from '../schemas';
import type { Services } from '../services';
import { sendJsonOrCsv } from './sla';

export const REPORT_READERS = ['manager', 'task_force', 'operator'] as const;

export function reportsRouter({ reports }: Pick<Services, 'reports'>): Router {
  const router = Router();

  router.get('/', requireRole(...REPORT_READERS), async (req, res) => {
    res.json(await reports.list(parseOr422(ReportListQuery, req.query)));
  });

  router.get('/:reportId', requireRole(...REPORT_READERS), async (req: Request<{ reportId: string }>, res) => {
    const { reportId } = parseOr422(ReportParams, req.params);
    const q = parseOr422(ReportQuery, req.query);
    const content = await reports.get(reportId);
    // The id is validated above: quoting is all the name needs.
    sendJsonOrCsv(req, res, q.format, content, { filename: `${reportId}.csv`, text: () => cadenceReportCsv(content) });
  });

  router.post('/:kind/runs', requireRole('operator'), async (req: Request<{ kind: string }>, res) => {
    const kind = parseOr422(ReportRunParams, req.params).kind.toUpperCase() as CadenceKind;
    // Checked like every POST's; the run needs no key of its own, being idempotent by kind and date.
    idempotencyKey(req);
    const { date } = parseOr422(ReportRunBody, req.body);
    const { reportId, summary } = await reports.run(kind, date);
    res.status(201).location(`/api/v1/reports/${reportId}`).json(summary);
  });

  return router;
}
