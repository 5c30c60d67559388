// The cases the user may see (their street, bank, or the district), newest first, with the
// working time left on each case's five-working-day promise.
import { caseEnded } from '../../../domain/stages';
import { api, query, type CalendarDays, type CaseListPage } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { rangeFor } from '../workingTime';
import { CaseTable } from './CaseTable';
import { TimeLeft } from './TimeLeft';


async function loadCases(params: Record<string, string | undefined>) {
  const page = await api<CaseListPage>(`/cases?${query({ limit: 50, ...params })}`);
  const { from, to } = rangeFor(page.items.filter((c) => !caseEnded(c.stage)).map((c) => c.dueAt));
  return { page, days: (await api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`)).days };
}

export function CaseList({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadCases({ street: user.street }), [user.street]);
  if (!loaded.data) return <Loading {...loaded} />;
  const { page, days } = loaded.data;
  return (
    <section className="card">
      <h1>{t('casesTitle')}</h1>
      {page.items.length === 0 ? <p className="muted">{t('noCases')}</p> : null}
      <CaseTable
        className="cases"
        items={page.items}
        extra={[
          { label: 'dueAt', cell: (c) => formatInstant(c.dueAt, lang) },
          { label: 'timeLeft', cell: (c) => (c.dueAt && !caseEnded(c.stage) ? <TimeLeft days={days} due={c.dueAt} calendarHours={c.product !== 'FAST_TRACK'} /> : '—') },
        ]}
      />
    </section>
  );
}
