// The screening track's policy (大数据建模) in one place: which indicators of an imported firm
// signal a likely financing need, at what threshold, and how many points make a flag. Pure data,
// so the model, its tests and the docs read the same numbers.

export const SIGNALS = ['CREDIT_REFUSED', 'LOANS_MATURING', 'ARREARS', 'REVENUE_DROP', 'HEADCOUNT_DROP'] as const;
export type Signal = (typeof SIGNALS)[number];

export interface ScreeningPolicy {
  version: string;
  flagAtPoints: number;
  signals: {
    CREDIT_REFUSED: { points: number };
    LOANS_MATURING: { minFen: number; points: number };
    ARREARS: { minFen: number; points: number };
    REVENUE_DROP: { maxChangeBp: number; points: number };
    HEADCOUNT_DROP: { maxChangeBp: number; points: number };
  };
}

export const SCREENING_POLICY: ScreeningPolicy = {
  /** Stored with each screened firm, so a flag can be read back to the rules that raised it. */
  version: '2026-12',
  /** A firm is flagged when the points of the signals it shows reach this. */
  flagAtPoints: 3,
  signals: {
    /** A bank refused it credit recently: it still needs the money (and may need the joint consultation). */
    CREDIT_REFUSED: { points: 3 },
    /** Loans falling due within 90 days at or above this (fen): a refinancing or bridging need. */
    LOANS_MATURING: { minFen: 50_000_000, points: 3 },
    /** Overdue tax or utility arrears at or above this (fen): cash is short. */
    ARREARS: { minFen: 1_000_000, points: 2 },
    /** Tax-reported revenue against the year before at or below this (basis points of change). */
    REVENUE_DROP: { maxChangeBp: -2_000, points: 2 },
    /** Social-insurance headcount against the year before at or below this (basis points of change). */
    HEADCOUNT_DROP: { maxChangeBp: -1_500, points: 1 },
  },
};
