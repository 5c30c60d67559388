// Operators load a year's holidays from the State Council notice as published: paste it, read
// what the parser made of it on the calendar beside the dates and running cases that would move
// (sentences it could not read in red, with why), then confirm. The load is the same PUT the API
// takes JSON at, given the text itself, so it refuses what the preview could not read.
import { useState } from 'react';
import { api, ApiError, type CalendarNoticeTextPreview, type CalendarYearLoad } from '../api';
import { apiMessage } from '../apiMessages';
import { Field, fieldMessage, ProblemMessage, useSubmission } from '../components';
import { readNoticeTitle } from '../../../domain/calendar/noticeTitle';
import { addDays, weekday } from '../../../domain/calendar/timeZone';
import { shanghaiToday } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { DayLegend, MonthGrid, type GridDay } from './MonthGrid';

export function LoadNoticeText() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(String(Number(shanghaiToday().slice(0, 4)) + 1));
  const [text, setText] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const { error, busy, submit } = useSubmission();
  const [preview, setPreview] = useState<CalendarNoticeTextPreview>();
  const [loaded, setLoaded] = useState<CalendarYearLoad>();

  // A load must follow a preview of exactly what is loaded.
  const edit = (set: (v: string) => void, v: string) => {
    set(v);
    setPreview(undefined);
    setLoaded(undefined);
  };
  const paste = (v: string) => {
    edit(setText, v);
    const named = readNoticeTitle(v).year;
    if (named) setYear(String(named));
  };
  const body = () => ({ text, ...(documentNo.trim() ? { documentNo: documentNo.trim() } : {}) });
  const read = () => submit(async () => setPreview(await api<CalendarNoticeTextPreview>(`/calendar/years/${encodeURIComponent(year)}/notice-text`, { method: 'POST', body: body() })));
  const confirm = () => submit(async () => setLoaded(await api<CalendarYearLoad>(`/calendar/years/${encodeURIComponent(year)}`, { method: 'PUT', body: body() })));

  const fieldErrors = error instanceof ApiError ? Object.entries(error.fieldErrors()).filter(([f]) => f !== 'year' && f !== 'documentNo') : [];
  return (
    <section className="card notice-loader">
      <h2>{t('noticeFromText')}</h2>
      <Field label={t('noticeText')} htmlFor="notice-text">
        <textarea id="notice-text" rows={12} value={text} onChange={(e) => paste(e.target.value)} spellCheck={false} placeholder="国务院办公厅关于2027年部分节假日安排的通知 …" />
      </Field>
      <div className="form-row">
        <Field label={t('year')} htmlFor="notice-year" error={fieldMessage(error, 'year', t, lang)}>
          <input id="notice-year" value={year} onChange={(e) => edit(setYear, e.target.value)} inputMode="numeric" />
        </Field>
        <Field label={t('noticeDocNo')} htmlFor="notice-docno" error={fieldMessage(error, 'documentNo', t, lang)}>
          <input id="notice-docno" value={documentNo} onChange={(e) => edit(setDocumentNo, e.target.value)} placeholder="国办发明电〔2025〕7号" />
        </Field>
      </div>
      {fieldErrors.length ? (
        <ul className="field-errors" role="alert">
          {fieldErrors.map(([f, m]) => (
            <li key={f}>{apiMessage(m, lang)}</li>
          ))}
        </ul>
      ) : null}
      <ProblemMessage error={error} />
      <div className="buttons">
        <button id="notice-read" disabled={busy || !text.trim()} onClick={() => void read()}>
          {t('readNotice')}
        </button>
        <button id="notice-confirm" className="primary" disabled={busy || !preview?.loadable || !!loaded} onClick={() => void confirm()}>
          {t('load')}
        </button>
      </div>
      {loaded ? (
        <p className="ok" role="status">
          {t('loaded', { n: loaded.checked, m: loaded.cases.length })}
        </p>
      ) : null}
      {preview ? <NoticePreview preview={preview} /> : null}
    </section>
  );
}

