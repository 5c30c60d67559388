// The fast-track part of a case view that changes as the case runs: from the running workflow
// when it answers, else rebuilt from the timeline it wrote, so a case closed past the namespace's
// retention still shows its decision, contract, disbursement, breaches and pauses. The
// consistency check compares the two.
import type { Breach, CaseState, CreditDecision, Pause } from '../workflows/fastTrackCaseMessages';
import type { DisbursementHold, SignedContract } from '../workflows/contractMessages';
import { contractConfirmationFacts, firstEvent, recorded, recordedContract, recordedHold, type ContractConfirmationFacts, type Data, type EventRow } from './recordedEvents';

export interface FastTrackFacts {
  breaches: Breach[];
  pauses: Pause[];
  decision: CreditDecision | null;
  contractConfirmation: ContractConfirmationFacts | null;
  contract: SignedContract | null;
  disbursementHold: DisbursementHold | null;
  disbursement: { reference: string; amountFen: number; at: string } | null;
  withdrawal: { reason: string; by: string; at: string } | null;
}

export function fastTrackCaseFacts(live: CaseState | undefined, events: readonly EventRow[]): FastTrackFacts {
  if (live) {
    const { breaches, pauses, decision, contract, disbursementHold, disbursement, withdrawal } = live;
    return { breaches, pauses, decision: decision ?? null, contractConfirmation: contractConfirmationFacts(live, events), contract: contract ?? null, disbursementHold: disbursementHold ?? null, disbursement: disbursement ?? null, withdrawal: withdrawal ?? null };
  }
  const event = (type: string) => firstEvent(events, type);
  return {
    ...clockHistory(events),
    // The decision's own time, recorded since the events carry it; before, the record's.
    decision:
      recorded(event('APPROVED'), (e, d): CreditDecision => ({ outcome: 'APPROVED', by: e.actor, at: d.decidedAt ?? e.at.toISOString(), amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths })) ??
      recorded(event('REJECTED'), (e, d): CreditDecision => ({ outcome: 'REJECTED', by: e.actor, at: d.decidedAt ?? e.at.toISOString(), reasons: d.reasons })),
    contractConfirmation: contractConfirmationFacts(undefined, events),
    contract: recordedContract(events),
    disbursementHold: recordedHold(events),
    disbursement: recorded(event('DISBURSED'), (_, d) => ({ reference: d.reference, amountFen: d.amountFen, at: d.at })),
    withdrawal: recorded(event('WITHDRAWN'), (e, d) => ({ reason: d.reason, by: e.actor, at: e.at.toISOString() })),
  };
}

/** Breaches and pauses in the order the workflow met them, with the same bookkeeping. */
function clockHistory(events: readonly EventRow[]): { breaches: Breach[]; pauses: Pause[] } {
  const breaches: Breach[] = [];
  const pauses: Pause[] = [];
  for (const e of events) {
    const d = e.data as Data;
    const at = e.at.toISOString();
    switch (e.type) {
      case 'SLA_BREACHED':
        // How late is known only once the work is done (TASK_COMPLETED below); the promise's never.
        breaches.push({ subject: d.subject, assignee: d.assignee, stage: d.stage, dueAt: d.dueAt, breachedAt: at, lateWorkingMs: null });
        break;
      case 'TASK_COMPLETED': {
        const open = breaches.find((b) => b.subject === d.kind && b.lateWorkingMs === null);
        if (open) open.lateWorkingMs = d.lateWorkingMs;
        break;
      }
      case 'SLA_PAUSED':
        pauses.push({ kind: d.kind, reason: d.reason, by: e.actor, since: at, ...(d.escalatesAt ? { escalatesAt: d.escalatesAt } : {}) });
        break;
      case 'SLA_RESUMED':
        endPause(pauses, at, d);
        break;
      case 'WITHDRAWN':
        // A pause standing at the withdrawal ended with it (patch pause-ends-with-case).
        if (d.pauseEnded) endPause(pauses, at, d.pauseEnded as Data);
        break;
      case 'DUES_RECOMPUTED': {
        // A notice loaded while paused moves the pause's limit with the dues.
        const active = pauses.find((p) => p.until === undefined);
        const limit = (d.after as { pauseEscalatesAt?: string } | undefined)?.pauseEscalatesAt;
        if (active && limit) active.escalatesAt = limit;
        break;
      }
      case 'SLA_PAUSE_LIMIT': {
        const active = pauses.find((p) => p.until === undefined);
        if (active) active.escalatedAt = at;
        break;
      }
    }
  }
  return { breaches, pauses };
}

/** The standing pause ends at `at`, its length as the event recorded it. */
function endPause(pauses: Pause[], at: string, length: Data): void {
  const active = pauses.find((p) => p.until === undefined);
  if (active) Object.assign(active, { until: at }, length.pausedWorkingDays !== undefined ? { pausedWorkingDays: length.pausedWorkingDays } : { pausedWorkingMs: length.pausedWorkingMs });
}
