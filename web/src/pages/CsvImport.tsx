// The form of a CSV import the API reads itself (screening, banks): paste or upload, every row
// checked in the browser by the API's own row schema (importRows.ts) and shown with its problems
// on its row and column, the all-or-nothing choice (skipBadRows), then the API's answer: its
// refusals on their rows, or what it wrote, with the rows it skipped.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api';
import { apiMessage } from '../apiMessages';
import { CellError, Field, ProblemMessage, useSubmission } from '../components';
import { useI18n } from '../i18n';
import { addImportErrors, badRows, checkImport, type ImportColumns } from '../importRows';

interface Skipped {
  skipped: { row: number; errors: { field: string; message: string }[] }[];
}

export interface CsvImportProps<K extends string, R extends Skipped> {
  /** Prefix of the form's element ids. */
  id: string;
  columns: ImportColumns<K>;
  required: readonly NoInfer<K>[];
  rowSchema: z.ZodType;
  /** A column's heading in the user's language. */
  heading(column: K): string;
  hint: ReactNode;
  /** The form's own fields, above the CSV (a street, a source). */
  children?: ReactNode;
  submitLabel: string;
  send(csv: string, skipBadRows: boolean): Promise<R>;
  /** What the import did. */
  result(r: R): ReactNode;
}

export function CsvImport<K extends string, R extends Skipped>(p: CsvImportProps<K, R>) {
  const { t, lang } = useI18n();
  const [csv, setCsv] = useState('');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState<R>();
  const { error, setError, busy, submit: run } = useSubmission();

  const check = checkImport(csv, p.columns, p.required, p.rowSchema);
  // The API's refusal of the last submission (or the rows it skipped), on their rows.
  if (error instanceof ApiError) addImportErrors(check, error.problem?.errors ?? []);
  if (done) addImportErrors(check, done.skipped.flatMap((s) => s.errors));
  const bad = badRows(check);
  // Bad rows block the import unless they are to be skipped (and some row is good).
  const rowsBlock = bad.length > 0 && (!skipBadRows || bad.length === check.rows.length);
  const shown = touched || csv.trim() !== '';
  const used = (Object.keys(p.columns) as K[]).filter((k) => check.rows.some((r) => r.cells[k] !== undefined));

  const edit = (next: string) => {
    setCsv(next);
    setDone(undefined);
    setError(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (check.csv.length || check.rows.length === 0 || rowsBlock) return;
    setDone(undefined);
    await run(async () => setDone(await p.send(csv, skipBadRows)));
  };

  return (
    <form onSubmit={submit} noValidate data-testid={`${p.id}-form`}>
      {p.children}
      <p className="muted" id={`${p.id}-hint`}>
        {p.hint}
      </p>
      <Field label={t('csvText')} htmlFor={`${p.id}-csv`}>
        <textarea id={`${p.id}-csv`} className="code" aria-describedby={`${p.id}-hint`} rows={6} value={csv} onChange={(e) => edit(e.target.value)} spellCheck={false} />
      </Field>
      <Field label={t('csvFile')} htmlFor={`${p.id}-file`}>
        <input id={`${p.id}-file`} type="file" accept=".csv,text/csv" onChange={async (e) => edit((await e.target.files?.[0]?.text()) ?? '')} />
      </Field>
      <label className="check">
        <input id={`${p.id}-skip`} type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} />
        {t('skipBadRows')}
      </label>
      {shown
        ? check.csv.map((m) => (
            <p key={m} className="field-error" role="alert" data-error="csv">
              {apiMessage(m, lang)}
            </p>
          ))
        : null}
      {check.rows.length ? (
        <>
          <p data-testid={`${p.id}-ready`}>{t('importRowsReady', { n: check.rows.length, m: bad.length })}</p>
          <table className="responsive batch-rows">
            <thead>
              <tr>
                <th>{t('line')}</th>
                {used.map((c) => (
                  <th key={c}>{p.heading(c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {check.rows.map((r) => (
                <tr key={r.row} data-row={r.row} className={Object.keys(r.errors).length ? 'invalid' : undefined}>
                  <td data-label={t('line')}>
                    {r.row}
                    {r.errors[''] ? <span className="field-error" data-error="row"> {apiMessage(r.errors['']!, lang)}</span> : null}
                  </td>
                  {used.map((c) => (
                    <td key={c} data-label={p.heading(c)}>
                      <span>{r.cells[c]}</span>
                      <CellError column={c} message={r.errors[c]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : touched && !check.csv.length ? (
        <p className="field-error">{t('noRows')}</p>
      ) : null}
      {touched && rowsBlock && !(error instanceof ApiError) ? (
        <p className="field-error" role="alert" data-testid={`${p.id}-blocked`}>
          {t('importFixRows', { m: bad.length })}
        </p>
      ) : null}
      <ProblemMessage error={error} />
      {done ? <div data-testid={`${p.id}-result`}>{p.result(done)}</div> : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : p.submitLabel}
      </button>
    </form>
  );
}
