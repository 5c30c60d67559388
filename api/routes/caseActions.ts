import { Router, type Request } from 'express';
import { principalOf, requireRole } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { DecisionBody, EVIDENCE, ReasonBody, ReassignBody, ResumeBody, SciTechDecisionBody } from '../schemas';
import type { Services } from '../services';
import { taskKind } from '../services/caseActions';
import { callerOf } from './caller';

type Params = { caseNo: string; task: string };

export function caseActionsRouter({ cases, caseActions: actions }: Pick<Services, 'cases' | 'caseActions'>): Router {
  const router = Router({ mergeParams: true });

  router.post('/tasks/:task/complete', async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const caseNo = await actions.fastTrackCase(caller, req.params.caseNo, '完成任务', 'task completion');
    const kind = taskKind(req.params.task);
    res.json(await actions.complete(caller, caseNo, kind, parseOr422(EVIDENCE[kind], req.body)));
  });

  router.post('/tasks/:task/reassign', requireRole('case_officer', 'task_force'), async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const caseNo = await actions.fastTrackCase(caller, req.params.caseNo, '改派任务', 'task reassignment');
    const kind = taskKind(req.params.task);
    res.json(await actions.reassign(caller, caseNo, kind, parseOr422(ReassignBody, req.body)));
  });

  const clockRoles = ['case_officer', 'task_force', 'grid_officer', 'customer_manager'] as const;
  router.post('/tasks/:task/pause', requireRole(...clockRoles), async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const caseNo = await actions.fastTrackCase(caller, req.params.caseNo, '暂停计时', 'pausing a task clock');
    const kind = taskKind(req.params.task);
    res.json(await actions.pause(caller, caseNo, kind, parseOr422(ReasonBody, req.body).reason));
  });

  router.post('/sla/resume', requireRole(...clockRoles), async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const caseNo = await actions.fastTrackCase(caller, req.params.caseNo, '恢复计时', 'resuming a task clock');
    res.json(await actions.resume(caller, caseNo, parseOr422(ResumeBody, req.body).note));
  });

  // Decision and withdrawal exist for every product: the body is checked against the case's own product.
  router.post('/decision', requireRole('credit_approver'), async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const { caseNo, product } = await cases.visible(principalOf(req), req.params.caseNo);
    res.json(
      product === 'SCI_TECH'
        ? await actions.decideSciTech(caller, caseNo, parseOr422(SciTechDecisionBody, req.body))
        : await actions.decide(caller, caseNo, parseOr422(DecisionBody, req.body)),
    );
  });

  router.post('/withdrawal', requireRole('case_officer', 'task_force'), async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    const { caseNo, product } = await cases.visible(principalOf(req), req.params.caseNo);
    res.json(await actions.withdraw(caller, caseNo, product, parseOr422(ReasonBody, req.body).reason));
  });

  return router;
}
