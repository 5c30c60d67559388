// A consultation batch's board: each firm's stage, clock and whose move, with the case its
// accepted plan opened; above it the batch's outcome (plans answered in time, firms that got
// money and how fast). The consultations open in the background, so the board looks again
// until every firm is there.
import { useEffect } from 'react';
import { api, type ConsultationBatchProgress, type ConsultationBatchReport } from '../api';
import { Loading, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { placeName } from '../labels';
import { ConsultationTable, loadConsultations } from './ConsultationTable';

async function loadBoard(batchId: string) {
  const [list, report, progress] = await Promise.all([
    loadConsultations(batchId),
    api<ConsultationBatchReport>(`/consultation-batches/${batchId}/report`),
    api<ConsultationBatchProgress>(`/consultation-batches/${batchId}`),
  ]);
  return { ...list, report, firmCount: progress.firmCount };
}

export function ConsultationBoard({ batchId }: { batchId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadBoard(batchId), [batchId]);
  const incomplete = loaded.data !== undefined && loaded.data.items.length < loaded.data.firmCount;
  useEffect(() => {
    if (!incomplete) return;
    const timer = setTimeout(loaded.reload, 1000);
    return () => clearTimeout(timer);
  }, [incomplete, loaded.data]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!loaded.data) return <Loading {...loaded} />;
  const { items, banks, days, report, firmCount } = loaded.data;
  const { consultation: c, cases } = report;
  return (
    <>
      <section className="card" data-batch={batchId}>
        <h1>
          {t('board')} {batchId}
        </h1>
        <p className="muted">
          {t('refusingBank')} {placeName(banks, report.bankCode, lang)} · {t('openedAt')} {formatInstant(report.openedAt, lang)}
        </p>
        <h2>{t('batchFigures')}</h2>
        <dl className="facts" data-testid="batch-figures">
          <dt>{t('firms')}</dt>
          <dd>{firmCount}</dd>
          <dt>{t('consultationsOpen')}</dt>
          <dd>{c.open}</dd>
          <dt>{t('plansAcceptedDeclined')}</dt>
          <dd data-testid="accepted-declined">
            {c.accepted} / {c.declined}
          </dd>
          <dt>{t('answeredInTime')}</dt>
          <dd>{c.answeredInTime}</dd>
          <dt>{t('gotMoney')}</dt>
          <dd data-testid="got-money">
            {cases.disbursed} / {cases.opened}
          </dd>
          <dt>{t('amountDisbursed')}</dt>
          <dd>{cases.disbursedAmount}</dd>
          <dt>{t('medianDaysToMoney')}</dt>
          <dd>{cases.medianWorkingDaysToMoney?.toFixed(1) ?? '—'}</dd>
          <dt>{t('slowestDaysToMoney')}</dt>
          <dd>{cases.slowestWorkingDaysToMoney?.toFixed(1) ?? '—'}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t('consultationsTitle')}</h2>
        {incomplete ? <p className="muted">{t('loading')}</p> : null}
        <ConsultationTable items={items} days={days} />
      </section>
    </>
  );
}
