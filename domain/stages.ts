// Where a case or a joint consultation stands, and which stages end it or forbid a
// withdrawal. Pure data: workflows, validators, activities and the API read the same lists.

/** A fast-track case (并联审批): acceptance, three parallel branches, the bank's decision, the money. */
export const FAST_TRACK_STAGES = ['ACCEPTED', 'PARALLEL_REVIEW', 'CREDIT_DECISION', 'CONTRACTING', 'DISBURSING', 'DISBURSEMENT_HELD', 'CONTRACT_CANCELLED', 'DISBURSED', 'REJECTED', 'WITHDRAWN'] as const;
export type FastTrackStage = (typeof FAST_TRACK_STAGES)[number];

/** A sci-tech credit case (善科贷): evaluated automatically, a person decides only when the score is ambiguous. */
export const SCI_TECH_STAGES = ['ACCEPTED', 'EVALUATING', 'MANUAL_REVIEW', 'CONTRACTING', 'DISBURSING', 'DISBURSEMENT_HELD', 'CONTRACT_CANCELLED', 'DISBURSED', 'REJECTED', 'WITHDRAWN'] as const;
export type SciTechStage = (typeof SCI_TECH_STAGES)[number];

/** A case (either product) in one of these has the bank's answer: the money, or a refusal. */
export const CASE_ANSWERED_STAGES = ['DISBURSED', 'REJECTED'] as const satisfies readonly (FastTrackStage & SciTechStage)[];
/** A case (either product) in one of these has ended: nothing more happens to it. */
export const CASE_ENDED_STAGES = [...CASE_ANSWERED_STAGES, 'WITHDRAWN'] as const;
/**
 * Once money moves, a case can no longer be withdrawn. CONTRACT_CANCELLED (the bank cancelled the
 * signed contract before paying) waits for the withdrawal.
 */
export const CASE_NOT_WITHDRAWABLE_STAGES = ['DISBURSING', ...CASE_ENDED_STAGES] as const;

/**
 * Why a case cannot be withdrawn now, Chinese then English, or undefined when it can: the
 * validators refuse with it and the console offers the action only when there is none. A signed
 * contract stands until the bank cancels it.
 */
export function withdrawalRefusal(c: { stage: string; contract?: { contractNo: string; cancellation?: unknown } | null }): readonly [zh: string, en: string] | undefined {
  const { stage, contract } = c;
  if (stage === 'WITHDRAWN') return ['案件已撤回', 'the case is already withdrawn'];
  if (contract && !contract.cancellation && !caseAnswered(stage)) {
    return [`合同已签署（${contract.contractNo}），须先由银行撤销合同`, `the contract ${contract.contractNo} is signed; the bank must cancel it first`];
  }
  if ((CASE_NOT_WITHDRAWABLE_STAGES as readonly string[]).includes(stage)) return [`案件处于${stage}，不能撤回`, `a case in ${stage} can no longer be withdrawn`];
  return undefined;
}

/**
 * A case (either product) in one of these waits on an outside system (the sci-tech evaluation, the
 * bank's contract, the money): its answer changes the case with no person's update in flight.
 */
export const CASE_AWAITING_OUTSIDE_STAGES = ['ACCEPTED', 'EVALUATING', 'CONTRACTING', 'DISBURSING'] as const satisfies readonly (FastTrackStage | SciTechStage)[];

export const caseAnswered = (stage: string): boolean => (CASE_ANSWERED_STAGES as readonly string[]).includes(stage);
export const caseEnded = (stage: string): boolean => (CASE_ENDED_STAGES as readonly string[]).includes(stage);

/** A joint bank consultation (银行联合会诊) for a refused firm. */
export const CONSULTATION_STAGES = ['OPENED', 'REASONS_RECORDED', 'PLAN_PROPOSED', 'MATERIALS', 'RE_REVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type ConsultationStage = (typeof CONSULTATION_STAGES)[number];
/** A consultation in one of these has the bank's answer at re-review. */
export const CONSULTATION_ANSWERED_STAGES = ['ACCEPTED', 'DECLINED'] as const satisfies readonly ConsultationStage[];
/** A consultation in one of these has closed: its plan was accepted or declined, or it was withdrawn. */
export const CLOSED_STAGES: readonly ConsultationStage[] = [...CONSULTATION_ANSWERED_STAGES, 'WITHDRAWN'];

export const consultationAnswered = (stage: string): boolean => (CONSULTATION_ANSWERED_STAGES as readonly string[]).includes(stage);
