// A case officer opens a case: fast-track, or sci-tech credit (善科贷) with the firm's online
// application. Before sending, the form runs the API's own request schema (requestRules.ts), so
// it refuses what the API would, field by field, in the same words; a pilot code whose check
// character fails needs the officer's confirmation, as the API requires. A refused submit keeps
// every field, and the API's own refusals land next to their fields too.
import { useState, type FormEvent } from 'react';
import { api, newIdempotencyKey, type AnyCaseView, type BankList, type StreetList } from '../api';
import type { SessionUser } from '../auth/session';
import { BankSelect, Field, formErrorOf, ProblemMessage, useLoad, useSubmission } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { useI18n } from '../i18n';
import { CreateCaseBody, requestErrors } from '../requestRules';
import { navigate } from '../router';
import { EMPTY_APPLICATION, SciTechApplicationFields, applicationBody, type ApplicationForm } from './SciTechApplication';

export type Product = 'FAST_TRACK' | 'SCI_TECH';

const EMPTY = { firmName: '', creditCode: '', bank: '', amount: '', purpose: '' };
type Form = typeof EMPTY;

export function NewCase({ user, product }: { user: SessionUser; product: Product }) {
  const { t, lang } = useI18n();
  const refs = useLoad(() => Promise.all([api<StreetList>('/streets'), api<BankList>('/banks')]), []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [application, setApplication] = useState<ApplicationForm>(EMPTY_APPLICATION);
  const [touched, setTouched] = useState(false);
  const [firmConfirmsContract, setFirmConfirmsContract] = useState(false);
  const { error, busy, submit: send } = useSubmission();

  const trimmed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim()])) as Form;
  const confirmation = useCreditCodeConfirmation(trimmed.creditCode, error);
  const body = {
    product,
    ...trimmed,
    street: user.street ?? '',
    confirmCreditCodeWarnings: confirmation.confirms,
    firmConfirmsContract,
    ...(product === 'SCI_TECH' ? { application: applicationBody(application) } : {}),
  };
  const errors = requestErrors(CreateCaseBody, body);
  const errorOf = formErrorOf(errors, touched, error, t, lang);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const street = refs.data?.[0].items.find((s) => s.code === user.street);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || confirmation.missing) return;
    await send(async () => {
      const created = await api<AnyCaseView>('/cases', { method: 'POST', body, idempotencyKey: newIdempotencyKey() });
      navigate(`/cases/${created.id}`);
    });
  };

  return (
    <section className="card">
      <h1>{t(product === 'SCI_TECH' ? 'newSciTechTitle' : 'newCaseTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t('firmName')} htmlFor="firmName" error={errorOf('firmName')}>
          <input id="firmName" value={form.firmName} onChange={set('firmName')} autoComplete="organization" />
        </Field>
        <Field label={t('creditCode')} htmlFor="creditCode" error={errorOf('creditCode')}>
          <input id="creditCode" value={form.creditCode} onChange={set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
        </Field>
        <CreditCodeConfirmation state={confirmation} touched={touched} />
        <Field label={t('street')} htmlFor="street" error={errorOf('street')}>
          <input id="street" value={street ? (lang === 'en' ? street.nameEn : street.nameZh) : user.street ?? ''} readOnly />
        </Field>
        <Field label={t('bank')} htmlFor="bank" error={errorOf('bank')}>
          <BankSelect id="bank" banks={refs.data?.[1].items ?? []} value={form.bank} onChange={(bank) => setForm({ ...form, bank })} />
        </Field>
        <Field label={t(product === 'SCI_TECH' ? 'requestedAmount' : 'amount')} htmlFor="amount" error={errorOf('amount')}>
          <input id="amount" value={form.amount} onChange={set('amount')} inputMode="decimal" />
        </Field>
        <Field label={t('purpose')} htmlFor="purpose" error={errorOf('purpose')}>
          <textarea id="purpose" value={form.purpose} onChange={set('purpose')} rows={3} />
        </Field>
        <label className="check">
          <input id="firmConfirmsContract" type="checkbox" checked={firmConfirmsContract} onChange={(e) => setFirmConfirmsContract(e.target.checked)} />
          {t('firmConfirmsContract')}
        </label>
        {product === 'SCI_TECH' ? <SciTechApplicationFields value={application} onChange={setApplication} errorOf={errorOf} /> : null}
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('submitCase')}
        </button>
      </form>
    </section>
  );
}
