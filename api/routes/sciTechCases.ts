// What the API adds for sci-tech credit (善科贷) cases: the workflow input built from the
// online application, the product's part of the case view, and the approver's decision.
import type { SciTechCaseBody, SciTechDecisionBody } from '../schemas';
import type { z } from 'zod';
import type { SciTechCaseInput, SciTechCaseState, SciTechDecideRequest, SciTechDecision } from '../../workflows/sciTechCaseMessages';
import { firstEvent, recorded, type Data, type EventRow } from './recordedEvents';

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

export function sciTechDecideRequest(body: z.infer<typeof SciTechDecisionBody>, actor: string): SciTechDecideRequest {
  return body.outcome === 'APPROVED'
    ? { outcome: 'APPROVED', actor, amountFen: body.amount, rateBp: body.rateBp, termMonths: body.termMonths }
    : { outcome: 'REJECTED', actor, reasons: body.reasons };
}

/**
 * The sci-tech part of a case view: from the running workflow when it answers, else
 * from the timeline the workflow wrote (every fact below is recorded in an event).
 */
export function sciTechCaseFacts(live: SciTechCaseState | undefined, events: EventRow[]) {
  const event = (type: string) => firstEvent(events, type);
  const data = (type: string) => event(type)?.data as Data | undefined;
  const evaluated = data('EVALUATED');
  const scoring = live?.score !== undefined
    ? { score: live.score, band: live.band!, reasons: live.bandReasons!, factors: live.factors!, limit: live.limit!, valuations: live.valuations! }
    : evaluated
      ? { score: evaluated.score, band: evaluated.band, reasons: evaluated.reasons, factors: evaluated.factors, limit: evaluated.limit, valuations: evaluated.valuations }
      : null;
  return {
    atRiskAt: live?.atRiskAt ?? data('EVALUATION_STARTED')?.atRiskAt ?? null,
    application: (data('ACCEPTED')?.application as SciTechCaseInput['application'] | undefined) ?? null,
    scoring,
    approver: (data('MANUAL_REVIEW')?.approver as string | undefined) ?? null,
    decision: live ? (live.decision ?? null) : recordedDecision(event('APPROVED') ?? event('REJECTED')),
    contract: live ? (live.contract ?? null) : recorded(event('CONTRACT_SIGNED'), (e, d) => ({ contractNo: d.contractNo, signedAt: d.signedAt ?? e.at.toISOString() })),
    disbursement: live ? (live.disbursement ?? null) : recorded(event('DISBURSED'), (_, d) => ({ reference: d.reference, amountFen: d.amountFen, at: d.at })),
    withdrawal: live ? (live.withdrawal ?? null) : recorded(event('WITHDRAWN'), (e, d) => ({ reason: d.reason, by: e.actor, at: e.at.toISOString() })),
    breaches: live?.breaches ?? events.filter((e) => e.type === 'SLA_BREACHED').map((e) => {
      const d = e.data as Data;
      return { dueAt: d.dueAt, breachedAt: d.breachedAt, stage: d.stage };
    }),
  };
}

function recordedDecision(e: EventRow | undefined): SciTechDecision | null {
  return recorded(e, (e, d) => ({
    outcome: e.type === 'APPROVED' ? 'APPROVED' : 'REJECTED',
    by: e.actor,
    at: e.at.toISOString(),
    automatic: d.automatic,
    ...(e.type === 'APPROVED' ? { amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths } : { reasons: d.reasons }),
  }));
}
