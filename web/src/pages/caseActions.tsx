// What the signed-in user may do on a case, as forms: complete their branch, pause or resume
// its clock, reassign, decide, cancel the contract or resolve a held payment (the bank's
// approver), withdraw. The API and the workflow have the last word (409).
import { DISBURSEMENT_RESOLUTIONS } from '../../../domain/disbursementHold';
import { formatFen } from '../../../domain/money';
import { withdrawalRefusal } from '../../../domain/stages';
import { PAUSABLE_TASKS, REJECTION_REASONS, XINYIDAI_APPLICATION_NO, type TaskKind } from '../../../domain/fastTrack/policy';
import type { z } from 'zod';
import { api, type AnyCaseView, type CaseTask, type CaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { useI18n, type Lang } from '../i18n';
import { nameOf, OUTCOMES, REASONS, TASK_SLUGS, type Names } from '../labels';
import { DecisionBody, jsonNumber, requestErrors } from '../requestRules';
import { ActionForm, type FieldSpec } from './ActionForm';

const CLOCK_ROLES = ['case_officer', 'task_force', 'grid_officer', 'customer_manager'];
const post = (caseId: string, path: string, body: unknown, idempotencyKey: string) => api<CaseView>(`/cases/${caseId}${path}`, { method: 'POST', body, idempotencyKey });

const options = (codes: readonly string[], lang: Lang) => codes.map((c) => ({ value: c, label: nameOf(OUTCOMES, c, lang) }));

function evidenceFields(kind: TaskKind, lang: Lang): FieldSpec[] {
  switch (kind) {
    case 'GRID_SUBMISSION':
      return [{ name: 'applicationNo', label: 'applicationNo', check: (v) => (XINYIDAI_APPLICATION_NO.test(v) ? undefined : 'fieldInvalid') }];
    case 'BANK_VIP_CHANNEL':
      return [
        { name: 'assessmentOutcome', label: 'assessmentOutcome', kind: 'select', options: options(['RECOMMEND', 'RECOMMEND_WITH_CONDITIONS', 'NOT_RECOMMENDED'], lang), initial: 'RECOMMEND' },
        { name: 'note', label: 'note', kind: 'textarea', optional: true },
      ];
    case 'DUE_DILIGENCE':
      return [
        { name: 'reportNo', label: 'reportNo' },
        { name: 'riskRating', label: 'riskRating', kind: 'select', options: options(['LOW', 'MEDIUM', 'HIGH'], lang), initial: 'LOW' },
        { name: 'summary', label: 'summary', kind: 'textarea' },
      ];
  }
}

const withoutEmpty = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== ''));

export function TaskActions({ c, task, user, onChange }: { c: CaseView; task: CaseTask; user: SessionUser; onChange: (c: CaseView) => void }) {
  const { t, lang } = useI18n();
  if (task.status !== 'OPEN') return null;
  const slug = TASK_SLUGS[task.kind]!;
  const paused = c.pauses.some((p) => p.kind === task.kind && !p.until);
  return (
    <div className="actions">
      {task.assignee === user.sub ? (
        <ActionForm id={`${c.id}-${slug}-complete`} fields={evidenceFields(task.kind, lang)} submitLabel={t('complete')} onSubmit={async (v, key) => onChange(await post(c.id, `/tasks/${slug}/complete`, withoutEmpty(v), key))} />
      ) : null}
      {CLOCK_ROLES.includes(user.role) && PAUSABLE_TASKS.includes(task.kind) && !paused ? (
        <ActionForm id={`${c.id}-${slug}-pause`} folded fields={[{ name: 'reason', label: 'reason' }]} submitLabel={t('pause')} onSubmit={async (v, key) => onChange(await post(c.id, `/tasks/${slug}/pause`, v, key))} />
      ) : null}
      {CLOCK_ROLES.includes(user.role) && paused ? (
        <ActionForm id={`${c.id}-${slug}-resume`} folded fields={[{ name: 'note', label: 'note', optional: true }]} submitLabel={t('resume')} onSubmit={async (v, key) => onChange(await post(c.id, '/sla/resume', withoutEmpty(v), key))} />
      ) : null}
      {['case_officer', 'task_force'].includes(user.role) ? (
        <ActionForm
          id={`${c.id}-${slug}-reassign`}
          folded
          fields={[{ name: 'assignee', label: 'assignee', initial: task.assignee }, { name: 'reason', label: 'reason' }]}
          submitLabel={t('reassign')}
          onSubmit={async (v, key) => onChange(await post(c.id, `/tasks/${slug}/reassign`, v, key))}
        />
      ) : null}
    </div>
  );
}

const approval = (v: Record<string, string>) => ({ outcome: 'APPROVED', amount: v.amount, rateBp: jsonNumber(v.rateBp), termMonths: jsonNumber(v.termMonths) });
const rejection = (v: Record<string, string>) => ({ outcome: 'REJECTED', reasons: [withoutEmpty(v)] });

