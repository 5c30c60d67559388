// An optimised financing plan (优化融资方案) the banks and the task force propose for a refused
// firm, and the rules a plan must satisfy against what was refused. Pure.
import { MAX_AMOUNT_FEN } from '../money';

export const PLAN_KINDS = ['OTHER_PRODUCT', 'GUARANTEE', 'SMALLER_AMOUNT', 'DIFFERENT_BANK'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  OTHER_PRODUCT: '更换产品 another product',
  GUARANTEE: '增加担保 add a guarantee',
  SMALLER_AMOUNT: '降低额度 a smaller amount',
  DIFFERENT_BANK: '更换银行 a different bank',
};

/** The products an accepted plan can open a case for. */
export const LINKED_PRODUCTS = ['FAST_TRACK', 'SCI_TECH'] as const;
export type LinkedProduct = (typeof LINKED_PRODUCTS)[number];

/** What the bank refused. */
export interface Refusal {
  product: LinkedProduct;
  bankCode: string;
  amountFen: number;
}

export interface FinancingPlan {
  kind: PlanKind;
  /** The product the new case runs as. */
  product: LinkedProduct;
  bankCode: string;
  amountFen: number;
  /** A guarantor (融资担保公司, a shareholder, …) and the part of the loan it covers. */
  guarantee?: { guarantor: string; coverFen: number };
  /** Sci-tech only: the application the scoring model will read; its patents are the point. */
  sciTech?: { patents: readonly unknown[]; requestedFen: number };
  note?: string;
}

/** Bilingual problems with a plan against the refusal; empty when the plan may be proposed. */
export function planProblems(plan: FinancingPlan, refused: Refusal): string[] {
  const problems: string[] = [];
  const add = (zh: string, en: string) => problems.push(`${zh} ${en}`);
  if (!PLAN_KINDS.includes(plan?.kind)) {
    return [`方案类型无效 unknown plan kind ${JSON.stringify(plan?.kind)}; expected one of ${PLAN_KINDS.join(', ')}`];
  }
  if (!LINKED_PRODUCTS.includes(plan.product)) add('产品无效', `product must be one of ${LINKED_PRODUCTS.join(', ')}`);
  if (typeof plan.bankCode !== 'string' || !plan.bankCode.trim()) add('缺少银行', 'bankCode is required');
  if (!Number.isSafeInteger(plan.amountFen) || plan.amountFen <= 0 || plan.amountFen > MAX_AMOUNT_FEN) {
    add('方案金额无效', `amountFen must be a whole number of fen in 1..${MAX_AMOUNT_FEN}`);
  } else if (plan.amountFen > refused.amountFen) {
    add('方案金额不得超过原申请金额', `an optimised plan asks for at most the refused ${refused.amountFen} fen, not ${plan.amountFen}`);
  }

  switch (plan.kind) {
    case 'SMALLER_AMOUNT':
      if (plan.amountFen >= refused.amountFen) add('降低额度方案须低于原申请金额', `a smaller amount must be below the refused ${refused.amountFen} fen`);
      break;
    case 'DIFFERENT_BANK':
      if (plan.bankCode === refused.bankCode) add('更换银行方案须换一家银行', `a different bank must not be ${refused.bankCode}, which refused`);
      break;
    case 'OTHER_PRODUCT':
      if (plan.product === refused.product) add('更换产品方案须换一种产品', `another product must not be ${refused.product}, which was refused`);
      break;
    case 'GUARANTEE':
      if (!plan.guarantee) add('增加担保方案须写明担保', 'a guarantee plan needs guarantee.guarantor and guarantee.coverFen');
      break;
  }
  if (plan.guarantee) {
    if (typeof plan.guarantee.guarantor !== 'string' || !plan.guarantee.guarantor.trim()) add('缺少担保人', 'guarantee.guarantor is required');
    const cover = plan.guarantee.coverFen;
    if (!Number.isSafeInteger(cover) || cover <= 0 || cover > plan.amountFen) add('担保金额无效', 'guarantee.coverFen must be positive and at most the plan amount');
  }

  if (plan.product === 'SCI_TECH') {
    if (!plan.sciTech || !Array.isArray(plan.sciTech.patents) || plan.sciTech.patents.length === 0) {
      add('科技贷仅适用于拥有专利的企业', 'a sci-tech plan is only for a firm with patents: sciTech.patents must list at least one');
    } else if (plan.sciTech.requestedFen !== plan.amountFen) {
      add('科技贷申请金额须与方案金额一致', 'sciTech.requestedFen must equal the plan amount');
    }
  } else if (plan.sciTech) {
    add('快速通道方案不附科技贷申请', 'only a SCI_TECH plan carries a sciTech application');
  }
  return problems;
}
