import type { CalendarDays } from '../api';
import { useI18n } from '../i18n';
import { workingMsBetween } from '../workingTime';

/**
 * Time left until `due`, or how late: working hours on the working-day calendar (fast-track's
 * clocks), or plain hours for promises counted in calendar hours (sci-tech's 48 hours).
 */
export function TimeLeft({ days, due, calendarHours = false }: { days: CalendarDays['days']; due: string; calendarHours?: boolean }) {
  const { t } = useI18n();
  const now = new Date();
  const ms = calendarHours ? Date.parse(due) - now.getTime() : workingMsBetween(days, now, new Date(due));
  const n = (Math.abs(ms) / 3_600_000).toFixed(1);
  const text = calendarHours ? t(ms < 0 ? 'overdueByHours' : 'hours', { n }) : t(ms < 0 ? 'overdueBy' : 'workingHours', { n });
  return <span className={ms < 0 ? 'time-left late' : 'time-left'}>{text}</span>;
}
