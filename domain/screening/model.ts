// The screening model: transparent by construction. Each signal compares one imported indicator
// with its threshold in SCREENING_POLICY; the signals a firm shows add their points, and a firm
// whose points reach the flag mark is flagged as likely to need financing. Every signal shown is
// a reason stating the input and the threshold, Chinese first, English second, as the sci-tech
// scoring states its factors. An indicator the import left empty shows no signal.
//
// Pure integer arithmetic (fen, basis points).
import { formatWan } from '../money';
import { SCREENING_POLICY, type ScreeningPolicy, type Signal } from './policy';

/** What an import says of a firm; null where its source had no value. */
export interface Indicators {
  /** Tax-reported revenue against the year before, basis points of change (-3500: fell 35 %). */
  revenueChangeBp: number | null;
  /** Overdue tax or utility arrears, fen. */
  arrearsFen: number | null;
  /** Social-insurance headcount against the year before, basis points of change. */
  headcountChangeBp: number | null;
  /** Existing loans falling due within 90 days, fen. */
  maturingLoansFen: number | null;
  /** A bank refused it credit recently. */
  refusedRecently: boolean | null;
}

export interface Reason {
  signal: Signal;
  points: number;
  /** The indicator as imported, readable ("-35.00%", "60万元", "是 yes"). */
  input: string;
  /** The threshold it reached ("≤ -20.00%", "≥ 50万元"). */
  threshold: string;
  /** Chinese first, then English. */
  text: string;
}

export interface Screening {
  flagged: boolean;
  points: number;
  flagAtPoints: number;
  policyVersion: string;
  /** The signals shown, strongest first. */
  reasons: Reason[];
}

const percent = (bp: number) => `${bp < 0 ? '-' : ''}${Math.trunc(Math.abs(bp) / 100)}.${String(Math.abs(bp) % 100).padStart(2, '0')}%`;

/** The reason an amount at or above its threshold gives; `say` words it from the two, Chinese first. */
function amountAtLeast(signal: Signal, fen: number | null, rule: { minFen: number; points: number }, say: (input: string, threshold: string) => string): Reason | null {
  if (fen === null || fen < rule.minFen) return null;
  const [input, threshold] = [formatWan(fen), formatWan(rule.minFen)];
  return { signal, points: rule.points, input, threshold: `≥ ${threshold}`, text: say(input, threshold) };
}

/** The reason a change at or below its threshold gives. */
function changeAtMost(signal: Signal, bp: number | null, rule: { maxChangeBp: number; points: number }, say: (input: string, threshold: string) => string): Reason | null {
  if (bp === null || bp > rule.maxChangeBp) return null;
  const [input, threshold] = [percent(bp), percent(rule.maxChangeBp)];
  return { signal, points: rule.points, input, threshold: `≤ ${threshold}`, text: say(input, threshold) };
}

export function screen(x: Indicators, policy: ScreeningPolicy = SCREENING_POLICY): Screening {
  const s = policy.signals;
  const reasons = [
    x.refusedRecently === true
      ? { signal: 'CREDIT_REFUSED' as const, points: s.CREDIT_REFUSED.points, input: '是 yes', threshold: '是 yes', text: '近期被银行拒贷 a bank refused it credit recently' }
      : null,
    amountAtLeast('LOANS_MATURING', x.maturingLoansFen, s.LOANS_MATURING, (i, t) => `90天内到期贷款 ${i}，达到 ${t} 的阈值（续贷或过桥需求） loans of ${i} fall due within 90 days, at or above the ${t} threshold (refinancing or bridging)`),
    amountAtLeast('ARREARS', x.arrearsFen, s.ARREARS, (i, t) => `欠缴税费或水电费 ${i}，达到 ${t} 的阈值 overdue tax or utility arrears of ${i}, at or above the ${t} threshold`),
    changeAtMost('REVENUE_DROP', x.revenueChangeBp, s.REVENUE_DROP, (i, t) => `纳税申报营收同比 ${i}，不高于 ${t} 的阈值 tax-reported revenue changed ${i} year on year, at or below the ${t} threshold`),
    changeAtMost('HEADCOUNT_DROP', x.headcountChangeBp, s.HEADCOUNT_DROP, (i, t) => `社保缴纳人数同比 ${i}，不高于 ${t} 的阈值 social-insurance headcount changed ${i} year on year, at or below the ${t} threshold`),
  ].filter((r): r is Reason => r !== null);
  const points = reasons.reduce((sum, r) => sum + r.points, 0);
  return { flagged: points >= policy.flagAtPoints, points, flagAtPoints: policy.flagAtPoints, policyVersion: policy.version, reasons };
}
