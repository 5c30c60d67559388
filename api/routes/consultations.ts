// Joint bank consultations (银行联合会诊) for refused firms: started from a rejected case or as a
// batch of firms a bank refused; the task force runs them, the banks propose plans and
// re-review, managers read. Each action is an update of the consultation's workflow, whose
// validators own the rules: a refusal is 409 with the workflow's reason and changes nothing.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { summariseBatch, type MemberProgress } from '../../domain/consultation/progress';
import { categoriseReasons } from '../../domain/consultation/reasons';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { batchOpenedUpdate, batchProgressQuery, consultationBatchWorkflow } from '../../workflows/consultationBatch';
import {
  batchWorkflowId,
  completeMaterialsUpdate,
  consultationOpenedUpdate,
  consultationStateQuery,
  consultationWorkflowId,
  jointConsultationWorkflow,
  proposePlanUpdate,
  reReviewUpdate,
  recordReasonsUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
  type ConsultationActor,
  type ConsultationState,
  type ProposedPlan,
} from '../../workflows/jointConsultation';
import { AmountFen, Bank, CaseStage, ConsultationBatch, Product, SlaState, Street } from '../../workflows/searchAttributes';
import { principalOf, requireRole } from '../auth/middleware';
import type { Principal } from '../auth/principal';
import { Problem, parseOr422, validationProblem, type FieldError } from '../problem';
import { REPEAT_IS_SAFE, RETRY_WITH_KEY, askOrUndefined, boundedWrite } from './workflowCalls';
import { BatchIdParam, ConsultationIdParam, MaterialsCompleteBody, MaterialsRequestBody, PlanBody, ReReviewBody, ReasonBody, ReasonsBody, StartBatchBody, StartConsultationBody, idempotencyKey } from '../schemas';
import { canonicalJson } from '../canonicalJson';
import type { CasesDeps } from './cases';

const BANK_ROLES = ['customer_manager', 'credit_approver'] as const;

function consultationNotFound(id: string): Problem {
  return new Problem(404, 'not-found', 'Consultation not found', `No consultation ${id}`);
}

/** The consultations a principal may see: the district roles all, banks theirs (refusing or proposed), streets their firms'. */
export function visibleConsultationsWhere(p: Principal): Prisma.ConsultationWhereInput {
  switch (p.role) {
    case 'case_officer':
    case 'grid_officer':
      return { streetCode: p.street ?? '' };
    case 'customer_manager':
    case 'credit_approver':
      return { OR: [{ bankCode: p.bank ?? '' }, { planBankCode: p.bank ?? '' }] };
    case 'assessor':
      return { consultationId: '' };
    case 'task_force':
    case 'manager':
    case 'operator':
      return {};
  }
}

const actorOf = (p: Principal): ConsultationActor => ({ id: p.sub, role: p.role, ...(p.bank ? { bank: p.bank } : {}) });

