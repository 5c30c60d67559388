// Joint bank consultations (银行联合会诊) for refused firms: started from a rejected case or as a
// batch of firms a bank refused; the task force runs them, the banks propose plans and
// re-review, managers read. Each action is an update of the consultation's workflow, whose
// validators own the rules: a refusal is 409 with the workflow's reason and changes nothing.
import crypto from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import { BANK_ROLES, WHOSE_MOVE } from '../../domain/consultation/actions';
import { summariseBatch, type MemberProgress } from '../../domain/consultation/progress';
import { categoriseReasons } from '../../domain/consultation/reasons';
import type { Database } from '../../infra/database';
import { queryBatchOutcomes } from '../../readModels/batchOutcomes';
import { calendarOf } from '../../readModels/slaSummaryQuery';
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
import { Bank, ConsultationBatch, Product, openingConsultationAttributes } from '../../workflows/searchAttributes';
import type { Principal } from '../../domain/people';
import { canonicalJson } from '../canonicalJson';
import { Problem, validationProblem, type FieldError } from '../problem';
import { BatchIdParam, ConsultationIdParam, type ConsultationListQuery, type MaterialsRequestBody, type PlanBody, type ReReviewBody, type ReasonsBody, type StartBatchBody } from '../schemas';
import type { Caller } from './caller';
import { bankRefusal } from './reference';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import type { CasesDeps } from './cases';
import { readThroughRecord, type RecordAnswer } from './caseFreshness';
import { REPEAT_IS_SAFE, askOrUndefined, boundedWrite, runUpdate, temporalUiLink } from './workflowCalls';

export { BANK_ROLES };

function consultationNotFound(id: string): Problem {
  return new Problem(404, 'not-found', 'Consultation not found', `No consultation ${id}`);
}

/** The consultations a principal may see: the district roles all, banks theirs (refusing or proposed), streets their firms'. */
function visibleConsultationsWhere(p: Principal): Prisma.ConsultationWhereInput {
  switch (p.role) {
    case 'case_officer':
    case 'grid_officer':
      return { streetCode: p.street ?? '' };
    case 'customer_manager':
    case 'credit_approver':
      return { OR: [{ bankCode: p.bank ?? '' }, { planBankCode: p.bank ?? '' }] };
    case 'assessor':
    case 'visit_team_member':
    case 'community_coordinator':
    case 'survey_officer':
    case 'firm':
      return { consultationId: '' };
    case 'task_force':
    case 'manager':
    case 'operator':
      return {};
  }
}

const actorOf = (p: Principal): ConsultationActor => ({ id: p.sub, role: p.role, ...(p.bank ? { bank: p.bank } : {}) });

