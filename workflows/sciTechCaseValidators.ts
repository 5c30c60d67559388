// Update validators of the sci-tech case: each throws a precise, bilingual reason and never changes state.
import type { CaseParties } from '../domain/duties';
import { REJECTION_REASONS, SCI_TECH_POLICY } from '../domain/sciTech/policy';
import type { SciTechCaseState, SciTechDecideRequest, SciTechWithdrawRequest } from './sciTechCaseMessages';
import { reject, requireDecider, requireLoanTerms, requireRejectionReasons, requireText, requireWithdrawable } from './validation';

export function validateSciTechWithdraw(state: SciTechCaseState, req: SciTechWithdrawRequest): void {
  requireWithdrawable(state, req);
}

export function validateSciTechDecide(state: SciTechCaseState, req: SciTechDecideRequest, parties: CaseParties): void {
  if (state.decision) reject('已作出授信决定', `already decided: ${state.decision.outcome} by ${state.decision.by} at ${state.decision.at}`);
  if (state.stage !== 'MANUAL_REVIEW') reject(`案件处于${state.stage}，无需人工审批`, `a credit decision is only taken in MANUAL_REVIEW, not ${state.stage}`);
  requireText(req?.actor, '操作人', 'actor');
  requireDecider(req, parties);
  if (req.outcome === 'APPROVED') {
    requireLoanTerms(req, SCI_TECH_POLICY.manualTerms);
    const limit = state.limit!.recommendedFen;
    if (req.amountFen > limit) reject(`批准金额超过建议额度 ${limit} 分`, `amountFen ${req.amountFen} exceeds the recommended limit ${limit} (never above the ${state.limit!.requestedFen} requested)`);
  } else if (req.outcome === 'REJECTED') {
    requireRejectionReasons(req.reasons, REJECTION_REASONS);
  } else {
    reject('决定结果无效', 'outcome must be APPROVED or REJECTED');
  }
}
