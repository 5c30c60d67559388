// The screening model flags a firm only on signals it can state: each reason names the input and
// the threshold it reached, Chinese first, and the points add up to the flag.
import { SCREENING_POLICY } from '../../domain/screening/policy';
import { screen, type Indicators } from '../../domain/screening/model';

const NOTHING: Indicators = { revenueChangeBp: null, arrearsFen: null, headcountChangeBp: null, maturingLoansFen: null, refusedRecently: null };

test('a firm with no indicators shows no signal and is not flagged', () => {
  expect(screen(NOTHING)).toEqual({ flagged: false, points: 0, flagAtPoints: 3, policyVersion: SCREENING_POLICY.version, reasons: [] });
});

test('loans falling due within 90 days at the threshold flag the firm on their own, stating amount and threshold', () => {
  const r = screen({ ...NOTHING, maturingLoansFen: 50_000_000 });
  expect(r).toMatchObject({ flagged: true, points: 3 });
  expect(r.reasons).toEqual([
    {
      signal: 'LOANS_MATURING',
      points: 3,
      input: '50万元',
      threshold: '≥ 50万元',
      text: '90天内到期贷款 50万元，达到 50万元 的阈值（续贷或过桥需求） loans of 50万元 fall due within 90 days, at or above the 50万元 threshold (refinancing or bridging)',
    },
  ]);
  expect(screen({ ...NOTHING, maturingLoansFen: 49_999_999 }).reasons).toEqual([]);
});

test('a revenue drop alone is a reason but not a flag; with a headcount drop it reaches the mark', () => {
  const drop = screen({ ...NOTHING, revenueChangeBp: -3_500 });
  expect(drop).toMatchObject({ flagged: false, points: 2 });
  expect(drop.reasons[0]!.text).toBe('纳税申报营收同比 -35.00%，不高于 -20.00% 的阈值 tax-reported revenue changed -35.00% year on year, at or below the -20.00% threshold');
  const both = screen({ ...NOTHING, revenueChangeBp: -2_000, headcountChangeBp: -1_500 });
  expect(both).toMatchObject({ flagged: true, points: 3 });
  expect(both.reasons.map((r) => [r.signal, r.input, r.threshold])).toEqual([
    ['REVENUE_DROP', '-20.00%', '≤ -20.00%'],
    ['HEADCOUNT_DROP', '-15.00%', '≤ -15.00%'],
  ]);
  // Just above each threshold: no signal.
  expect(screen({ ...NOTHING, revenueChangeBp: -1_999, headcountChangeBp: -1_499 }).reasons).toEqual([]);
});

test('every signal at once, strongest first, points summed', () => {
  const r = screen({ revenueChangeBp: -5_000, arrearsFen: 1_234_500, headcountChangeBp: -2_000, maturingLoansFen: 80_000_000, refusedRecently: true });
  expect(r.points).toBe(11);
  expect(r.reasons.map((x) => x.signal)).toEqual(['CREDIT_REFUSED', 'LOANS_MATURING', 'ARREARS', 'REVENUE_DROP', 'HEADCOUNT_DROP']);
  expect(r.reasons[2]!.input).toBe('12345.00元');
  expect(r.reasons[0]!.text).toMatch(/^近期被银行拒贷 /);
});

test('a stricter policy object changes the verdict, not the model', () => {
  const strict = { ...SCREENING_POLICY, flagAtPoints: 4 };
  expect(screen({ ...NOTHING, refusedRecently: true }, strict)).toMatchObject({ flagged: false, points: 3, flagAtPoints: 4 });
  expect(screen({ ...NOTHING, refusedRecently: false }).reasons).toEqual([]);
});
