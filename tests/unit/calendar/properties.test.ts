import fc from 'fast-check';
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';
import { WorkingCalendar } from '../../../domain/calendar/workingCalendar';
import { shanghaiDate } from '../../../domain/calendar/timeZone';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
// Fixed seed: the suite must give identical results under any TZ, run after run.
const params = { seed: 20250127, numRuns: 300 };

// Acceptance instants from 2023-12 to 2027-12 cover notice years and the provisional 2027.
const acceptedAt = fc
  .integer({ min: Date.UTC(2023, 11, 1), max: Date.UTC(2027, 11, 1) })
  .map((ms) => new Date(ms));
const n = fc.integer({ min: 1, max: 40 });

describe('addWorkingDays properties', () => {
  it('due(n+1) is strictly after due(n) (monotonic in n)', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const a = calendar.addWorkingDays(t, k);
        const b = calendar.addWorkingDays(t, k + 1);
        return b.dueAt.getTime() > a.dueAt.getTime() && b.dueDate > a.dueDate;
      }),
      params,
    );
  });

  it('the due date is always a working day, never a rest day or holiday', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => calendar.dayInfo(calendar.addWorkingDays(t, k).dueDate).kind === 'WORKING'),
      params,
    );
  });

  it('the acceptance day is never counted or skipped', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const { explanation } = calendar.addWorkingDays(t, k);
        const start = shanghaiDate(t);
        return (
          explanation.counted.length === k &&
          explanation.counted.every((d) => d > start) &&
          explanation.skipped.every((s) => s.date > start)
        );
      }),
      params,
    );
  });

  it('round-trips with workingDaysBetween(acceptedDate, dueDate) === n', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const r = calendar.addWorkingDays(t, k);
        return calendar.workingDaysBetween(shanghaiDate(t), r.dueDate) === k;
      }),
      params,
    );
  });

  it('due instant is 24:00 Shanghai of the due date, or close of business that day', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const end = calendar.addWorkingDays(t, k);
        const cob = calendar.addWorkingDays(t, k, { closeOfBusiness: '17:00' });
        return (
          shanghaiDate(new Date(end.dueAt.getTime() - 1)) === end.dueDate &&
          shanghaiDate(end.dueAt) !== end.dueDate &&
          cob.dueDate === end.dueDate &&
          end.dueAt.getTime() - cob.dueAt.getTime() === 7 * 60 * 60 * 1000
        );
      }),
      params,
    );
  });

  it('provisional exactly when an examined day lies in a year without a notice', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const r = calendar.addWorkingDays(t, k);
        const examined = [...r.explanation.counted, ...r.explanation.skipped.map((s) => s.date)];
        return r.provisional === examined.some((d) => calendar.noticeFor(Number(d.slice(0, 4))) === undefined);
      }),
      params,
    );
  });

  it('every counted day is working and every skipped day is not', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const { explanation } = calendar.addWorkingDays(t, k);
        return (
          explanation.counted.every((d) => calendar.isWorkingDay(d)) &&
          explanation.skipped.every((s) => !calendar.isWorkingDay(s.date))
        );
      }),
      params,
    );
  });
});

describe('workingTimeRemaining properties', () => {
  it('is antisymmetric, bounded by wall-clock time and additive over a split point', () => {
    const instant = fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2027, 2, 1) });
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((ms) => new Date(ms)) as [Date, Date, Date];
        const ab = calendar.workingTimeRemaining(a, b);
        const bc = calendar.workingTimeRemaining(b, c);
        const ac = calendar.workingTimeRemaining(a, c);
        const ba = calendar.workingTimeRemaining(b, a);
        return ab >= 0 && ab <= b.getTime() - a.getTime() && ab + bc === ac && (ab === 0 ? ba === 0 : ba === -ab);
      }),
      { ...params, numRuns: 100 },
    );
  });

  it('at acceptance, the remaining working time to the due instant covers exactly the n counted days', () => {
    fc.assert(
      fc.property(acceptedAt, n, (t, k) => {
        const r = calendar.addWorkingDays(t, k);
        return calendar.workingTimeRemaining(t, r.dueAt) === k * 24 * 60 * 60 * 1000 + (calendar.isWorkingDay(shanghaiDate(t)) ? shanghaiDayRemainder(t) : 0);
      }),
      params,
    );
  });
});

// Milliseconds left in the Shanghai day containing `t`.
function shanghaiDayRemainder(t: Date): number {
  const day = 24 * 60 * 60 * 1000;
  const shifted = t.getTime() + 8 * 60 * 60 * 1000;
  return day - (((shifted % day) + day) % day);
}
