import fc from 'fast-check';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { promiseDue } from '../../domain/fastTrack/promiseDue';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);

describe('promiseDue', () => {
  it('without a pause is the five-working-day deadline, also for a case accepted on a Saturday', () => {
    // Accepted Saturday 2026-11-28: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 → 24:00 on Friday 4 December.
    const acceptedAt = new Date('2026-11-28T10:00:00+08:00');
    expect(promiseDue(calendar, acceptedAt, 0).dueAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('equals addWorkingDays when nothing was paused, and never ends on a rest day', () => {
    const from = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 * 24 * 60 }), (minutes) => {
        const acceptedAt = new Date(from + minutes * 60_000);
        const due = promiseDue(calendar, acceptedAt, 0).dueAt;
        expect(due.getTime()).toBe(calendar.addWorkingDays(acceptedAt, 5).dueAt.getTime());
        // The due instant is 24:00 of a working day: the day before it is a working day.
        expect(calendar.isWorkingDay(shanghaiDate(new Date(due.getTime() - 1)))).toBe(true);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('moves a Friday 24:00 due past the weekend by the paused working time', () => {
    const acceptedAt = new Date('2026-11-28T10:00:00+08:00');
    // One paused working hour: Friday 24:00 → Monday 01:00.
    expect(promiseDue(calendar, acceptedAt, 3_600_000).dueAt.toISOString()).toBe('2026-12-06T17:00:00.000Z');
  });
});
