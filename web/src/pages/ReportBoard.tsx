// One cadence report's board: every street and bank ranked on the period's outcomes (promise
// kept = money in time; rejections are decisions), with amounts in 元, what is open now and, for
// weekly and monthly reports, the previous period; and the consultation batches' progress.
import type { z } from 'zod';
import type * as R from '../../../api/contract/reportResponses';
import { WATCHED_STATES } from '../../../domain/cadence/ranking';
import { PromiseCells, PromiseHeaders } from '../components';
import { formatPercent } from '../format';
import { useI18n } from '../i18n';
import { nameOf, SLA_STATES } from '../labels';
import { Link } from '../router';

type Report = z.infer<typeof R.CadenceReport>;
type Group = Report['board']['byStreet'][number];

export function BoardTable({ title, groups, overall, compare }: { title: string; groups: Group[]; overall: Report['board']['overall']; compare: boolean }) {
  const { t, lang } = useI18n();
  const rows = [...groups, { ...overall, code: 'ALL', nameZh: t('total'), nameEn: t('total'), rank: null, previous: overall.previous ? { ...overall.previous, rank: null } : null }];
  return (
    <>
      <h3>{title}</h3>
      <table className="responsive" data-board={title}>
        <thead>
          <tr>
            <th>{t('rank')}</th>
            <th />
            <PromiseHeaders />
            <th>{t('amountApplied')}</th>
            <th>{t('amountGranted')}</th>
            <th>{t('amountDisbursed')}</th>
            <th>{t('openNow')}</th>
            {WATCHED_STATES.map((s) => (
              <th key={s}>{nameOf(SLA_STATES, s, lang)}</th>
            ))}
            <th>{t('oldestOpen')}</th>
            {compare ? <th>{t('previousPeriod')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.code} data-group={g.code}>
              <td data-label={t('rank')}>{g.code === 'ALL' ? '' : (g.rank ?? t('unranked'))}</td>
              <th>{lang === 'en' ? g.nameEn : g.nameZh}</th>
              <PromiseCells f={g} />
              <td data-label={t('amountApplied')}>{g.amounts.applied}</td>
              <td data-label={t('amountGranted')}>{g.amounts.granted}</td>
              <td data-label={t('amountDisbursed')}>{g.amounts.disbursed}</td>
              <td data-label={t('openNow')}>{g.open.open}</td>
              {WATCHED_STATES.map((s) => (
                <td key={s} data-label={nameOf(SLA_STATES, s, lang)}>
                  {g.open.bySlaState[s]}
                </td>
              ))}
              <td data-label={t('oldestOpen')}>
                {g.open.oldest ? (
                  <>
                    <Link to={`/cases/${g.open.oldest.caseId}`}>{g.open.oldest.caseId}</Link> · {t('workingDaysOpen', { n: g.open.oldest.workingDaysOpen })}
                  </>
                ) : (
                  '—'
                )}
              </td>
              {compare ? (
                <td data-label={t('previousPeriod')}>
                  {g.previous ? `${g.code === 'ALL' ? '' : `${t('rank')} ${g.previous.rank ?? t('unranked')} · `}${formatPercent(g.previous.promiseKeptRate)} · ${g.previous.amounts.disbursed}` : '—'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function BatchProgressTable({ batches }: { batches: Report['batches'] }) {
  const { t } = useI18n();
  if (batches.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="responsive">
      <thead>
        <tr>
          <th>{t('batch')}</th>
          <th>{t('firms')}</th>
          <th>{t('consultationsOpen')}</th>
          <th>{t('plansAcceptedDeclined')}</th>
          <th>{t('answeredInTime')}</th>
          <th>{t('disbursedCount')}</th>
          <th>{t('amountDisbursed')}</th>
          <th>{t('medianDaysToMoney')}</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <tr key={b.batchId} data-batch={b.batchId}>
            <th>
              <Link to={`/consultations/batches/${b.batchId}`}>{b.batchId}</Link> · {b.bankCode}
            </th>
            <td data-label={t('firms')}>{b.firms}</td>
            <td data-label={t('consultationsOpen')}>{b.consultation.open}</td>
            <td data-label={t('plansAcceptedDeclined')}>
              {b.consultation.accepted} / {b.consultation.declined}
            </td>
            <td data-label={t('answeredInTime')}>{b.consultation.answeredInTime}</td>
            <td data-label={t('disbursedCount')}>{b.cases.disbursed}</td>
            <td data-label={t('amountDisbursed')}>{b.cases.disbursedAmount}</td>
            <td data-label={t('medianDaysToMoney')}>{b.cases.medianWorkingDaysToMoney ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
