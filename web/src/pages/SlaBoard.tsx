// Managers and the task force: breaches with their owners, cases at risk, and per street and
// per bank the promise kept (money in time, as the cadence reports rank it), decisions in time,
// median working days per stage as bars, and the on-time trend per week or month, over a chosen
// range, with the API's CSV exports. Every figure is the API's (/sla/summary, /sla/breaches,
// /sla/trend).
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, downloadCsv, query, type CaseListPage, type SlaBreachList, type SlaSummary, type SlaTrend } from '../api';
import { Loading, PausedNote, PromiseCells, PromiseHeaders, RangeCard, SlaBadge, useLoad } from '../components';
import { addDays } from '../../../domain/calendar/timeZone';
import { formatInstant, formatPercent, shanghaiToday } from '../format';
import { useI18n } from '../i18n';
import { nameOf, STAGES, TASKS } from '../labels';
import { Link } from '../router';
import { CaseTable } from './CaseTable';
import { StageMedians, TrendSection } from './SlaCharts';

type Bucket = SlaTrend['bucket'];
type Range = { from: string; to: string; bucket: Bucket };

async function loadBoard({ from, to, bucket }: Range) {
  const [street, bank, streetTrend, bankTrend, breaches, atRisk, paused, cases] = await Promise.all([
    api<SlaSummary>(`/sla/summary?${query({ from, to, groupBy: 'street' })}`),
    api<SlaSummary>(`/sla/summary?${query({ from, to, groupBy: 'bank' })}`),
    api<SlaTrend>(`/sla/trend?${query({ from, to, groupBy: 'street', bucket })}`),
    api<SlaTrend>(`/sla/trend?${query({ from, to, groupBy: 'bank', bucket })}`),
    api<SlaBreachList>(`/sla/breaches?${query({ from, to })}`),
    api<CaseListPage>(`/cases?${query({ slaState: 'AT_RISK', limit: 100 })}`),
    api<CaseListPage>(`/cases?${query({ slaState: 'PAUSED', limit: 100 })}`),
    api<CaseListPage>(`/cases?${query({ acceptedFrom: from, acceptedTo: to, limit: 100 })}`),
  ]);
  return { street, bank, streetTrend, bankTrend, breaches, atRisk, paused, cases };
}

