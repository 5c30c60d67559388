// The sci-tech part of a case view: from the running workflow when it answers, else rebuilt
// from the timeline it wrote (every fact below is recorded in an event). The consistency check
// compares the two.
import type { SciTechCaseInput, SciTechCaseState, SciTechDecision } from '../workflows/sciTechCaseMessages';
import { contractConfirmationFacts, firstEvent, recorded, recordedContract, recordedHold, type Data, type EventRow } from './recordedEvents';

export function sciTechCaseFacts(live: SciTechCaseState | undefined, events: readonly EventRow[]) {
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
    /** The customer manager who guided the firm's own application (docs/firm.md). */
    guidedBy: (data('ACCEPTED')?.guidedBy as string | undefined) ?? null,
    scoring,
    approver: live?.approver ?? (data('MANUAL_REVIEW')?.approver as string | undefined) ?? null,
    decision: live ? (live.decision ?? null) : recordedDecision(event('APPROVED') ?? event('REJECTED')),
    contractConfirmation: contractConfirmationFacts(live, events),
    contract: live ? (live.contract ?? null) : recordedContract(events),
    disbursementHold: live ? (live.disbursementHold ?? null) : recordedHold(events),
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
    // The decision's own time, recorded since the events carry it; before, the record's.
    at: d.decidedAt ?? e.at.toISOString(),
    automatic: d.automatic,
    ...(e.type === 'APPROVED' ? { amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths } : { reasons: d.reasons }),
  }));
}
