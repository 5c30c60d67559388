// Update validators: each throws a precise, bilingual reason and never changes state.
import { MAX_RATE_BP, MAX_TERM_MONTHS, PAUSABLE_TASKS, REJECTION_REASONS, TASK_KINDS, XINYIDAI_APPLICATION_NO } from '../domain/fastTrack/policy';
import type {
  AnswerMaterialsRequest,
  CalendarChangedRequest,
  CaseState,
  CompleteTaskRequest,
  DecideRequest,
  PauseSlaRequest,
  ReassignTaskRequest,
  ResumeSlaRequest,
  TaskState,
  WithdrawRequest,
} from './fastTrackCaseMessages';
import type { CaseParties } from '../domain/duties';
import { FIRM_MATERIALS } from '../domain/fastTrack/policy';
import { caseEnded } from '../domain/stages';
import { reject, requireDecider, requireHolder, requireLoanTerms, requireRejectionReasons, requireText, requireWithdrawable } from './validation';

function requireAccepted(state: CaseState): void {
  if (!state.recorded) reject('案件尚未受理完成', 'the case is still being accepted');
  if (caseEnded(state.stage)) reject(`案件已结束（${state.stage}）`, `the case has ended (${state.stage})`);
}

function taskOf(state: CaseState, kind: unknown): TaskState {
  if (!TASK_KINDS.includes(kind as never)) reject('未知任务类型', `unknown task kind ${JSON.stringify(kind)}; expected one of ${TASK_KINDS.join(', ')}`);
  return state.tasks.find((t) => t.kind === kind) as TaskState;
}

export function validateWithdraw(state: CaseState, req: WithdrawRequest): void {
  requireWithdrawable(state, req);
}

export function validateCompleteTask(state: CaseState, req: CompleteTaskRequest, parties: CaseParties): void {
  requireAccepted(state);
  const task = taskOf(state, req?.kind);
  if (task.status === 'DONE') reject('该任务已完成', `${task.kind} is already done (by ${task.completedBy} at ${task.completedAt})`);
  if (task.status === 'COMPLETING') reject('该任务正在提交', `${task.kind} is being completed by another request`);
  // Explicit rather than implied: the pause and its end are both on the audit trail.
  if (state.pauses.some((p) => !p.until && p.kind === task.kind)) reject('该任务计时已暂停，请先恢复计时', `the SLA clock for ${task.kind} is paused; resume it first`);
  requireText(req.actor, '操作人', 'actor');
  if (req.actor !== task.assignee) reject('仅任务负责人可完成', `${task.kind} is assigned to ${task.assignee}, not ${req.actor}`);
  // Whoever assigned a task to themselves completes it only if they hold its role: a street officer
  // cannot write the third party's due diligence.
  if (task.assignedBy === req.actor) requireHolder(task.kind, req.actor, req.actorProfile, parties);
  const e = req.evidence as unknown as Record<string, unknown> | undefined;
  if (!e || typeof e !== 'object') reject('缺少材料', 'evidence is required');
  switch (req.kind) {
    case 'GRID_SUBMISSION':
      if (typeof e.applicationNo !== 'string' || !XINYIDAI_APPLICATION_NO.test(e.applicationNo)) {
        reject('信易贷申请编号格式不正确', 'evidence.applicationNo must be a 信易贷 application number like XYD2026112800001');
      }
      break;
    case 'BANK_VIP_CHANNEL':
      if (!['RECOMMEND', 'RECOMMEND_WITH_CONDITIONS', 'NOT_RECOMMENDED'].includes(e.assessmentOutcome as string)) {
        reject('缺少联合评估结论', 'evidence.assessmentOutcome must be RECOMMEND, RECOMMEND_WITH_CONDITIONS or NOT_RECOMMENDED');
      }
      break;
    case 'DUE_DILIGENCE':
      requireText(e.reportNo, '尽调报告编号', 'evidence.reportNo');
      requireText(e.summary, '尽调结论', 'evidence.summary');
      if (!['LOW', 'MEDIUM', 'HIGH'].includes(e.riskRating as string)) reject('风险评级无效', 'evidence.riskRating must be LOW, MEDIUM or HIGH');
      break;
  }
}

