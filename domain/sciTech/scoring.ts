// The sci-tech credit scoring model: transparent by construction. Every point of
// the score and every fen of the recommended limit comes from a named factor with
// its input, so a decision can be read back to what produced it.
//
// Score (0–100) = six factors, each read off a ladder in SCI_TECH_POLICY.scoring:
//   专利组合 patent portfolio      0–20  points per patent in force, by type, capped
//   知识产权价值覆盖 IP coverage     0–20  risk-adjusted IP value ÷ requested amount
//   研发强度 R&D intensity          0–20  R&D spend ÷ latest revenue
//   营收趋势 revenue trend          0–20  latest revenue against two years before
//   经营年限 years in operation     0–10
//   负债水平 leverage               0–10  (existing debt + requested) ÷ latest revenue
//
// Recommended limit (知产变资产) = the pledged patents' value, Σ appraised value × pledge rate of
// its type over the patents with enough protection left, under the product maximum, rounded
// down to whole thousands of CNY, and never above the requested amount.
//
// Band: AUTO_APPROVE above the ambiguous band around the pass mark, MANUAL_REVIEW inside it,
// AUTO_REJECT below it unless the pledged patents cover the request (then a person weighs the
// weak financials). An otherwise automatic approval goes to a person when it would exceed the
// automatic maximum, grant less than was asked, or when debt plus the request exceed the share of
// revenue automatic approval allows: revenue moves the case, never the limit.
//
// (REVENUE_CAPPED_POLICY, for cases scored before: lending value scaled by remaining life, the
// limit also capped at 30 % of revenue less debt, a low score always rejected.)
//
// Pure integer arithmetic (fen, basis points); products go through BigInt.
import { PATENT_TYPES, PATENT_TYPE_LABELS, SCI_TECH_POLICY, type BandReason, type PatentType, type SciTechPolicy as Policy, type Step } from './policy';

export interface Patent {
  patentNo: string;
  type: PatentType;
  /** Valuation from the IP valuation service, fen. */
  valuationFen: number;
  /** Whole years of protection left. */
  remainingYears: number;
}

export interface ScoringInput {
  patents: Patent[];
  /** R&D spend in the latest year, fen. */
  rdSpendFen: number;
  /** Revenue of the last three years, oldest first, fen. */
  revenueFen: readonly [number, number, number];
  yearsInOperation: number;
  existingDebtFen: number;
  requestedFen: number;
}

export type Band = 'AUTO_APPROVE' | 'MANUAL_REVIEW' | 'AUTO_REJECT';

export interface Factor {
  code: 'PATENT_PORTFOLIO' | 'IP_COVERAGE' | 'RD_INTENSITY' | 'REVENUE_TREND' | 'YEARS_IN_OPERATION' | 'LEVERAGE';
  /** Chinese first, then English. */
  name: string;
  /** The measured input, in `unit`. */
  input: number;
  unit: 'points' | 'bp' | 'years';
  points: number;
  maxPoints: number;
  /** How the input was measured, Chinese first. */
  note: string;
}

export interface LimitBreakdown {
  /** Σ the patents' pledge values (lending values). */
  ipValueFen: number;
  perPatent: { patentNo: string; type: PatentType; valuationFen: number; remainingYears: number; pledgeRateBp?: number; lendingValueFen: number }[];
  /** Cases scored on the revenue-capped policy only. */
  revenueCapFen?: number;
  productMaxFen: number;
  requestedFen: number;
  recommendedFen: number;
  /** Which of the caps set the recommended limit ('REVENUE': the revenue-capped policy only). */
  bindingCap: 'IP_VALUE' | 'REVENUE' | 'PRODUCT_MAX' | 'REQUESTED';
}

export interface ScoringResult {
  score: number;
  band: Band;
  /** Why this band, Chinese first: the score's place against the pass mark, and any policy override. */
  reasons: { code: BandReason; text: string }[];
  factors: Factor[];
  limit: LimitBreakdown;
}


