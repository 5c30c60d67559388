// Acceptance instants a test chooses, so that no answer depends on the hour the test runs.
import { OFFICIAL_NOTICES, WorkingCalendar, addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar';

/**
 * 09:00 (Asia/Shanghai) of the first working day whose 09:00 is not yet past. A case accepted
 * then has at least three hours before its first warning (same-day due diligence warns at 12:00),
 * whenever the test runs, so a test that opens a case and reads it sees it ON_TRACK.
 */
export function officeMorningAhead(now = new Date()): Date {
  const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
  for (let day = shanghaiDate(now); ; day = addDays(day, 1)) {
    const morning = shanghaiDateTime(day, '09:00');
    if (morning >= now && calendar.isWorkingDay(day)) return morning;
  }
}
