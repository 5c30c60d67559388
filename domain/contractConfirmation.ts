// The firm confirms its contract terms (确认) before the bank signs and pays, for cases opened
// with firmConfirmsContract (docs/firm.md). The wait has its own working-day clock: the firm is
// reminded while there is time, the street office and the bank are told once it is late.
import { subtractWorkingTime } from './calendar/shiftWorkingTime';
import type { WorkingCalendar } from './calendar/workingCalendar';
import { formatFen, formatWan } from './money';

/** The terms the firm confirms: the approved amount, rate and term. */
export interface ContractTerms {
  amountFen: number;
  rateBp: number;
  termMonths: number;
}

export const CONTRACT_CONFIRMATION_POLICY = {
  /**
   * Working days the firm has, counted as a period from the approval (its own day not counted):
   * a phone confirmation takes minutes, two working days leave room for the firm to read the
   * terms with its accountant without letting a fast-track case stall.
   */
  workingDays: 2,
  /** Reminded half a working day before the due (noon of the last day): in office hours, with time to act. */
  atRiskLeadMs: 12 * 60 * 60 * 1000,
} as const;

/** When the confirmation is due (24:00 of its last working day) and when the firm is reminded. */
export function confirmationDue(calendar: WorkingCalendar, approvedAt: Date): { dueAt: Date; atRiskAt: Date } {
  const dueAt = calendar.addWorkingDays(approvedAt, CONTRACT_CONFIRMATION_POLICY.workingDays).dueAt;
  return { dueAt, atRiskAt: subtractWorkingTime(calendar, dueAt, CONTRACT_CONFIRMATION_POLICY.atRiskLeadMs) };
}

/** The terms the firm saw that are not the approved ones (empty when it saw them all as approved). */
export function staleTerms(approved: ContractTerms, seen: Partial<Record<keyof ContractTerms, unknown>>): (keyof ContractTerms)[] {
  return (['amountFen', 'rateBp', 'termMonths'] as const).filter((k) => seen[k] !== approved[k]);
}

/** The terms in words, Chinese then English: 514万元，年利率3.65%，12个月. */
export function termsText(t: ContractTerms): { zh: string; en: string } {
  const rate = (t.rateBp / 100).toFixed(2);
  return { zh: `${formatWan(t.amountFen)}，年利率${rate}%，期限${t.termMonths}个月`, en: `CNY ${formatFen(t.amountFen)} at ${rate}% a year for ${t.termMonths} months` };
}
