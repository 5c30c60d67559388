// Refusals of an update's validator: the reason reaches the caller (the API's
// 409 detail) in Chinese first, then English.
import { ApplicationFailure } from '@temporalio/workflow';
import { decisionRefusal, holdRefusal, type CaseParties } from '../domain/duties';
import type { TaskKind } from '../domain/fastTrack/policy';
import type { StaffProfile } from '../domain/people';
import { withdrawalRefusal } from '../domain/stages';
import { DISBURSEMENT_RESOLUTIONS } from '../domain/disbursementHold';
import { staleTerms, termsText } from '../domain/contractConfirmation';
import type { CancelContractRequest, ConfirmContractRequest, ContractConfirmation, ResolveDisbursementRequest, SignedContract } from './contractMessages';

export function reject(zh: string, en: string): never {
  throw new Error(`${zh} ${en}`);
}

export function requireText(value: unknown, zhField: string, field: string): void {
  if (typeof value !== 'string' || !value.trim()) reject(`缺少${zhField}`, `${field} is required`);
}

/** A withdrawal needs a reason, and a case that may still be withdrawn (domain/stages.ts). */
export function requireWithdrawable(state: { stage: string; contract?: SignedContract }, req: { reason?: unknown; actor?: unknown }): void {
  const refusal = withdrawalRefusal(state);
  if (refusal) reject(...refusal);
  requireText(req?.reason, '撤回原因', 'a withdrawal reason');
  requireText(req?.actor, '操作人', 'actor');
}

/** Approved loan terms: a positive amount in fen, rate and term inside the product's bounds. */
export function requireLoanTerms(
  req: { amountFen?: unknown; rateBp?: unknown; termMonths?: unknown },
  bounds: { minRateBp: number; maxRateBp: number; maxTermMonths: number },
): void {
  const { amountFen, rateBp, termMonths } = req as { amountFen: number; rateBp: number; termMonths: number };
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) reject('批准金额须为正整数（分）', 'amountFen must be a positive integer number of fen');
  if (!Number.isInteger(rateBp) || rateBp < bounds.minRateBp || rateBp > bounds.maxRateBp) {
    reject('利率超出政策范围', `rateBp must be an integer in ${bounds.minRateBp}..${bounds.maxRateBp} basis points`);
  }
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > bounds.maxTermMonths) {
    reject('期限超出政策范围', `termMonths must be an integer in 1..${bounds.maxTermMonths}`);
  }
}

/** A rejection names at least one reason from the product's categories; OTHER needs a note. */
export function requireRejectionReasons(reasons: unknown, categories: readonly string[]): void {
  if (!Array.isArray(reasons) || reasons.length === 0) reject('拒绝须注明原因', 'a rejection needs at least one categorised reason');
  for (const r of reasons as Array<{ code?: unknown; note?: string } | undefined>) {
    if (!categories.includes(r?.code as string)) reject('拒绝原因类别无效', `unknown rejection reason ${JSON.stringify(r?.code)}; expected one of ${categories.join(', ')}`);
    if (r?.code === 'OTHER' && !r.note?.trim()) reject('“其他”原因须说明', 'reason OTHER needs a note');
  }
}

/**
 * Runs an update's validator again inside its handler, once the workflow is ready for it: the
 * case may have moved on meanwhile. Only a Temporal failure fails an update; any other error
 * would fail the workflow task instead.
 */
export function revalidate(validate: () => void): void {
  try {
    validate();
  } catch (err) {
    throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidForState');
  }
}

/** Separation of duties (domain/duties.ts): `who` may hold this branch of this case. */
export function requireHolder(kind: TaskKind, who: string, profile: StaffProfile | undefined, parties: CaseParties): void {
  const refusal = holdRefusal(kind, profile, parties);
  if (refusal) reject(`${refusal.zh}，${who} 不符合`, `${refusal.en}; ${who} is ${describe(profile)}`);
}

