// Why a bank refused a firm, as the task force categorises it for a joint consultation
// (银行联合会诊). Pure data, so workflow code, validators and the API read the same list.

export const CONSULTATION_REASONS = [
  'LOW_CREDIT_RATING',
  'REVENUE_BELOW_THRESHOLD',
  'INSUFFICIENT_COLLATERAL',
  'INCOMPLETE_MATERIALS',
  'HIGH_DEBT_RATIO',
  'OTHER',
] as const;
export type ConsultationReason = (typeof CONSULTATION_REASONS)[number];

export const REASON_LABELS: Record<ConsultationReason, string> = {
  LOW_CREDIT_RATING: '信用评级低 low credit rating',
  REVENUE_BELOW_THRESHOLD: '营收未达门槛 revenue below threshold',
  INSUFFICIENT_COLLATERAL: '抵押担保不足 insufficient collateral',
  INCOMPLETE_MATERIALS: '材料不全 incomplete materials',
  HIGH_DEBT_RATIO: '负债率过高 debt ratio too high',
  OTHER: '其他 other',
};

export interface ReasonEntry {
  code: ConsultationReason;
  note?: string;
}

/** How a product's own refusal codes map onto the consultation's categories. */
const PRODUCT_CODES: Record<string, ConsultationReason> = {
  HIGH_LEVERAGE: 'HIGH_DEBT_RATIO',
  LOW_SCORE: 'LOW_CREDIT_RATING',
};

/**
 * A rejected case's reasons (fast-track or sci-tech codes) as consultation categories; a code
 * with no category becomes OTHER with the original code kept in the note.
 */
export function categoriseReasons(reasons: readonly { code: string; note?: string }[]): ReasonEntry[] {
  return reasons.map(({ code, note }) => {
    if ((CONSULTATION_REASONS as readonly string[]).includes(code)) return { code: code as ConsultationReason, ...(note ? { note } : {}) };
    if (PRODUCT_CODES[code]) return { code: PRODUCT_CODES[code], note: note ? `${code}: ${note}` : code };
    return { code: 'OTHER', note: note ? `${code}: ${note}` : code };
  });
}

/** Bilingual problems with a list of reasons; empty when it is acceptable. */
export function reasonProblems(reasons: unknown): string[] {
  if (!Array.isArray(reasons) || reasons.length === 0) return ['须至少注明一项拒贷原因 at least one categorised reason is required'];
  const problems: string[] = [];
  reasons.forEach((r: { code?: unknown; note?: unknown } | undefined, i) => {
    if (!(CONSULTATION_REASONS as readonly unknown[]).includes(r?.code)) {
      problems.push(`拒贷原因类别无效 reasons[${i}]: unknown category ${JSON.stringify(r?.code)}; expected one of ${CONSULTATION_REASONS.join(', ')}`);
    } else if (r?.code === 'OTHER' && (typeof r.note !== 'string' || !r.note.trim())) {
      problems.push(`“其他”原因须说明 reasons[${i}]: OTHER needs a note`);
    }
  });
  return problems;
}
