// A case officer opens a fast-track case. The form checks what the API checks, with the same
// code (domain/creditCode.ts, domain/money.ts); a pilot code whose check character fails needs
// the officer's confirmation, as the API requires. A refused submit keeps every field.
import { useState, type FormEvent } from 'react';
import { checkCreditCode } from '../../../domain/creditCode';
import { MAX_AMOUNT_FEN, parseCnyToFen } from '../../../domain/money';
import { api, ApiError, newIdempotencyKey, type BankList, type CaseView, type StreetList } from '../api';
import type { SessionUser } from '../auth/session';
import { BankSelect, Field, fieldMessage, ProblemMessage, useLoad, useSubmission } from '../components';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';

const EMPTY = { firmName: '', creditCode: '', bank: '', amount: '', purpose: '' };
type Form = typeof EMPTY;

/** Client-side errors, by field, as message keys. */
function validate(f: Form): Partial<Record<keyof Form, MessageKey>> {
  const errors: Partial<Record<keyof Form, MessageKey>> = {};
  if (!f.firmName.trim()) errors.firmName = 'errRequired';
  if (!f.purpose.trim()) errors.purpose = 'errRequired';
  if (!f.bank) errors.bank = 'errRequired';
  const fen = parseCnyToFen(f.amount.trim());
  if (fen === undefined || fen <= 0 || fen > MAX_AMOUNT_FEN) errors.amount = 'errAmount';
  const code = f.creditCode.trim();
  if (!code) errors.creditCode = 'errRequired';
  else {
    const r = checkCreditCode(code);
    if (!r.ok) errors.creditCode = code.length === 18 ? 'errCreditCodeChars' : 'errCreditCodeLength';
  }
  return errors;
}

export function NewCase({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const refs = useLoad(() => Promise.all([api<StreetList>('/streets'), api<BankList>('/banks')]), []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [confirmed, setConfirmed] = useState(false);
  const [touched, setTouched] = useState(false);
  const { error, busy, submit: send } = useSubmission();

  const errors = validate(form);
  const check = checkCreditCode(form.creditCode);
  const needsConfirm = (check.ok && check.warnings.length > 0) || (error instanceof ApiError && error.slug === 'credit-code-confirmation-required');
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const show = (k: keyof Form) => (touched && errors[k] ? t(errors[k]!) : undefined) ?? fieldMessage(error, k, t, lang);
  const street = refs.data?.[0].items.find((s) => s.code === user.street);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || (needsConfirm && !confirmed)) return;
    await send(async () => {
      const body = { ...form, firmName: form.firmName.trim(), creditCode: form.creditCode.trim(), amount: form.amount.trim(), purpose: form.purpose.trim(), street: user.street, confirmCreditCodeWarnings: needsConfirm && confirmed };
      const created = await api<CaseView>('/cases', { method: 'POST', body, idempotencyKey: newIdempotencyKey() });
      navigate(`/cases/${created.id}`);
    });
  };

  return (
    <section className="card">
      <h1>{t('newCaseTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t('firmName')} htmlFor="firmName" error={show('firmName')}>
          <input id="firmName" value={form.firmName} onChange={set('firmName')} autoComplete="organization" />
        </Field>
        <Field label={t('creditCode')} htmlFor="creditCode" error={show('creditCode')}>
          <input id="creditCode" value={form.creditCode} onChange={set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
        </Field>
        {needsConfirm ? (
          <div className="warning">
            <p>{t('creditCodeWarning')}</p>
            <label className="check">
              <input id="confirmCreditCode" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {t('confirmCreditCode')}
            </label>
            {touched && !confirmed ? <span className="field-error">{t('errConfirm')}</span> : null}
          </div>
        ) : null}
        <Field label={t('street')} htmlFor="street" error={fieldMessage(error, 'street', t, lang)}>
          <input id="street" value={street ? (lang === 'en' ? street.nameEn : street.nameZh) : user.street ?? ''} readOnly />
        </Field>
        <Field label={t('bank')} htmlFor="bank" error={show('bank')}>
          <BankSelect id="bank" banks={refs.data?.[1].items ?? []} value={form.bank} onChange={(bank) => setForm({ ...form, bank })} />
        </Field>
        <Field label={t('amount')} htmlFor="amount" error={show('amount')}>
          <input id="amount" value={form.amount} onChange={set('amount')} inputMode="decimal" />
        </Field>
        <Field label={t('purpose')} htmlFor="purpose" error={show('purpose')}>
          <textarea id="purpose" value={form.purpose} onChange={set('purpose')} rows={3} />
        </Field>
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('submitCase')}
        </button>
      </form>
    </section>
  );
}
