// Update validators of the joint consultation: each throws a precise, bilingual reason and
// never changes state. Roles arrive as data (the API's authenticated principal).
import { BANK_ROLES, CONSULTATION_ACTIONS as ACTIONS } from '../domain/consultation/actions';
import { planProblems } from '../domain/consultation/plan';
import { reasonProblems } from '../domain/consultation/reasons';
import { CLOSED_STAGES, type ConsultationStage } from '../domain/stages';
import type {
  CompleteMaterialsRequest,
  ConsultationActor,
  ConsultationState,
  JointConsultationInput,
  ProposePlanRequest,
  RecordReasonsRequest,
  RequestMaterialsRequest,
  ReReviewRequest,
  WithdrawConsultationRequest,
} from './jointConsultationMessages';
import { reject, requireText } from './validation';

// Not `recorded`: an update that arrives while the consultation is being opened waits for it
// in its handler, which checks again (a batch's consultations are acted on at once).
function requireOpen(state: ConsultationState): void {
  if (CLOSED_STAGES.includes(state.stage)) reject(`会诊已结束（${state.stage}）`, `the consultation has ended (${state.stage})`);
}

function requireStage(state: ConsultationState, allowed: readonly ConsultationStage[], what: string): void {
  if (!allowed.includes(state.stage)) reject(`会诊处于${state.stage}，不能${what.split(' ')[0]}`, `${what.split(' ').slice(1).join(' ')} is not expected in ${state.stage}; only in ${allowed.join(', ')}`);
}

function requireActor(actor: ConsultationActor | undefined, roles: readonly string[]): asserts actor is ConsultationActor {
  requireText(actor?.id, '操作人', 'actor.id');
  if (!roles.includes(actor!.role)) reject('该角色不能执行此操作', `role ${actor!.role} may not do this; needs one of ${roles.join(', ')}`);
}

/** Bank staff act only for their own bank's plans. */
function requireOwnBank(actor: ConsultationActor, bankCode: string): void {
  if ((BANK_ROLES as readonly string[]).includes(actor.role) && actor.bank !== bankCode) reject('只能处理本行的方案', `${actor.id} works for ${actor.bank ?? 'no bank'}, not ${bankCode}`);
}

export function validateRecordReasons(state: ConsultationState, req: RecordReasonsRequest): void {
  requireOpen(state);
  requireStage(state, ACTIONS.recordReasons.stages, '记录拒贷原因 recording reasons');
  requireActor(req?.actor, ACTIONS.recordReasons.roles);
  const problems = reasonProblems(req.reasons);
  if (problems.length) reject('拒贷原因无效', problems.join('; '));
}

export function validateProposePlan(state: ConsultationState, req: ProposePlanRequest, refused: JointConsultationInput['refused']): void {
  requireOpen(state);
  if (state.stage === 'OPENED') reject('请先记录拒贷原因', 'record the rejection reasons before proposing a plan');
  requireStage(state, ACTIONS.proposePlan.stages, '提出方案 proposing a plan');
  requireActor(req?.actor, ACTIONS.proposePlan.roles);
  const problems = planProblems(req.plan, refused);
  if (problems.length) reject('融资方案不符合要求', problems.join('; '));
  requireOwnBank(req.actor, req.plan.bankCode);
}

export function validateRequestMaterials(state: ConsultationState, req: RequestMaterialsRequest): void {
  requireOpen(state);
  requireStage(state, ACTIONS.requestMaterials.stages, '要求补充材料 requesting materials');
  requireActor(req?.actor, ACTIONS.requestMaterials.roles);
  if (!Array.isArray(req.missing) || req.missing.length === 0 || req.missing.some((m) => typeof m !== 'string' || !m.trim())) {
    reject('请列明所缺材料', 'missing must list at least one document');
  }
  requireText(req.reason, '原因', 'reason');
}

export function validateCompleteMaterials(state: ConsultationState, req: CompleteMaterialsRequest): void {
  requireOpen(state);
  requireStage(state, ACTIONS.completeMaterials.stages, '确认材料齐全 completing materials');
  requireActor(req?.actor, ACTIONS.completeMaterials.roles);
}

export function validateReReview(state: ConsultationState, req: ReReviewRequest): void {
  requireOpen(state);
  requireStage(state, ACTIONS.reReview.stages, '复审 re-reviewing');
  requireActor(req?.actor, ACTIONS.reReview.roles);
  requireOwnBank(req.actor, state.plan!.bankCode);
  if (req.outcome !== 'ACCEPTED' && req.outcome !== 'DECLINED') reject('复审结果无效', 'outcome must be ACCEPTED or DECLINED');
  if (req.outcome === 'DECLINED') requireText(req.note, '不予采纳的理由', 'a note saying why the plan is declined');
}

export function validateWithdrawConsultation(state: ConsultationState, req: WithdrawConsultationRequest): void {
  requireOpen(state);
  requireStage(state, ACTIONS.withdraw.stages, '撤回 withdrawing');
  requireActor(req?.actor, ACTIONS.withdraw.roles);
  requireText(req.reason, '撤回原因', 'a withdrawal reason');
}