export function consultationService({ db, client, taskQueue, temporalUiUrl, namespace }: CasesDeps) {
  const uiLink = temporalUiLink(temporalUiUrl, namespace);

  /** The consultation as its workflow just answered (an update's result). */
  const view = async (id: string, state: ConsultationState) => consultationView(await consultationRecord(db, id), { by: 'WORKFLOW', state }, uiLink);

  /** A consultation from its record, unless `live` asks for the workflow or the record trails it (caseFreshness.ts). */
  async function read(caller: Caller, id: string, live: boolean) {
    const workflowId = consultationWorkflowId(id);
    const { record, answer } = await readThroughRecord(client, caller.log, {
      workflowId,
      live,
      load: () => consultationRecord(db, id),
      complete: (c) => c.materials !== null,
      ask: () => askOrUndefined(client, caller.log, workflowId, () => client.workflow.getHandle(workflowId).query(consultationStateQuery)),
    });
    return consultationView(record, answer, uiLink);
  }

  /** Runs an update on the consultation's workflow and answers the consultation after it. */
  async function act<Arg>(caller: Caller, id: string, def: UpdateDefinition<ConsultationState, [Arg]>, arg: Arg) {
    const target = { noun: 'consultation' as const, id, workflowId: consultationWorkflowId(id), subject: { zh: `联合会诊 ${id} `, en: `Consultation ${id}` } };
    return view(id, await runUpdate(db, client, target, def, arg, caller));
  }

  return {
    /** The consultation `id` names if the caller may see it; otherwise it does not exist (404). */
    async visibleId(principal: Principal, id: string): Promise<string> {
      if (!ConsultationIdParam.safeParse(id).success) throw consultationNotFound(id);
      const row = await db.consultation.findFirst({ where: { consultationId: id, ...visibleConsultationsWhere(principal) }, select: { consultationId: true } });
      if (!row) throw consultationNotFound(id);
      return id;
    },

    read,

    /** The consultations the caller sees (a batch's when `batchId`), from the projection, newest first. */
    async list(principal: Principal, { batchId, limit }: z.output<typeof ConsultationListQuery>) {
      const rows = await db.consultation.findMany({
        where: { ...visibleConsultationsWhere(principal), ...(batchId ? { batchId } : {}) },
        orderBy: [{ openedAt: 'desc' }, { consultationId: 'asc' }],
        take: limit,
      });
      return {
        items: rows.map((r) => {
          const stage = r.stage as ConsultationState['stage'];
          return {
            id: r.consultationId,
            batchId: r.batchId,
            fromCaseNo: r.fromCaseNo,
            firm: { name: r.firmName, creditCode: r.creditCode, street: r.streetCode },
            refused: { bank: r.bankCode, amountFen: Number(r.amountFen) },
            planBank: r.planBankCode,
            stage,
            slaState: r.slaState as ConsultationState['slaState'],
            openedAt: r.openedAt.toISOString(),
            dueAt: r.dueAt?.toISOString() ?? null,
            whoseMove: WHOSE_MOVE[stage],
            linkedCaseNo: r.linkedCaseNo,
          };
        }),
      };
    },

    /** Starts the consultation of a rejected case (id JC-<caseNo>), its reasons carried over; `existed` when it had started before. */
    async start(caller: Caller, fromCaseNo: string) {
      // Checked like every POST's; the id derived from the case already makes a repeat the same consultation.
      caller.idempotencyKey();
      const c = await db.loanCase.findUnique({ where: { caseNo: fromCaseNo }, include: { events: { where: { type: 'REJECTED' } } } });
      if (!c) throw new Problem(404, 'not-found', 'Case not found', `No case ${fromCaseNo}`);
      if (c.stage !== 'REJECTED') {
        throw new Problem(409, 'case-not-rejected', 'Only a rejected case goes to a joint consultation', `案件 ${fromCaseNo} 处于 ${c.stage}，未被拒绝，不能发起联合会诊。 Case ${fromCaseNo} is ${c.stage}, not REJECTED`);
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
              firm: { name: c.firmName, creditCode: c.creditCode, streetCode: c.streetCode },
              refused: { product: c.product as 'FAST_TRACK' | 'SCI_TECH', bankCode: c.bankCode, amountFen: Number(c.amountFen), purpose: c.purpose, caseNo: fromCaseNo },
              reasons,
              openedAt: new Date().toISOString(),
              openedBy: caller.principal.sub,
            },
          ],
          staticSummary: `${consultationId} · 联合会诊 joint consultation · ${c.bankCode}`,
          staticDetails: `拒贷案件 From rejected case ${fromCaseNo}`,
          typedSearchAttributes: openingConsultationAttributes({ reasons, refused: { bankCode: c.bankCode, amountFen: Number(c.amountFen) } }, c.streetCode),
        }),
      }));
      return { consultationId, existed, view: await view(consultationId, state) };
    },

    recordReasons: (caller: Caller, id: string, { reasons }: z.output<typeof ReasonsBody>) =>
      act(caller, id, recordReasonsUpdate, { actor: actorOf(caller.principal), reasons }),

    async proposePlan(caller: Caller, id: string, body: z.output<typeof PlanBody>) {
      const bankRefused = bankRefusal(await db.bank.findUnique({ where: { code: body.bank } }), body.bank);
      if (bankRefused) throw validationProblem([{ field: 'bank', message: bankRefused }]);
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
      return act(caller, id, proposePlanUpdate, { actor: actorOf(caller.principal), plan });
    },

    requestMaterials: (caller: Caller, id: string, { missing, reason }: z.output<typeof MaterialsRequestBody>) =>
      act(caller, id, requestMaterialsUpdate, { actor: actorOf(caller.principal), missing, reason }),

    completeMaterials: (caller: Caller, id: string, { note }: { note?: string }) => act(caller, id, completeMaterialsUpdate, { actor: actorOf(caller.principal), note }),

    reReview: (caller: Caller, id: string, body: z.output<typeof ReReviewBody>) =>
      act(caller, id, reReviewUpdate, { actor: actorOf(caller.principal), outcome: body.outcome, note: body.note }),

    withdraw: (caller: Caller, id: string, { reason }: { reason: string }) => act(caller, id, withdrawConsultationUpdate, { actor: actorOf(caller.principal), reason }),

    /**
     * Starts one consultation per firm a bank refused, in the background. With an Idempotency-Key
     * the batch id derives from it and the body as sent (`requestBody`): a retry meets the same batch.
     */
    async startBatch(caller: Caller, body: z.output<typeof StartBatchBody>, requestBody: unknown) {
      const { principal } = caller;
      const errors: FieldError[] = [];
      if (!(await db.bank.findUnique({ where: { code: body.bank } }))) errors.push({ field: 'bank', message: `unknown bank '${body.bank}'; see GET /api/v1/banks` });
      const streets = new Set((await db.street.findMany({ select: { code: true } })).map((s) => s.code));
      body.firms.forEach((f, i) => {
        if (!streets.has(f.street)) errors.push({ field: `firms.${i}.street`, message: `unknown street '${f.street}'; see GET /api/v1/streets` });
      });
      if (errors.length) throw validationProblem(errors);
      requireCreditCodeConfirmation(body.firms.map((f, i) => ({ field: `firms.${i}.creditCode`, creditCode: f.creditCode, confirmed: f.confirmCreditCodeWarnings })));

      // With an Idempotency-Key the batch id derives from it (and the body): a retried request meets the same batch.
      const key = caller.idempotencyKey();
      const seed = key === undefined ? crypto.randomUUID() : `${principal.sub}:${key}:${canonicalJson(requestBody)}`;
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
              firms: body.firms.map((f) => ({
                name: f.name,
                creditCode: f.creditCode.code,
                ...(f.creditCode.warnings.length ? { creditCodeWarnings: f.creditCode.warnings } : {}),
                streetCode: f.street,
                amountFen: f.amount,
                purpose: f.purpose,
                product: f.product,
                reasons: f.reasons,
              })),
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
      return { id: batchId, workflowId, bank: body.bank, firms: body.firms.length, temporalUi: uiLink(workflowId) };
    },

    /** A batch's progress, for the district roles and the refusing bank's staff; others get 404. */
    async batch(caller: Caller, batchId: string) {
      const batch = await visibleBatch(caller.principal, batchId);
      let progress = await askOrUndefined(client, caller.log, batchWorkflowId(batchId), () => client.workflow.getHandle(batchWorkflowId(batchId)).query(batchProgressQuery));
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
      return { ...progress, firmCount: batch.firmCount, openedAt: batch.openedAt.toISOString(), temporalUi: uiLink(batchWorkflowId(batchId)) };
    },

    /** A batch's outcome on both clocks (readModels/batchOutcomes.ts); seen as its progress is. */
    async batchReport(caller: Caller, batchId: string) {
      await visibleBatch(caller.principal, batchId);
      const [report] = await queryBatchOutcomes(db, { batchId }, await calendarOf(db));
      return report!;
    },
  };

  /** The batch, for the district roles and the refusing bank's staff; for others it does not exist (404). */
  async function visibleBatch(p: Principal, batchId: string) {
    const notFound = new Problem(404, 'not-found', 'Batch not found', `No consultation batch ${batchId}`);
    if (!BatchIdParam.safeParse(batchId).success) throw notFound;
    const batch = await db.consultationBatch.findUnique({ where: { batchId } });
    const sees = ['task_force', 'manager', 'operator'].includes(p.role) || ((BANK_ROLES as readonly string[]).includes(p.role) && batch?.bankCode === p.bank);
    if (!batch || !sees) throw notFound;
    return batch;
  }
}

