// The firm's own page (企业端), phone first: the applications its customer manager prepared for
// it to confirm (确认) or discard, then each of its cases as a card with where it stands in one
// sentence (the API's, from domain/firmCaseStatus.ts), the bank and the promised date.
import type { z } from 'zod';
import type { FirmApplicationList, FirmCaseList } from '../../../api/contract/firmCaseResponses';
import { parseCnyToFen } from '../../../domain/money';
import { api } from '../api';
import { Loading, ProblemMessage, useLoad, useSubmission } from '../components';
import { formatBp, formatInstant, formatYuan } from '../format';
import { useI18n } from '../i18n';
import { nameOf, PRODUCTS, STAGES, WAITING_ON } from '../labels';
import { FirmMaterialsBody, requestErrors } from '../requestRules';
import { Link } from '../router';
import { ActionForm } from './ActionForm';

type FirmCase = z.infer<typeof FirmCaseList>['items'][number];
type Prepared = z.infer<typeof FirmApplicationList>['items'][number];

export function FirmCases() {
  const { t } = useI18n();
  const loaded = useLoad(() => Promise.all([api<z.infer<typeof FirmCaseList>>('/firm/cases'), api<z.infer<typeof FirmApplicationList>>('/firm/applications')]), []);
  if (!loaded.data) return <Loading {...loaded} />;
  const [{ items }, prepared] = loaded.data;
  const open = prepared.items.filter((a) => a.status === 'DRAFT' || a.status === 'SUBMITTING');
  return (
    <section className="firm-cases">
      <h1>{t('firmCasesTitle')}</h1>
      {open.length ? (
        <section aria-labelledby="firm-drafts">
          <h2 id="firm-drafts">{t('firmDraftsTitle')}</h2>
          <p className="muted">{t('firmDraftIntro')}</p>
          {open.map((a) => (
            <PreparedCard key={a.id} a={a} onDone={loaded.reload} />
          ))}
        </section>
      ) : null}
      <p>
        <Link to="/firm/apply" className="button">
          {t('navFirmApply')}
        </Link>
      </p>
      {items.length === 0 ? <p className="muted">{t('firmNoCases')}</p> : null}
      {items.map((c) => (
        <FirmCaseCard key={c.id} c={c} onChange={loaded.reload} />
      ))}
    </section>
  );
}

function FirmCaseCard({ c, onChange }: { c: FirmCase; onChange: () => void }) {
  const { t, lang } = useI18n();
  const headingId = `firm-case-${c.id}`;
  return (
    <article className={`card firm-case waiting-${c.status.waitingOn.toLowerCase()}`} aria-labelledby={headingId} data-testid="firm-case">
      <div className="card-head">
        <h2 id={headingId}>
          {nameOf(PRODUCTS, c.product, lang)} · ¥{formatYuan(parseCnyToFen(c.amount) ?? 0)}
        </h2>
        <span className="stage">{nameOf(STAGES, c.stage, lang)}</span>
      </div>
      <p className="firm-status" data-testid="firm-status">
        {lang === 'en' ? c.status.en : c.status.zh}
      </p>
      <dl className="facts">
        <dt>{t('firmWaitingOn')}</dt>
        <dd>{nameOf(WAITING_ON, c.status.waitingOn, lang)}</dd>
        <dt>{t('firmPromised')}</dt>
        <dd>{c.promisedDate ?? '—'}</dd>
        {c.paused ? (
          <>
            <dt>{t('firmPausedSince')}</dt>
            <dd>{formatInstant(c.paused.since, lang)}</dd>
          </>
        ) : null}
        <dt>{t('firmBank')}</dt>
        <dd>{lang === 'en' ? c.bank.nameEn : c.bank.nameZh}</dd>
        <dt>{t('firmCaseNo')}</dt>
        <dd>{c.id}</dd>
      </dl>
      {c.paused && c.product === 'FAST_TRACK' ? <MaterialsAnswer caseNo={c.id} onAnswered={onChange} /> : null}
      {c.stage === 'CONTRACTING' && c.contractConfirmation && !c.contractConfirmation.confirmedAt && c.decision?.amount ? (
        <ContractConfirmation c={c} terms={{ amount: c.decision.amount, rateBp: c.decision.rateBp!, termMonths: c.decision.termMonths! }} by={c.contractConfirmation.dueDate} onConfirmed={onChange} />
      ) : null}
    </article>
  );
}

