// 善科贷 online (docs/firm.md), one form for its two authors: the firm applying itself (its
// credit code is its sign-in's, so the form asks for none) and the bank's customer manager
// preparing it for the firm to confirm (the firm's code, confirmed when a pilot code fails its
// check; the bank is theirs). The API's own request schema checks the form before it is sent.
import { api } from '../api';
import { BankSelect, Field } from '../components';
import { useI18n } from '../i18n';
import { FirmApplyBody, PreparedApplicationBody } from '../requestRules';
import { AmountFields, FirmFields, useCaseForm } from './caseForm';
import { FormEnd } from './formParts';
import { SciTechApplicationFields } from './SciTechApplication';

/** `firm`: POST /firm/applications, answered by the case opened; `bank`: POST /firm-applications, by the prepared application. */
export function OnlineApplication<T>({ author, submitLabel, onDone }: { author: 'firm' | 'bank'; submitLabel: string; onDone: (answer: T) => void }) {
  const { t } = useI18n();
  const f = useCaseForm({
    schema: author === 'firm' ? FirmApplyBody : PreparedApplicationBody,
    bodyOf: (v, application) => {
      const common = { firmName: v.firmName, street: v.street, amount: v.amount, purpose: v.purpose, application };
      return author === 'firm' ? { ...common, bank: v.bank } : { ...common, creditCode: v.creditCode };
    },
    send: (body, confirmCreditCodeWarnings, idempotencyKey) =>
      author === 'firm'
        ? api<T>('/firm/applications', { method: 'POST', body, idempotencyKey })
        : api<T>('/firm-applications', { method: 'POST', body: { ...body, confirmCreditCodeWarnings }, idempotencyKey }),
    onSent: onDone,
  });

  return (
    <form onSubmit={f.submit} noValidate>
      <FirmFields f={f} asksCode={author === 'bank'} />
      <Field label={t('street')} htmlFor="street" error={f.errorOf('street')}>
        <BankSelect id="street" banks={f.streets} value={f.form.street} onChange={f.set('street')} />
      </Field>
      {author === 'firm' ? (
        <Field label={t('bank')} htmlFor="bank" error={f.errorOf('bank')}>
          <BankSelect id="bank" banks={f.banks} value={f.form.bank} onChange={f.set('bank')} />
        </Field>
      ) : null}
      <AmountFields f={f} amountLabel={t('requestedAmount')} />
      <SciTechApplicationFields value={f.application} onChange={f.setApplication} errorOf={f.errorOf} />
      <FormEnd error={f.error} busy={f.busy} label={submitLabel} />
    </form>
  );
}
