// Sci-tech credit activities: the IP valuation lookup (big-data patent valuation,
// an outside system) and the case's first record with product SCI_TECH.
import type { Database } from '../infra/database';
import { recordAcceptedCase } from './caseRecords';
import type { PatentType } from '../domain/sciTech/policy';
import { sandboxGate, type SandboxBehaviour } from './adapters/sandbox';
import type { SciTechCaseInput } from '../workflows/sciTechCaseMessages';

export interface PatentValuation {
  patentNo: string;
  type: PatentType;
  valuationFen: number;
  /** Where the number came from, for the audit trail. */
  source: string;
  valuedAt: string;
}

/** A patent valuation service (the bank's "big data values patents dynamically"). */
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

export function sciTechActivities(db: Database, ipValuation: IpValuationAdapter = new SandboxIpValuation()) {
  return {
    async valuePatents(req: { caseNo: string; patents: { patentNo: string; type: PatentType }[] }): Promise<PatentValuation[]> {
      return ipValuation.value(req);
    },

    /** The case's first record (firm, case, acceptance event) with product SCI_TECH; idempotent. */
    recordSciTechAccepted({ input, dueAt }: { input: SciTechCaseInput; dueAt: string }): Promise<void> {
      const { caseNo, firm, streetCode, bankCode, purpose, acceptedAt, acceptedBy } = input;
      const amountFen = input.application.requestedFen;
      return recordAcceptedCase(db, {
        caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy, dueAt,
        product: 'SCI_TECH',
        stage: 'EVALUATING',
        // The application itself, so the case view can show what was scored after the workflow is gone.
        eventData: { product: 'SCI_TECH', dueAt, promiseHours: 48, amountFen, patents: input.application.patents.length, application: input.application, ...(input.consultationId ? { consultationId: input.consultationId } : {}) },
      });
    },
  };
}
