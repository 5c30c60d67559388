// What every product's case page shows alike: the heading with the SLA state, the firm and the
// case's place, and the timeline.
import type { ReactNode } from 'react';
import type { AnyCaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { SlaBadge } from '../components';
import { formatInstant, formatYuan } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { half, nameOf, STAGES } from '../labels';
import { Link } from '../router';

/** The case number with its SLA state, what `children` tell, and the workflow in Temporal UI. */
export function CaseCard({ c, children }: { c: AnyCaseView; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>
        {c.id} <SlaBadge state={c.slaState} />
      </h1>
      {/* The API served the stored record: the workflow is gone (retention) or no worker answered. */}
      {c.live ? null : (
        <p className="muted" data-testid="from-record">
          {t('fromRecord')}
        </p>
      )}
      {children}
      <a href={c.temporalUi} target="_blank" rel="noreferrer">
        {t('temporalUi')}
      </a>
    </section>
  );
}

export function Timeline({ events }: { events: readonly { type: string; actor: string; at: string; data: unknown }[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="card">
      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {events.map((e, i) => (
          <li key={i}>
            <time>{formatInstant(e.at, lang)}</time> <strong>{e.type}</strong> <span className="muted">{e.actor}</span>
            {typeof (e.data as { text?: unknown } | null)?.text === 'string' ? <p>{half((e.data as { text: string }).text, lang)}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The firm, the amount, street, bank, stage and acceptance (and the lead it came from), as rows of a `dl.facts`. */
export function CaseFacts({ c, amountLabel, user }: { c: AnyCaseView; amountLabel: MessageKey; user: SessionUser }) {
  const { t, lang } = useI18n();
  return (
    <>
      <dt>{t('firm')}</dt>
      <dd>
        {c.firm.name} <span className="muted">{c.firm.creditCode}</span>
      </dd>
      <dt>{t(amountLabel)}</dt>
      <dd>{formatYuan(c.amountFen)}</dd>
      <dt>{t('street')}</dt>
      <dd>{lang === 'en' ? c.street.nameEn : c.street.nameZh}</dd>
      <dt>{t('bank')}</dt>
      <dd>{lang === 'en' ? c.bank.nameEn : c.bank.nameZh}</dd>
      <dt>{t('stage')}</dt>
      <dd data-testid="stage">{nameOf(STAGES, c.stage, lang)}</dd>
      {c.contractConfirmation ? (
        <>
          <dt>{t('contractConfirmation')}</dt>
          <dd data-testid="contract-confirmation">
            {c.contractConfirmation.confirmedAt
              ? `${t('contractConfirmed')} ${formatInstant(c.contractConfirmation.confirmedAt, lang)}`
              : `${t(c.contractConfirmation.overdue ? 'contractConfirmationOverdue' : 'contractConfirmationWaiting')} · ${t('dueAt')} ${formatInstant(c.contractConfirmation.dueAt, lang)}`}
          </dd>
        </>
      ) : null}
      <dt>{t('acceptedAt')}</dt>
      <dd>{formatInstant(c.acceptedAt, lang)}</dd>
      {c.lead ? (
        <>
          <dt>{t('lead')}</dt>
          {/* The assessor has no survey reach: the lead is named, not linked. */}
          <dd data-testid="case-lead">{user.role === 'assessor' ? c.lead.id : <Link to={`/leads/${c.lead.id}`}>{c.lead.id}</Link>}</dd>
        </>
      ) : null}
    </>
  );
}
