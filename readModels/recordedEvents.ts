// Reading facts back from a case's timeline (case_event): for the case views built from the
// record when the workflow cannot answer, and for the consistency check.
import type { ContractTerms } from '../domain/contractConfirmation';
import type { ContractConfirmation, DisbursementHold, SignedContract } from '../workflows/contractMessages';

export interface EventRow {
  type: string;
  actor: string;
  at: Date;
  data: unknown;
}

/** An event's data as the workflow wrote it; each reader knows its fields. */
export type Data = Record<string, never>;

/** The first event of a type, if any. */
export function firstEvent(events: readonly EventRow[], type: string): EventRow | undefined {
  return events.find((e) => e.type === type);
}

/** `pick` applied to an event and its data; null without the event. */
export function recorded<T>(e: EventRow | undefined, pick: (e: EventRow, d: Data) => T): T | null {
  return e ? pick(e, e.data as Data) : null;
}

/** The signed contract (the bank's signing time, recorded since the event carries it), and its cancellation if any. */
export function recordedContract(events: readonly EventRow[]): SignedContract | null {
  const cancellation = recorded(firstEvent(events, 'CONTRACT_CANCELLED'), (e, d) => ({ reason: d.reason, by: e.actor, at: d.cancelledAt }));
  return recorded(firstEvent(events, 'CONTRACT_SIGNED'), (e, d) => ({ contractNo: d.contractNo, signedAt: d.signedAt ?? e.at.toISOString(), ...(cancellation && { cancellation }) }));
}

/** A payment held for the approver (DISBURSEMENT_HELD) and not yet resolved, as the event recorded it. */
export function recordedHold(events: readonly EventRow[]): DisbursementHold | null {
  const last = events.filter((e) => e.type === 'DISBURSEMENT_HELD' || e.type === 'DISBURSEMENT_RESOLVED').at(-1);
  return last?.type === 'DISBURSEMENT_HELD' ? (last.data as DisbursementHold) : null;
}

/** The firm's confirmation of its contract terms, as a case view shows it (either product). */
export interface ContractConfirmationFacts {
  terms: ContractTerms;
  requestedAt: string;
  /** 24:00 of the last working day the firm has. */
  dueAt: string;
  /** Past its due unconfirmed (the street office and the bank were told). */
  overdue: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** From the running workflow when it answers, else from the timeline; null for a case that does not wait for the firm. */
export function contractConfirmationFacts(live: { contractConfirmation?: ContractConfirmation } | undefined, events: readonly EventRow[]): ContractConfirmationFacts | null {
  if (live) {
    const c = live.contractConfirmation;
    if (!c) return null;
    // Confirmed once it is on the timeline, as the record reads it.
    const confirmed = c.confirmedAt !== undefined;
    return { terms: c.terms, requestedAt: c.requestedAt, dueAt: c.dueAt, overdue: c.level === 'BREACHED', confirmedAt: c.confirmedAt ?? null, confirmedBy: confirmed ? c.confirmedBy! : null };
  }
  const confirmed = firstEvent(events, 'CONTRACT_CONFIRMED');
  // A holiday notice may have moved the due since (the latest move holds).
  const moved = events.filter((e) => e.type === 'CONTRACT_CONFIRMATION_DUE_MOVED').at(-1);
  return recorded(firstEvent(events, 'CONTRACT_CONFIRMATION_REQUESTED'), (_, d) => ({
    terms: { amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths },
    requestedAt: d.requestedAt,
    dueAt: moved ? (moved.data as Data).dueAt : d.dueAt,
    overdue: firstEvent(events, 'CONTRACT_CONFIRMATION_OVERDUE') !== undefined,
    confirmedAt: confirmed ? (confirmed.data as Data).confirmedAt : null,
    confirmedBy: confirmed?.actor ?? null,
  }));
}
