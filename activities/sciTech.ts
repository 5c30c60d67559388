// Sci-tech credit activities: the IP valuation lookup (an outside system, see
// adapters/ipValuation.ts) and the case's first record with product SCI_TECH.
import type { Database } from '../infra/database';
import { linksOf, recordAcceptedCase } from './caseRecords';
import type { PatentType } from '../domain/sciTech/policy';
import type { IpValuationAdapter, PatentValuation } from './adapters';
import type { SciTechCaseInput } from '../workflows/sciTechCaseMessages';

/** The patents' values from the valuation service: the limit is computed from them. */
export function patentValuationActivities(ipValuation: IpValuationAdapter) {
  return {
    async valuePatents(req: { caseNo: string; patents: { patentNo: string; type: PatentType }[] }): Promise<PatentValuation[]> {
      return ipValuation.value(req);
    },
  };
}

export function sciTechRecordActivities(db: Database) {
  return {
    /** The case's first record (firm, case, acceptance event) with product SCI_TECH; idempotent. Returns what it wrote, as recordCaseProgress does. */
    async recordSciTechAccepted(accepted: { input: SciTechCaseInput; dueAt: string }): Promise<{ input: SciTechCaseInput; dueAt: string }> {
      const { input, dueAt } = accepted;
      const { caseNo, firm, streetCode, bankCode, purpose, acceptedAt, acceptedBy } = input;
      const amountFen = input.application.requestedFen;
      await recordAcceptedCase(db, {
        caseNo, firm, streetCode, bankCode, amountFen, purpose, acceptedAt, acceptedBy, dueAt,
        ...(input.leadId ? { leadId: input.leadId } : {}),
        ...(input.guidedBy ? { guidedBy: input.guidedBy } : {}),
        product: 'SCI_TECH',
        stage: 'EVALUATING',
        // The application itself, so the case view can show what was scored after the workflow is gone.
        eventData: { product: 'SCI_TECH', dueAt, promiseHours: 48, amountFen, patents: input.application.patents.length, application: input.application, ...linksOf(input) },
      });
      return accepted;
    },
  };
}
