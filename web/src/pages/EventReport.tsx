// 对接会报告: an event's figures as the API reports them — firms registered and came, meetings,
// needs found (count, firms, 元), leads — and per bank its meetings and needs. One component renders
// the report, one row per field, so a field the report gains is one row more here.
import { api, type BankList, type MatchingEventReport } from '../api';
import { Figures, Loading, useLoad } from '../components';
import { formatYuan } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { placeName } from '../labels';
import { Link } from '../router';

type Report = MatchingEventReport;

/** The report's figures, in order: each a label and how it reads from the report. */
const FIGURES: readonly { key: string; label: MessageKey; value: (r: Report) => string | number; wide?: boolean }[] = [
  { key: 'firmsRegistered', label: 'rep_firmsRegistered', value: (r) => r.firmsRegistered },
  { key: 'firmsCame', label: 'rep_firmsCame', value: (r) => r.firmsCame },
  { key: 'meetings', label: 'rep_meetings', value: (r) => r.meetings },
  { key: 'needsFound', label: 'rep_needsFound', value: (r) => r.needsFound },
  { key: 'firmsWithNeeds', label: 'rep_firmsWithNeeds', value: (r) => r.firmsWithNeeds },
  { key: 'needsAmount', label: 'rep_needsAmount', value: (r) => formatYuan(r.needsAmountFen), wide: true },
  { key: 'leads', label: 'rep_leads', value: (r) => r.leads },
  { key: 'casesOpened', label: 'rep_casesOpened', value: (r) => r.casesOpened },
  { key: 'decided', label: 'rep_decided', value: (r) => r.decided },
  { key: 'disbursed', label: 'rep_disbursed', value: (r) => r.disbursed },
  { key: 'disbursedAmount', label: 'rep_disbursedAmount', value: (r) => formatYuan(r.disbursedFen), wide: true },
];

/** Per bank: each column a label and how it reads from the bank's row. */
const BY_BANK: readonly { key: string; label: MessageKey; value: (b: Report['byBank'][number]) => string | number }[] = [
  { key: 'meetings', label: 'rep_meetings', value: (b) => b.meetings },
  { key: 'needsFound', label: 'rep_needsFound', value: (b) => b.needsFound },
];

export function EventReportView({ report, banks }: { report: Report; banks: BankList['items'] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Figures testId="event-report" items={FIGURES.map((f) => ({ key: f.key, label: t(f.label), value: f.value(report), wide: f.wide }))} />
      <h2>{t('rep_byBank')}</h2>
      <table className="responsive" data-testid="event-report-banks">
        <thead>
          <tr>
            <th>{t('bankKind')}</th>
            {BY_BANK.map((c) => (
              <th key={c.key}>{t(c.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.byBank.map((b) => (
            <tr key={b.bank} data-bank={b.bank}>
              <th scope="row">{placeName(banks, b.bank, lang)}</th>
              {BY_BANK.map((c) => (
                <td key={c.key} data-label={t(c.label)} data-col={c.key}>
                  {c.value(b)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function EventReportPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([api<Report>(`/matching-events/${id}/report`), api<BankList>('/banks')]), [id]);
  if (!loaded.data) return <Loading {...loaded} />;
  const [report, banks] = loaded.data;
  return (
    <section className="card">
      <p>
        <Link to={`/matching-events/${id}`}>← {lang === 'en' ? report.event.titleEn : report.event.titleZh}</Link>
      </p>
      <h1>
        {t('eventReport')}：{lang === 'en' ? report.event.titleEn : report.event.titleZh}
      </h1>
      <p className="muted">
        {report.event.date} · {report.event.place}
      </p>
      <EventReportView report={report} banks={banks.items} />
    </section>
  );
}
