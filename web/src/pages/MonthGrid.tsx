// A month laid out Monday first, each day coloured by kind: the calendar as stored, or a notice's
// arrangement before it is loaded (with the days it would change marked).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

const WEEKDAYS = { 'zh-CN': ['一', '二', '三', '四', '五', '六', '日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

export interface GridDay {
  date: string;
  kind: 'WORKING' | 'REST' | 'HOLIDAY';
  makeup: boolean;
  provisional?: boolean;
  /** Loading the notice would change this day's kind. */
  changed?: boolean;
  holiday?: string;
  holidayEn?: string;
}

export function MonthGrid({ month, days }: { month: string; days: GridDay[] }) {
  const { t, lang } = useI18n();
  const lead = (new Date(`${month}-01T00:00:00Z`).getUTCDay() + 6) % 7;
  return (
    <div className="month" data-month={month}>
      {WEEKDAYS[lang].map((w) => (
        <div key={w} className="weekday">
          {w}
        </div>
      ))}
      {Array.from({ length: lead }, (_, i) => (
        <div key={`lead-${i}`} />
      ))}
      {days.map((d) => (
        <div key={d.date} data-date={d.date} className={['day', d.kind.toLowerCase(), d.makeup ? 'makeup' : '', d.provisional ? 'provisional' : '', d.changed ? 'changed' : ''].join(' ')}>
          <span className="day-no">{Number(d.date.slice(8))}</span>
          {d.holiday ? <span className="day-name">{lang === 'en' ? d.holidayEn ?? d.holiday : d.holiday}</span> : null}
          {d.makeup ? <span className="day-name">{t('legendMakeup')}</span> : null}
        </div>
      ))}
    </div>
  );
}

/** What the colours mean, with whatever else a grid marks. */
export function DayLegend({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <p className="legend">
      <span className="day holiday">{t('legendHoliday')}</span> <span className="day working makeup">{t('legendMakeup')}</span> <span className="day rest">{t('legendRest')}</span> {children}
    </p>
  );
}
