// 线索: the leads within the caller's reach (newest first, narrowed by place and stage), and one
// lead: the firm and its need, the owner, the first-contact clock, what it became, its timeline,
// and its actions as forms for whoever domain/lead/policy.ts lets take them (the workflow's
// validators have the last word; their refusal shows next to the button).
import { useState } from 'react';
import { LEAD_ACTIONS, LEAD_CLOSE_REASON_CODES, LEAD_ENDED_STAGES, LEAD_STAGES as STAGE_CODES, type LeadAction } from '../../../domain/lead/policy';
import { api, query, type BankList, type CalendarDays, type LeadList, type LeadView } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { LEAD_CLOSE_REASONS, LEAD_STAGES, nameOf, placeName, PRODUCTS } from '../labels';
import { LeadConvertBody, requestErrors } from '../requestRules';
import { Link } from '../router';
import { rangeFor } from '../workingTime';
import { ActionForm } from './ActionForm';
import { Timeline } from './caseParts';
import { applicationBody, EMPTY_APPLICATION, SciTechApplicationFields, type ApplicationForm } from './SciTechApplication';
import { loadNetwork, NeedFacts, ReachFilters, useNetworkName, useReach } from './surveyParts';
import { TimeLeft } from './TimeLeft';

type Lead = LeadList['items'][number];