function NoticePreview({ preview }: { preview: CalendarNoticeTextPreview }) {
  const { t, lang } = useI18n();
  const { notice } = preview;
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return (
    <div className="notice-preview">
      <dl className="notice-meta">
        <dt>{t('noticeTitleLabel')}</dt>
        <dd>{notice.title ?? '—'}</dd>
        <dt>{t('noticeDocNoLabel')}</dt>
        <dd>{notice.documentNo ?? '—'}</dd>
        <dt>{t('noticePublished')}</dt>
        <dd>{notice.publishedOn ?? '—'}</dd>
      </dl>
      {preview.unread.length ? (
        <div className="unread-sentences" role="alert">
          <h3>{t('unreadSentences', { n: preview.unread.length })}</h3>
          <ul>
            {preview.unread.map((u) => (
              <li key={u.text} className="unread-sentence">
                <q>{u.text}</q>
                <span className="why">{lang === 'en' ? u.reasonEn : u.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.problems.length ? (
        <ul className="field-errors" role="alert">
          {preview.problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="notice-columns">
        <div>
          <h3>{t('noticeBlocks')}</h3>
          <table className="responsive notice-blocks">
            <thead>
              <tr>
                <th>{t('blockName')}</th>
                <th>{t('blockFrom')}</th>
                <th>{t('blockTo')}</th>
                <th>{t('blockDays')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.holidays.map((h) => (
                <tr key={h.from} data-block={h.from}>
                  <td data-label={t('blockName')}>{lang === 'en' ? h.nameEn : h.name}</td>
                  <td data-label={t('blockFrom')}>{h.from}</td>
                  <td data-label={t('blockTo')}>{h.to}</td>
                  <td data-label={t('blockDays')}>{days(h.from, h.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="makeup-days">{t('makeupDays', { days: preview.makeupWorkdays.join('、') || t('none') })}</p>
          <DayLegend>
            <span className="day changed">{t('legendChanged')}</span>
          </DayLegend>
          {noticeMonths(preview).map(({ month, days: grid }) => (
            <div key={month} className="notice-month">
              <h4>{month}</h4>
              <MonthGrid month={month} days={grid} />
            </div>
          ))}
        </div>
        <aside className="notice-moves">
          <h3>
            {t('changes')} ({preview.changes.length})
          </h3>
          <ul className="changed-dates">
            {preview.changes.map((c) => (
              <li key={c.date}>
                {c.date}: {t(`dayKind:${c.before}`)} → {t(`dayKind:${c.after}`)}
                {c.afterHoliday ? `（${c.afterHoliday}）` : ''}
              </li>
            ))}
          </ul>
          <h3>{t('movedCases')}</h3>
          <ul className="moved-cases">
            {preview.cases.length ? (
              preview.cases.map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.id}`}>{c.id}</Link>: {c.dueBefore ?? '—'} → {c.dueAfter ?? '—'}
                </li>
              ))
            ) : (
              <li>{t('none')}</li>
            )}
          </ul>
          <h3>
            {t('runningRecomputed')} ({preview.running.length})
          </h3>
          <ul className="running-workflows">
            {preview.running.map((w) => (
              <li key={w.id} data-running={w.id}>
                {w.kind === 'CASE' ? <Link to={`/cases/${w.id}`}>{w.id}</Link> : w.id} {t(w.kind === 'CASE' ? 'runningCase' : w.kind === 'LEAD' ? 'runningLead' : 'runningConsultation')}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}

/** The months the notice touches, coloured by what it says, with the days a load would change marked. */
function noticeMonths(preview: CalendarNoticeTextPreview): { month: string; days: GridDay[] }[] {
  const changed = new Set(preview.changes.map((c) => c.date));
  const makeup = new Set(preview.makeupWorkdays);
  const months = [...new Set([...preview.holidays.flatMap((h) => [h.from.slice(0, 7), h.to.slice(0, 7)]), ...preview.makeupWorkdays.map((d) => d.slice(0, 7))])].sort();
  return months.map((month) => {
    const days: GridDay[] = [];
    for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) {
      const block = preview.holidays.find((h) => h.from <= date && date <= h.to);
      const wd = weekday(date);
      const kind = block ? 'HOLIDAY' : makeup.has(date) || (wd !== 0 && wd !== 6) ? 'WORKING' : 'REST';
      days.push({ date, kind, makeup: makeup.has(date), changed: changed.has(date), ...(block ? { holiday: block.name, holidayEn: block.nameEn } : {}) });
    }
    return { month, days };
  });
}