export function consultationsRouter({ db, client, taskQueue, temporalUiUrl, namespace }: CasesDeps): Router {
  const router = Router();
  const uiLink = (workflowId: string) => `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;

  async function visibleId(req: Request<{ id: string }>): Promise<string> {
    const id = req.params.id;
    if (!ConsultationIdParam.safeParse(id).success) throw consultationNotFound(id);
    const row = await db.consultation.findFirst({ where: { consultationId: id, ...visibleConsultationsWhere(principalOf(req)) }, select: { consultationId: true } });
    if (!row) throw consultationNotFound(id);
    return id;
  }

  async function view(req: Request, id: string, live?: ConsultationState) {
    const workflowId = consultationWorkflowId(id);
    live ??= await askOrUndefined(client, req, workflowId, () => client.workflow.getHandle(workflowId).query(consultationStateQuery));
    return consultationView(db, id, live, uiLink);
  }

  async function run<Arg>(req: Request<{ id: string }>, id: string, def: UpdateDefinition<ConsultationState, [Arg]>, arg: Arg): Promise<ConsultationState> {
    try {
      return await boundedWrite(client, { zh: `联合会诊 ${id} `, en: `Consultation ${id}` }, RETRY_WITH_KEY, () =>
        client.workflow.getHandle(consultationWorkflowId(id)).executeUpdate(def, { args: [arg], updateId: idempotencyKey(req) }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        throw new Problem(409, 'update-rejected', 'The consultation refused this action', (err.cause as Error | undefined)?.message ?? err.message);
      }
      if (err instanceof WorkflowNotFoundError || /already completed/i.test((err as Error).message)) {
        throw new Problem(409, 'consultation-closed', 'The consultation is closed', `Consultation ${id} has ended; nothing more can be done on it`);
      }
      throw err;
    }
  }

  router.post('/', requireRole('task_force'), async (req, res) => {
    const principal = principalOf(req);
    const { fromCaseNo } = parseOr422(StartConsultationBody, req.body);
    // Checked like every POST's; the id derived from the case already makes a repeat the same consultation.
    idempotencyKey(req);
    const c = await db.loanCase.findUnique({ where: { caseNo: fromCaseNo }, include: { firm: true, events: { where: { type: 'REJECTED' } } } });
    if (!c) throw new Problem(404, 'not-found', 'Case not found', `No case ${fromCaseNo}`);
    if (c.stage !== 'REJECTED') {
      throw new Problem(409, 'case-not-rejected', 'Only a rejected case goes to a joint consultation', `Case ${fromCaseNo} is ${c.stage}, not REJECTED`);
    }
    const consultationId = `JC-${fromCaseNo}`;
    const existed = (await db.consultation.count({ where: { consultationId } })) > 0;
    const rejection = (c.events[0]?.data ?? {}) as { reasons?: { code: string; note?: string }[] };
    const reasons = categoriseReasons(rejection.reasons ?? []);
    // The id derives from the case: a repeat (or a race) meets the same consultation.
    const started = { zh: `联合会诊 ${consultationId} 已发起，但其工作流`, en: `Consultation ${consultationId} is started, but its workflow` };
    const state = await boundedWrite(client, started, REPEAT_IS_SAFE, () => client.workflow.executeUpdateWithStart(consultationOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(jointConsultationWorkflow, {
        workflowId: consultationWorkflowId(consultationId),
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [
          {
            consultationId,
            firm: { name: c.firm.name, creditCode: c.firm.creditCode, streetCode: c.streetCode },
            refused: { product: c.product as 'FAST_TRACK' | 'SCI_TECH', bankCode: c.bankCode, amountFen: Number(c.amountFen), purpose: c.purpose, caseNo: fromCaseNo },
            reasons,
            openedAt: new Date().toISOString(),
            openedBy: principal.sub,
          },
        ],
        staticSummary: `${c.firm.name} · 联合会诊 joint consultation · ${c.bankCode}`,
        staticDetails: `拒贷案件 From rejected case ${fromCaseNo}`,
        typedSearchAttributes: [
          { key: CaseStage, value: reasons.length ? 'REASONS_RECORDED' : 'OPENED' },
          { key: SlaState, value: 'ON_TRACK' },
          { key: Street, value: c.streetCode },
          { key: Bank, value: c.bankCode },
          { key: Product, value: 'JOINT_CONSULTATION' },
          { key: AmountFen, value: Number(c.amountFen) },
        ],
      }),
    }));
    res.status(existed ? 200 : 201).location(`/api/v1/consultations/${consultationId}`).json(await view(req, consultationId, state));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res) => {
    res.json(await view(req, await visibleId(req)));
  });

  router.post('/:id/reasons', requireRole('task_force'), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const { reasons } = parseOr422(ReasonsBody, req.body);
    res.json(await view(req, id, await run(req, id, recordReasonsUpdate, { actor: actorOf(principalOf(req)), reasons })));
  });

  router.post('/:id/plan', requireRole('task_force', ...BANK_ROLES), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const body = parseOr422(PlanBody, req.body);
    if (!(await db.bank.findUnique({ where: { code: body.bank } }))) throw validationProblem([{ field: 'bank', message: `unknown bank '${body.bank}'; see GET /api/v1/banks` }]);
    const s = body.sciTech;
    const plan: ProposedPlan = {
      kind: body.kind,
      product: body.product,
      bankCode: body.bank,
      amountFen: body.amount,
      ...(body.guarantee ? { guarantee: { guarantor: body.guarantee.guarantor, coverFen: body.guarantee.cover } } : {}),
      ...(s ? { sciTech: { patents: s.patents, rdSpendFen: s.rdSpend, revenueFen: s.revenue, yearsInOperation: s.yearsInOperation, existingDebtFen: s.existingDebt, requestedFen: body.amount } } : {}),
      ...(body.note ? { note: body.note } : {}),
    };
    res.json(await view(req, id, await run(req, id, proposePlanUpdate, { actor: actorOf(principalOf(req)), plan })));
  });

  router.post('/:id/materials/request', requireRole('task_force'), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const { missing, reason } = parseOr422(MaterialsRequestBody, req.body);
    res.json(await view(req, id, await run(req, id, requestMaterialsUpdate, { actor: actorOf(principalOf(req)), missing, reason })));
  });

  router.post('/:id/materials/complete', requireRole('task_force'), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const { note } = parseOr422(MaterialsCompleteBody, req.body);
    res.json(await view(req, id, await run(req, id, completeMaterialsUpdate, { actor: actorOf(principalOf(req)), note })));
  });

  router.post('/:id/re-review', requireRole(...BANK_ROLES), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const body = parseOr422(ReReviewBody, req.body);
    res.json(await view(req, id, await run(req, id, reReviewUpdate, { actor: actorOf(principalOf(req)), outcome: body.outcome, note: body.note })));
  });

  router.post('/:id/withdrawal', requireRole('task_force'), async (req: Request<{ id: string }>, res) => {
    const id = await visibleId(req);
    const { reason } = parseOr422(ReasonBody, req.body);
    res.json(await view(req, id, await run(req, id, withdrawConsultationUpdate, { actor: actorOf(principalOf(req)), reason })));
  });

  return router;
}

export function consultationBatchesRouter({ db, client, taskQueue, temporalUiUrl, namespace }: CasesDeps): Router {
  const router = Router();
  const uiLink = (workflowId: string) => `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;

  router.post('/', requireRole('task_force'), async (req, res) => {
    const principal = principalOf(req);
    const body = parseOr422(StartBatchBody, req.body);
    const errors: FieldError[] = [];
    if (!(await db.bank.findUnique({ where: { code: body.bank } }))) errors.push({ field: 'bank', message: `unknown bank '${body.bank}'; see GET /api/v1/banks` });
    const streets = new Set((await db.street.findMany({ select: { code: true } })).map((s) => s.code));
    body.firms.forEach((f, i) => {
      if (!streets.has(f.street)) errors.push({ field: `firms.${i}.street`, message: `unknown street '${f.street}'; see GET /api/v1/streets` });
      if (f.creditCode.warnings.length > 0) errors.push({ field: `firms.${i}.creditCode`, message: `fails ${f.creditCode.warnings.join(', ')}; open a consultation for such a firm from its rejected case` });
    });
    if (errors.length) throw validationProblem(errors);

    // With an Idempotency-Key the batch id derives from it (and the body): a retried request meets the same batch.
    const key = idempotencyKey(req);
    const seed = key === undefined ? crypto.randomUUID() : `${principal.sub}:${key}:${canonicalJson(req.body)}`;
    const batchId = `CB-${crypto.createHash('sha256').update(seed).digest('hex').slice(0, 16).toUpperCase()}`;
    // Answered once the batch has recorded itself, so its Location can be read at once.
    const started = { zh: `批次 ${batchId} 已发起，但其工作流`, en: `Batch ${batchId} is started, but its workflow` };
    const next =
      key === undefined
        ? { zh: '请稍后查看该批次，勿不带 Idempotency-Key 重复提交（那会另开一批）。', en: 'read the batch later; do not resend without an Idempotency-Key (that starts another batch).' }
        : REPEAT_IS_SAFE;
    await boundedWrite(client, started, next, () => client.workflow.executeUpdateWithStart(batchOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(consultationBatchWorkflow, {
        workflowId: batchWorkflowId(batchId),
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [
          {
            batchId,
            bankCode: body.bank,
            openedAt: new Date().toISOString(),
            openedBy: principal.sub,
            firms: body.firms.map((f) => ({ name: f.name, creditCode: f.creditCode.code, streetCode: f.street, amountFen: f.amount, purpose: f.purpose, product: f.product, reasons: f.reasons })),
          },
        ],
        staticSummary: `联合会诊批次 Consultation batch · ${body.bank} · ${body.firms.length} 家企业 firms`,
        typedSearchAttributes: [
          { key: Bank, value: body.bank },
          { key: Product, value: 'JOINT_CONSULTATION' },
          { key: ConsultationBatch, value: batchId },
        ],
      }),
    }));
    const workflowId = batchWorkflowId(batchId);
    res
      .status(202)
      .location(`/api/v1/consultation-batches/${batchId}`)
      .json({ id: batchId, workflowId, bank: body.bank, firms: body.firms.length, temporalUi: uiLink(workflowId) });
  });

  router.get('/:batchId', async (req: Request<{ batchId: string }>, res) => {
    const p = principalOf(req);
    const { batchId } = req.params;
    const notFound = new Problem(404, 'not-found', 'Batch not found', `No consultation batch ${batchId}`);
    if (!BatchIdParam.safeParse(batchId).success) throw notFound;
    const batch = await db.consultationBatch.findUnique({ where: { batchId } });
    const sees = ['task_force', 'manager', 'operator'].includes(p.role) || ((BANK_ROLES as readonly string[]).includes(p.role) && batch?.bankCode === p.bank);
    if (!batch || !sees) throw notFound;
    let progress = await askOrUndefined(client, req, batchWorkflowId(batchId), () => client.workflow.getHandle(batchWorkflowId(batchId)).query(batchProgressQuery));
    if (!progress) {
      // The workflow is gone (retention) or not answering: the projection answers the same question.
      const rows = await db.consultation.findMany({ where: { batchId }, orderBy: { consultationId: 'asc' } });
      const members: MemberProgress[] = rows.map((r) => ({
        consultationId: r.consultationId,
        firmName: r.firmName,
        creditCode: r.creditCode,
        stage: r.stage as MemberProgress['stage'],
        slaState: r.slaState,
        ...(r.linkedCaseNo ? { linkedCaseNo: r.linkedCaseNo, linkedProduct: (r.plan as { product?: string } | null)?.product } : {}),
      }));
      progress = { ...summariseBatch(batchId, batch.bankCode, members), members };
    }
    res.json({ ...progress, firmCount: batch.firmCount, openedAt: batch.openedAt.toISOString(), temporalUi: uiLink(batchWorkflowId(batchId)) });
  });

  return router;
}

