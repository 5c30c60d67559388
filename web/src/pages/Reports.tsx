// The daily, weekly and monthly cadence reports (GET /api/v1/reports): the list by kind with a
// small chart of each period's activity and the list's CSV, one report's board (./ReportBoard.tsx),
// cases at risk with owners, batches, the survey funnel of the period by street, and its CSV.
import { useState } from 'react';
import type { z } from 'zod';
import type * as R from '../../../api/contract/reportResponses';
import { api, ApiError, downloadCsv, query } from '../api';
import { BarList } from '../charts';
import { Loading, useLoad } from '../components';
import { formatInstant, formatPercent } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { nameOf, SLA_STATES, STAGES, TASKS } from '../labels';
import { Link } from '../router';
import { BatchProgressTable, BoardTable } from './ReportBoard';
import { FunnelStages, FunnelTable } from './funnelParts';

type Summary = z.infer<typeof R.CadenceReportSummary>;
type Report = z.infer<typeof R.CadenceReport>;
/** The periods listed and charted: the API's default page, as before. */
const LIST_LIMIT = 20;
const KINDS: readonly [Summary['kind'], MessageKey][] = [
  ['DAILY', 'daily'],
  ['WEEKLY', 'weekly'],
  ['MONTHLY', 'monthly'],
];

function ReportView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const r = useLoad(() => api<Report>(`/reports/${encodeURIComponent(id)}`), [id]);
  if (!r.data) return <Loading {...r} />;
  const report = r.data;
  return (
    <section className="card" data-report={report.id}>
      <div className="card-head">
        <h2>{lang === 'en' ? report.title.en : report.title.zh}</h2>
        <button onClick={() => void downloadCsv(`/reports/${encodeURIComponent(id)}?${query({ format: 'csv' })}`, `${id}.csv`)}>{t('exportCsv')}</button>
      </div>
      <p>
        {report.period.from} – {report.period.to}
        {report.previousPeriod ? ` (${t('comparedWith')} ${report.previousPeriod.from} – ${report.previousPeriod.to})` : ''} · {t('promiseKeptDisbursed')}{' '}
        {formatPercent(report.board.overall.promiseKeptRate)} · {t('decidedInTimeRate')} {formatPercent(report.board.overall.decidedInTimeRate)} · {t('opened')} {report.activity.opened}
        {report.provisional ? ` · ${t('provisional')}` : ''}
      </p>
      <BoardTable title={t('byStreet')} groups={report.board.byStreet} overall={report.board.overall} compare={report.previousPeriod !== null} />
      <BoardTable title={t('byBank')} groups={report.board.byBank} overall={report.board.overall} compare={report.previousPeriod !== null} />
      <h3>{t('atRiskTitle')}</h3>
      {report.atRisk.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul>
        {report.atRisk.map((c) => (
          <li key={c.caseId} className={`sla-${c.slaState}`}>
            <Link to={`/cases/${c.caseId}`}>{c.caseId}</Link> {c.firmName} · {nameOf(STAGES, c.stage, lang)} · {nameOf(SLA_STATES, c.slaState, lang)} ·{' '}
            {c.owners.map((o) => `${nameOf(TASKS, o.subject, lang)}: ${o.assignee}`).join('；')}
          </li>
        ))}
      </ul>
      <h3>{t('batchesTitle')}</h3>
      <BatchProgressTable batches={report.batches} />
      <h3>{t('reportFunnelTitle')}</h3>
      {report.funnel ? (
        <div data-testid="report-funnel">
          <FunnelStages figures={report.funnel.overall} />
          <FunnelTable groups={report.funnel.byStreet} overall={report.funnel.overall} />
        </div>
      ) : (
        <p className="muted">{t('reportFunnelMissing')}</p>
      )}
    </section>
  );
}

const ACTIVITY: readonly [keyof Summary['activity'], MessageKey][] = [
  ['opened', 'opened'],
  ['decided', 'decided'],
  ['disbursed', 'disbursedCount'],
  ['breached', 'breachedCases'],
];

/** One period's activity as four bars, on the scale of every period listed so they compare. */
function PeriodChart({ report, max }: { report: Summary; max: number }) {
  const { t } = useI18n();
  return (
    <figure className="period-chart" data-period={report.id}>
      <figcaption className="visually-hidden">{t('periodChartTitle', { title: `${report.period.from} – ${report.period.to}` })}</figcaption>
      <BarList max={max} bars={ACTIVITY.map(([key, label], tone) => ({ key, label: t(label), value: report.activity[key], text: String(report.activity[key]), tone }))} />
    </figure>
  );
}

export function Reports() {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<Summary['kind']>('DAILY');
  const [open, setOpen] = useState<string>();
  const list = useLoad(() => api<{ items: Summary[] }>(`/reports?${query({ kind, limit: LIST_LIMIT })}`), [kind]);
  const max = Math.max(1, ...(list.data?.items ?? []).flatMap((r) => ACTIVITY.map(([key]) => r.activity[key])));
  const unavailable = list.error instanceof ApiError && list.error.status === 404;
  return (
    <div>
      <section className="card">
        <h1>{t('reportsTitle')}</h1>
        <div className="tabs">
          {KINDS.map(([k, label]) => (
            <button key={k} className={k === kind ? 'primary' : undefined} onClick={() => setKind(k)}>
              {t(label)}
            </button>
          ))}
        </div>
        {unavailable ? <p className="muted">{t('reportsUnavailable')}</p> : !list.data ? <Loading {...list} /> : null}
        {list.data?.items.length === 0 ? <p className="muted">{t('none')}</p> : null}
        {list.data?.items.length ? (
          <button onClick={() => void downloadCsv(`/reports?${query({ kind, limit: LIST_LIMIT, format: 'csv' })}`, `reports-${kind.toLowerCase()}.csv`)}>{t('exportPeriodsCsv')}</button>
        ) : null}
        <ul className="reports">
          {list.data?.items.map((r) => (
            <li key={r.id} data-listed={r.id}>
              <button className="link" onClick={() => setOpen(r.id)}>
                {lang === 'en' ? r.title.en : r.title.zh}
              </button>{' '}
              <span className="muted">
                {r.period.from} – {r.period.to} · {t('promiseKeptDisbursed')} {formatPercent(r.promiseKeptRate)} · {t('decidedInTimeRate')} {formatPercent(r.decidedInTimeRate)} ·{' '}
                {formatInstant(r.generatedAt, lang)}
              </span>
              <PeriodChart report={r} max={max} />
            </li>
          ))}
        </ul>
      </section>
      {open ? <ReportView id={open} /> : null}
    </div>
  );
}
