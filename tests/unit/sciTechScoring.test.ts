import fc from 'fast-check';
import { PATENT_TYPES, REVENUE_CAPPED_POLICY, SCI_TECH_POLICY } from '../../domain/sciTech/policy';
import { scoreApplication, type Patent, type ScoringInput } from '../../domain/sciTech/scoring';

const invention = (n: number, valuationFen: number, remainingYears: number): Patent => ({ patentNo: `ZL2020100000${n}.1`, type: 'INVENTION', valuationFen, remainingYears });
const utility = (n: number, valuationFen: number, remainingYears: number): Patent => ({ patentNo: `ZL2021200000${n}.2`, type: 'UTILITY_MODEL', valuationFen, remainingYears });
const design = (n: number, valuationFen: number, remainingYears: number): Patent => ({ patentNo: `ZL2022300000${n}.3`, type: 'DESIGN', valuationFen, remainingYears });

/**
 * DOMAIN.md's example: a biotech firm in 莲前 street asks for a 1.2 million CNY credit loan.
 * Three invention patents (1.5 million CNY each, 12 years left), two utility models (300,000 CNY,
 * 6 years left), R&D 2.4 million on 12 million revenue, revenue 6 → 8.5 → 12 million, six years
 * old, 1 million CNY existing debt.
 */
export const LIANQIAN_BIOTECH: ScoringInput = {
  patents: [invention(1, 150_000_000, 12), invention(2, 150_000_000, 12), invention(3, 150_000_000, 12), utility(1, 30_000_000, 6), utility(2, 30_000_000, 6)],
  rdSpendFen: 240_000_000,
  revenueFen: [600_000_000, 850_000_000, 1_200_000_000],
  yearsInOperation: 6,
  existingDebtFen: 100_000_000,
  requestedFen: 120_000_000,
};

const points = (r: ReturnType<typeof scoreApplication>) => Object.fromEntries(r.factors.map((f) => [f.code, f.points]));

