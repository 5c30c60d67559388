// The firm's own page (企业端), phone first: each of its applications as a card with where it
// stands in one sentence (the API's, from domain/firmCaseStatus.ts), the bank and the promised date.
import type { z } from 'zod';
import type { FirmCaseList } from '../../../api/contract/firmCaseResponses';
import { parseCnyToFen } from '../../../domain/money';
import { api, newIdempotencyKey } from '../api';
import { Loading, useLoad } from '../components';
import { formatBp, formatInstant, formatYuan } from '../format';
import { useI18n } from '../i18n';
import { nameOf, PRODUCTS, STAGES, WAITING_ON } from '../labels';
import { FirmMaterialsBody, requestErrors } from '../requestRules';
import { ActionForm } from './ActionForm';

type FirmCase = z.infer<typeof FirmCaseList>['items'][number];

export function FirmCases() {
  const { t } = useI18n();
  const loaded = useLoad(() => api<z.infer<typeof FirmCaseList>>('/firm/cases'), []);
  if (!loaded.data) return <Loading {...loaded} />;
  const { items } = loaded.data;
  return (
    <section className="firm-cases">
      <h1>{t('firmCasesTitle')}</h1>
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
        onSubmit={async (v) => {
          await api(`/firm/cases/${caseNo}/materials`, { method: 'POST', body: answerBody(v), idempotencyKey: newIdempotencyKey() });
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
        onSubmit={async () => {
          await api(`/firm/cases/${c.id}/contract-confirmation`, { method: 'POST', body: terms, idempotencyKey: newIdempotencyKey() });
          onConfirmed();
        }}
      />
    </section>
  );
}
