// 善科贷 online (docs/firm.md), one form for its two authors: the firm applying itself (its
// credit code is its sign-in's, so the form asks for none) and the bank's customer manager
// preparing it for the firm to confirm (the firm's code, confirmed when a pilot code fails its
// check; the bank is theirs). The API's own request schema checks the form before it is sent.
import { useState, type FormEvent } from 'react';
import { api, newIdempotencyKey, type BankList, type StreetList } from '../api';
import { BankSelect, Field, formErrorOf, ProblemMessage, useLoad, useSubmission } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { useI18n } from '../i18n';
import { FirmApplyBody, PreparedApplicationBody, requestErrors } from '../requestRules';
import { EMPTY_APPLICATION, SciTechApplicationFields, applicationBody, type ApplicationForm } from './SciTechApplication';

const EMPTY = { firmName: '', creditCode: '', street: '', bank: '', amount: '', purpose: '' };
type Form = typeof EMPTY;

/** `firm`: POST /firm/applications, answered by the case opened; `bank`: POST /firm-applications, by the prepared application. */
export function OnlineApplication<T>({ author, submitLabel, onDone }: { author: 'firm' | 'bank'; submitLabel: string; onDone: (answer: T) => void }) {
  const { t, lang } = useI18n();
  const refs = useLoad(() => Promise.all([api<StreetList>('/streets'), api<BankList>('/banks')]), []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [application, setApplication] = useState<ApplicationForm>(EMPTY_APPLICATION);
  const [touched, setTouched] = useState(false);
  // One key per application: a double tap, or a resend after a lost answer, opens or prepares one.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { error, busy, submit: send } = useSubmission();

  const v = Object.fromEntries(Object.entries(form).map(([k, x]) => [k, x.trim()])) as Form;
  const confirmation = useCreditCodeConfirmation(author === 'bank' ? v.creditCode : '', error);
  const common = { firmName: v.firmName, street: v.street, amount: v.amount, purpose: v.purpose, application: applicationBody(application) };
  const body = author === 'firm' ? { ...common, bank: v.bank } : { ...common, creditCode: v.creditCode, confirmCreditCodeWarnings: confirmation.confirms };
  const errors = requestErrors(author === 'firm' ? FirmApplyBody : PreparedApplicationBody, body);
  const errorOf = formErrorOf(errors, touched, error, t, lang);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || confirmation.missing) return;
    await send(async () => {
      const answer = await api<T>(author === 'firm' ? '/firm/applications' : '/firm-applications', { method: 'POST', body, idempotencyKey });
      setForm(EMPTY);
      setApplication(EMPTY_APPLICATION);
      setTouched(false);
      setIdempotencyKey(newIdempotencyKey());
      onDone(answer);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('firmName')} htmlFor="firmName" error={errorOf('firmName')}>
        <input id="firmName" value={form.firmName} onChange={set('firmName')} autoComplete="organization" />
      </Field>
      {author === 'bank' ? (
        <>
          <Field label={t('creditCode')} htmlFor="creditCode" error={errorOf('creditCode')}>
            <input id="creditCode" value={form.creditCode} onChange={set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
          </Field>
          <CreditCodeConfirmation state={confirmation} touched={touched} />
        </>
      ) : null}
      <Field label={t('street')} htmlFor="street" error={errorOf('street')}>
        <BankSelect id="street" banks={refs.data?.[0].items ?? []} value={form.street} onChange={(street) => setForm({ ...form, street })} />
      </Field>
      {author === 'firm' ? (
        <Field label={t('bank')} htmlFor="bank" error={errorOf('bank')}>
          <BankSelect id="bank" banks={refs.data?.[1].items ?? []} value={form.bank} onChange={(bank) => setForm({ ...form, bank })} />
        </Field>
      ) : null}
      <Field label={t('requestedAmount')} htmlFor="amount" error={errorOf('amount')}>
        <input id="amount" value={form.amount} onChange={set('amount')} inputMode="decimal" />
      </Field>
      <Field label={t('purpose')} htmlFor="purpose" error={errorOf('purpose')}>
        <textarea id="purpose" value={form.purpose} onChange={set('purpose')} rows={3} />
      </Field>
      <SciTechApplicationFields value={application} onChange={setApplication} errorOf={errorOf} />
      <ProblemMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : submitLabel}
      </button>
    </form>
  );
}
