// The joint consultations the user sees (the district for the task force and managers, their
// bank's for bank staff), with each batch's board; the task force imports new batches here.
import type { SessionUser } from '../auth/session';
import { Loading, useLoad } from '../components';
import { useI18n } from '../i18n';
import { placeName } from '../labels';
import { Link } from '../router';
import { ConsultationTable, loadConsultations } from './ConsultationTable';

export function ConsultationList({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadConsultations(), []);
  if (!loaded.data) return <Loading {...loaded} />;
  const { items, banks, days } = loaded.data;
  const batches = [...new Set(items.flatMap((c) => (c.batchId ? [c.batchId] : [])))];
  return (
    <section className="card">
      <h1>{t('consultationsTitle')}</h1>
      {user.role === 'task_force' ? (
        <p>
          <Link to="/consultations/import" className="button">
            {t('importBatch')}
          </Link>
        </p>
      ) : null}
      {batches.length ? (
        <>
          <h2>{t('batches')}</h2>
          <ul className="batches">
            {batches.map((b) => {
              const members = items.filter((c) => c.batchId === b);
              return (
                <li key={b}>
                  <Link to={`/consultations/batches/${b}`}>{b}</Link> <span className="muted">
                    {placeName(banks, members[0]!.refused.bank, lang)} · {t('firms')} {members.length}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h2>{t('consultationsTitle')}</h2>
      <ConsultationTable items={items} days={days} />
    </section>
  );
}
