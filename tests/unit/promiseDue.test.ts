import fc from 'fast-check';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { promiseDue } from '../../domain/fastTrack/promiseDue';
import { NOT_PAUSED } from '../../domain/calendar/shiftWorkingTime';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

describe('promiseDue', () => {
  it('without a pause is the five-working-day deadline, also for a case accepted on a Saturday', () => {
    // Accepted Saturday 2026-11-28: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 → 24:00 on Friday 4 December.
    const acceptedAt = new Date('2026-11-28T10:00:00+08:00');
    expect(promiseDue(calendar, acceptedAt, NOT_PAUSED).dueAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('equals addWorkingDays when nothing was paused, and never ends on a rest day', () => {
    const from = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 * 24 * 60 }), (minutes) => {
        const acceptedAt = new Date(from + minutes * 60_000);
        const due = promiseDue(calendar, acceptedAt, NOT_PAUSED).dueAt;
        expect(due.getTime()).toBe(calendar.addWorkingDays(acceptedAt, 5).dueAt.getTime());
        // The due instant is 24:00 of a working day: the day before it is a working day.
        expect(calendar.isWorkingDay(shanghaiDate(new Date(due.getTime() - 1)))).toBe(true);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('moves a Friday 24:00 due past the weekend by the paused working days, to 24:00 of a working day', () => {
    const acceptedAt = new Date('2026-11-28T10:00:00+08:00');
    // Two paused working days: Friday 4 December 24:00 → Tuesday 8 December 24:00.
    const due = promiseDue(calendar, acceptedAt, { workingDays: 2, workingMs: 0 });
    expect(due.dueAt.toISOString()).toBe('2026-12-08T16:00:00.000Z');
    expect(due.explanation.skipped.map((s) => s.date)).toEqual(['2026-11-29', '2026-12-05', '2026-12-06']);
  });

  it('keeps the working time of pauses resumed before the period rule (running cases)', () => {
    const acceptedAt = new Date('2026-11-28T10:00:00+08:00');
    // One paused working hour: Friday 24:00 → Monday 01:00.
    expect(promiseDue(calendar, acceptedAt, { workingDays: 0, workingMs: 3_600_000 }).dueAt.toISOString()).toBe('2026-12-06T17:00:00.000Z');
  });
});
