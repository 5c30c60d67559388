import { Router, type Request } from 'express';
import type { z } from 'zod';
import { requireRole } from '../auth/middleware';
import type { Role } from '../auth/principal';
import { parseOr422 } from '../problem';
import { MaterialsCompleteBody, MaterialsRequestBody, PlanBody, ReReviewBody, ReasonBody, ReasonsBody, StartBatchBody, StartConsultationBody } from '../schemas';
import type { Caller, Services } from '../services';
import { BANK_ROLES } from '../services/consultations';
import { callerOf } from './caller';

type Params = { id: string };

export function consultationsRouter({ consultations }: Pick<Services, 'consultations'>): Router {
  const router = Router();

  router.post('/', requireRole('task_force'), async (req, res) => {
    const { fromCaseNo } = parseOr422(StartConsultationBody, req.body);
    const started = await consultations.start(callerOf(req), fromCaseNo);
    res.status(started.existed ? 200 : 201).location(`/api/v1/consultations/${started.consultationId}`).json(started.view);
  });

  router.get('/:id', async (req: Request<Params>, res) => {
    const caller = callerOf(req);
    res.json(await consultations.view(caller, await consultations.visibleId(caller.principal, req.params.id)));
  });

  /** An action on a consultation the caller sees: its body, parsed after the scope check, goes to the service. */
  function action<S extends z.ZodType>(path: string, roles: readonly Role[], schema: S, perform: (caller: Caller, id: string, body: z.output<S>) => Promise<unknown>) {
    router.post(`/:id${path}`, requireRole(...roles), async (req: Request<Params>, res) => {
      const caller = callerOf(req);
      const id = await consultations.visibleId(caller.principal, req.params.id);
      res.json(await perform(caller, id, parseOr422(schema, req.body)));
    });
  }
  action('/reasons', ['task_force'], ReasonsBody, consultations.recordReasons);
  action('/plan', ['task_force', ...BANK_ROLES], PlanBody, consultations.proposePlan);
  action('/materials/request', ['task_force'], MaterialsRequestBody, consultations.requestMaterials);
  action('/materials/complete', ['task_force'], MaterialsCompleteBody, consultations.completeMaterials);
  action('/re-review', BANK_ROLES, ReReviewBody, consultations.reReview);
  action('/withdrawal', ['task_force'], ReasonBody, consultations.withdraw);

  return router;
}

export function consultationBatchesRouter({ consultations }: Pick<Services, 'consultations'>): Router {
  const router = Router();

  router.post('/', requireRole('task_force'), async (req, res) => {
    const body = parseOr422(StartBatchBody, req.body);
    const started = await consultations.startBatch(callerOf(req), body, req.body);
    res.status(202).location(`/api/v1/consultation-batches/${started.id}`).json(started);
  });

  router.get('/:batchId', async (req: Request<{ batchId: string }>, res) => {
    res.json(await consultations.batch(callerOf(req), req.params.batchId));
  });

  return router;
}
