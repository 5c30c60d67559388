// One joint consultation: the firm and what the bank refused, the clock, whose move it is; the
// reasons, the plan, materials (the clock stands still while the firm supplies them), the bank's
// re-review and the withdrawal, each as a form only for the roles that may take it in this stage
// (domain/consultation/actions.ts); the workflow has the last word and its refusal is shown.
import { useState } from 'react';
import { CONSULTATION_ACTIONS, mayTake, WHOSE_MOVE as MOVES } from '../../../domain/consultation/actions';
import { LINKED_PRODUCTS, PLAN_KINDS as PLAN_KIND_CODES } from '../../../domain/consultation/plan';
import { CONSULTATION_REASONS as REASON_CODES } from '../../../domain/consultation/reasons';
import { formatFen } from '../../../domain/money';
import { api, type BankList, type CalendarDays, type ConsultationView } from '../api';
import type { SessionUser } from '../auth/session';
import { reasonsOf } from '../batchRows';
import { Loading, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n, type Lang } from '../i18n';
import { CONSULTATION_REASONS, CONSULTATION_STAGES, nameOf, placeName, PLAN_KINDS, PRODUCTS, WHOSE_MOVE } from '../labels';
import { Link } from '../router';
import { PlanBody, requestErrors } from '../requestRules';
import { rangeFor } from '../workingTime';
import { ActionForm } from './ActionForm';
import { Timeline } from './caseParts';
import { applicationBody, EMPTY_APPLICATION, SciTechApplicationFields, type ApplicationForm } from './SciTechApplication';
import { running } from './ConsultationTable';
import { TimeLeft } from './TimeLeft';