/** Problems with submitted data, each Chinese first; empty when the data can be scored. */
export function applicationProblems(input: ScoringInput): string[] {
  const problems: string[] = [];
  const fen = (v: unknown, zh: string, en: string) => {
    if (!Number.isSafeInteger(v) || (v as number) < 0) problems.push(`${zh}须为非负整数（分） ${en} must be a non-negative whole number of fen`);
  };
  if (!Array.isArray(input?.patents)) return ['缺少专利清单 patents must be a list'];
  input.patents.forEach((p, i) => {
    if (!PATENT_TYPES.includes(p?.type)) problems.push(`第${i + 1}项专利类型无效 patent ${i + 1}: type must be one of ${PATENT_TYPES.join(', ')}`);
    fen(p?.valuationFen, `第${i + 1}项专利估值`, `patent ${i + 1} valuationFen`);
    if (!Number.isInteger(p?.remainingYears) || p.remainingYears < 0) problems.push(`第${i + 1}项专利剩余年限无效 patent ${i + 1}: remainingYears must be a whole number ≥ 0`);
  });
  fen(input.rdSpendFen, '研发投入', 'rdSpendFen');
  if (!Array.isArray(input.revenueFen) || input.revenueFen.length !== 3) problems.push('须提供近三年营业收入 revenueFen must hold the last three years');
  else input.revenueFen.forEach((r, i) => fen(r, `第${i + 1}年营业收入`, `revenueFen[${i}]`));
  if (!Number.isInteger(input.yearsInOperation) || input.yearsInOperation < 0) problems.push('经营年限无效 yearsInOperation must be a whole number ≥ 0');
  fen(input.existingDebtFen, '现有负债', 'existingDebtFen');
  fen(input.requestedFen, '申请金额', 'requestedFen');
  if (input.requestedFen === 0) problems.push('申请金额须大于零 requestedFen must be positive');
  return problems;
}

