// 银行及网点导入: the network's keepers load banks and their branches (with the streets each is
// stationed at) from a CSV, each row by its PUT's rules, all or nothing unless wrong rows are to be
// skipped; the answer says what each row did (added, changed, unchanged).
import { api, newIdempotencyKey, type BankImportView } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { BANK_IMPORT_COLUMNS, BankImportRow } from '../requestRules';
import { Link } from '../router';
import { CsvImport } from './CsvImport';
import { WrittenSummary } from './ScreeningImport';

type Column = keyof typeof BANK_IMPORT_COLUMNS;
const HEADINGS: Record<Column, MessageKey> = { bank: 'colBankCode', branch: 'colBranchCode', nameZh: 'nameZh', nameEn: 'nameEn', stations: 'stationedAt', retired: 'retired' };
const RESULTS: Record<BankImportView['entries'][number]['result'], MessageKey> = { CREATED: 'written_created', CHANGED: 'written_changed', UNCHANGED: 'written_unchanged' };

export function BankImport() {
  const { t } = useI18n();
  return (
    <section className="card">
      <p>
        <Link to="/survey-network">← {t('networkTitle')}</Link>
      </p>
      <h1>{t('bankImportTitle')}</h1>
      <CsvImport
        id="banks"
        columns={BANK_IMPORT_COLUMNS}
        required={['bank', 'nameZh', 'nameEn']}
        rowSchema={BankImportRow}
        heading={(c) => t(HEADINGS[c])}
        hint={`${t('bankImportHint')} ${Object.values(BANK_IMPORT_COLUMNS).join('、')}`}
        submitLabel={t('bankImportSubmit')}
        send={(csv, skipBadRows) => api<BankImportView>('/bank-imports', { method: 'POST', body: { csv, skipBadRows }, idempotencyKey: newIdempotencyKey() })}
        result={(r) => (
          <div className="import-result">
            <h2 className="ok" role="status">
              {t('bankImportDone', { rows: r.rows })}
            </h2>
            <WrittenSummary written={r.written} skipped={r.skipped.length} />
            <ul data-testid="bank-entries">
              {r.entries.map((e) => (
                <li key={e.row} data-entry={e.code} data-result={e.result}>
                  {t('line')} {e.row}: {t(e.kind === 'BANK' ? 'bankKind' : 'branch')} {e.code} — {t(RESULTS[e.result])}
                </li>
              ))}
            </ul>
          </div>
        )}
      />
    </section>
  );
}