/** An application the customer manager prepared: what it says, for the firm to confirm (opening its case) or discard. */
function PreparedCard({ a, onDone }: { a: Prepared; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { error, busy, submit } = useSubmission();
  const act = (what: 'submit' | 'discard') => submit(async () => {
    await api(`/firm/applications/${a.id}/${what}`, { method: 'POST' });
    onDone();
  });
  const headingId = `prepared-${a.id}`;
  const yuan = (amount: string | null) => (amount === null ? '—' : `¥${formatYuan(parseCnyToFen(amount) ?? 0)}`);
  return (
    <article className="card firm-case prepared" aria-labelledby={headingId} data-testid="prepared-application">
      <div className="card-head">
        <h3 id={headingId}>
          {nameOf(PRODUCTS, 'SCI_TECH', lang)} · {yuan(a.amount)}
        </h3>
        <span className="stage">{t(`applicationStatus:${a.status}`)}</span>
      </div>
      <dl className="facts">
        <dt>{t('firmName')}</dt>
        <dd>{a.firmName}</dd>
        <dt>{t('firmBank')}</dt>
        <dd>{lang === 'en' ? a.bank.nameEn : a.bank.nameZh}</dd>
        <dt>{t('street')}</dt>
        <dd>{lang === 'en' ? a.street.nameEn : a.street.nameZh}</dd>
        <dt>{t('purpose')}</dt>
        <dd>{a.purpose ?? '—'}</dd>
        <dt>{t('firmDraftPatents')}</dt>
        <dd>{a.application?.patents.map((p) => p.patentNo).join('、') || '—'}</dd>
        <dt>{t('rdSpend')}</dt>
        <dd>{yuan(a.application?.rdSpend ?? null)}</dd>
        <dt>{t('revenueThreeYears')}</dt>
        <dd>{a.application?.revenue.map(yuan).join(' / ') ?? '—'}</dd>
        <dt>{t('firmDraftPreparedBy')}</dt>
        <dd>{a.preparedBy}</dd>
      </dl>
      {a.outdated ? <p className="muted">{t('firmDraftOutdated')}</p> : a.status === 'SUBMITTING' ? <p className="muted">{t('firmDraftSubmitting')}</p> : null}
      <ProblemMessage error={error} />
      <div className="actions">
        {a.outdated ? null : (
          <button type="button" className="primary" disabled={busy} onClick={() => act('submit')}>
            {busy ? t('submitting') : t('firmDraftConfirm')}
          </button>
        )}
        {a.status === 'DRAFT' ? (
          <button type="button" disabled={busy} onClick={() => act('discard')}>
            {t('firmDraftDiscard')}
          </button>
        ) : null}
      </div>
    </article>
  );
}

/** The documents the firm lists, one per line. */
const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const answerBody = (v: Record<string, string>) => ({ text: v.text, documents: lines(v.documents) });

/** The firm's answer to the materials request its paused case waits on; the workflow resumes the clock. */
function MaterialsAnswer({ caseNo, onAnswered }: { caseNo: string; onAnswered: () => void }) {
  const { t } = useI18n();
  return (
    <section className="firm-answer" aria-label={t('firmAnswerTitle')}>
      <h3>{t('firmAnswerTitle')}</h3>
      <ActionForm
        id={`${caseNo}-materials`}
        fields={[
          { name: 'text', label: 'firmAnswerText', kind: 'textarea' },
          { name: 'documents', label: 'firmAnswerDocuments', kind: 'textarea' },
        ]}
        submitLabel={t('firmAnswerSubmit')}
        requestErrors={(v) => requestErrors(FirmMaterialsBody, answerBody(v))}
        onSubmit={async (v, idempotencyKey) => {
          await api(`/firm/cases/${caseNo}/materials`, { method: 'POST', body: answerBody(v), idempotencyKey });
          onAnswered();
        }}
      />
    </section>
  );
}

/**
 * The approved terms and the firm's 确认: the body echoes the terms shown, so a page older than the
 * bank's decision is refused (409, its reason beside the button) rather than confirming other terms.
 */
function ContractConfirmation({ c, terms, by, onConfirmed }: { c: FirmCase; terms: { amount: string; rateBp: number; termMonths: number }; by: string; onConfirmed: () => void }) {
  const { t, lang } = useI18n();
  return (
    <section className="firm-answer firm-confirm" aria-label={t('firmConfirmTitle')}>
      <h3>{t('firmConfirmTitle')}</h3>
      <dl className="facts" data-testid="firm-terms">
        <dt>{t('firmConfirmAmount')}</dt>
        <dd>¥{formatYuan(parseCnyToFen(terms.amount) ?? 0)}</dd>
        <dt>{t('firmConfirmRate')}</dt>
        <dd>{formatBp(terms.rateBp)}</dd>
        <dt>{t('firmConfirmTerm')}</dt>
        <dd>{lang === 'en' ? `${terms.termMonths} months` : `${terms.termMonths}个月`}</dd>
        <dt>{t('firmConfirmBy')}</dt>
        <dd>{by}</dd>
      </dl>
      <ActionForm
        id={`${c.id}-contract-confirmation`}
        fields={[]}
        submitLabel={t('firmConfirmSubmit')}
        onSubmit={async (_, idempotencyKey) => {
          await api(`/firm/cases/${c.id}/contract-confirmation`, { method: 'POST', body: terms, idempotencyKey });
          onConfirmed();
        }}
      />
    </section>
  );
}
