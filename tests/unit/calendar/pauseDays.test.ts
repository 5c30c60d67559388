// A pause for the firm counts as the Civil Code counts a period: the pause's own day is not
// counted, the day of resumption is, rest days are skipped; the due moves on by those working
// days and stays 24:00 (Asia/Shanghai) of a working day. 2026 runs on its State Council notice.
import fc from 'fast-check';
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { endPause, extendByPauses, pauseLimitAt, pausedWorkingDays } from '../../../domain/calendar/shiftWorkingTime';
import { shanghaiDate, shanghaiEndOfDay } from '../../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
const at = (local: string) => new Date(`${local}+08:00`);
const days = (since: string, until: string) => pausedWorkingDays(calendar, at(since), at(until));
const moved = (dueDate: string, workingDays: number) => shanghaiDate(new Date(extendByPauses(calendar, shanghaiEndOfDay(dueDate), { workingDays, workingMs: 0 }).getTime() - 1));

describe('pausedWorkingDays', () => {
  it('is 0 for a pause resumed the same day, even at its last minute, and the due does not move', () => {
    expect(days('2026-12-01T09:00:00', '2026-12-01T23:59:00')).toBe(0);
    const due = shanghaiEndOfDay('2026-12-04');
    expect(extendByPauses(calendar, due, { workingDays: 0, workingMs: 0 })).toEqual(due);
  });

  it('counts the resumption day, not the pause day: overnight is one working day', () => {
    expect(days('2026-12-01T17:00:00', '2026-12-02T09:00:00')).toBe(1);
  });

  it('skips a weekend: Friday afternoon to Monday morning is one working day (Monday)', () => {
    expect(days('2026-12-04T16:00:00', '2026-12-07T09:00:00')).toBe(1);
    // A due on Friday 24:00 moved by it: Monday 24:00.
    expect(moved('2026-12-04', 1)).toBe('2026-12-07');
  });

  it('skips a holiday: 30 September to 8 October 2026 is one working day (National Day 1–7 October)', () => {
    expect(days('2026-09-30T10:00:00', '2026-10-08T10:00:00')).toBe(1);
    expect(moved('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('counts a make-up Saturday (调休上班 2026-10-10) as a working day, both in the pause and in moving the due', () => {
    expect(days('2026-10-09T10:00:00', '2026-10-12T10:00:00')).toBe(2);
    expect(moved('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('a paused Saturday: resumed Monday counts Monday only', () => {
    expect(days('2026-12-05T10:00:00', '2026-12-07T10:00:00')).toBe(1);
  });

  it('always moves a 24:00 due to 24:00 of a working day, later by exactly the paused working days', () => {
    const start = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 15 }), (dayOffset, n) => {
        const dueDate = shanghaiDate(new Date(start + dayOffset * 86_400_000));
        fc.pre(calendar.isWorkingDay(dueDate));
        const due = extendByPauses(calendar, shanghaiEndOfDay(dueDate), { workingDays: n, workingMs: 0 });
        const last = shanghaiDate(new Date(due.getTime() - 1));
        expect(due).toEqual(shanghaiEndOfDay(last));
        expect(calendar.isWorkingDay(last)).toBe(true);
        expect(calendar.workingDaysBetween(dueDate, last)).toBe(n);
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe('endPause', () => {
  it('closes a pause at the instant given, in working days under the period rule, in working time before it', () => {
    const pause = { since: at('2026-12-04T16:00:00').toISOString() };
    expect(endPause(calendar, pause, at('2026-12-07T09:00:00'), true)).toEqual({ pausedWorkingDays: 1 });
    expect(pause).toMatchObject({ until: at('2026-12-07T09:00:00').toISOString(), pausedWorkingDays: 1 });
    // Friday 16:00 to 24:00 and Monday 00:00 to 09:00 of a working day counting 24 hours.
    expect(endPause(calendar, { since: pause.since }, at('2026-12-07T09:00:00'), false)).toEqual({ pausedWorkingMs: 17 * 3_600_000 });
  });
});

describe('pauseLimitAt', () => {
  it('is 24:00 of the tenth working day after the pause’s own day, skipping weekends', () => {
    // Paused Tuesday 1 December 2026 at 17:00: working days 2-4, 7-11, 14-15 December.
    expect(pauseLimitAt(calendar, at('2026-12-01T17:00:00'), 10)).toEqual(shanghaiEndOfDay('2026-12-15'));
  });

  it('skips a holiday block and counts a make-up Saturday: paused 30 September 2026, ten working days end on 20 October', () => {
    // 1-7 October rest; Saturday 10 October works; then 8, 9, 10, 12-16, 19, 20.
    expect(pauseLimitAt(calendar, at('2026-09-30T10:00:00'), 10)).toEqual(shanghaiEndOfDay('2026-10-20'));
  });
});