describe('scoreApplication worked examples', () => {
  test('the 莲前 biotech firm, 1.2 million CNY: AUTO_APPROVE at the requested amount', () => {
    const r = scoreApplication(LIANQIAN_BIOTECH);
    // 3 × 8 + 2 × 3 = 30 → capped 20; pledged value 3 × 150 万 × 50 % + 2 × 30 万 × 30 % = 243 万
    // covers 120 万 2.025× (20,250 bp) → 20; R&D 2,000 bp → 20; revenue +10,000 bp → 20;
    // 6 years → 10; (1 + 1.2) ÷ 12 million = 1,833 bp → 10. Total 100.
    expect(points(r)).toEqual({ PATENT_PORTFOLIO: 20, IP_COVERAGE: 20, RD_INTENSITY: 20, REVENUE_TREND: 20, YEARS_IN_OPERATION: 10, LEVERAGE: 10 });
    expect(r.factors.map((f) => [f.code, f.input])).toEqual([
      ['PATENT_PORTFOLIO', 30],
      ['IP_COVERAGE', 20_250],
      ['RD_INTENSITY', 2_000],
      ['REVENUE_TREND', 10_000],
      ['YEARS_IN_OPERATION', 6],
      ['LEVERAGE', 1_833],
    ]);
    expect(r.score).toBe(100);
    expect(r.band).toBe('AUTO_APPROVE');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_ABOVE_PASS']);
    expect(r.limit).toEqual(expect.objectContaining({ ipValueFen: 243_000_000, recommendedFen: 120_000_000, bindingCap: 'REQUESTED' }));
    expect(r.limit).not.toHaveProperty('revenueCapFen');
    expect(r.limit.perPatent.map((p) => [p.pledgeRateBp, p.lendingValueFen])).toEqual([
      [5_000, 75_000_000],
      [5_000, 75_000_000],
      [5_000, 75_000_000],
      [3_000, 9_000_000],
      [3_000, 9_000_000],
    ]);
    // Every factor is named Chinese first, then English.
    for (const f of r.factors) expect(f.name).toMatch(/^[\u4e00-\u9fff]+.* [A-Z][A-Za-z&]/);
  });

  // Issue #16's example: revenue 150 万, two invention patents appraised at 300 万 each.
  const weakRevenueBiotech: ScoringInput = {
    patents: [invention(1, 300_000_000, 15), invention(2, 300_000_000, 15)],
    rdSpendFen: 60_000_000,
    revenueFen: [80_000_000, 120_000_000, 150_000_000],
    yearsInOperation: 3,
    existingDebtFen: 0,
    requestedFen: 120_000_000,
  };

  test('weak revenue: the patents back the full 120 万 (the revenue cap gave 45 万), and a person approves it', () => {
    const r = scoreApplication(weakRevenueBiotech);
    expect(r.limit).toMatchObject({ ipValueFen: 300_000_000, recommendedFen: 120_000_000, bindingCap: 'REQUESTED' });
    // 16 + 20 (25,000 bp) + 20 (4,000 bp) + 20 (+8,750 bp) + 7 + 2 (8,000 bp) = 85: a good score,
    // but 120 万 is more than 30 % of 150 万, so no automatic approval.
    expect(r.score).toBe(85);
    expect(r.band).toBe('MANUAL_REVIEW');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_ABOVE_PASS', 'WEAK_REVENUE']);
    expect(scoreApplication(weakRevenueBiotech, REVENUE_CAPPED_POLICY).limit).toMatchObject({ revenueCapFen: 45_000_000, recommendedFen: 45_000_000, bindingCap: 'REVENUE' });
  });

  test('no revenue at all: the limit still comes from the patents, and a person decides instead of an automatic rejection', () => {
    const r = scoreApplication({ ...LIANQIAN_BIOTECH, revenueFen: [0, 0, 0] });
    expect(points(r)).toMatchObject({ RD_INTENSITY: 0, REVENUE_TREND: 0, LEVERAGE: 0 });
    expect(r.score).toBe(50);
    expect(r.limit.recommendedFen).toBe(120_000_000);
    expect(r.band).toBe('MANUAL_REVIEW');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_BELOW_PASS', 'PLEDGE_COVERS_REQUEST']);
    // Before: rejected automatically with a limit of 0.
    const before = scoreApplication({ ...LIANQIAN_BIOTECH, revenueFen: [0, 0, 0] }, REVENUE_CAPPED_POLICY);
    expect([before.band, before.limit.recommendedFen]).toEqual(['AUTO_REJECT', 0]);
  });

  test('a score inside the ambiguous band goes to a person', () => {
    const r = scoreApplication({
      patents: [invention(1, 100_000_000, 10), utility(1, 20_000_000, 10), utility(2, 20_000_000, 10)],
      rdSpendFen: 60_000_000,
      revenueFen: [900_000_000, 950_000_000, 1_000_000_000],
      yearsInOperation: 4,
      existingDebtFen: 200_000_000,
      requestedFen: 50_000_000,
    });
    // 14 + 15 (62,000,000 ÷ 50,000,000 = 12,400 bp) + 10 (600 bp) + 8 (+1,111 bp) + 7 + 10 (2,500 bp) = 64
    expect(r.score).toBe(64);
    expect(r.band).toBe('MANUAL_REVIEW');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_AMBIGUOUS']);
    expect(r.limit.recommendedFen).toBe(50_000_000);
  });

  test('a high score over the automatic maximum goes to a person', () => {
    const r = scoreApplication({ ...LIANQIAN_BIOTECH, patents: [...LIANQIAN_BIOTECH.patents, invention(4, 150_000_000, 12)], requestedFen: 250_000_000 });
    expect(r.score).toBe(95);
    expect(r.limit).toMatchObject({ recommendedFen: 250_000_000, bindingCap: 'REQUESTED' });
    expect(r.band).toBe('MANUAL_REVIEW');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_ABOVE_PASS', 'OVER_AUTO_LIMIT']);
  });

  test('a high score whose limit is below the request goes to a person, with the binding cap named', () => {
    const r = scoreApplication({ ...LIANQIAN_BIOTECH, patents: LIANQIAN_BIOTECH.patents.slice(0, 2), requestedFen: 180_000_000 });
    // Two invention patents pledge 150 万.
    expect(r.limit).toMatchObject({ ipValueFen: 150_000_000, recommendedFen: 150_000_000, bindingCap: 'IP_VALUE' });
    expect(r.band).toBe('MANUAL_REVIEW');
    expect(r.reasons.map((x) => x.code)).toContain('LIMIT_BELOW_REQUEST');
  });

  test('the product maximum caps a large portfolio', () => {
    const many = Array.from({ length: 14 }, (_, i) => invention(10 + i, 150_000_000, 12)); // pledged 1,050 万
    const r = scoreApplication({ ...LIANQIAN_BIOTECH, patents: many, requestedFen: 1_200_000_000 });
    expect(r.limit).toMatchObject({ ipValueFen: 1_050_000_000, recommendedFen: 1_000_000_000, bindingCap: 'PRODUCT_MAX' });
  });

  test('a young firm with little IP and shrinking revenue is rejected, with its factors', () => {
    const r = scoreApplication({
      patents: [design(1, 5_000_000, 10), invention(9, 90_000_000, 0)],
      rdSpendFen: 20_000_000,
      revenueFen: [600_000_000, 550_000_000, 500_000_000],
      yearsInOperation: 2,
      existingDebtFen: 200_000_000,
      requestedFen: 100_000_000,
    });
    // The expired invention patent counts for nothing, nor can it be pledged.
    expect(points(r)).toEqual({ PATENT_PORTFOLIO: 1, IP_COVERAGE: 0, RD_INTENSITY: 5, REVENUE_TREND: 3, YEARS_IN_OPERATION: 3, LEVERAGE: 6 });
    expect(r.score).toBe(18);
    expect(r.band).toBe('AUTO_REJECT');
    expect(r.reasons.map((x) => x.code)).toEqual(['SCORE_BELOW_PASS']);
    expect(r.limit).toMatchObject({ ipValueFen: 500_000, recommendedFen: 500_000, bindingCap: 'IP_VALUE' });
    expect(r.limit.perPatent.map((p) => p.pledgeRateBp)).toEqual([1_000, 0]);
  });

  test('the pledge table: every patent type has a rate below 100 %, inventions highest; a pledge outlives the longest term', () => {
    const { pledgeRateBp, minRemainingYears } = SCI_TECH_POLICY.limit;
    expect(Object.keys(pledgeRateBp).sort()).toEqual([...PATENT_TYPES].sort());
    for (const t of PATENT_TYPES) expect(pledgeRateBp[t]).toBeGreaterThan(0);
    expect(pledgeRateBp.INVENTION).toBeLessThan(10_000);
    expect(pledgeRateBp.INVENTION).toBeGreaterThan(pledgeRateBp.UTILITY_MODEL);
    expect(pledgeRateBp.UTILITY_MODEL).toBeGreaterThan(pledgeRateBp.DESIGN);
    expect(minRemainingYears * 12).toBeGreaterThanOrEqual(SCI_TECH_POLICY.manualTerms.maxTermMonths);
  });

  test('the band edges sit at pass ± margin', () => {
    const { passScore, ambiguousMargin } = SCI_TECH_POLICY.bands;
    expect([passScore - ambiguousMargin, passScore + ambiguousMargin]).toEqual([55, 65]);
  });

  test('malformed data is refused with every problem named', () => {
    expect(() => scoreApplication({ ...LIANQIAN_BIOTECH, rdSpendFen: 1.5, requestedFen: 0 })).toThrow(/研发投入.*rdSpendFen.*申请金额须大于零/s);
    expect(() => scoreApplication({ ...LIANQIAN_BIOTECH, patents: [{ ...invention(1, 1, 1), type: 'TRADEMARK' as never }] })).toThrow(/专利类型无效/);
  });
});

