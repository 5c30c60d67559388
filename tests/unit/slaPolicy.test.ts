// The pure SLA arithmetic the workflow relies on (no servers needed).
import fc from 'fast-check';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { DEFAULT_AT_RISK_LEAD_MS, DEFAULT_DUE_DILIGENCE_CUTOFF, MIN_NOTICE_MS, branchDue, branchWarning, sameWorkingDayDue } from '../../domain/fastTrack/policy';
import { addWorkingTime, subtractWorkingTime } from '../../domain/calendar/shiftWorkingTime';
import { HOUR, calendar } from '../support/caseScenarios';

const instant = fc.integer({ min: shanghaiDateTime('2024-01-01').getTime(), max: shanghaiDateTime('2026-12-20').getTime() }).map((t) => new Date(t));
const duration = fc.integer({ min: 0, max: 10 * 24 * HOUR });

test('due diligence is due at 24:00 of the acceptance day, or of the next working day when accepted on a rest day', () => {
  expect(sameWorkingDayDue(calendar, shanghaiDateTime('2026-09-30', '10:00'))).toEqual(shanghaiDateTime('2026-10-01'));
  // Accepted during National Day: due at the end of the first working day after it.
  expect(sameWorkingDayDue(calendar, shanghaiDateTime('2026-10-03', '10:00'))).toEqual(shanghaiDateTime('2026-10-09'));
  // A make-up Saturday is a working day.
  expect(sameWorkingDayDue(calendar, shanghaiDateTime('2026-10-10', '10:00'))).toEqual(shanghaiDateTime('2026-10-11'));
  expect(branchDue(calendar, 'GRID_SUBMISSION', shanghaiDateTime('2026-09-30', '10:00'))).toEqual(shanghaiDateTime('2026-10-09'));
  expect(branchDue(calendar, 'BANK_VIP_CHANNEL', shanghaiDateTime('2026-09-30', '10:00'))).toEqual(shanghaiDateTime('2026-10-11'));
});

test('a case accepted on 2026-09-30 is due at the end of 2026-10-13, after National Day and the make-up Saturday', () => {
  // The same rule the workflow applies (Civil Code counting on the loaded 2026 notice).
  const due = calendar.addWorkingDays(shanghaiDateTime('2026-09-30', '15:00'), 5);
  expect(due.explanation.counted).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
  expect(due.provisional).toBe(false);
});

test('AT_RISK comes half a working day before a due, skipping rest days', () => {
  // Due 24:00 Monday 2026-10-12: at risk at 12:00 that Monday.
  expect(subtractWorkingTime(calendar, shanghaiDateTime('2026-10-13'), DEFAULT_AT_RISK_LEAD_MS)).toEqual(shanghaiDateTime('2026-10-12', '12:00'));
  // Due 06:00 on the Thursday after National Day: at risk at 18:00 on 2026-09-30, before the break.
  expect(subtractWorkingTime(calendar, shanghaiDateTime('2026-10-08', '06:00'), DEFAULT_AT_RISK_LEAD_MS)).toEqual(shanghaiDateTime('2026-09-30', '18:00'));
});

test('adding then measuring working time agrees with the calendar', () => {
  fc.assert(
    fc.property(instant, duration, (from, ms) => {
      const to = addWorkingTime(calendar, from, ms);
      expect(calendar.workingTimeRemaining(from, to)).toBe(ms);
      expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime() + ms);
    }),
  );
});

test('subtracting is the inverse of adding, up to rest days', () => {
  fc.assert(
    fc.property(instant, duration, (to, ms) => {
      const from = subtractWorkingTime(calendar, to, ms);
      expect(calendar.workingTimeRemaining(from, to)).toBe(ms);
      expect(from.getTime()).toBeLessThanOrEqual(to.getTime() - ms);
    }),
  );
});

test('with the afternoon cut-off, due diligence accepted at or after 15:00 is due by the end of the next working day', () => {
  const timing = { dueDiligenceCutoff: DEFAULT_DUE_DILIGENCE_CUTOFF, minNoticeMs: MIN_NOTICE_MS };
  expect(branchDue(calendar, 'DUE_DILIGENCE', shanghaiDateTime('2026-09-29', '14:59'), timing)).toEqual(shanghaiDateTime('2026-09-30'));
  expect(branchDue(calendar, 'DUE_DILIGENCE', shanghaiDateTime('2026-09-29', '15:00'), timing)).toEqual(shanghaiDateTime('2026-10-01'));
  // After the cut-off on the last working day before National Day: due when work resumes.
  expect(branchDue(calendar, 'DUE_DILIGENCE', shanghaiDateTime('2026-09-30', '17:45'), timing)).toEqual(shanghaiDateTime('2026-10-09'));
  // Cases accepted before the rule keep the 24:00 rule alone.
  expect(branchDue(calendar, 'DUE_DILIGENCE', shanghaiDateTime('2026-09-29', '17:45'))).toEqual(shanghaiDateTime('2026-09-30'));
});

test('no warning in the first hour after acceptance, so nothing opens AT_RISK', () => {
  const timing = { dueDiligenceCutoff: DEFAULT_DUE_DILIGENCE_CUTOFF, minNoticeMs: MIN_NOTICE_MS };
  fc.assert(
    fc.property(instant, (acceptedAt) => {
      const due = branchDue(calendar, 'DUE_DILIGENCE', acceptedAt, timing);
      const warning = branchWarning(calendar, due, DEFAULT_AT_RISK_LEAD_MS, acceptedAt, timing);
      expect(warning.getTime()).toBeGreaterThanOrEqual(acceptedAt.getTime() + MIN_NOTICE_MS);
      expect(warning.getTime()).toBeLessThan(due.getTime());
    }),
  );
});