/** The credit decision belongs to a credit approver of the case's bank (either product). */
export function requireDecider(req: { actor: string; actorProfile?: StaffProfile }, parties: CaseParties): void {
  const refusal = decisionRefusal(req.actorProfile, parties);
  if (refusal) reject(`${refusal.zh}，${req.actor} 不符合`, `${refusal.en}; ${req.actor} is ${describe(req.actorProfile)}`);
}

/**
 * The bank cancels a signed contract only while it has not paid: asked by a credit approver of
 * the case's bank, with a reason, in a run that can call its payment off (Payout.cancellable).
 */
export function validateContractCancellation(state: { stage: string; contract?: SignedContract }, req: CancelContractRequest, parties: CaseParties, cancellable: boolean): void {
  requireText(req?.actor, '操作人', 'actor');
  requireDecider(req, parties);
  requireText(req.reason, '撤销原因', 'a cancellation reason');
  const { stage, contract } = state;
  if (contract?.cancellation) reject('合同已撤销', `the contract ${contract.contractNo} was already cancelled by ${contract.cancellation.by} at ${contract.cancellation.at}`);
  if (!contract) reject(`案件处于${stage}，尚无已签署的合同`, `a case in ${stage} has no signed contract to cancel`);
  if (stage !== 'DISBURSING') reject(`案件处于${stage}，合同不能撤销`, `the contract can only be cancelled before the money is paid, not in ${stage}`);
  if (!cancellable) reject('合同签署时尚不支持撤销，请稍后或联系运维', 'this case signed its contract before cancellation existed (or is still recording the signature); its payment cannot be called off');
}

/**
 * The firm confirms its contract: only the case's own firm, only while the case waits for it, and
 * only the terms as approved (a page showing older terms is refused, to be read again).
 */
export function validateContractConfirmation(state: { stage: string; contractConfirmation?: ContractConfirmation }, req: ConfirmContractRequest, firm: { creditCode: string }): void {
  requireText(req?.actor, '操作人', 'actor');
  if (req.actorCreditCode !== firm.creditCode) reject('只有申请企业本身可以确认合同', `only the firm ${firm.creditCode} confirms its contract, not ${JSON.stringify(req.actorCreditCode)}`);
  const waiting = state.contractConfirmation;
  if (waiting?.confirmedBy) reject('合同条款已确认', `the firm already confirmed the terms (${waiting.confirmedBy})`);
  if (!waiting || state.stage !== 'CONTRACTING') reject(`案件处于${state.stage}，不在等待企业确认合同`, `the case (${state.stage}) is not waiting for the firm to confirm its contract`);
  const stale = staleTerms(waiting.terms, req);
  if (stale.length) {
    const approved = termsText(waiting.terms);
    reject(`您确认的条款与批准的不一致，请刷新页面后重新确认（批准条款：${approved.zh}）`, `the terms confirmed differ from the approved ones in ${stale.join(', ')}; reload the page and confirm again (approved: ${approved.en})`);
  }
}

/** A held payment (the bank reported another amount) is resolved by a credit approver of the case's bank, with a note. */
export function validateDisbursementResolution(state: { stage: string }, req: ResolveDisbursementRequest, parties: CaseParties): void {
  requireText(req?.actor, '操作人', 'actor');
  requireDecider(req, parties);
  if (state.stage !== 'DISBURSEMENT_HELD') reject(`案件处于${state.stage}，没有待处理的放款差异`, `no disbursement is held for a decision in ${state.stage}`);
  if (!DISBURSEMENT_RESOLUTIONS.includes(req.action)) reject('处理方式无效', `action must be one of ${DISBURSEMENT_RESOLUTIONS.join(', ')}`);
  requireText(req.note, '处理说明', 'a note');
}

const describe = (p: StaffProfile | undefined) => (p ? `${p.role}${p.street ? ` of ${p.street}` : ''}${p.bank ? ` of ${p.bank}` : ''}` : 'of unknown role');
