// 大数据筛查导入: a street's officer (their street) or the district (any street) imports the
// street's firms with indicators from 信易贷 or tax data; the API screens them with the transparent
// model and answers each row's screening. The flagged firms, each flag with its reasons (the input
// against its threshold, Chinese first), join the street's visit list.
import { useState } from 'react';
import { api, newIdempotencyKey, type ScreeningImportView, type StreetList } from '../api';
import type { SessionUser } from '../auth/session';
import { Field, Figures, Loading, useLoad } from '../components';
import { useI18n, type MessageKey } from '../i18n';
import { placeName } from '../labels';
import { Link } from '../router';
import { SCREENING_COLUMNS, ScreeningRow } from '../requestRules';
import { CsvImport } from './CsvImport';
import { ScreenedFirm } from './surveyParts';

type Column = keyof typeof SCREENING_COLUMNS;
const HEADINGS: Record<Column, MessageKey> = {
  creditCode: 'creditCode',
  name: 'firmName',
  building: 'building',
  revenueChangePct: 'colRevenueChangePct',
  arrearsYuan: 'colArrearsYuan',
  headcountChangePct: 'colHeadcountChangePct',
  maturingLoansYuan: 'colMaturingLoansYuan',
  refusedRecently: 'colRefusedRecently',
};

export function ScreeningImport({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const streets = useLoad(() => api<StreetList>('/streets'), []);
  // A case officer imports for their own street only; the district chooses (its own street first).
  const [chosen, setStreet] = useState(user.street ?? '');
  const [source, setSource] = useState('');
  const [confirm, setConfirm] = useState(false);
  if (!streets.data) return <Loading {...streets} />;
  const choices = streets.data.items.filter((s) => user.role !== 'case_officer' || s.code === user.street);
  const street = chosen || choices[0]!.code;

  return (
    <section className="card">
      <h1>{t('screeningTitle')}</h1>
      <CsvImport
        id="screening"
        columns={SCREENING_COLUMNS}
        required={['creditCode', 'name']}
        rowSchema={ScreeningRow}
        heading={(c) => t(HEADINGS[c])}
        hint={`${t('screeningHint')} ${Object.values(SCREENING_COLUMNS).join('、')}`}
        submitLabel={t('screeningSubmit')}
        send={(csv, skipBadRows) =>
          api<ScreeningImportView>(`/streets/${street}/screening-imports`, {
            method: 'POST',
            body: { csv, skipBadRows, confirmCreditCodeWarnings: confirm, ...(source.trim() ? { source } : {}) },
            idempotencyKey: newIdempotencyKey(),
          })
        }
        result={(r) => <ScreeningResult r={r} />}
      >
        <Field label={t('street')} htmlFor="screening-street">
          <select id="screening-street" value={street} onChange={(e) => setStreet(e.target.value)}>
            {choices.map((s) => (
              <option key={s.code} value={s.code}>
                {placeName(choices, s.code, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('screeningSource')} htmlFor="screening-source">
          <input id="screening-source" value={source} onChange={(e) => setSource(e.target.value)} placeholder="信易贷 2026-11" />
        </Field>
        <label className="check">
          <input id="screening-confirm" type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
          {t('screeningConfirmCodes')}
        </label>
      </CsvImport>
    </section>
  );
}

/** What the import wrote, and the firms it flagged with every reason; the others counted. */
function ScreeningResult({ r }: { r: ScreeningImportView }) {
  const { t } = useI18n();
  const flagged = r.firms.filter((f) => f.flagged);
  return (
    <div className="import-result">
      <h2 className="ok" role="status">
        {t('screeningDone', { rows: r.rows, flagged: r.flagged })}
      </h2>
      <WrittenSummary written={r.written} skipped={r.skipped.length} />
      <ul className="screened" data-testid="flagged-firms">
        {flagged.map((f) => (
          <ScreenedFirm key={f.creditCode} firm={f} />
        ))}
      </ul>
      {r.firms.length > flagged.length ? <p className="muted">{t('screeningNotFlagged', { n: r.firms.length - flagged.length })}</p> : null}
      <p>
        <Link to="/visit-list">{t('screeningOnVisitList')}</Link>
      </p>
    </div>
  );
}

/** Created, changed, unchanged and skipped rows of an import. */
export function WrittenSummary({ written, skipped }: { written: ScreeningImportView['written']; skipped: number }) {
  const { t } = useI18n();
  const items = (['created', 'changed', 'unchanged'] as const).map((k) => ({ key: k, label: t(`written_${k}`), value: written[k] }));
  return <Figures testId="written" items={[...items, { key: 'skipped', label: t('written_skipped'), value: skipped }]} />;
}
