// The screening track's import (大数据建模): a street's firms with indicators from 信易贷 or tax
// data, as CSV. The body carries the CSV text; each row is then read with ScreeningRow, and a
// refused row is named by its number and column (rows.3.arrearsYuan).
import { z } from 'zod';
import { parseCnyToFen } from '../../domain/money';
import { creditCodeText, trimmed } from './cases';
import { importBody, optionalCell as optional, yesNo } from './csvCells';
import { NetworkCode } from './surveyNetwork';

export const StreetParams = z.strictObject({ street: NetworkCode });

export const ScreeningImportBody = z.strictObject({
  ...importBody,
  /** Where the data came from (信易贷 2026-11, 税务季报). */
  source: trimmed(100).optional(),
  /** Rows whose credit code fails its check character (early pilot codes) are taken, and the override audited. */
  confirmCreditCodeWarnings: z.boolean().default(false),
});

/** "-35" or "-12.5" (%, up to two decimals) as basis points of change. */
const percentBp = z.string().transform((v, ctx) => {
  const m = /^([+-]?)(\d{1,5})(?:\.(\d{1,2}))?%?$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'must be a percentage such as -35 or 12.5' });
    return z.NEVER;
  }
  const bp = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -bp : bp;
});

/** A non-negative amount of yuan ("600000" or "1234.50") as fen. */
const yuanFen = z.string().transform((v, ctx) => {
  const fen = parseCnyToFen(v);
  if (fen === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an amount of yuan such as 600000 or 1234.50' });
    return z.NEVER;
  }
  return fen;
});

/** One firm of the import, cells as text. */
export const ScreeningRow = z.strictObject({
  creditCode: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), creditCodeText),
  name: trimmed(200),
  building: optional(NetworkCode),
  revenueChangePct: optional(percentBp),
  arrearsYuan: optional(yuanFen),
  headcountChangePct: optional(percentBp),
  maturingLoansYuan: optional(yuanFen),
  refusedRecently: optional(yesNo),
});
export type ScreeningRowCells = Partial<Record<keyof z.input<typeof ScreeningRow>, string>>;

/** The columns an import may have, each with the Chinese header it may go by instead. */
export const SCREENING_COLUMNS: Record<keyof z.input<typeof ScreeningRow>, string> = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  building: '楼宇',
  revenueChangePct: '营收同比变化%',
  arrearsYuan: '欠税欠费元',
  headcountChangePct: '社保人数同比变化%',
  maturingLoansYuan: '90天内到期贷款元',
  refusedRecently: '近期被拒贷',
};
