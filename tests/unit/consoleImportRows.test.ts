// The console reads an import's CSV as the API does (api/services/csvImport.ts) before sending it:
// the same header problems in the same words, each row's problems by its number and column, and the
// API's own refusals laid on the same rows; every message the imports give reads in Chinese.
import { Problem } from '../../api/problem';
import { SCREENING_COLUMNS, ScreeningRow } from '../../api/schemas/screening';
import { BANK_IMPORT_COLUMNS, BankImportRow } from '../../api/schemas/surveyNetwork';
import { readRows } from '../../api/services/csvImport';
import { apiMessage } from '../../web/src/apiMessages';
import { addImportErrors, badRows, checkImport } from '../../web/src/importRows';

const CODE = '91350203MA2AA00117';
const chinese = /[\u4e00-\u9fff]/;

/** The API's refusal of a CSV's header, as its 422 lists it. */
function apiHeaderErrors(csv: string): string[] {
  try {
    readRows(csv, SCREENING_COLUMNS, ['creditCode', 'name'], ScreeningRow);
  } catch (e) {
    return ((e as Problem).errors ?? []).map((x) => x.message);
  }
  return [];
}

it.each([
  ['an unknown column and a missing one', '企业名称,turnover\n厦门,1'],
  ['a header and no rows', '统一社会信用代码,企业名称'],
])('refuses %s in the API’s own words, in Chinese too', (_, csv) => {
  const check = checkImport(csv, SCREENING_COLUMNS, ['creditCode', 'name'], ScreeningRow);
  expect(check.csv).toEqual(apiHeaderErrors(csv));
  expect(check.csv.length).toBeGreaterThan(0);
  for (const m of check.csv) expect(apiMessage(m, 'zh-CN')).toMatch(chinese);
});

it('names each row’s problems by its number (from 1) and column, as the API does', () => {
  const csv = ['统一社会信用代码,企业名称,营收同比变化%,欠税欠费元,近期被拒贷', `${CODE},厦门甲,-35,20000,否`, `${CODE},厦门乙,-35x,1.234,也许`].join('\n');
  const check = checkImport(csv, SCREENING_COLUMNS, ['creditCode', 'name'], ScreeningRow);
  const api = readRows(csv, SCREENING_COLUMNS, ['creditCode', 'name'], ScreeningRow).flatMap((r) => r.errors ?? []);
  expect(badRows(check).map((r) => r.row)).toEqual([2]);
  expect(Object.entries(check.rows[1]!.errors).map(([c, m]) => ({ field: `rows.2.${c}`, message: m }))).toEqual(api);
  for (const m of Object.values(check.rows[1]!.errors)) expect(apiMessage(m!, 'zh-CN')).toMatch(chinese);
});

it('lays the API’s refusals on their rows: a column, the row as a whole, or the CSV', () => {
  const csv = ['bank,branch,nameZh,nameEn,stations', 'xib,,厦门国际银行,XIB,', 'xib,xib-x,网点,Branch,nowhere'].join('\n');
  const check = checkImport(csv, BANK_IMPORT_COLUMNS, ['bank', 'nameZh', 'nameEn'], BankImportRow);
  expect(badRows(check)).toEqual([]);
  addImportErrors(check, [
    { field: 'rows.2.stations', message: "unknown street 'nowhere'; see GET /api/v1/streets" },
    { field: 'rows.1', message: 'bank xib still has branches in use' },
    { field: 'csv', message: 'has a header but no rows' },
  ]);
  expect(check.rows.map((r) => r.errors)).toEqual([{ '': 'bank xib still has branches in use' }, { stations: "unknown street 'nowhere'; see GET /api/v1/streets" }]);
  expect(check.csv).toEqual(['has a header but no rows']);
  expect(apiMessage(check.rows[1]!.errors.stations!, 'zh-CN')).toBe('没有街道“nowhere”');
  // A bank row naming stations is refused before sending, in Chinese.
  const wrong = checkImport('bank,nameZh,nameEn,stations\nxib,厦门国际银行,XIB,lujiang', BANK_IMPORT_COLUMNS, ['bank', 'nameZh', 'nameEn'], BankImportRow);
  expect(apiMessage(wrong.rows[0]!.errors.stations!, 'zh-CN')).toBe('银行行（未填网点）不填驻点街道');
});