export function scoreApplication(input: ScoringInput, policy: Policy = SCI_TECH_POLICY): ScoringResult {
  const problems = applicationProblems(input);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const s = policy.scoring;
  const [oldest, , latest] = input.revenueFen;
  const limit = recommendLimit(input, policy);

  const inForce = input.patents.filter((p) => p.remainingYears >= 1);
  const patentRaw = inForce.reduce((sum, p) => sum + s.patentPoints[p.type], 0);
  const counts = PATENT_TYPES.map((t) => `${PATENT_TYPE_LABELS[t].split(' ')[0]}${inForce.filter((p) => p.type === t).length}`).join('、');

  const coverageBp = ratioBp(limit.ipValueFen, input.requestedFen);
  const rdBp = latest > 0 ? ratioBp(input.rdSpendFen, latest) : 0;
  // A firm with no revenue two years ago that earns now has grown as much as the ladder counts.
  // No revenue now: there is no trend to reward.
  const growthBp = latest === 0 ? null : oldest > 0 ? ratioBp(latest - oldest, oldest) : s.revenueGrowthBp[0]!.min;
  const leverageBp = latest > 0 ? ratioBp(input.existingDebtFen + input.requestedFen, latest) : null;

  const factors: Factor[] = [
    {
      code: 'PATENT_PORTFOLIO',
      name: '专利组合 Patent portfolio',
      input: patentRaw,
      unit: 'points',
      points: Math.min(patentRaw, s.patentPointsCap),
      maxPoints: s.patentPointsCap,
      note: `有效专利 in force: ${counts}；发明${s.patentPoints.INVENTION}/实用新型${s.patentPoints.UTILITY_MODEL}/外观${s.patentPoints.DESIGN}分每项，封顶${s.patentPointsCap} (per patent, capped)`,
    },
    {
      code: 'IP_COVERAGE',
      name: '知识产权价值覆盖 IP value coverage',
      input: coverageBp,
      unit: 'bp',
      points: ladder(s.ipCoverageBp, coverageBp),
      maxPoints: maxOf(s.ipCoverageBp),
      note: `专利质押价值 ${limit.ipValueFen} 分 ÷ 申请金额 ${input.requestedFen} 分 pledged patents' value ÷ requested amount`,
    },
    {
      code: 'RD_INTENSITY',
      name: '研发强度 R&D intensity',
      input: rdBp,
      unit: 'bp',
      points: ladder(s.rdIntensityBp, rdBp),
      maxPoints: maxOf(s.rdIntensityBp),
      note: latest > 0 ? `研发投入 ${input.rdSpendFen} 分 ÷ 最近一年营收 ${latest} 分 R&D spend ÷ latest revenue` : '无营业收入，按零计 no revenue: counted as zero',
    },
    {
      code: 'REVENUE_TREND',
      name: '营收趋势 Revenue trend',
      input: growthBp ?? 0,
      unit: 'bp',
      points: growthBp === null ? 0 : ladder(s.revenueGrowthBp, growthBp),
      maxPoints: maxOf(s.revenueGrowthBp),
      note: growthBp === null ? '最近一年无营业收入，不得分 no revenue in the latest year: no points' : `近三年营收 ${input.revenueFen.join(' → ')} 分，最近一年较两年前 latest year against two years before`,
    },
    {
      code: 'YEARS_IN_OPERATION',
      name: '经营年限 Years in operation',
      input: input.yearsInOperation,
      unit: 'years',
      points: ladder(s.yearsInOperation, input.yearsInOperation),
      maxPoints: maxOf(s.yearsInOperation),
      note: '成立至今整年数 whole years since founding',
    },
    {
      code: 'LEVERAGE',
      name: '负债水平 Leverage',
      input: leverageBp ?? 0,
      unit: 'bp',
      points: leverageBp === null ? 0 : ladder(s.leverageBp, -leverageBp),
      maxPoints: maxOf(s.leverageBp),
      note: leverageBp === null
        ? '无营业收入，不得分 no revenue: no points'
        : `（现有负债 ${input.existingDebtFen} + 申请 ${input.requestedFen}）÷ 营收 ${latest} 分，越低越好 (existing debt + requested) ÷ revenue, lower is better`,
    },
  ];
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const { band, reasons } = chooseBand(score, limit, input, policy);
  return { score, band, reasons, factors, limit };
}

function chooseBand(score: number, limit: LimitBreakdown, input: ScoringInput, policy: Policy): { band: Band; reasons: ScoringResult['reasons'] } {
  const { passScore, ambiguousMargin, reviewWhenPledgeCovers } = policy.bands;
  if (score < passScore - ambiguousMargin) {
    const below = { code: 'SCORE_BELOW_PASS' as const, text: `评分 ${score} 低于 ${passScore - ambiguousMargin} score ${score} is below ${passScore - ambiguousMargin}` };
    if (!reviewWhenPledgeCovers || limit.ipValueFen < limit.requestedFen) return { band: 'AUTO_REJECT', reasons: [below] };
    return {
      band: 'MANUAL_REVIEW',
      reasons: [below, { code: 'PLEDGE_COVERS_REQUEST', text: `质押专利价值 ${limit.ipValueFen} 分足以覆盖申请金额，由审批人决定 the pledged patents cover the request: an approver decides` }],
    };
  }
  if (score <= passScore + ambiguousMargin) {
    return {
      band: 'MANUAL_REVIEW',
      reasons: [{ code: 'SCORE_AMBIGUOUS', text: `评分 ${score} 处于及格线 ${passScore}±${ambiguousMargin} 区间，需人工审批 score ${score} is within ${passScore}±${ambiguousMargin}: an approver decides` }],
    };
  }
  const reasons: ScoringResult['reasons'] = [{ code: 'SCORE_ABOVE_PASS', text: `评分 ${score} 高于 ${passScore + ambiguousMargin} score ${score} is above ${passScore + ambiguousMargin}` }];
  const { maxAmountFen, maxRevenueShareBp } = policy.autoApproval;
  if (limit.requestedFen > maxAmountFen) {
    reasons.push({ code: 'OVER_AUTO_LIMIT', text: `申请金额 ${limit.requestedFen} 分超过自动审批上限 ${maxAmountFen} 分 the requested amount exceeds the automatic maximum` });
  }
  if (limit.recommendedFen < limit.requestedFen) {
    // A smaller grant than asked changes the firm's plan: a person offers it.
    reasons.push({ code: 'LIMIT_BELOW_REQUEST', text: `建议额度 ${limit.recommendedFen} 分低于申请金额 ${limit.requestedFen} 分 the recommended limit is below the requested amount` });
  }
  const owed = input.existingDebtFen + input.requestedFen;
  if (maxRevenueShareBp !== null && owed > mulDiv(input.revenueFen[2], maxRevenueShareBp, 10_000)) {
    reasons.push({
      code: 'WEAK_REVENUE',
      text: `现有负债加申请金额 ${owed} 分超过最近一年营收的 ${maxRevenueShareBp / 100}%，需人工审批 existing debt plus the request exceed ${maxRevenueShareBp / 100}% of the latest revenue: an approver decides`,
    });
  }
  return { band: reasons.length > 1 ? 'MANUAL_REVIEW' : 'AUTO_APPROVE', reasons };
}

