// Consultations as rows (labelled cells on a phone): firm, stage, the five-working-day clock
// (due, time left, SLA state), whose move it is, and the case an accepted plan opened.
import { CLOSED_STAGES, type ConsultationStage } from '../../../domain/stages';
import { api, query, type BankList, type CalendarDays, type ConsultationList, type ConsultationSummary } from '../api';
import { SlaBadge } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { CONSULTATION_STAGES, nameOf, WHOSE_MOVE } from '../labels';
import { Link } from '../router';
import { rangeFor } from '../workingTime';
import { TimeLeft } from './TimeLeft';

/** The clock runs: the consultation is open and not waiting for the firm. */
export const running = (c: { stage: ConsultationStage; slaState: string }) => !CLOSED_STAGES.includes(c.stage) && c.slaState !== 'PAUSED';

/** The consultations the user sees (a batch's with `batchId`) and the calendar their clocks need. */
export async function loadConsultations(batchId?: string) {
  const [list, banks] = await Promise.all([api<ConsultationList>(`/consultations?${query({ batchId })}`), api<BankList>('/banks')]);
  const { from, to } = rangeFor(list.items.filter(running).map((c) => c.dueAt));
  return { items: list.items, banks: banks.items, days: (await api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`)).days };
}

export function ConsultationTable({ items, days }: { items: readonly ConsultationSummary[]; days: CalendarDays['days'] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <p className="muted">{t('noConsultations')}</p>;
  return (
    <table className="responsive consultations">
      <thead>
        <tr>
          <th>{t('consultation')}</th>
          <th>{t('firm')}</th>
          <th>{t('stage')}</th>
          <th>{t('sla')}</th>
          <th>{t('dueAt')}</th>
          <th>{t('timeLeft')}</th>
          <th>{t('whoseMove')}</th>
          <th>{t('linkedCase')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-consultation={c.id} className={`sla-${c.slaState}`}>
            <td data-label={t('consultation')}>
              <Link to={`/consultations/${c.id}`}>{c.id}</Link>
            </td>
            <td data-label={t('firm')}>{c.firm.name}</td>
            <td data-label={t('stage')} data-testid="stage">
              {nameOf(CONSULTATION_STAGES, c.stage, lang)}
            </td>
            <td data-label={t('sla')}>
              <SlaBadge state={c.slaState} />
            </td>
            <td data-label={t('dueAt')}>{formatInstant(c.dueAt, lang)}</td>
            <td data-label={t('timeLeft')}>{c.dueAt && running(c) ? <TimeLeft days={days} due={c.dueAt} /> : '—'}</td>
            <td data-label={t('whoseMove')}>{c.whoseMove ? nameOf(WHOSE_MOVE, c.whoseMove, lang) : '—'}</td>
            <td data-label={t('linkedCase')} data-testid="linked-case">
              {c.linkedCaseNo ? <Link to={`/cases/${c.linkedCaseNo}`}>{c.linkedCaseNo}</Link> : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