describe('scoreApplication invariants', () => {
  const patent = fc.record({
    patentNo: fc.constant('ZL'),
    type: fc.constantFrom('INVENTION' as const, 'UTILITY_MODEL' as const, 'DESIGN' as const),
    valuationFen: fc.integer({ min: 0, max: 10_000_000_000 }),
    remainingYears: fc.integer({ min: 0, max: 20 }),
  });
  const fen = fc.integer({ min: 0, max: 100_000_000_000 });
  const input = fc.record({
    patents: fc.array(patent, { maxLength: 12 }),
    rdSpendFen: fen,
    revenueFen: fc.tuple(fen, fen, fen),
    yearsInOperation: fc.integer({ min: 0, max: 40 }),
    existingDebtFen: fen,
    requestedFen: fc.integer({ min: 1, max: 10_000_000_000 }),
  });

  test('score 0–100 is the sum of its factors; the limit is whole fen, never above the request or the product maximum', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = scoreApplication(i);
        expect(r.score).toBe(r.factors.reduce((s, f) => s + f.points, 0));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        for (const f of r.factors) expect(f.points).toBeLessThanOrEqual(f.maxPoints);
        expect(Number.isSafeInteger(r.limit.recommendedFen)).toBe(true);
        expect(r.limit.recommendedFen).toBeLessThanOrEqual(Math.min(i.requestedFen, SCI_TECH_POLICY.limit.productMaxFen));
        if (r.band === 'AUTO_APPROVE') {
          expect(r.limit.recommendedFen).toBe(i.requestedFen);
          expect(i.requestedFen).toBeLessThanOrEqual(SCI_TECH_POLICY.autoApproval.maxAmountFen);
        }
      }),
    );
  });

  test('the limit is the pledged patents alone: revenue, R&D, age and debt never move it', () => {
    fc.assert(
      fc.property(input, fen, fen, (i, revenue, debt) => {
        const other = scoreApplication({ ...i, revenueFen: [revenue, revenue, revenue], existingDebtFen: debt, rdSpendFen: 0, yearsInOperation: 0 });
        expect(other.limit).toEqual(scoreApplication(i).limit);
      }),
    );
  });
});