/** The working days around the leads' dues, for the time left. */
async function workingDays(leads: readonly Lead[]) {
  const { from, to } = rangeFor(leads.map((l) => l.dueAt));
  return (await api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`)).days;
}

export function Leads({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [reach, setReach] = useReach(user);
  const [stage, setStage] = useState('');
  const names = useLoad(loadNetwork, []);
  const leads = useLoad(async () => {
    const list = await api<LeadList>(`/leads?${query({ street: reach.street, community: reach.community, team: reach.team, stage, limit: 100 })}`);
    return { items: list.items, days: await workingDays(list.items) };
  }, [reach.street, reach.community, reach.team, stage]);
  const name = useNetworkName(names.data);
  return (
    <section className="card">
      <h1>{t('leadsTitle')}</h1>
      <div className="range" role="search">
        {names.data ? <ReachFilters user={user} reach={reach} onChange={setReach} names={names.data} /> : null}
        <label>
          {t('leadStage')}
          <select id="filter-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('allOf')}</option>
            {STAGE_CODES.map((s) => (
              <option key={s} value={s}>
                {nameOf(LEAD_STAGES, s, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {leads.data ? (
        leads.data.items.length === 0 ? (
          <p className="muted">{t('noLeads')}</p>
        ) : (
          <ul className="visits">
            {leads.data.items.map((l) => (
              <li key={l.id} data-lead={l.id}>
                <div className="card-head">
                  <Link to={`/leads/${l.id}`}>{l.firm.name}</Link>
                  <span>
                    <span className="badge">{nameOf(LEAD_STAGES, l.stage, lang)}</span> <SlaBadge state={l.slaState} />
                  </span>
                </div>
                <p className="muted">
                  {l.community ? name.community(l.community) : name.street(l.street)} · {t('leadOwner')} {l.owner} · {t('firstContactDue')} {formatInstant(l.dueAt, lang)}{' '}
                  {l.stage === 'OPEN' ? <TimeLeft days={leads.data!.days} due={l.dueAt} /> : null}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : (
        <Loading {...leads} />
      )}
    </section>
  );
}

async function loadLead(id: string) {
  const [lead, banks] = await Promise.all([api<LeadView>(`/leads/${id}`), api<BankList>('/banks')]);
  return { lead, banks: banks.items, days: await workingDays([lead]) };
}

const post = (id: string, path: string, body: unknown, idempotencyKey: string) => api<LeadView>(`/leads/${id}${path}`, { method: 'POST', body, idempotencyKey });

/** POST /convert's body from the form: a sci-tech conversion carries the firm's application; empty amount and purpose keep the need's. */
const convertBody = ({ product, bank, amount, purpose }: Record<string, string>, application: ApplicationForm, refused: boolean) => ({
  product,
  ...(refused ? {} : { bank }),
  ...(amount ? { amount } : {}),
  ...(purpose ? { purpose } : {}),
  ...(product === 'SCI_TECH' && !refused ? { application: applicationBody(application) } : {}),
});

export function LeadDetail({ id, user }: { id: string; user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadLead(id), [id]);
  const [updated, setUpdated] = useState<LeadView>();
  const [application, setApplication] = useState<ApplicationForm>(EMPTY_APPLICATION);
  const names = useLoad(loadNetwork, []);
  const name = useNetworkName(names.data);
  if (!loaded.data) return <Loading {...loaded} />;
  const { banks, days } = loaded.data;
  const lead = updated?.id === id ? updated : loaded.data.lead;
  const ended = LEAD_ENDED_STAGES.includes(lead.stage);
  /** The owner or one of the action's roles, while the lead runs (street and stage are the workflow's to judge). */
  const may = (action: LeadAction) => !ended && ((LEAD_ACTIONS[action].owner && lead.owner === user.sub) || (LEAD_ACTIONS[action].roles as readonly string[]).includes(user.role));
  const act = (path: string) => async (body: unknown, key: string) => setUpdated(await post(lead.id, path, body, key));
  const refused = lead.need.refusedBy !== null;
  const { conversion } = lead;

  return (
    <article className="lead" data-lead={lead.id}>
      <section className="card">
        <h1>
          {t('lead')} {lead.id} <SlaBadge state={lead.slaState} />
        </h1>
        <dl className="facts">
          <dt>{t('firm')}</dt>
          <dd>
            {lead.firm.name} <span className="muted">{lead.firm.creditCode}</span>
          </dd>
          <dt>{t('street')}</dt>
          <dd>
            {name.street(lead.street)}
            {lead.community ? ` · ${name.community(lead.community)}` : ''}
            {lead.team ? ` · ${name.team(lead.team)}` : ''}
          </dd>
          <dt>{t('leadStage')}</dt>
          <dd data-testid="lead-stage">{nameOf(LEAD_STAGES, lead.stage, lang)}</dd>
          <dt>{t('leadOwner')}</dt>
          <dd data-testid="lead-owner">{lead.owner}</dd>
          <dt>{t('openedAt')}</dt>
          <dd>{formatInstant(lead.openedAt, lang)}</dd>
          <dt>{t('firstContactDue')}</dt>
          <dd>
            {formatInstant(lead.dueAt, lang)} {lead.stage === 'OPEN' ? <TimeLeft days={days} due={lead.dueAt} /> : null}
          </dd>
          {lead.contactedAt ? (
            <>
              <dt>{t('contactedAt')}</dt>
              <dd data-testid="contacted-at">{formatInstant(lead.contactedAt, lang)}</dd>
            </>
          ) : null}
          {conversion ? (
            <>
              <dt>{t('leadBecame')}</dt>
              <dd data-testid="lead-conversion">
                {conversion.caseNo ? (
                  <Link to={`/cases/${conversion.caseNo}`}>
                    {nameOf(PRODUCTS, conversion.kind, lang)} {conversion.caseNo}
                  </Link>
                ) : conversion.consultationId ? (
                  <Link to={`/consultations/${conversion.consultationId}`}>
                    {t('consultation')} {conversion.consultationId}
                  </Link>
                ) : null}
              </dd>
            </>
          ) : null}
          {lead.closure ? (
            <>
              <dt>{t('closeReason')}</dt>
              <dd data-testid="lead-closure">{t('leadClosed', { reason: nameOf(LEAD_CLOSE_REASONS, lead.closure.reason, lang) })}</dd>
            </>
          ) : null}
        </dl>
        <a href={lead.temporalUi} target="_blank" rel="noreferrer">
          {t('temporalUi')}
        </a>
      </section>

      <section className="card">
        <h2>{t('needTitle')}</h2>
        <NeedFacts need={lead.need} banks={banks} />
      </section>

      {may('recordContact') || may('convert') || may('close') || may('reassign') ? (
        <section className="card">
          <h2>{t('leadActions')}</h2>
          {may('recordContact') && lead.stage === 'OPEN' ? (
            <ActionForm id={`${lead.id}-contact`} fields={[{ name: 'note', label: 'note', kind: 'textarea', optional: true }]} submitLabel={t('recordContact')} onSubmit={async ({ note }, key) => act('/contact')(note ? { note } : {}, key)} />
          ) : null}
          {may('convert') ? (
            <ActionForm
              id={`${lead.id}-convert`}
              fields={[
                { name: 'product', label: 'convertProduct', kind: 'select', options: Object.keys(PRODUCTS).map((p) => ({ value: p, label: nameOf(PRODUCTS, p, lang) })), initial: 'FAST_TRACK' },
                ...(refused ? [] : [{ name: 'bank', label: 'convertBank', kind: 'select', options: [{ value: '', label: '—' }, ...banks.filter((b) => !b.retiredAt).map((b) => ({ value: b.code, label: placeName(banks, b.code, lang) }))] } as const]),
                { name: 'amount', label: 'convertAmount', kind: 'number', optional: true },
                { name: 'purpose', label: 'convertPurpose', optional: true },
              ]}
              submitLabel={t('convertLead')}
              requestErrors={(v) => requestErrors(LeadConvertBody, convertBody(v, application, refused))}
              extra={(v, errorAt) => (
                <>
                  {refused ? <p className="muted">{t('convertToConsultation')}</p> : null}
                  {v.product === 'SCI_TECH' && !refused ? <SciTechApplicationFields value={application} onChange={setApplication} errorOf={errorAt} /> : null}
                </>
              )}
              onSubmit={async (v, key) => act('/convert')(convertBody(v, application, refused), key)}
            />
          ) : null}
          {may('close') ? (
            <ActionForm
              id={`${lead.id}-close`}
              folded
              fields={[
                { name: 'reason', label: 'closeReason', kind: 'select', options: LEAD_CLOSE_REASON_CODES.map((r) => ({ value: r, label: nameOf(LEAD_CLOSE_REASONS, r, lang) })), initial: 'NO_LONGER_NEEDED' },
                { name: 'note', label: 'note', kind: 'textarea', optional: true },
              ]}
              submitLabel={t('closeLead')}
              onSubmit={async ({ reason, note }, key) => act('/close')({ reason, ...(note ? { note } : {}) }, key)}
            />
          ) : null}
          {may('reassign') ? (
            <ActionForm
              id={`${lead.id}-reassign`}
              folded
              fields={[
                { name: 'owner', label: 'newOwner' },
                { name: 'reason', label: 'reason' },
              ]}
              submitLabel={t('reassignLead')}
              onSubmit={async (v, key) => act('/reassign')(v, key)}
            />
          ) : null}
        </section>
      ) : null}

      <Timeline events={lead.timeline} />
    </article>
  );
}
