// What the two forms that open a case share: the case officer's new case (NewCase) and the
// 善科贷 online application by the firm or its customer manager (OnlineApplication). The firm's
// fields and the sci-tech application, the streets and banks to choose from, the API's own
// request schema run before sending, a pilot credit code confirmed, and one Idempotency-Key per
// case. A refused submit keeps every field; an answered one empties the form.
import { useState } from 'react';
import { api, type BankList, type StreetList } from '../api';
import { useLoad } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { useI18n } from '../i18n';
import { requestErrors } from '../requestRules';
import { TextField, useCheckedForm } from './formParts';
import { EMPTY_APPLICATION, applicationBody, type ApplicationForm } from './SciTechApplication';

const EMPTY = { firmName: '', creditCode: '', street: '', bank: '', amount: '', purpose: '' };
export type CaseFields = typeof EMPTY;

/**
 * `bodyOf` makes the request from the trimmed fields and the application, and `schema` checks it;
 * `send` sends it with the pilot code's confirmation (checked on its own: the schema defaults it
 * to false) and the form's key; `onSent` gets the answer.
 */
export function useCaseForm<T>({ schema, bodyOf, send, onSent }: {
  schema: Parameters<typeof requestErrors>[0];
  bodyOf: (fields: CaseFields, application: ReturnType<typeof applicationBody>) => object;
  send: (body: object, confirmCreditCodeWarnings: boolean, idempotencyKey: string) => Promise<T>;
  onSent: (answer: T) => void;
}) {
  const refs = useLoad(() => Promise.all([api<StreetList>('/streets'), api<BankList>('/banks')]), []);
  const [form, setForm] = useState<CaseFields>(EMPTY);
  const [application, setApplication] = useState<ApplicationForm>(EMPTY_APPLICATION);
  const fields = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim()])) as CaseFields;
  const body = bodyOf(fields, applicationBody(application));
  const { submit, ...checked } = useCheckedForm(requestErrors(schema, body));
  const confirmation = useCreditCodeConfirmation(fields.creditCode, checked.error);
  return {
    ...checked,
    form,
    set: (k: keyof CaseFields) => (value: string) => setForm({ ...form, [k]: value }),
    application,
    setApplication,
    confirmation,
    streets: refs.data?.[0].items ?? [],
    banks: refs.data?.[1].items ?? [],
    submit: submit(async (idempotencyKey) => {
      const answer = await send(body, confirmation.confirms, idempotencyKey);
      setForm(EMPTY);
      setApplication(EMPTY_APPLICATION);
      onSent(answer);
    }, confirmation.missing),
  };
}

type CaseForm = ReturnType<typeof useCaseForm<unknown>>;

/** The firm's name, then, where the form asks for it, its credit code (a pilot code confirmed). */
export function FirmFields({ f, asksCode }: { f: CaseForm; asksCode: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField id="firmName" label={t('firmName')} error={f.errorOf('firmName')} value={f.form.firmName} onChange={f.set('firmName')} autoComplete="organization" />
      {asksCode ? (
        <>
          <TextField id="creditCode" label={t('creditCode')} error={f.errorOf('creditCode')} value={f.form.creditCode} onChange={f.set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
          <CreditCodeConfirmation state={f.confirmation} touched={f.touched} />
        </>
      ) : null}
    </>
  );
}

/** The amount asked for (`amountLabel`) and what for. */
export function AmountFields({ f, amountLabel }: { f: CaseForm; amountLabel: string }) {
  const { t } = useI18n();
  return (
    <>
      <TextField id="amount" label={amountLabel} error={f.errorOf('amount')} value={f.form.amount} onChange={f.set('amount')} inputMode="decimal" />
      <TextField id="purpose" label={t('purpose')} error={f.errorOf('purpose')} value={f.form.purpose} onChange={f.set('purpose')} rows={3} />
    </>
  );
}
