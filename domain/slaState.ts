// What a case or a consultation shows for its deadlines, on its record and in Temporal UI.
// Pure, so every workflow derives it the same way.

export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'MET'] as const;
export type SlaStateValue = (typeof SLA_STATES)[number];

/**
 * BREACHED once any deadline was missed; MET once the bank answered without a breach; left as
 * it was when withdrawn; otherwise AT_RISK while any open deadline is, else ON_TRACK.
 */
export function slaStateOf(current: SlaStateValue, now: { breached: boolean; answered: boolean; withdrawn: boolean; atRisk: boolean }): SlaStateValue {
  if (now.breached) return 'BREACHED';
  if (now.answered) return 'MET';
  if (now.withdrawn) return current;
  return now.atRisk ? 'AT_RISK' : 'ON_TRACK';
}
