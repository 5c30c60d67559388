// A case officer opens a case: fast-track, or sci-tech credit (善科贷) with the firm's online
// application. Before sending, the form runs the API's own request schema (requestRules.ts), so
// it refuses what the API would, field by field, in the same words; a pilot code whose check
// character fails needs the officer's confirmation, as the API requires. A refused submit keeps
// every field, and the API's own refusals land next to their fields too.
import { useState } from 'react';
import { api, type AnyCaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { BankSelect, Field } from '../components';
import { useI18n } from '../i18n';
import { CreateCaseBody } from '../requestRules';
import { navigate } from '../router';
import { AmountFields, FirmFields, useCaseForm } from './caseForm';
import { CheckBox, FormEnd } from './formParts';
import { SciTechApplicationFields } from './SciTechApplication';

export type Product = 'FAST_TRACK' | 'SCI_TECH';

export function NewCase({ user, product }: { user: SessionUser; product: Product }) {
  const { t, lang } = useI18n();
  const [firmConfirmsContract, setFirmConfirmsContract] = useState(false);
  const f = useCaseForm({
    schema: CreateCaseBody,
    bodyOf: (fields, application) => ({
      product,
      ...fields,
      street: user.street ?? '',
      firmConfirmsContract,
      ...(product === 'SCI_TECH' ? { application } : {}),
    }),
    send: (body, confirmCreditCodeWarnings, idempotencyKey) => api<AnyCaseView>('/cases', { method: 'POST', body: { ...body, confirmCreditCodeWarnings }, idempotencyKey }),
    onSent: (created) => navigate(`/cases/${created.id}`),
  });
  const street = f.streets.find((s) => s.code === user.street);

  return (
    <section className="card">
      <h1>{t(product === 'SCI_TECH' ? 'newSciTechTitle' : 'newCaseTitle')}</h1>
      <form onSubmit={f.submit} noValidate>
        <FirmFields f={f} asksCode />
        <Field label={t('street')} htmlFor="street" error={f.errorOf('street')}>
          <input id="street" value={street ? (lang === 'en' ? street.nameEn : street.nameZh) : user.street ?? ''} readOnly />
        </Field>
        <Field label={t('bank')} htmlFor="bank" error={f.errorOf('bank')}>
          <BankSelect id="bank" banks={f.banks} value={f.form.bank} onChange={f.set('bank')} />
        </Field>
        <AmountFields f={f} amountLabel={t(product === 'SCI_TECH' ? 'requestedAmount' : 'amount')} />
        <CheckBox id="firmConfirmsContract" label={t('firmConfirmsContract')} checked={firmConfirmsContract} onChange={setFirmConfirmsContract} />
        {product === 'SCI_TECH' ? <SciTechApplicationFields value={f.application} onChange={f.setApplication} errorOf={f.errorOf} /> : null}
        <FormEnd error={f.error} busy={f.busy} label={t('submitCase')} />
      </form>
    </section>
  );
}