/**
 * Approve (amount, rate, term) or reject with one of the product's reasons. Before sending, the
 * API's own decision schema for the product checks the values (requestRules.ts).
 */
export function DecisionFields<V extends AnyCaseView>({ caseId, schema, reasons, reasonNames, initial, onChange }: {
  caseId: string;
  schema: z.ZodType;
  reasons: readonly string[];
  reasonNames: Names;
  initial: { amount: string; rateBp: number; termMonths: number };
  onChange: (c: V) => void;
}) {
  const { t, lang } = useI18n();
  const options = reasons.map((r) => ({ value: r, label: nameOf(reasonNames, r, lang) }));
  const decide = async (body: unknown, idempotencyKey: string) => onChange(await api<V>(`/cases/${caseId}/decision`, { method: 'POST', body, idempotencyKey }));
  return (
    <div className="actions decision">
      <ActionForm
        id={`${caseId}-approve`}
        fields={[
          { name: 'amount', label: 'approvedAmount', kind: 'number', initial: initial.amount },
          { name: 'rateBp', label: 'rateBp', kind: 'number', initial: String(initial.rateBp) },
          { name: 'termMonths', label: 'termMonths', kind: 'number', initial: String(initial.termMonths) },
        ]}
        requestErrors={(v) => requestErrors(schema, approval(v))}
        submitLabel={t('approve')}
        onSubmit={(v, key) => decide(approval(v), key)}
      />
      <ActionForm
        id={`${caseId}-reject`}
        folded
        fields={[
          { name: 'code', label: 'rejectionReason', kind: 'select', options, initial: options[0]!.value, apiPath: 'reasons.0.code' },
          { name: 'note', label: 'note', optional: true, apiPath: 'reasons.0.note' },
        ]}
        requestErrors={(v) => requestErrors(schema, rejection(v))}
        submitLabel={t('reject')}
        onSubmit={(v, key) => decide(rejection(v), key)}
      />
    </div>
  );
}

export function DecisionForm({ c, onChange }: { c: CaseView; onChange: (c: CaseView) => void }) {
  return <DecisionFields caseId={c.id} schema={DecisionBody} reasons={REJECTION_REASONS} reasonNames={REASONS} initial={{ amount: c.amount, rateBp: 385, termMonths: 12 }} onChange={onChange} />;
}

/**
 * After the decision, either product: the bank's approver answers a held payment or cancels a
 * signed, unpaid contract; the street's officer or the task force withdraws a case that may still
 * be withdrawn (the validators' own rule).
 */
export function LaterActions({ c, user, onChange }: { c: AnyCaseView; user: SessionUser; onChange: (c: AnyCaseView) => void }) {
  const { t } = useI18n();
  return (
    <>
      {user.role === 'credit_approver' && c.stage === 'DISBURSEMENT_HELD' && c.disbursementHold ? (
        <section className="card">
          <HeldDisbursement c={c} onChange={onChange} />
        </section>
      ) : null}
      {user.role === 'credit_approver' && c.stage === 'DISBURSING' && c.contract ? (
        <section className="card">
          <ActionForm id={`${c.id}-cancel-contract`} folded fields={[{ name: 'reason', label: 'reason' }]} submitLabel={t('cancelContract')} onSubmit={async (v, key) => onChange(await post(c.id, '/contract/cancellation', v, key))} />
        </section>
      ) : null}
      {!withdrawalRefusal(c) && ['case_officer', 'task_force'].includes(user.role) ? (
        <section className="card">
          <ActionForm id={`${c.id}-withdraw`} folded fields={[{ name: 'reason', label: 'reason' }]} submitLabel={t('withdraw')} onSubmit={async (v, key) => onChange(await post(c.id, '/withdrawal', v, key))} />
        </section>
      ) : null}
    </>
  );
}

/** The bank's approver: a payment the bank reports at another amount, confirmed or asked again. */
export function HeldDisbursement({ c, onChange }: { c: AnyCaseView; onChange: (c: AnyCaseView) => void }) {
  const { t, lang } = useI18n();
  const hold = c.disbursementHold!;
  return (
    <>
      <p data-testid="disbursement-held">{t('disbursementHeld', { requested: formatFen(hold.requestedFen), reported: formatFen(hold.reported.amountFen), reference: hold.reported.reference })}</p>
      <ActionForm
        id={`${c.id}-resolve-disbursement`}
        fields={[
          { name: 'action', label: 'resolution', kind: 'select', options: options(DISBURSEMENT_RESOLUTIONS, lang), initial: 'CONFIRM_REPORTED' },
          { name: 'note', label: 'note', kind: 'textarea' },
        ]}
        submitLabel={t('resolveDisbursement')}
        onSubmit={async (v, key) => onChange(await post(c.id, '/disbursement/resolution', v, key))}
      />
    </>
  );
}
