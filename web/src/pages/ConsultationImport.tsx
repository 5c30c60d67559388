// The task force imports a batch of firms a bank refused: pasted or uploaded CSV, checked row by
// row with the API's own schema (batchRows.ts) before anything is sent; a pilot credit code is
// confirmed per firm. The API starts all firms or none, and its refusals land on their rows.
import { useState, type FormEvent } from 'react';
import { api, ApiError, newIdempotencyKey, type BankList, type ConsultationBatchStarted, type StreetList } from '../api';
import { apiMessage } from '../apiMessages';
import { checkBatch, COLUMNS, addErrors, bodyOf, readRows, type BatchCheck, type Column } from '../batchRows';
import { BankSelect, CellError, Field, Loading, ProblemMessage, useLoad, useSubmission } from '../components';
import { useI18n, type MessageKey } from '../i18n';
import { CONSULTATION_REASONS, nameOf, placeName } from '../labels';
import { navigate } from '../router';

const HEADINGS: Record<Column, MessageKey> = { name: 'firmName', creditCode: 'creditCode', street: 'street', amount: 'refusedAmount', purpose: 'purpose', reasons: 'reasons' };

export function ConsultationImport() {
  const { t, lang } = useI18n();
  const refs = useLoad(() => Promise.all([api<StreetList>('/streets'), api<BankList>('/banks')]), []);
  const [bank, setBank] = useState('');
  const [text, setText] = useState('');
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const [touched, setTouched] = useState(false);
  const { error, setError, busy, submit: send } = useSubmission();
  if (!refs.data) return <Loading {...refs} />;
  const [streets, banks] = [refs.data[0].items, refs.data[1].items];

  const rows = readRows(text, streets);
  const check: BatchCheck = checkBatch(bank, rows, streets, confirmed);
  // The API's refusal of the last submission, on its rows (field paths firms.N.x).
  if (error instanceof ApiError) addErrors(check, error.problem?.errors ?? []);
  const invalidRows = rows.filter((_, i) => check.rows.has(i)).length;
  const shown = touched || text.trim() !== '';

  const edit = (next: string) => {
    setText(next);
    setConfirmed(new Set());
    setError(undefined);
  };
  const confirm = (i: number, on: boolean) => {
    const next = new Set(confirmed);
    if (on) next.add(i);
    else next.delete(i);
    setConfirmed(next);
    setError(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (rows.length === 0 || check.rows.size || check.bank || check.batch.length) return;
    await send(async () => {
      const started = await api<ConsultationBatchStarted>('/consultation-batches', { method: 'POST', body: bodyOf(bank, rows, confirmed), idempotencyKey: newIdempotencyKey() });
      navigate(`/consultations/batches/${started.id}`);
    });
  };

  return (
    <section className="card">
      <h1>{t('importTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t('refusingBank')} htmlFor="batch-bank" error={shown && check.bank ? `${t('fieldInvalid')}: ${apiMessage(check.bank, lang)}` : undefined}>
          <BankSelect id="batch-bank" banks={banks} value={bank} onChange={setBank} />
        </Field>
        <p className="muted" id="csv-hint">
          {t('importHint')} {t('reasons')}: {Object.keys(CONSULTATION_REASONS).map((c) => nameOf(CONSULTATION_REASONS, c, lang)).join('、')}
        </p>
        <Field label={t('csvText')} htmlFor="batch-csv">
          <textarea id="batch-csv" aria-describedby="csv-hint" rows={6} value={text} onChange={(e) => edit(e.target.value)} spellCheck={false} />
        </Field>
        <Field label={t('csvFile')} htmlFor="batch-file">
          <input id="batch-file" type="file" accept=".csv,text/csv" onChange={async (e) => edit((await e.target.files?.[0]?.text()) ?? '')} />
        </Field>
        {rows.length ? (
          <>
            <p data-testid="rows-ready">{t('rowsReady', { n: rows.length, m: invalidRows })}</p>
            <table className="responsive batch-rows">
              <thead>
                <tr>
                  <th>{t('line')}</th>
                  {COLUMNS.map((c) => (
                    <th key={c}>{t(HEADINGS[c])}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const errors = shown ? check.rows.get(i) : undefined;
                  return (
                    <tr key={i} data-row={i} className={errors ? 'invalid' : undefined}>
                      <td data-label={t('line')}>{r.line}</td>
                      {COLUMNS.map((c) => (
                        <td key={c} data-label={t(HEADINGS[c])}>
                          <span>{c === 'reasons' ? (r.firm.reasons ?? []).map((x) => nameOf(CONSULTATION_REASONS, x.code, lang) + (x.note ? `：${x.note}` : '')).join('；') : c === 'street' ? placeName(streets, r.firm.street, lang) : r.firm[c]}</span>
                          {c === 'creditCode' && r.warnings.length ? (
                            <label className="check">
                              <input type="checkbox" id={`confirm-${i}`} checked={confirmed.has(i)} onChange={(e) => confirm(i, e.target.checked)} />
                              {t('confirmCreditCode')}
                            </label>
                          ) : null}
                          <CellError column={c} message={errors?.[c]} />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : touched ? (
          <p className="field-error">{t('noRows')}</p>
        ) : null}
        {shown
          ? check.batch.map((m) => (
              <p key={m} className="field-error" role="alert">
                {apiMessage(m, lang)}
              </p>
            ))
          : null}
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('importSubmit')}
        </button>
      </form>
    </section>
  );
}
