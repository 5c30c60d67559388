// What the API adds for sci-tech credit (善科贷) cases: the workflow input built from the
// online application and the approver's decision (the product's part of the case view is
// readModels/sciTechCaseFacts.ts).
import type { StaffProfile } from '../../domain/people';
import type { SciTechCaseBody, SciTechDecisionBody } from '../schemas';
import type { z } from 'zod';
import type { SciTechCaseInput, SciTechDecideRequest } from '../../workflows/sciTechCaseMessages';

/** The fields every case opening shares, as the cases router has resolved them. */
export type CaseOpening = Omit<SciTechCaseInput, 'application' | 'approver' | 'atRiskLeadMs'>;

export function sciTechCaseInput(opening: CaseOpening, body: SciTechCaseBody, approver: string | undefined): SciTechCaseInput {
  const a = body.application;
  return {
    ...opening,
    application: {
      patents: a.patents,
      rdSpendFen: a.rdSpend,
      revenueFen: a.revenue,
      yearsInOperation: a.yearsInOperation,
      existingDebtFen: a.existingDebt,
      requestedFen: body.amount,
    },
    // Without a credit approver on file the workflow addresses the bank's approver role.
    ...(approver ? { approver } : {}),
  };
}

export function sciTechDecideRequest(body: z.infer<typeof SciTechDecisionBody>, actor: string, actorProfile: StaffProfile): SciTechDecideRequest {
  return body.outcome === 'APPROVED'
    ? { outcome: 'APPROVED', actor, actorProfile, amountFen: body.amount, rateBp: body.rateBp, termMonths: body.termMonths }
    : { outcome: 'REJECTED', actor, actorProfile, reasons: body.reasons };
}
