// Update validators of the lead: each throws a precise, bilingual reason and never changes
// state. Who may act (the owner, the lead's street office, the task force) is judged here from
// the actor the API authenticated, so the rule lives with the workflow as the cases' do.
import { LEAD_ACTIONS, LEAD_CLOSE_REASONS, LEAD_ENDED_STAGES, STREET_ROLES, type LeadAction, type LeadStage } from '../domain/lead/policy';
import type { CloseLeadRequest, ConvertLeadRequest, LeadActor, LeadInput, LeadState, ReassignLeadRequest, RecordContactRequest } from './leadMessages';
import { reject, requireText } from './validation';

function requireOpen(state: LeadState): void {
  if (LEAD_ENDED_STAGES.includes(state.stage)) reject(`线索已结束（${state.stage}）`, `the lead has ended (${state.stage})`);
}

function requireStage(state: LeadState, allowed: readonly LeadStage[], zh: string, en: string): void {
  if (!allowed.includes(state.stage)) reject(`线索处于${state.stage}，不能${zh}`, `${en} is not expected in ${state.stage}; only in ${allowed.join(', ')}`);
}

/** The owner (where the action allows it), or a role of the action on the lead's street (street roles) or anywhere (district roles). */
function requireActor(action: LeadAction, actor: LeadActor | undefined, state: LeadState, input: LeadInput): asserts actor is LeadActor {
  requireText(actor?.id, '操作人', 'actor.id');
  const rule = LEAD_ACTIONS[action];
  if (rule.owner && actor!.id === state.owner) return;
  const roles = rule.roles as readonly string[];
  if (!roles.includes(actor!.role)) {
    reject('该角色不能执行此操作', `role ${actor!.role} may not do this${rule.owner ? ' unless they own the lead' : ''}; needs one of ${roles.join(', ')}`);
  }
  if (STREET_ROLES.includes(actor!.role) && actor!.street !== input.streetCode) {
    reject('只能处理本街道的线索', `${actor!.id} works for ${actor!.street ?? 'no street'}, not ${input.streetCode}`);
  }
}

export function validateRecordContact(state: LeadState, input: LeadInput, req: RecordContactRequest): void {
  requireOpen(state);
  requireStage(state, ['OPEN'], '记录首次联系', 'recording first contact');
  requireActor('recordContact', req?.actor, state, input);
}

export function validateConvert(state: LeadState, input: LeadInput, req: ConvertLeadRequest): void {
  requireOpen(state);
  requireActor('convert', req?.actor, state, input);
  if (req.product !== 'FAST_TRACK' && req.product !== 'SCI_TECH') reject('产品无效', 'product must be FAST_TRACK or SCI_TECH');
  if (req.amountFen !== undefined && (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0)) reject('金额须为正整数（分）', 'amountFen must be a positive integer number of fen');
  if (req.purpose !== undefined) requireText(req.purpose, '用途', 'purpose');
  // A refused firm goes to the joint consultation, which starts with the bank that refused it.
  if (input.need.refusedBy) return;
  requireText(req.bankCode, '银行', 'bank');
  if (req.product === 'SCI_TECH' && !req.sciTech) reject('科创贷须提供企业的申请信息（专利、研发投入、营收等）', 'a sci-tech case needs the firm’s application (sciTech: patents, R&D spend, revenue, years, debt)');
  if (req.product === 'FAST_TRACK' && req.sciTech) reject('快速通道案件不接受科创贷申请信息', 'sciTech is only for a SCI_TECH conversion');
}

export function validateClose(state: LeadState, input: LeadInput, req: CloseLeadRequest): void {
  requireOpen(state);
  requireActor('close', req?.actor, state, input);
  if (!Object.hasOwn(LEAD_CLOSE_REASONS, req.reason)) reject('关闭原因无效', `reason must be one of ${Object.keys(LEAD_CLOSE_REASONS).join(', ')}`);
  if (req.reason === 'OTHER') requireText(req.note, '关闭说明', 'a note saying why (reason OTHER)');
}

export function validateReassign(state: LeadState, input: LeadInput, req: ReassignLeadRequest): void {
  requireOpen(state);
  requireActor('reassign', req?.actor, state, input);
  requireText(req.owner, '新负责人', 'owner');
  requireText(req.reason, '改派原因', 'reason');
  if (req.owner === state.owner) reject('新负责人与当前负责人相同', `${req.owner} already owns the lead`);
}
