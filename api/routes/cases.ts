import { Router, type Request } from 'express';
import { principalOf, requireRole } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { CaseListQuery, CreateCaseBody } from '../schemas';
import type { Services } from '../services';
import { caseActionsRouter } from './caseActions';
import { callerOf } from './caller';

export function casesRouter({ cases, caseActions }: Pick<Services, 'cases' | 'caseActions'>): Router {
  const router = Router();

  router.post('/', requireRole('case_officer'), async (req, res) => {
    const body = parseOr422(CreateCaseBody, req.body);
    const opened = await cases.open(callerOf(req), body, req.body);
    if (opened.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(201).location(`/api/v1/cases/${opened.caseNo}`).json(opened.view);
  });

  router.get('/', async (req, res) => {
    const q = parseOr422(CaseListQuery, req.query);
    res.json(await cases.list(principalOf(req), q));
  });

  router.get('/:caseNo/timeline', async (req: Request<{ caseNo: string }>, res) => {
    res.json(await cases.timeline(principalOf(req), req.params.caseNo));
  });

  router.get('/:caseNo', async (req: Request<{ caseNo: string }>, res) => {
    res.json(await cases.get(callerOf(req), req.params.caseNo));
  });

  router.use('/:caseNo', caseActionsRouter({ cases, caseActions }));

  return router;
}
