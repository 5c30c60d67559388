// The SLA state a case shows: a pause for the firm reads PAUSED, but never hides a breach or an answer.
import { slaStateOf } from '../../domain/slaState';

const now = { breached: false, answered: false, withdrawn: false, paused: false, atRisk: false };

describe('slaStateOf', () => {
  it('reads PAUSED while the clock waits for the firm, even with a deadline at risk', () => {
    expect(slaStateOf('ON_TRACK', { ...now, paused: true })).toBe('PAUSED');
    expect(slaStateOf('AT_RISK', { ...now, paused: true, atRisk: true })).toBe('PAUSED');
  });

  it('keeps BREACHED through a pause: pausing does not hide a missed deadline', () => {
    expect(slaStateOf('BREACHED', { ...now, breached: true, paused: true })).toBe('BREACHED');
  });

  it('goes back to ON_TRACK or AT_RISK once resumed', () => {
    expect(slaStateOf('PAUSED', now)).toBe('ON_TRACK');
    expect(slaStateOf('PAUSED', { ...now, atRisk: true })).toBe('AT_RISK');
  });

  it('stays as it was when withdrawn, MET once the bank answered', () => {
    expect(slaStateOf('AT_RISK', { ...now, withdrawn: true })).toBe('AT_RISK');
    expect(slaStateOf('ON_TRACK', { ...now, answered: true })).toBe('MET');
  });

  it('withdrawn while paused, with the pause ended by the withdrawal, reads the level beneath the pause, not PAUSED', () => {
    expect(slaStateOf('PAUSED', { ...now, withdrawn: true })).toBe('ON_TRACK');
    expect(slaStateOf('PAUSED', { ...now, withdrawn: true, atRisk: true })).toBe('AT_RISK');
    // Histories before patch pause-ends-with-case left the pause standing: those still read PAUSED.
    expect(slaStateOf('PAUSED', { ...now, withdrawn: true, paused: true })).toBe('PAUSED');
  });
});
