// What a case or a consultation shows for its deadlines, on its record and in Temporal UI.
// Pure, so every workflow derives it the same way.

export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'PAUSED', 'BREACHED', 'MET'] as const;
export type SlaStateValue = (typeof SLA_STATES)[number];

/**
 * BREACHED once any deadline was missed; MET once the bank answered without a breach; PAUSED
 * while the clock waits for the firm (the due is not running, so neither AT_RISK nor ON_TRACK
 * would be true); left as it was when withdrawn, except that a pause the withdrawal ended gives
 * way to the level the clock stood at beneath it; otherwise AT_RISK while any open deadline is,
 * else ON_TRACK.
 */
export function slaStateOf(current: SlaStateValue, now: { breached: boolean; answered: boolean; withdrawn: boolean; paused: boolean; atRisk: boolean }): SlaStateValue {
  if (now.breached) return 'BREACHED';
  if (now.answered) return 'MET';
  if (now.paused) return 'PAUSED';
  const level = now.atRisk ? 'AT_RISK' : 'ON_TRACK';
  if (now.withdrawn) return current === 'PAUSED' ? level : current;
  return level;
}
