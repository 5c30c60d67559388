// What the console's forms share: a submission checked first by the API's own request schema (its
// refusals at the API's field paths, shown once the user has tried) with one Idempotency-Key per
// record, and the rows they are built of (a text field, a choice, a tick box, a list of tick boxes, the end
// with the API's refusal, the submit button and, for a form that can be closed, cancel).
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { Field, formErrorOf, ProblemMessage, useKeyedSubmission } from '../components';
import { useI18n } from '../i18n';

/**
 * A form's submission, refused in the browser while `errors` (requestErrors of the body as it
 * stands) has any. One key per record: a double tap, or a resend after a lost answer, makes it
 * once; once sent, the form starts afresh with a new key (and a cleared form is not yet wrong).
 */
export function useCheckedForm(errors: Record<string, string>) {
  const { t, lang } = useI18n();
  const [touched, setTouched] = useState(false);
  const { error, busy, submit: run } = useKeyedSubmission();
  const submit = (send: (idempotencyKey: string) => Promise<unknown>, extraInvalid = false) => async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || extraInvalid) return;
    await run(async (idempotencyKey) => {
      await send(idempotencyKey);
      setTouched(false);
    });
  };
  return { submit, error, busy, touched, errorOf: formErrorOf(errors, touched, error, t, lang) };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled text input (a textarea of `rows` lines when given) with its error. */
export function TextField({ id, label, error, value, onChange, rows, ...input }: { id: string; label: string; error: string | undefined; value: string; onChange: (value: string) => void; rows?: number } & InputProps) {
  return (
    <Field label={label} htmlFor={id} error={error}>
      {rows ? <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} rows={rows} /> : <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />}
    </Field>
  );
}

/** A labelled choice of `options` (after an `empty` first one, when given) with its error. */
export function SelectField({ id, label, error, value, onChange, options, empty }: { id: string; label: string; error: string | undefined; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; empty?: string }) {
  return (
    <Field label={label} htmlFor={id} error={error}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty === undefined ? null : <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A tick box with its label. */
export function CheckBox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Tick boxes choosing codes (`id` prefixes each box's id and the error's), with the choice's error. */
export function CheckList({ id, legend, items, chosen, onChange, error }: { id: string; legend: string; items: readonly { code: string; label: string }[]; chosen: readonly string[]; onChange: (codes: string[]) => void; error: string | undefined }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((i) => (
        <CheckBox key={i.code} id={`${id}-${i.code}`} label={i.label} checked={chosen.includes(i.code)} onChange={(on) => onChange(on ? [...chosen, i.code] : chosen.filter((c) => c !== i.code))} />
      ))}
      {error ? (
        <span className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** The API's refusal, then submit (`label`, else save) and, for a form that can be closed, cancel. */
export function FormEnd({ error, busy, onCancel, label }: { error: unknown; busy: boolean; onCancel?: () => void; label?: string }) {
  const { t } = useI18n();
  return (
    <>
      <ProblemMessage error={error} />
      <p className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : (label ?? t('save'))}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </p>
    </>
  );
}