export function validateReassignTask(state: CaseState, req: ReassignTaskRequest, parties: CaseParties): void {
  requireAccepted(state);
  const task = taskOf(state, req?.kind);
  if (task.status !== 'OPEN') reject('已完成的任务不能转派', `${task.kind} is ${task.status} and can no longer be reassigned`);
  requireText(req.assignee, '新负责人', 'assignee');
  requireText(req.actor, '操作人', 'actor');
  requireText(req.reason, '转派原因', 'a reassignment reason');
  if (req.assignee === task.assignee) reject('新负责人与原负责人相同', `${task.kind} is already assigned to ${task.assignee}`);
  requireHolder(task.kind, req.assignee, req.assigneeProfile, parties);
}


export function validateDecide(state: CaseState, req: DecideRequest, requestedFen: number, parties: CaseParties): void {
  if (state.decision) reject('已作出授信决定', `the bank already decided: ${state.decision.outcome} by ${state.decision.by} at ${state.decision.at}`);
  requireAccepted(state);
  if (state.stage !== 'CREDIT_DECISION') {
    const open = state.tasks.filter((t) => t.status !== 'DONE').map((t) => t.kind);
    if (open.length > 0) reject('并联审批尚未完成', `the bank cannot decide before every branch is done; still open: ${open.join(', ')}`);
    reject(`案件处于${state.stage}，不能作出授信决定`, `a credit decision is not expected in ${state.stage}`);
  }
  requireText(req?.actor, '操作人', 'actor');
  requireDecider(req, parties);
  if (req.outcome === 'APPROVED') {
    requireLoanTerms(req, { minRateBp: 1, maxRateBp: MAX_RATE_BP, maxTermMonths: MAX_TERM_MONTHS });
    if (req.amountFen > requestedFen) reject('批准金额超过申请金额', `amountFen ${req.amountFen} exceeds the requested ${requestedFen}`);
  } else if (req.outcome === 'REJECTED') {
    requireRejectionReasons(req.reasons, REJECTION_REASONS);
  } else {
    reject('决定结果无效', 'outcome must be APPROVED or REJECTED');
  }
}

export function validatePauseSla(state: CaseState, req: PauseSlaRequest): void {
  requireAccepted(state);
  const task = taskOf(state, req?.kind);
  if (!PAUSABLE_TASKS.includes(task.kind)) reject('该环节不允许暂停计时', `policy does not allow pausing ${task.kind}; only ${PAUSABLE_TASKS.join(', ')}`);
  if (task.status !== 'OPEN') reject('任务已完成，无需暂停', `${task.kind} is ${task.status}`);
  const active = state.pauses.find((p) => !p.until);
  if (active) reject('计时已暂停', `the SLA clock is already paused for ${active.kind} since ${active.since}`);
  requireText(req.reason, '暂停原因', 'a pause reason');
  requireText(req.actor, '操作人', 'actor');
}

export function validateCalendarChanged(state: CaseState, req: CalendarChangedRequest): void {
  requireAccepted(state);
  requireText(req?.actor, '操作人', 'actor');
  if (req.year !== undefined && !Number.isInteger(req.year)) reject('年份无效', `year must be a whole number, got ${JSON.stringify(req.year)}`);
}

export function validateResumeSla(state: CaseState, req: ResumeSlaRequest): void {
  requireAccepted(state);
  if (!state.pauses.some((p) => !p.until)) reject('计时未暂停', 'the SLA clock is not paused');
  requireText(req?.actor, '操作人', 'actor');
}

/** Only the case's own firm answers, only while its clock waits, with words and the documents named. */
export function validateAnswerMaterials(state: CaseState, req: AnswerMaterialsRequest, firm: { creditCode: string }): void {
  requireAccepted(state);
  requireText(req?.actor, '操作人', 'actor');
  if (req.actorCreditCode !== firm.creditCode) reject('只有申请企业本身可以补充材料', `only the firm ${firm.creditCode} answers its materials request, not ${JSON.stringify(req.actorCreditCode)}`);
  if (!state.pauses.some((p) => !p.until)) reject('当前没有等待补充的材料', 'the case is not waiting for materials (its clock is not paused)');
  requireText(req.text, '材料说明', 'text');
  const { documents } = req;
  if (!Array.isArray(documents) || documents.length < 1 || documents.length > FIRM_MATERIALS.maxDocuments) {
    reject(`请列出 1 至 ${FIRM_MATERIALS.maxDocuments} 份材料`, `documents must name 1 to ${FIRM_MATERIALS.maxDocuments} documents`);
  }
  documents.forEach((d, i) => requireText(d, `第 ${i + 1} 份材料名称`, `documents[${i}]`));
}
