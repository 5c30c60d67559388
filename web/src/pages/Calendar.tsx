// Operators: the working calendar a month at a time (holidays, make-up working days, years
// still provisional), and loading a year's State Council notice after previewing what changes.
import { useState } from 'react';
import { api, ApiError, type CalendarDays, type CalendarYearLoad, type CalendarYearPreview } from '../api';
import { Field, fieldMessage, Loading, ProblemMessage, useLoad } from '../components';
import { apiMessage } from '../apiMessages';
import { addDays } from '../../../domain/calendar/timeZone';
import { shanghaiToday } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';

const WEEKDAYS = { 'zh-CN': ['一', '二', '三', '四', '五', '六', '日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

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
  const { t, lang } = useI18n();
  const { from, to } = monthRange(month);
  const cal = useLoad(() => api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`), [from, to]);
  if (!cal.data) return <Loading {...cal} />;
  const lead = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  return (
    <div>
      {cal.data.provisional ? <p className="warning">{t('provisional')}</p> : null}
      <div className="month" data-month={month}>
        {WEEKDAYS[lang].map((w) => (
          <div key={w} className="weekday">
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {cal.data.days.map((d) => (
          <div key={d.date} data-date={d.date} className={`day ${d.kind.toLowerCase()} ${d.source === 'MAKEUP_WORKDAY' ? 'makeup' : ''} ${d.provisional ? 'provisional' : ''}`}>
            <span className="day-no">{Number(d.date.slice(8))}</span>
            {d.holiday ? <span className="day-name">{lang === 'en' ? d.holidayEn ?? d.holiday : d.holiday}</span> : null}
            {d.source === 'MAKEUP_WORKDAY' ? <span className="day-name">{t('legendMakeup')}</span> : null}
          </div>
        ))}
      </div>
      <p className="legend">
        <span className="day holiday">{t('legendHoliday')}</span> <span className="day working makeup">{t('legendMakeup')}</span> <span className="day rest">{t('legendRest')}</span>{' '}
        <span className="day provisional">{t('provisional')}</span>
      </p>
    </div>
  );
}

function LoadNotice() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(String(Number(shanghaiToday().slice(0, 4)) + 1));
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [jsonError, setJsonError] = useState(false);
  const [preview, setPreview] = useState<CalendarYearPreview>();
  const [loaded, setLoaded] = useState<CalendarYearLoad>();
  const [busy, setBusy] = useState(false);

  // A load must follow a preview of exactly what is loaded.
  const edit = (set: (v: string) => void, v: string) => {
    set(v);
    setPreview(undefined);
  };
  const send = async (asPreview: boolean) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
      setJsonError(false);
    } catch {
      setJsonError(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<CalendarYearPreview | CalendarYearLoad>(`/calendar/years/${encodeURIComponent(year)}${asPreview ? '?preview=true' : ''}`, { method: 'PUT', body });
      if ('preview' in r) {
        setPreview(r);
        setLoaded(undefined);
      } else setLoaded(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  // Field paths such as holidays[2].to, from the API, listed under the notice.
  const fieldErrors = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
  const result = loaded ?? preview;
  return (
    <section className="card">
      <h2>{t('loadNotice')}</h2>
      <Field label={t('year')} htmlFor="notice-year" error={fieldMessage(error, 'year', t, lang)}>
        <input id="notice-year" value={year} onChange={(e) => edit(setYear, e.target.value)} inputMode="numeric" />
      </Field>
      <Field label={t('noticeJson')} htmlFor="notice-json" error={jsonError ? t('badJson') : undefined}>
        <textarea id="notice-json" className="code" rows={10} value={text} onChange={(e) => edit(setText, e.target.value)} spellCheck={false} />
      </Field>
      {fieldErrors.length ? (
        <ul className="field-errors" role="alert">
          {fieldErrors.map(([f, m]) => (
            <li key={f}>
              <code>{f}</code> {t('fieldInvalid')}: {apiMessage(m, lang)}
            </li>
          ))}
        </ul>
      ) : null}
      <ProblemMessage error={error} />
      <div className="buttons">
        <button disabled={busy} onClick={() => void send(true)}>
          {t('preview')}
        </button>
        <button className="primary" disabled={busy || !preview} onClick={() => void send(false)}>
          {t('load')}
        </button>
      </div>
      {loaded ? <p className="ok">{t('loaded', { n: loaded.checked, m: loaded.cases.length })}</p> : null}
      {result ? (
        <div className="diff">
          <h3>{t('changes')}</h3>
          <ul>
            {result.changes.map((c) => (
              <li key={c.date}>
                {c.date}: {c.before}
                {c.beforeHoliday ? ` (${c.beforeHoliday})` : ''} → {c.after}
                {c.afterHoliday ? ` (${c.afterHoliday})` : ''}
              </li>
            ))}
          </ul>
          <h3>{t('movedCases')}</h3>
          <ul>
            {result.cases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{c.id}</Link>: {c.dueBefore ?? '—'} → {c.dueAfter ?? '—'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
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
      <LoadNotice />
    </div>
  );
}
