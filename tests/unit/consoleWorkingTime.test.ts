// The console counts time left on the calendar the API sends (GET /calendar/days): it must
// agree with the workflows' own calendar, holidays and make-up working days included.
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { addDays, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { rangeFor, workingMsBetween } from '../../web/src/workingTime';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
const HOUR = 3_600_000;

/** What GET /calendar/days answers for a range. */
function apiDays(from: string, to: string) {
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(calendar.dayInfo(d));
  return days;
}

describe("the console's working time left", () => {
  const days = apiDays('2026-09-25', '2026-10-16');

  it.each([
    ['over National Day and its make-up Saturday', '2026-09-30', '10:00', '2026-10-12', '00:00'],
    ['within one working day', '2026-10-09', '08:00', '2026-10-09', '20:00'],
    ['across a plain weekend', '2026-10-16', '12:00', '2026-10-13', '06:00'],
  ])('matches the workflow calendar %s', (_name, d1, t1, d2, t2) => {
    const a = shanghaiDateTime(d1, t1);
    const b = shanghaiDateTime(d2, t2);
    expect(workingMsBetween(days, a, b)).toBe(calendar.workingTimeRemaining(a, b));
  });

  it('counts the make-up Saturday (10 October 2026) and not the holiday week', () => {
    // 1-7 October rest; the 8th, 9th and the make-up 10th are working days.
    expect(workingMsBetween(days, shanghaiDateTime('2026-10-01'), shanghaiDateTime('2026-10-11'))).toBe(3 * 24 * HOUR);
  });

  it('asks for the calendar from today to the latest due, at most 366 days', () => {
    const now = shanghaiDateTime('2026-11-28', '10:00');
    expect(rangeFor([shanghaiDateTime('2026-12-05').toISOString(), null], now)).toEqual({ from: '2026-11-28', to: '2026-12-05' });
    expect(rangeFor([shanghaiDateTime('2029-01-01').toISOString()], now)).toEqual({ from: '2026-11-28', to: '2027-11-28' });
  });
});
