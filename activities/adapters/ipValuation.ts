// A patent valuation service (the bank's "big data values patents dynamically"), used by the
// sci-tech product to turn patents into a credit limit.
import type { PatentType } from '../../domain/sciTech/policy';
import { sandboxGate, type SandboxBehaviour } from './sandbox';

export interface PatentValuation {
  patentNo: string;
  type: PatentType;
  valuationFen: number;
  /** Where the number came from, for the audit trail. */
  source: string;
  valuedAt: string;
}

/** The valuation service, as Greenlane uses it: one value per patent, with where it came from. */
export interface IpValuationAdapter {
  value(req: { caseNo: string; patents: { patentNo: string; type: PatentType }[] }): Promise<PatentValuation[]>;
}

/** Typical market values by type, fen: 1.5 million, 300,000 and 80,000 CNY. */
export const SANDBOX_BASE_VALUATION_FEN: Record<PatentType, number> = {
  INVENTION: 150_000_000,
  UTILITY_MODEL: 30_000_000,
  DESIGN: 8_000_000,
};

/**
 * A deterministic stand-in: each patent is worth its type's base value unless the table
 * names it, so tests and demos know the numbers the model will see.
 */
export class SandboxIpValuation implements IpValuationAdapter {
  private readonly gate;

  constructor(
    private readonly opts: SandboxBehaviour & { table?: Record<string, number>; clock?: () => Date } = {},
  ) {
    this.gate = sandboxGate('知识产权估值 IP valuation', opts);
  }

  async value({ patents }: { caseNo: string; patents: { patentNo: string; type: PatentType }[] }): Promise<PatentValuation[]> {
    await this.gate('value');
    const valuedAt = (this.opts.clock?.() ?? new Date()).toISOString();
    return patents.map((p) => ({
      patentNo: p.patentNo,
      type: p.type,
      valuationFen: this.opts.table?.[p.patentNo] ?? SANDBOX_BASE_VALUATION_FEN[p.type],
      source: 'sandbox-ip-valuation',
      valuedAt,
    }));
  }
}
