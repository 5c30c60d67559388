import { Router, type Request } from 'express';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import type { Database } from '../../infra/database';
import {
  completeTaskUpdate,
  decideUpdate,
  pauseSlaUpdate,
  reassignTaskUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CompleteTaskRequest,
  type DecideRequest,
} from '../../workflows/fastTrackCase';
import { sciTechDecideUpdate, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { principalOf, requireRole } from '../auth/middleware';
import { Problem, parseOr422, validationProblem } from '../problem';
import { DecisionBody, EVIDENCE, idempotencyKey, ReasonBody, ReassignBody, ResumeBody, SciTechDecisionBody, TASK_SLUGS, type TaskSlug } from '../schemas';
import type { LiveCaseState } from './cases';
import { visibleCase } from './caseScope';
import { RETRY_WITH_KEY, boundedWrite } from './workflowCalls';
import { sciTechDecideRequest } from './sciTechCases';

type Params = { caseNo: string; task: string };

function taskKind(req: Request<Params>) {
  const kind = TASK_SLUGS[req.params.task as TaskSlug];
  if (!kind) throw new Problem(404, 'not-found', 'No such task', `Tasks are ${Object.keys(TASK_SLUGS).join(', ')}`);
  return kind;
}

/**
 * The case of `:caseNo` if it is fast-track: task and clock actions exist only there, so on
 * another product they are a 409 that names the reason, before the body is even read.
 */
async function fastTrackCaseNo(db: Database, req: Request<Params>, zhAction: string, action: string): Promise<string> {
  const { caseNo, product } = await visibleCase(db, req);
  if (product !== 'FAST_TRACK') {
    throw new Problem(
      409,
      'not-for-product',
      'The action does not exist for this product',
      `${caseNo} 是善科贷案件，没有并行审查任务与分项计时，不能${zhAction}；可用的操作为授信决定与撤回。 ${caseNo} is a ${product} case: it has no review tasks or task clocks, so ${action} is for fast-track cases only; decision and withdrawal apply.`,
    );
  }
  return caseNo;
}

/**
 * People act on a case through the workflow's updates. The workflow's validators
 * own the rules (who may complete a task, in which state); a refusal comes back
 * as 409 with the workflow's reason and changes nothing.
 */
export function caseActionsRouter({ db, client, view }: { db: Database; client: Client; view: (caseNo: string, state: LiveCaseState) => Promise<unknown> }): Router {
  const router = Router({ mergeParams: true });

  async function run<S extends LiveCaseState, Arg>(req: Request<Params>, caseNo: string, def: UpdateDefinition<S, [Arg]>, arg: Arg): Promise<S> {
    const updateId = idempotencyKey(req);
    try {
      return await boundedWrite(client, { zh: `案件 ${caseNo} `, en: `Case ${caseNo}` }, RETRY_WITH_KEY, () =>
        client.workflow.getHandle(`case-${caseNo}`).executeUpdate(def, { args: [arg], updateId }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        throw new Problem(409, 'update-rejected', 'The case refused this action', (err.cause as Error | undefined)?.message ?? err.message);
      }
      // The record exists (checked above), so a workflow that takes no update has ended.
      if (err instanceof WorkflowNotFoundError || /already completed/i.test((err as Error).message)) {
        throw new Problem(409, 'case-closed', 'The case is closed', `Case ${caseNo} has ended; nothing more can be done on it`);
      }
      throw err;
    }
  }

  router.post('/tasks/:task/complete', async (req: Request<Params>, res) => {
    const caseNo = await fastTrackCaseNo(db, req, '完成任务', 'task completion');
    const kind = taskKind(req);
    const evidence = parseOr422(EVIDENCE[kind], req.body);
    const state = await run(req, caseNo, completeTaskUpdate, { kind, actor: principalOf(req).sub, evidence } as CompleteTaskRequest);
    res.json(await view(caseNo, state));
  });

  router.post('/tasks/:task/reassign', requireRole('case_officer', 'task_force'), async (req: Request<Params>, res) => {
    const caseNo = await fastTrackCaseNo(db, req, '改派任务', 'task reassignment');
    const kind = taskKind(req);
    const body = parseOr422(ReassignBody, req.body);
    const staff = await db.staffMember.findFirst({ where: { id: body.assignee, active: true } });
    if (!staff) throw validationProblem([{ field: 'assignee', message: `no active staff member '${body.assignee}'` }]);
    const state = await run(req, caseNo, reassignTaskUpdate, { kind, assignee: staff.id, actor: principalOf(req).sub, reason: body.reason });
    res.json(await view(caseNo, state));
  });

  const clockRoles = ['case_officer', 'task_force', 'grid_officer', 'customer_manager'] as const;
  router.post('/tasks/:task/pause', requireRole(...clockRoles), async (req: Request<Params>, res) => {
    const caseNo = await fastTrackCaseNo(db, req, '暂停计时', 'pausing a task clock');
    const kind = taskKind(req);
    const { reason } = parseOr422(ReasonBody, req.body);
    const state = await run(req, caseNo, pauseSlaUpdate, { kind, reason, actor: principalOf(req).sub });
    res.json(await view(caseNo, state));
  });

  router.post('/sla/resume', requireRole(...clockRoles), async (req: Request<Params>, res) => {
    const caseNo = await fastTrackCaseNo(db, req, '恢复计时', 'resuming a task clock');
    const { note } = parseOr422(ResumeBody, req.body);
    const state = await run(req, caseNo, resumeSlaUpdate, { actor: principalOf(req).sub, note });
    res.json(await view(caseNo, state));
  });

  // Decision and withdrawal exist for every product: the body is checked against the case's own product.
  router.post('/decision', requireRole('credit_approver'), async (req: Request<Params>, res) => {
    const { caseNo, product } = await visibleCase(db, req);
    const actor = principalOf(req).sub;
    if (product === 'SCI_TECH') {
      const state = await run(req, caseNo, sciTechDecideUpdate, sciTechDecideRequest(parseOr422(SciTechDecisionBody, req.body), actor));
      return void res.json(await view(caseNo, state));
    }
    const body = parseOr422(DecisionBody, req.body);
    const decision: DecideRequest =
      body.outcome === 'APPROVED'
        ? { outcome: 'APPROVED', actor, amountFen: body.amount, rateBp: body.rateBp, termMonths: body.termMonths }
        : { outcome: 'REJECTED', actor, reasons: body.reasons };
    const state = await run(req, caseNo, decideUpdate, decision);
    res.json(await view(caseNo, state));
  });

  router.post('/withdrawal', requireRole('case_officer', 'task_force'), async (req: Request<Params>, res) => {
    const { caseNo, product } = await visibleCase(db, req);
    const { reason } = parseOr422(ReasonBody, req.body);
    const state = await run<LiveCaseState, { reason: string; actor: string }>(req, caseNo, product === 'SCI_TECH' ? sciTechWithdrawUpdate : withdrawUpdate, { reason, actor: principalOf(req).sub });
    res.json(await view(caseNo, state));
  });

  return router;
}
