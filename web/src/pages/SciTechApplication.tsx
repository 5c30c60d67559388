// The sci-tech firm's online application (善科贷) as form fields: its patents (number, type,
// years of protection left), R&D spend, three years' revenue, years in operation, existing debt.
// The values go to the API as its request schema names them; errors come by the API's field path.
import { PATENT_TYPES, type PatentType } from '../../../domain/sciTech/policy';
import { useI18n, type MessageKey } from '../i18n';
import { nameOf, PATENT_TYPE_NAMES } from '../labels';
import { jsonNumber } from '../requestRules';
import { SelectField, TextField } from './formParts';

interface PatentRow {
  /** Keeps a row's inputs when an earlier row is removed. */
  key: number;
  patentNo: string;
  type: PatentType;
  remainingYears: string;
}

export interface ApplicationForm {
  patents: PatentRow[];
  rdSpend: string;
  revenue: [string, string, string];
  yearsInOperation: string;
  existingDebt: string;
}

export const EMPTY_APPLICATION: ApplicationForm = {
  patents: [{ key: 0, patentNo: '', type: 'INVENTION', remainingYears: '' }],
  rdSpend: '',
  revenue: ['', '', ''],
  yearsInOperation: '',
  existingDebt: '',
};

/** The application as the API's request body takes it. */
export function applicationBody(a: ApplicationForm) {
  return {
    patents: a.patents.map((p) => ({ patentNo: p.patentNo.trim(), type: p.type, remainingYears: jsonNumber(p.remainingYears) })),
    rdSpend: a.rdSpend.trim(),
    revenue: a.revenue.map((r) => r.trim()),
    yearsInOperation: jsonNumber(a.yearsInOperation),
    existingDebt: a.existingDebt.trim(),
  };
}

/** An input's id from the API's field path: application.patents.0.type → application-patents-0-type. */
const idOf = (path: string) => path.replace(/\./g, '-');

const REVENUE_YEARS: readonly MessageKey[] = ['revenueTwoYearsAgo', 'revenueLastYear', 'revenueLatestYear'];

/** `at`: where the application sits in the request body (a case's `application`, a consultation plan's `sciTech`). */
export function SciTechApplicationFields({ value, onChange, errorOf, at: root = 'application' }: { value: ApplicationForm; onChange: (a: ApplicationForm) => void; errorOf: (path: string) => string | undefined; at?: string }) {
  const { t, lang } = useI18n();
  const text = (path: string, v: string, set: (v: string) => void, label: string, inputMode?: 'decimal' | 'numeric') => (
    <TextField key={path} id={idOf(path)} label={label} error={errorOf(path)} value={v} onChange={set} inputMode={inputMode} spellCheck={false} />
  );
  const setPatent = (i: number, patch: Partial<PatentRow>) => onChange({ ...value, patents: value.patents.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  /** An error about a group as a whole (a patent listed twice), above its fields. */
  const groupError = (path: string) => {
    const m = errorOf(path);
    return m ? (
      <p className="field-error" role="alert" id={`${idOf(path)}-error`}>
        {m}
      </p>
    ) : null;
  };

  return (
    <fieldset className="application">
      <legend>{t('applicationTitle')}</legend>
      <fieldset className="patents">
        <legend>{t('patents')}</legend>
        {groupError(`${root}.patents`)}
        {value.patents.map((p, i) => {
          const at = `${root}.patents.${i}`;
          return (
            <div className="patent-row" key={p.key} data-patent={i}>
              {text(`${at}.patentNo`, p.patentNo, (v) => setPatent(i, { patentNo: v }), t('patentNo', { n: i + 1 }))}
              <SelectField
                id={idOf(`${at}.type`)}
                label={t('patentType')}
                error={errorOf(`${at}.type`)}
                value={p.type}
                onChange={(type) => setPatent(i, { type: type as PatentType })}
                options={PATENT_TYPES.map((type) => ({ value: type, label: nameOf(PATENT_TYPE_NAMES, type, lang) }))}
              />
              {text(`${at}.remainingYears`, p.remainingYears, (v) => setPatent(i, { remainingYears: v }), t('remainingYears'), 'numeric')}
              <button type="button" className="link" onClick={() => onChange({ ...value, patents: value.patents.filter((_, j) => j !== i) })}>
                {t('removePatent', { n: i + 1 })}
              </button>
            </div>
          );
        })}
        <button type="button" id={idOf(`${root}.add-patent`)} onClick={() => onChange({ ...value, patents: [...value.patents, { key: Math.max(0, ...value.patents.map((p) => p.key + 1)), patentNo: '', type: 'INVENTION', remainingYears: '' }] })}>
          {t('addPatent')}
        </button>
      </fieldset>
      {text(`${root}.rdSpend`, value.rdSpend, (v) => onChange({ ...value, rdSpend: v }), t('rdSpend'), 'decimal')}
      <fieldset className="revenue">
        <legend>{t('revenueThreeYears')}</legend>
        {groupError(`${root}.revenue`)}
        {REVENUE_YEARS.map((label, i) =>
          text(
            `${root}.revenue.${i}`,
            value.revenue[i]!,
            (v) => onChange({ ...value, revenue: value.revenue.map((r, j) => (j === i ? v : r)) as ApplicationForm['revenue'] }),
            t(label),
            'decimal',
          ),
        )}
      </fieldset>
      {text(`${root}.yearsInOperation`, value.yearsInOperation, (v) => onChange({ ...value, yearsInOperation: v }), t('yearsInOperation'), 'numeric')}
      {text(`${root}.existingDebt`, value.existingDebt, (v) => onChange({ ...value, existingDebt: v }), t('existingDebt'), 'decimal')}
    </fieldset>
  );
}
