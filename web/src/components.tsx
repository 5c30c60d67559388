// Small pieces every screen uses: loading data, showing an API problem in the user's language,
// a labelled field with its error, the SLA badge, the promise figures' columns.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { PromiseFigures } from '../../domain/reports/promiseKept';
import { ApiError, newIdempotencyKey } from './api';
import { apiMessage } from './apiMessages';
import { formatInstant, formatPercent } from './format';
import { hasMessage, useI18n, type Lang } from './i18n';
import { half, nameOf, placeName, SLA_STATES } from './labels';

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: unknown; loading: boolean; reload(): void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** A form's submission: busy while it runs, and the error it ended with (kept until the next try). */
export function useSubmission() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, submit };
}

/**
 * useSubmission with one Idempotency-Key per record: a double tap, or a resend after a lost
 * answer, sends the same key, so the API does it once; once it has answered, the next record
 * gets a new key.
 */
export function useKeyedSubmission() {
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { submit, ...rest } = useSubmission();
  const keyed = (send: (idempotencyKey: string) => Promise<unknown>) =>
    submit(async () => {
      await send(idempotencyKey);
      setIdempotencyKey(newIdempotencyKey());
    });
  return { ...rest, submit: keyed };
}

/** The localised problem title, then the API's detail (workflow reasons come bilingual). */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError)) return <p className="problem" role="alert">{t('problemTitle')}: {String((error as Error).message ?? error)}</p>;
  if (error.status === 0) return <p className="problem" role="alert">{t('networkError')}</p>;
  const key = `problem:${error.slug}`;
  const title = hasMessage(key) ? t(key) : error.problem?.title ?? t('problemTitle');
  const detail = error.problem?.detail;
  return (
    <p className="problem" role="alert" data-problem={error.slug}>
      <strong>{title}</strong>
      {detail && error.slug !== 'validation' ? <span> — {half(detail, lang)}</span> : null}
    </p>
  );
}

/** Server field errors (by field path) next to their fields; the API's text after ours, in Chinese where the console knows it. */
export function fieldMessage(error: unknown, field: string, t: (k: 'fieldInvalid') => string, lang: Lang): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const m = error.fieldErrors()[field];
  return m === undefined ? undefined : `${t('fieldInvalid')}: ${apiMessage(m, lang)}`;
}

/**
 * A form's error at the field with this API path: what the API's schema refuses in the browser
 * (`errors`, shown once the user has tried to submit), else what the API itself refused.
 */
export function formErrorOf(errors: Record<string, string>, touched: boolean, error: unknown, t: (k: 'fieldInvalid') => string, lang: Lang) {
  return (path: string) => (touched && errors[path] !== undefined ? apiMessage(errors[path], lang) : fieldMessage(error, path, t, lang));
}

export function Field({ label, error, children, htmlFor }: { label: string; error?: string; children: ReactNode; htmlFor: string }) {
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error ? (
        <span className="field-error" role="alert" id={`${htmlFor}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The banks as a select, with an empty first choice. */
export function BankSelect({ id, banks, value, onChange }: { id: string; banks: readonly { code: string; nameZh: string; nameEn: string }[]; value: string; onChange: (code: string) => void }) {
  const { lang } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {banks.map((b) => (
        <option key={b.code} value={b.code}>
          {placeName(banks, b.code, lang)}
        </option>
      ))}
    </select>
  );
}

export function SlaBadge({ state }: { state: string }) {
  const { lang } = useI18n();
  return <span className={`badge sla-${state}`}>{nameOf(SLA_STATES, state, lang)}</span>;
}

/** Decisions (approved / rejected) and in time, payments and the promise kept: the SLA board and the cadence reports show them alike. */
export function PromiseHeaders() {
  const { t } = useI18n();
  return (
    <>
      <th>{t('decidedApprovedRejected')}</th>
      <th>{t('decidedInTimeRate')}</th>
      <th>{t('disbursedCount')}</th>
      <th>{t('promiseKeptDisbursed')}</th>
    </>
  );
}

export function PromiseCells({ f }: { f: PromiseFigures }) {
  const { t } = useI18n();
  return (
    <>
      <td data-label={t('decidedApprovedRejected')}>
        {f.decided} ({f.approved} / {f.rejected})
      </td>
      <td data-label={t('decidedInTimeRate')}>{formatPercent(f.decidedInTimeRate)}</td>
      <td data-label={t('disbursedCount')}>{f.disbursed}</td>
      <td data-label={t('promiseKeptDisbursed')}>{formatPercent(f.promiseKeptRate)}</td>
    </>
  );
}

/** While the clock waits for the firm: since when, by whom, why. */
export function PausedNote({ paused }: { paused: { since: string; by: string; reason: string } | null }) {
  const { t, lang } = useI18n();
  if (!paused) return null;
  return (
    <span className="paused-note" data-testid="paused">
      {t('pausedNote', { since: formatInstant(paused.since, lang), by: paused.by, reason: paused.reason })}
    </span>
  );
}

export function Loading({ loading, error, reload }: { loading: boolean; error?: unknown; reload?: () => void }) {
  const { t } = useI18n();
  if (error)
    return (
      <div>
        <ProblemMessage error={error} />
        {reload ? <button onClick={reload}>{t('retry')}</button> : null}
      </div>
    );
  return loading ? <p className="muted">{t('loading')}</p> : null;
}

/**
 * A board's heading card: its title, a date range (from, to) with the board's own fields after it,
 * the query button, and the problem the last query met.
 */
export function RangeCard<R extends { from: string; to: string }>({ title, draft, setDraft, onSubmit, error, children }: { title: string; draft: R; setDraft(r: NoInfer<R>): void; onSubmit(e: FormEvent): void; error?: unknown; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{title}</h1>
      <form className="range" onSubmit={onSubmit}>
        <label>
          {t('from')} <input id="range-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('to')} <input id="range-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        {children}
        <button type="submit" className="primary">
          {t('refresh')}
        </button>
      </form>
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}

/** A row of figures, each its label over its value (a list's totals, what an import wrote). */
export function Figures({ testId, items }: { testId: string; items: readonly { key: string; label: string; value: ReactNode; wide?: boolean }[] }) {
  return (
    <dl className="totals" data-testid={testId}>
      {items.map((i) => (
        <div key={i.key} className={i.wide ? 'wide' : undefined}>
          <dt>{i.label}</dt>
          <dd data-total={i.key}>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A refused cell's message on an imported row (`column` names it for tests and styles). */
export function CellError({ column, message }: { column: string; message: string | undefined }) {
  const { t, lang } = useI18n();
  if (message === undefined) return null;
  return (
    <span className="field-error" data-error={column}>
      {t('fieldInvalid')}: {apiMessage(message, lang)}
    </span>
  );
}
