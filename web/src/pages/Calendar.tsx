// Operators: the working calendar a month at a time (holidays, make-up working days, years
// still provisional), and loading a year's State Council notice from its text after previewing
// what changes.
import { useState } from 'react';
import { api, type CalendarDays } from '../api';
import { Loading, useLoad } from '../components';
import { addDays } from '../../../domain/calendar/timeZone';
import { shanghaiToday } from '../format';
import { useI18n } from '../i18n';
import { DayLegend, MonthGrid } from './MonthGrid';
import { LoadNoticeText } from './NoticeText';

function monthRange(month: string) {
  const from = `${month}-01`;
  const next = new Date(Date.parse(`${from}T00:00:00Z`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

function shiftMonth(month: string, by: number): string {
  const d = new Date(Date.parse(`${month}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

function Month({ month }: { month: string }) {
  const { t } = useI18n();
  const { from, to } = monthRange(month);
  const cal = useLoad(() => api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`), [from, to]);
  if (!cal.data) return <Loading {...cal} />;
  return (
    <div>
      {cal.data.provisional ? <p className="warning">{t('provisional')}</p> : null}
      <MonthGrid month={month} days={cal.data.days.map((d) => ({ ...d, makeup: d.source === 'MAKEUP_WORKDAY' }))} />
      <DayLegend>
        <span className="day provisional">{t('provisional')}</span>
      </DayLegend>
    </div>
  );
}

export function CalendarPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(shanghaiToday().slice(0, 7));
  return (
    <div>
      <section className="card">
        <div className="card-head">
          <h1>
            {t('calendarTitle')} {month}
          </h1>
          <div className="buttons">
            <button onClick={() => setMonth(shiftMonth(month, -1))}>{t('prevMonth')}</button>
            <button onClick={() => setMonth(shiftMonth(month, 1))}>{t('nextMonth')}</button>
          </div>
        </div>
        <Month month={month} />
      </section>
      <LoadNoticeText />
    </div>
  );
}