async function loadConsultation(id: string) {
  const [c, banks] = await Promise.all([api<ConsultationView>(`/consultations/${id}`), api<BankList>('/banks')]);
  const { from, to } = rangeFor([c.dueAt]);
  return { c, banks: banks.items, days: (await api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`)).days };
}

const post = (id: string, path: string, body: unknown, idempotencyKey: string) => api<ConsultationView>(`/consultations/${id}${path}`, { method: 'POST', body, idempotencyKey });
/** POST /plan's body from the plan form's values; a sci-tech plan carries the firm's application. */
const planBody = ({ kind, product, bank, amount, guarantor, cover, note }: Record<string, string>, application: ApplicationForm) => ({
  kind,
  product,
  bank,
  amount,
  ...(guarantor || cover ? { guarantee: { guarantor, cover } } : {}),
  ...(product === 'SCI_TECH' ? { sciTech: applicationBody(application) } : {}),
  ...(note ? { note } : {}),
});
const reasonLines = (reasons: ConsultationView['reasons'], lang: Lang) => reasons.map((r) => nameOf(CONSULTATION_REASONS, r.code, lang) + (r.note ? `：${r.note}` : '')).join('\n');

export function ConsultationDetail({ id, user }: { id: string; user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadConsultation(id), [id]);
  const [updated, setUpdated] = useState<ConsultationView>();
  const [application, setApplication] = useState<ApplicationForm>(EMPTY_APPLICATION);
  if (!loaded.data) return <Loading {...loaded} />;
  const { banks, days } = loaded.data;
  const c = updated?.id === id ? updated : loaded.data.c;
  const may = (action: keyof typeof CONSULTATION_ACTIONS) => mayTake(action, user.role, c.stage);
  const act = (path: string) => async (body: unknown, key: string) => setUpdated(await post(c.id, path, body, key));
  const bankName = (code: string) => placeName(banks, code, lang);
  const move = MOVES[c.stage];
  // A bank re-reviews only its own plan.
  const reReviews = may('reReview') && user.bank === c.plan?.bankCode;

  return (
    <article className="consultation" data-consultation={c.id}>
      <section className="card">
        <h1>
          {t('consultation')} {c.id} <SlaBadge state={c.slaState} />
        </h1>
        <dl className="facts">
          <dt>{t('firm')}</dt>
          <dd>
            {c.firm.name} <span className="muted">{c.firm.creditCode}</span>
          </dd>
          <dt>{t('refusingBank')}</dt>
          <dd>{bankName(c.refused.bank)}</dd>
          <dt>{t('refusedAmount')}</dt>
          <dd>{formatFen(c.refused.amountFen)}</dd>
          <dt>{t('stage')}</dt>
          <dd data-testid="stage">{nameOf(CONSULTATION_STAGES, c.stage, lang)}</dd>
          <dt>{t('whoseMove')}</dt>
          <dd data-testid="whose-move">{move ? nameOf(WHOSE_MOVE, move, lang) : '—'}</dd>
          <dt>{t('openedAt')}</dt>
          <dd>{formatInstant(c.openedAt, lang)}</dd>
          <dt>{t('dueAt')}</dt>
          <dd>
            {formatInstant(c.dueAt, lang)} {c.dueAt && running(c) ? <TimeLeft days={days} due={c.dueAt} /> : null}
          </dd>
          {c.batchId ? (
            <>
              <dt>{t('batch')}</dt>
              <dd>
                <Link to={`/consultations/batches/${c.batchId}`}>{c.batchId}</Link>
              </dd>
            </>
          ) : null}
          {c.fromCaseNo ? (
            <>
              <dt>{t('caseNo')}</dt>
              <dd>
                <Link to={`/cases/${c.fromCaseNo}`}>{c.fromCaseNo}</Link>
              </dd>
            </>
          ) : null}
          {c.fromLead ? (
            <>
              <dt>{t('lead')}</dt>
              <dd data-testid="from-lead">
                <Link to={`/leads/${c.fromLead}`}>{c.fromLead}</Link>
              </dd>
            </>
          ) : null}
          {c.linkedCase ? (
            <>
              <dt>{t('linkedCase')}</dt>
              <dd data-testid="linked-case">
                <Link to={`/cases/${c.linkedCase.caseNo}`}>{c.linkedCase.caseNo}</Link>
              </dd>
            </>
          ) : null}
        </dl>
        <a href={c.temporalUi} target="_blank" rel="noreferrer">
          {t('temporalUi')}
        </a>
      </section>

      <section className="card">
        <h2>{t('reasons')}</h2>
        <ul data-testid="reasons">
          {c.reasons.map((r, i) => (
            <li key={i}>
              {nameOf(CONSULTATION_REASONS, r.code, lang)}
              {r.note ? <span className="muted">：{r.note}</span> : null}
            </li>
          ))}
        </ul>
        {may('recordReasons') ? (
          <ActionForm
            id={`${c.id}-reasons`}
            folded={c.reasons.length > 0}
            fields={[{ name: 'reasons', label: 'reasons', kind: 'textarea', initial: reasonLines(c.reasons, lang), check: (v) => (reasonsOf(v).every((r) => REASON_CODES.includes(r.code)) ? undefined : 'fieldInvalid') }]}
            submitLabel={t('recordReasons')}
            onSubmit={async (v, key) => act('/reasons')({ reasons: reasonsOf(v.reasons!) }, key)}
          />
        ) : null}
      </section>

      <section className="card">
        <h2>{t('plan')}</h2>
        {c.plan ? (
          <dl className="facts" data-testid="plan">
            <dt>{t('planKind')}</dt>
            <dd>{nameOf(PLAN_KINDS, c.plan.kind, lang)}</dd>
            <dt>{t('planProduct')}</dt>
            <dd>{nameOf(PRODUCTS, c.plan.product, lang)}</dd>
            <dt>{t('planBank')}</dt>
            <dd>{bankName(c.plan.bankCode)}</dd>
            <dt>{t('planAmount')}</dt>
            <dd>{formatFen(c.plan.amountFen)}</dd>
            {c.plan.sciTech ? (
              <>
                <dt>{t('patents')}</dt>
                <dd data-testid="plan-patents">{c.plan.sciTech.patents.map((p) => p.patentNo).join('、')}</dd>
              </>
            ) : null}
            {c.plan.guarantee ? (
              <>
                <dt>{t('guarantor')}</dt>
                <dd>
                  {c.plan.guarantee.guarantor} · {formatFen(c.plan.guarantee.coverFen)}
                </dd>
              </>
            ) : null}
            {c.plan.note ? (
              <>
                <dt>{t('note')}</dt>
                <dd>{c.plan.note}</dd>
              </>
            ) : null}
            <dt>{t('proposedBy')}</dt>
            <dd>
              {c.plan.by} · {formatInstant(c.plan.at, lang)}
            </dd>
          </dl>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
        {may('proposePlan') ? (
          <ActionForm
            id={`${c.id}-plan`}
            folded={c.plan !== null}
            fields={[
              { name: 'kind', label: 'planKind', kind: 'select', options: PLAN_KIND_CODES.map((k) => ({ value: k, label: nameOf(PLAN_KINDS, k, lang) })), initial: 'SMALLER_AMOUNT' },
              { name: 'product', label: 'planProduct', kind: 'select', options: LINKED_PRODUCTS.map((p) => ({ value: p, label: nameOf(PRODUCTS, p, lang) })), initial: 'FAST_TRACK' },
              { name: 'bank', label: 'planBank', kind: 'select', options: banks.map((b) => ({ value: b.code, label: bankName(b.code) })), initial: user.bank ?? c.refused.bank },
              { name: 'amount', label: 'planAmount', kind: 'number' },
              { name: 'guarantor', label: 'guarantor', optional: true, apiPath: 'guarantee.guarantor' },
              { name: 'cover', label: 'guaranteeCover', kind: 'number', optional: true, apiPath: 'guarantee.cover' },
              { name: 'note', label: 'note', kind: 'textarea', optional: true },
            ]}
            submitLabel={t('proposePlan')}
            requestErrors={(v) => requestErrors(PlanBody, planBody(v, application))}
            extra={(v, errorAt) => (v.product === 'SCI_TECH' ? <SciTechApplicationFields at="sciTech" value={application} onChange={setApplication} errorOf={errorAt} /> : null)}
            onSubmit={async (v, key) => act('/plan')(planBody(v, application), key)}
          />
        ) : null}
      </section>

      <section className="card">
        <h2>{t('materials')}</h2>
        {c.materials.length ? (
          <ul data-testid="materials">
            {c.materials.map((m, i) => (
              <li key={i}>
                {t('materialsSince', { since: formatInstant(m.since, lang), by: m.by, missing: m.missing.join('、'), reason: m.reason })}
                {m.until ? ` · ${t('materialsUntil', { until: formatInstant(m.until, lang), n: m.pausedWorkingDays ?? 0 })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
        {may('requestMaterials') ? (
          <ActionForm
            id={`${c.id}-materials-request`}
            folded
            fields={[
              { name: 'missing', label: 'missingDocs', kind: 'textarea' },
              { name: 'reason', label: 'reason' },
            ]}
            submitLabel={t('requestMaterials')}
            onSubmit={async ({ missing, reason }, key) => act('/materials/request')({ missing: missing!.split('\n').map((m) => m.trim()).filter(Boolean), reason }, key)}
          />
        ) : null}
        {may('completeMaterials') ? (
          <ActionForm id={`${c.id}-materials-complete`} fields={[{ name: 'note', label: 'note', optional: true }]} submitLabel={t('completeMaterials')} onSubmit={async ({ note }, key) => act('/materials/complete')(note ? { note } : {}, key)} />
        ) : null}
      </section>

      {c.reReview || reReviews ? (
        <section className="card">
          <h2>{t('reReview')}</h2>
          {c.reReview ? (
            <p data-testid="re-review">
              {t('reReviewed', { outcome: nameOf(CONSULTATION_STAGES, c.reReview.outcome, lang), by: c.reReview.by, at: formatInstant(c.reReview.at, lang) })}
              {c.reReview.note ? ` · ${c.reReview.note}` : ''}
            </p>
          ) : (
            <div className="actions decision">
              <ActionForm id={`${c.id}-accept`} fields={[{ name: 'note', label: 'note', optional: true }]} submitLabel={t('accept')} onSubmit={async ({ note }, key) => act('/re-review')({ outcome: 'ACCEPTED', ...(note ? { note } : {}) }, key)} />
              <ActionForm id={`${c.id}-decline`} fields={[{ name: 'note', label: 'reason' }]} submitLabel={t('decline')} onSubmit={async ({ note }, key) => act('/re-review')({ outcome: 'DECLINED', note }, key)} />
            </div>
          )}
        </section>
      ) : null}

      {c.withdrawal || may('withdraw') ? (
        <section className="card">
          {c.withdrawal ? (
            <p data-testid="withdrawal">{t('withdrawn', { reason: c.withdrawal.reason, by: c.withdrawal.by, at: formatInstant(c.withdrawal.at, lang) })}</p>
          ) : (
            <ActionForm id={`${c.id}-withdraw`} folded fields={[{ name: 'reason', label: 'reason' }]} submitLabel={t('withdrawConsultation')} onSubmit={async ({ reason }, key) => act('/withdrawal')({ reason }, key)} />
          )}
        </section>
      ) : null}

      <Timeline events={c.events} />
    </article>
  );
}
