// The firm's contract confirmation (domain/contractConfirmation.ts): two working days from the
// approval, counted as a period on China's calendar, the reminder at noon of the last one; a
// confirmation that saw other terms names each term that differs.
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { confirmationDue, staleTerms, termsText } from '../../domain/contractConfirmation';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

it('is due at 24:00 of the second working day after the approval, skipping National Day, and reminds at noon of that day', () => {
  // Approved Wednesday 30 September 2026: 1–7 October rest, so the two working days are Thursday 8 and Friday 9.
  const { dueAt, atRiskAt } = confirmationDue(calendar, new Date('2026-09-30T15:00:00+08:00'));
  expect(dueAt.toISOString()).toBe('2026-10-09T16:00:00.000Z');
  expect(atRiskAt.toISOString()).toBe('2026-10-09T04:00:00.000Z');
});

it('is due at 24:00 of Monday for an approval on Thursday: the weekend does not count', () => {
  const { dueAt, atRiskAt } = confirmationDue(calendar, new Date('2026-11-26T10:00:00+08:00'));
  expect(dueAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  expect(atRiskAt.toISOString()).toBe('2026-11-30T04:00:00.000Z');
});

it('names the terms the firm saw that differ from the approved ones', () => {
  const approved = { amountFen: 120_000_000, rateBp: 365, termMonths: 12 };
  expect(staleTerms(approved, { ...approved })).toEqual([]);
  expect(staleTerms(approved, { ...approved, rateBp: 385, termMonths: 24 })).toEqual(['rateBp', 'termMonths']);
  expect(staleTerms(approved, {})).toEqual(['amountFen', 'rateBp', 'termMonths']);
  expect(termsText(approved)).toEqual({ zh: '120万元，年利率3.65%，期限12个月', en: 'CNY 1200000.00 at 3.65% a year for 12 months' });
});
