// The sci-tech credit (善科贷 style) policy in one place: what the scoring model
// weighs, where its bands are, and what an automatic or a manual approval may grant.
// Pure data, so workflow code, validators and tests read the same numbers.

export const PATENT_TYPES = ['INVENTION', 'UTILITY_MODEL', 'DESIGN'] as const;
export type PatentType = (typeof PATENT_TYPES)[number];

export const PATENT_TYPE_LABELS: Record<PatentType, string> = {
  INVENTION: '发明专利 invention patent',
  UTILITY_MODEL: '实用新型 utility model',
  DESIGN: '外观设计 design patent',
};

/** A points ladder: the first step whose `min` the input reaches gives its points. */
export interface Step {
  min: number;
  points: number;
}

export const SCI_TECH_POLICY = {
  /** The promise: application to disbursement in 48 calendar hours (not working days). */
  promiseHours: 48,
  /** The case turns AT_RISK this long before the promise is due. */
  atRiskLeadHours: 8,

  scoring: {
    /** Points per patent still in force (remaining life ≥ 1 year), by type; capped. */
    patentPoints: { INVENTION: 8, UTILITY_MODEL: 3, DESIGN: 1 } as Record<PatentType, number>,
    patentPointsCap: 20,
    /** Risk-adjusted IP value ÷ requested amount, basis points (10000 = covers it once). */
    ipCoverageBp: [
      { min: 20_000, points: 20 },
      { min: 10_000, points: 15 },
      { min: 5_000, points: 8 },
    ] as Step[],
    /** R&D spend ÷ latest revenue, basis points. */
    rdIntensityBp: [
      { min: 1_500, points: 20 },
      { min: 1_000, points: 16 },
      { min: 500, points: 10 },
      { min: 300, points: 5 },
    ] as Step[],
    /** Latest revenue against two years before, basis points of change. */
    revenueGrowthBp: [
      { min: 5_000, points: 20 },
      { min: 2_000, points: 15 },
      { min: 0, points: 8 },
      { min: -2_000, points: 3 },
    ] as Step[],
    /** Whole years in operation. */
    yearsInOperation: [
      { min: 5, points: 10 },
      { min: 3, points: 7 },
      { min: 1, points: 3 },
    ] as Step[],
    /**
     * (existing debt + requested) ÷ latest revenue, basis points: lower is better, so the
     * ladder is read on the negated ratio.
     */
    leverageBp: [
      { min: -3_000, points: 10 },
      { min: -6_000, points: 6 },
      { min: -10_000, points: 2 },
    ] as Step[],
  },

  bands: {
    /** The pass mark. */
    passScore: 60,
    /** Scores within ± this many points of the pass mark are ambiguous: a person decides. */
    ambiguousMargin: 5,
    /**
     * A score below the band is rejected automatically only when the pledged patents do not
     * cover the request; when they do, weak financials are for a person to weigh (知产变资产:
     * the patents back the loan). Null in the revenue-capped policy, which rejected outright.
     */
    reviewWhenPledgeCovers: true as boolean | null,
  },

  limit: {
    /**
     * Pledge rate (质押率) of a patent's appraised value, by type, basis points:
     * - invention 50 %: substantively examined, 20 years of protection, the most stable
     *   value in a disposal; half leaves room for the appraisal's error and a forced sale;
     * - utility model 30 %: granted without substantive examination and more often
     *   invalidated, 10 years of protection;
     * - design 10 %: protects one product's appearance, so its value stands or falls with
     *   that product.
     */
    pledgeRateBp: { INVENTION: 5_000, UTILITY_MODEL: 3_000, DESIGN: 1_000 } as Record<PatentType, number>,
    /**
     * A patent is pledged only with at least this many years of protection left: the pledge
     * must outlive the longest term the product lends for (manualTerms.maxTermMonths, 36).
     * The appraisal already prices the remaining life, so the rate applies to it unscaled.
     */
    minRemainingYears: 3,
    /** The product's maximum credit, 10 million CNY: a credit loan without other collateral. */
    productMaxFen: 1_000_000_000,
    /** Limits are rounded down to whole thousands of CNY, as a credit line is quoted. */
    roundingFen: 100_000,
    /** The revenue-capped policy only: value scaled by remaining life up to this many years. */
    fullLifeYears: null as number | null,
    /** The revenue-capped policy only: credit at most this share of revenue less existing debt. */
    revenueShareBp: null as number | null,
  },

  autoApproval: {
    /** Above this the bank's approver decides even on a high score: 2 million CNY. */
    maxAmountFen: 200_000_000,
    /**
     * Weak revenue moves the case to a person instead of capping the limit: automatic
     * approval only while existing debt plus the request stay within 30 % of the latest
     * year's revenue (a year's loan repaid from a third of a year's income). Null in the
     * revenue-capped policy, where that share was the limit itself.
     */
    maxRevenueShareBp: 3_000 as number | null,
  },

  /** Terms of an automatic approval. */
  autoTerms: { rateBp: 365, termMonths: 12 },
  /** What an approver may grant on this product. */
  manualTerms: { minRateBp: 250, maxRateBp: 1_200, maxTermMonths: 36 },
};

export type SciTechPolicy = typeof SCI_TECH_POLICY;

/**
 * The policy before the limit came from pledged patents: lending value scaled by remaining life,
 * the limit capped at 30 % of revenue less debt, a low score rejected outright. Cases scored
 * before the change (patched: sci-tech-limit-from-pledged-patents) replay on it; nothing new uses it.
 */
export const REVENUE_CAPPED_POLICY: SciTechPolicy = {
  ...SCI_TECH_POLICY,
  bands: { ...SCI_TECH_POLICY.bands, reviewWhenPledgeCovers: null },
  limit: { ...SCI_TECH_POLICY.limit, minRemainingYears: 0, fullLifeYears: 10, revenueShareBp: 3_000 },
  autoApproval: { ...SCI_TECH_POLICY.autoApproval, maxRevenueShareBp: null },
};

const HOUR_MS = 60 * 60 * 1000;
/** The 48-hour promise and its AT_RISK lead, in milliseconds of calendar time. */
export const SCI_TECH_PROMISE_MS = SCI_TECH_POLICY.promiseHours * HOUR_MS;
export const SCI_TECH_AT_RISK_LEAD_MS = SCI_TECH_POLICY.atRiskLeadHours * HOUR_MS;

/** Why a band was chosen, on top of the score itself. */
export type BandReason =
  | 'SCORE_ABOVE_PASS'
  | 'SCORE_AMBIGUOUS'
  | 'SCORE_BELOW_PASS'
  | 'OVER_AUTO_LIMIT'
  | 'LIMIT_BELOW_REQUEST'
  | 'WEAK_REVENUE'
  | 'PLEDGE_COVERS_REQUEST';

export const REJECTION_REASONS = ['LOW_SCORE', 'WEAK_IP', 'REVENUE_BELOW_THRESHOLD', 'HIGH_LEVERAGE', 'INCOMPLETE_MATERIALS', 'OTHER'] as const;
export type SciTechRejectionReason = (typeof REJECTION_REASONS)[number];
