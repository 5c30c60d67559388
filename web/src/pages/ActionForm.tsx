// One form for every case action: labelled fields, client checks, the API's field errors next
// to their fields and its refusal next to the button; the values stay after a failure. One
// Idempotency-Key per action until the API answers it: a resend after a lost answer is the same
// action (the workflow update's id), answered as it was, never a second one.
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiMessage } from '../apiMessages';
import { Field, ProblemMessage, fieldMessage, useKeyedSubmission } from '../components';
import { useI18n, type MessageKey } from '../i18n';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'textarea' | 'select' | 'number';
  options?: readonly { value: string; label: string }[];
  initial?: string;
  optional?: boolean;
  /** A message key when the value is not acceptable. */
  check?: (value: string) => MessageKey | undefined;
  /** The API's path of this field when it differs from `name`, e.g. reasons.0.code. */
  apiPath?: string;
}

export function ActionForm({ id, fields, submitLabel, onSubmit, requestErrors, extra, folded = false }: {
  id: string;
  folded?: boolean;
  fields: readonly FieldSpec[];
  submitLabel: string;
  onSubmit: (values: Record<string, string>, idempotencyKey: string) => Promise<unknown>;
  /** What the API's request schema refuses in the body these values make, by API field path (requestRules.ts). */
  requestErrors?: (values: Record<string, string>) => Record<string, string>;
  /**
   * Fields the parent keeps itself (given the form's values), after these; `errorAt` is the
   * error at an API path. A refusal at a path no field of this form shows then holds the submit.
   */
  extra?: (values: Record<string, string>, errorAt: (path: string) => string | undefined) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [touched, setTouched] = useState(false);
  const { error, busy, submit: send } = useKeyedSubmission();

  const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
  const refused = requestErrors?.(trimmed) ?? {};
  const clientError = (f: FieldSpec): string | undefined => {
    const v = trimmed[f.name] ?? '';
    if (!v) return f.optional ? undefined : t('errRequired');
    const key = f.check?.(v);
    if (key) return t(key);
    const m = refused[f.apiPath ?? f.name];
    return m === undefined ? undefined : apiMessage(m, lang);
  };

  const errorAt = (path: string) => (touched && refused[path] !== undefined ? apiMessage(refused[path], lang) : fieldMessage(error, path, t, lang));
  const ownPaths = new Set(fields.map((f) => f.apiPath ?? f.name));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (fields.some((f) => clientError(f)) || (extra && Object.keys(refused).some((path) => !ownPaths.has(path)))) return;
    await send((idempotencyKey) => onSubmit(trimmed, idempotencyKey));
  };

  const form = (
    <form className="action" onSubmit={submit} noValidate data-action={id}>
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const ce = touched ? clientError(f) : undefined;
        const set = (v: string) => setValues({ ...values, [f.name]: v });
        return (
          <Field key={f.name} label={t(f.label)} htmlFor={fid} error={ce ?? fieldMessage(error, f.apiPath ?? f.name, t, lang)}>
            {f.kind === 'select' ? (
              <select id={fid} name={f.name} value={values[f.name]} onChange={(e) => set(e.target.value)}>
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.kind === 'textarea' ? (
              <textarea id={fid} name={f.name} value={values[f.name]} onChange={(e) => set(e.target.value)} rows={2} />
            ) : (
              <input id={fid} name={f.name} value={values[f.name]} onChange={(e) => set(e.target.value)} inputMode={f.kind === 'number' ? 'decimal' : undefined} />
            )}
          </Field>
        );
      })}
      {extra?.(trimmed, errorAt)}
      <ProblemMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : submitLabel}
      </button>
    </form>
  );
  // Secondary actions (pause, reassign, withdraw…) stay folded until wanted; a failed one stays open.
  return folded ? (
    <details className="action-fold" open={error !== undefined}>
      <summary>{submitLabel}</summary>
      {form}
    </details>
  ) : (
    form
  );
}