async function consultationRecord(db: Database, id: string) {
  const c = await db.consultation.findUnique({ where: { consultationId: id }, include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
  if (!c) throw consultationNotFound(id);
  return c;
}

type ConsultationRecord = Awaited<ReturnType<typeof consultationRecord>>;

function consultationView(c: ConsultationRecord, answer: RecordAnswer<ConsultationState>, uiLink: (id: string) => string) {
  // What the workflow answered, else what its last write kept.
  const s: Partial<ConsultationState> = answer.by === 'WORKFLOW' ? answer.state : {
    reasons: c.reasons as unknown as ConsultationState['reasons'],
    plan: (c.plan ?? undefined) as ConsultationState['plan'],
    materials: (c.materials ?? []) as unknown as ConsultationState['materials'],
    reReview: (c.reReview ?? undefined) as ConsultationState['reReview'],
    breaches: (c.breaches ?? []) as unknown as ConsultationState['breaches'],
    withdrawal: (c.withdrawal ?? undefined) as ConsultationState['withdrawal'],
  };
  const linkedCaseNo = s.linkedCase?.caseNo ?? c.linkedCaseNo;
  return {
    id: c.consultationId,
    workflowId: c.workflowId,
    batchId: c.batchId,
    fromCaseNo: c.fromCaseNo,
    fromLead: c.fromLeadId,
    firm: { name: c.firmName, creditCode: c.creditCode, street: c.streetCode },
    refused: { product: c.refusedProduct, bank: c.bankCode, amountFen: Number(c.amountFen) },
    stage: s.stage ?? c.stage,
    slaState: s.slaState ?? c.slaState,
    openedAt: c.openedAt.toISOString(),
    dueAt: s.dueAt ?? c.dueAt?.toISOString() ?? null,
    reasons: s.reasons ?? [],
    plan: s.plan ?? null,
    materials: s.materials ?? [],
    reReview: s.reReview ?? null,
    linkedCase: linkedCaseNo ? { caseNo: linkedCaseNo, url: `/api/v1/cases/${linkedCaseNo}` } : null,
    breaches: s.breaches ?? [],
    withdrawal: s.withdrawal ?? null,
    live: answer.by === 'WORKFLOW' || answer.current,
    answeredBy: answer.by,
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
}