/** A short list of cases, each a link with its firm and what `about` says of it. */
function CaseLinks({ testId, title, cases, about }: { testId: string; title: string; cases: CaseListPage; about: (c: CaseListPage['items'][number]) => ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {cases.items.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul>
        {cases.items.map((c) => (
          <li key={c.id}>
            <Link to={`/cases/${c.id}`}>{c.id}</Link> {c.firmName} · {about(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SummaryChart({ summary, title }: { summary: SlaSummary; title: string }) {
  const { t, lang } = useI18n();
  const groups = [...summary.groups, { ...summary.overall, code: 'ALL', nameZh: '合计', nameEn: 'Total' }];
  const csv = () => downloadCsv(`/sla/summary?${query({ from: summary.from, to: summary.to, groupBy: summary.groupBy })}`, `sla-summary-${summary.groupBy}.csv`);
  return (
    <section className="card" data-summary={summary.groupBy}>
      <div className="card-head">
        <h2>{title}</h2>
        <button onClick={() => void csv()}>{t('exportCsv')}</button>
      </div>
      <div className="chart" role="img" aria-label={`${title}: ${t('promiseKeptDisbursed')}`}>
        {groups.map((g) => (
          <div key={g.code} className="bar-row">
            <span className="bar-label">{lang === 'en' ? g.nameEn : g.nameZh}</span>
            <span className="bar-track">
              <span className="bar promise-kept" style={{ width: `${(g.promiseKeptRate ?? 0) * 100}%` }} />
            </span>
            <span className="bar-value">{formatPercent(g.promiseKeptRate)}</span>
          </div>
        ))}
      </div>
      <StageMedians groups={groups} />
      <table className="responsive">
        <thead>
          <tr>
            <th />
            <th>{t('opened')}</th>
            <PromiseHeaders />
            <th>{t('closed')}</th>
            <th>{t('breachedCases')}</th>
            <th>{t('onTimeRate')}</th>
            <th>{t('pausedWorkingDays')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.code} data-group={g.code}>
              <th>{lang === 'en' ? g.nameEn : g.nameZh}</th>
              <td data-label={t('opened')}>{g.opened}</td>
              <PromiseCells f={g} />
              <td data-label={t('closed')}>{g.closed}</td>
              <td data-label={t('breachedCases')}>{g.breachedCases}</td>
              <td data-label={t('onTimeRate')}>{formatPercent(g.onTimeRate)}</td>
              <td data-label={t('pausedWorkingDays')}>{g.pausedWorkingDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** From the address (?from=&to=&bucket=), else the last 30 days by week. */
function initialRange(): Range {
  const params = new URLSearchParams(location.search);
  const today = shanghaiToday();
  const from = params.get('from');
  const to = params.get('to');
  const bucket: Bucket = params.get('bucket') === 'month' ? 'month' : 'week';
  return from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? { from, to, bucket } : { from: addDays(today, -29), to: today, bucket };
}

export function SlaBoard() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Range>(initialRange);
  const [range, setRange] = useState<Range>(draft);
  const board = useLoad(() => loadBoard(range), [range.from, range.to, range.bucket]);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setRange({ ...draft });
    // The range is in the address: a reload or a shared link shows the same board.
    history.replaceState(null, '', `?${query(draft)}`);
  };
  const b = board.data;
  return (
    <div className="board">
      <RangeCard title={t('slaTitle')} draft={draft} setDraft={setDraft} onSubmit={show} error={board.error}>
        <label>
          {t('trendBucket')}{' '}
          <select id="range-bucket" value={draft.bucket} onChange={(e) => setDraft({ ...draft, bucket: e.target.value === 'month' ? 'month' : 'week' })}>
            <option value="week">{t('byWeek')}</option>
            <option value="month">{t('byMonth')}</option>
          </select>
        </label>
      </RangeCard>
      {!b ? (
        <Loading loading={board.loading} />
      ) : (
        <>
          <section className="card" data-testid="breaches">
            <h2>{t('breachesTitle')}</h2>
            {b.breaches.items.length === 0 ? <p className="muted">{t('none')}</p> : null}
            <table className="responsive">
              <thead>
                <tr>
                  <th>{t('caseNo')}</th>
                  <th>{t('firm')}</th>
                  <th>{t('subject')}</th>
                  <th>{t('owner')}</th>
                  <th>{t('stage')}</th>
                  <th>{t('breachedAt')}</th>
                  <th>{t('late')}</th>
                </tr>
              </thead>
              <tbody>
                {b.breaches.items.map((x) => (
                  <tr key={`${x.caseId}-${x.subject}-${x.breachedAt}`} data-case={x.caseId} className="sla-BREACHED">
                    <td data-label={t('caseNo')}>
                      <Link to={`/cases/${x.caseId}`}>{x.caseId}</Link> <SlaBadge state="BREACHED" />
                    </td>
                    <td data-label={t('firm')}>{x.firmName}</td>
                    <td data-label={t('subject')}>{nameOf(TASKS, x.subject, lang)}</td>
                    <td data-label={t('owner')} data-testid="owner">{x.assignee}</td>
                    <td data-label={t('stage')}>{nameOf(STAGES, x.stage, lang)}</td>
                    <td data-label={t('breachedAt')}>{formatInstant(x.breachedAt, lang)}</td>
                    <td data-label={t('late')}>
                      {x.lateWorkingHours.toFixed(1)} {x.resolved ? `· ${t('resolved')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CaseLinks testId="at-risk" title={t('atRiskTitle')} cases={b.atRisk} about={(c) => `${nameOf(STAGES, c.stage, lang)} · ${formatInstant(c.dueAt, lang)}`} />
          <CaseLinks testId="paused-cases" title={t('pausedTitle')} cases={b.paused} about={(c) => <PausedNote paused={c.paused} />} />
          <SummaryChart summary={b.street} title={t('byStreet')} />
          <SummaryChart summary={b.bank} title={t('byBank')} />
          <TrendSection trend={b.streetTrend} title={t('trendByStreet')} />
          <TrendSection trend={b.bankTrend} title={t('trendByBank')} />
          <section className="card" data-testid="cases-in-range">
            <h2>{t('casesInRange')}</h2>
            <CaseTable items={b.cases.items} extra={[{ label: 'acceptedAt', cell: (c) => formatInstant(c.acceptedAt, lang) }]} />
          </section>
        </>
      )}
    </div>
  );
}