export function recommendLimit(input: ScoringInput, policy: Policy = SCI_TECH_POLICY): LimitBreakdown {
  const l = policy.limit;
  const perPatent = input.patents.map((p) => {
    const pledged = p.remainingYears >= l.minRemainingYears;
    const rateBp = pledged ? l.pledgeRateBp[p.type] : 0;
    const lendingValueFen =
      l.fullLifeYears === null
        ? mulDiv(p.valuationFen, rateBp, 10_000)
        : mulDiv(p.valuationFen, rateBp * Math.min(p.remainingYears, l.fullLifeYears), 10_000 * l.fullLifeYears);
    return { patentNo: p.patentNo, type: p.type, valuationFen: p.valuationFen, remainingYears: p.remainingYears, ...(l.fullLifeYears === null ? { pledgeRateBp: rateBp } : {}), lendingValueFen };
  });
  const ipValueFen = perPatent.reduce((sum, p) => sum + p.lendingValueFen, 0);
  const revenueCapFen = l.revenueShareBp === null ? undefined : Math.max(0, mulDiv(input.revenueFen[2], l.revenueShareBp, 10_000) - input.existingDebtFen);
  const caps = [
    { cap: 'IP_VALUE' as const, fen: ipValueFen },
    ...(revenueCapFen === undefined ? [] : [{ cap: 'REVENUE' as const, fen: revenueCapFen }]),
    { cap: 'PRODUCT_MAX' as const, fen: l.productMaxFen },
  ];
  const tightest = caps.reduce((a, b) => (b.fen < a.fen ? b : a));
  const rounded = tightest.fen - (tightest.fen % l.roundingFen);
  const requestedBinds = input.requestedFen <= rounded;
  return {
    ipValueFen,
    perPatent,
    ...(revenueCapFen === undefined ? {} : { revenueCapFen }),
    productMaxFen: l.productMaxFen,
    requestedFen: input.requestedFen,
    recommendedFen: requestedBinds ? input.requestedFen : rounded,
    bindingCap: requestedBinds ? 'REQUESTED' : tightest.cap,
  };
}

/** Points of the first step the value reaches; 0 below every step. */
function ladder(steps: readonly Step[], value: number): number {
  return steps.find((s) => value >= s.min)?.points ?? 0;
}

function maxOf(steps: readonly Step[]): number {
  return Math.max(...steps.map((s) => s.points));
}

/** a ÷ b in basis points, truncated toward zero. */
function ratioBp(a: number, b: number): number {
  return mulDiv(a, 10_000, b);
}

/** a × b ÷ c without overflow, truncated toward zero. */
function mulDiv(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
