// The SLA board's charts: median working days per stage as bars (within each summary card) and the
// on-time trend per week or month as small multiples, both from the API's figures.
import { STAGE_METRICS } from '../../../domain/reports/slaSummary';
import { downloadCsv, query, type SlaSummary, type SlaTrend } from '../api';
import { BarList, Legend, RateLines } from '../charts';
import { formatPercent, formatWorkingDays } from '../format';
import { useI18n } from '../i18n';
import { METRICS, nameOf } from '../labels';

type Group = SlaSummary['groups'][number];

/**
 * Median working days per stage as bars, one block per street or bank, the value written beside
 * each bar; a stage no case finished says so, and a range where none finished any says why it is empty.
 */
export function StageMedians({ groups }: { groups: readonly Group[] }) {
  const { t, lang } = useI18n();
  const values = groups.flatMap((g) => STAGE_METRICS.map((m) => g.medianWorkingDays[m]));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return (
    <div className="stage-medians">
      <h3>{t('medianDays')}</h3>
      {values.every((v) => v === null) ? (
        <p className="empty-chart" data-testid="medians-empty">
          {t('noStageFinished')}
        </p>
      ) : (
        <>
          <Legend items={STAGE_METRICS.map((m, tone) => ({ label: nameOf(METRICS, m, lang), tone }))} />
          <div className="median-groups">
            {groups.map((g) => (
              <div key={g.code} className="median-group" data-group={g.code}>
                <h4>{lang === 'en' ? g.nameEn : g.nameZh}</h4>
                {STAGE_METRICS.every((m) => g.medianWorkingDays[m] === null) ? (
                  <p className="muted">{t('noStageFinishedHere')}</p>
                ) : (
                  <BarList
                    max={max}
                    bars={STAGE_METRICS.map((m, tone) => {
                      const v = g.medianWorkingDays[m];
                      return { key: m, label: nameOf(METRICS, m, lang), value: v, text: v === null ? t('stageNotFinished') : formatWorkingDays(v, lang), tone };
                    })}
                  />
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** A bucket's name under its chart: the week's first day (MM-DD) or the month (YYYY-MM). */
const bucketLabel = (trend: SlaTrend, b: SlaTrend['buckets'][number]) => (trend.bucket === 'month' ? b.from.slice(0, 7) : b.from.slice(5));

/** The on-time trend as small multiples, each street or bank, then the whole scope (as the summary lists them). */
export function TrendSection({ trend, title }: { trend: SlaTrend; title: string }) {
  const { t, lang } = useI18n();
  const csv = () =>
    downloadCsv(`/sla/trend?${query({ from: trend.from, to: trend.to, groupBy: trend.groupBy, bucket: trend.bucket, format: 'csv' })}`, `sla-trend-${trend.groupBy}-${trend.bucket}.csv`);
  const series = [...trend.groups, { code: 'ALL', nameZh: t('total'), nameEn: t('total'), points: trend.overall }];
  const sum = (points: SlaTrend['overall'], key: 'decided' | 'decidedInTime' | 'disbursed' | 'disbursedInTime') => points.reduce((n, p) => n + p[key], 0);
  return (
    <section className="card" data-trend={trend.groupBy}>
      <div className="card-head">
        <h2>{title}</h2>
        <button onClick={() => void csv()}>{t('exportCsv')}</button>
      </div>
      {trend.groups.length === 0 ? (
        <p className="empty-chart">{t('trendEmpty')}</p>
      ) : (
        <>
          <Legend
            items={[
              { label: t('promiseKeptDisbursed'), tone: 0 },
              { label: t('decidedInTimeRate'), tone: 1 },
            ]}
          />
          <div className="small-multiples">
            {series.map((g) => (
              <div key={g.code} data-group={g.code}>
                <RateLines
                  title={lang === 'en' ? g.nameEn : g.nameZh}
                  caption={t('trendCaption', {
                    paidInTime: sum(g.points, 'disbursedInTime'),
                    paid: sum(g.points, 'disbursed'),
                    decidedInTime: sum(g.points, 'decidedInTime'),
                    decided: sum(g.points, 'decided'),
                  })}
                  labels={trend.buckets.map((b) => bucketLabel(trend, b))}
                  series={[
                    { key: 'promiseKept', label: t('promiseKeptDisbursed'), rates: g.points.map((p) => p.promiseKeptRate), tone: 0 },
                    { key: 'decidedInTime', label: t('decidedInTimeRate'), rates: g.points.map((p) => p.decidedInTimeRate), tone: 1 },
                  ]}
                  table={
                    <table>
                      <thead>
                        <tr>
                          <th>{t('period')}</th>
                          <th>{t('workingDaysCount')}</th>
                          <th>{t('paidInTime')}</th>
                          <th>{t('decidedInTime')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {trend.buckets.map((b, i) => {
                          const p = g.points[i]!;
                          return (
                            <tr key={b.from}>
                              <th>
                                <span className="date">{b.from}</span> – <span className="date">{b.to}</span>
                              </th>
                              <td>{b.workingDays}</td>
                              <td>
                                {formatPercent(p.promiseKeptRate)} ({p.disbursedInTime}/{p.disbursed})
                              </td>
                              <td>
                                {formatPercent(p.decidedInTimeRate)} ({p.decidedInTime}/{p.decided})
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  }
                />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