async function consultationView(db: Database, id: string, live: ConsultationState | undefined, uiLink: (id: string) => string) {
  const c = await db.consultation.findUnique({ where: { consultationId: id }, include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
  if (!c) throw consultationNotFound(id);
  const linkedCaseNo = live?.linkedCase?.caseNo ?? c.linkedCaseNo;
  return {
    id: c.consultationId,
    workflowId: c.workflowId,
    batchId: c.batchId,
    fromCaseNo: c.fromCaseNo,
    firm: { name: c.firmName, creditCode: c.creditCode, street: c.streetCode },
    refused: { product: c.refusedProduct, bank: c.bankCode, amountFen: Number(c.amountFen) },
    // The workflow is the source of truth; the record is its projection.
    stage: live?.stage ?? c.stage,
    slaState: live?.slaState ?? c.slaState,
    openedAt: c.openedAt.toISOString(),
    dueAt: live?.dueAt ?? c.dueAt?.toISOString() ?? null,
    reasons: live?.reasons ?? (c.reasons as unknown as ConsultationState['reasons']),
    plan: live?.plan ?? (c.plan as unknown as ConsultationState['plan'] | null) ?? null,
    materials: live?.materials ?? [],
    reReview: live?.reReview ?? null,
    linkedCase: linkedCaseNo ? { caseNo: linkedCaseNo, url: `/api/v1/cases/${linkedCaseNo}` } : null,
    breaches: live?.breaches ?? [],
    withdrawal: live?.withdrawal ?? null,
    live: live !== undefined,
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
}
