// A batch of refused firms as the task force pastes or uploads it: CSV rows checked by the API's
// own request schema (api/schemas/consultations.ts, run through requestRules.ts), so a row the API
// would refuse is marked here, per row and column, before anything is sent. Pure, so unit tests read it too.
import { CONSULTATION_REASONS, REASON_LABELS, type ConsultationReason } from '../../domain/consultation/reasons';
import { checkCreditCode, type CreditCodeWarning } from '../../domain/creditCode';
import { parseCsv } from '../../domain/csv';
import { requestProblems, StartBatchBody } from './requestRules';

/** The columns, in order: firm name, credit code, street, refused amount (元), purpose, reasons. */
export const COLUMNS = ['name', 'creditCode', 'street', 'amount', 'purpose', 'reasons'] as const;
export type Column = (typeof COLUMNS)[number];

export interface Street {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface Firm {
  name: string;
  creditCode: string;
  street: string;
  amount: string;
  purpose: string;
  reasons?: { code: ConsultationReason; note?: string }[];
}

export interface BatchRow {
  /** The row's line in what was pasted (from 1), as the user counts it. */
  line: number;
  firm: Firm;
  /** The code's check characters that fail (an early pilot code): the officer confirms it. */
  warnings: readonly CreditCodeWarning[];
}

const HEADER = /^(企业名称|企业|firm|firm name|name)$/i;
const REASON_SEPARATORS = /[;；、|\n]/;

/** A reason as its code or its Chinese name, with an optional note after a colon: "其他：行业集中度". */
function reasonOf(token: string): { code: ConsultationReason; note?: string } {
  const [head, ...rest] = token.split(/[:：]/);
  const name = head!.trim();
  const code = CONSULTATION_REASONS.find((c) => c === name.toUpperCase() || REASON_LABELS[c].split(' ')[0] === name) ?? (name as ConsultationReason);
  const note = rest.join(':').trim();
  return note ? { code, note } : { code };
}

/** Reasons as a cell (or lines) lists them: codes or Chinese names, separated by ；、| or new lines. */
export function reasonsOf(text: string): { code: ConsultationReason; note?: string }[] {
  return text
    .split(REASON_SEPARATORS)
    .map((r) => r.trim())
    .filter(Boolean)
    .map(reasonOf);
}

/** A street by its code or name (鹭江街道, 鹭江, Lujiang); unknown ones stay as typed. */
function streetCode(cell: string, streets: readonly Street[]): string {
  const v = cell.trim();
  const s = streets.find((x) => [x.code, x.nameZh, x.nameZh.replace(/街道$/, ''), x.nameEn].some((n) => n.toLowerCase() === v.toLowerCase()));
  return s?.code ?? v;
}

/** The firms of a pasted CSV, in order; a first row naming the columns is skipped. */
export function readRows(text: string, streets: readonly Street[]): BatchRow[] {
  const rows = parseCsv(text);
  const start = rows.length && HEADER.test(rows[0]![0]!.trim()) ? 1 : 0;
  return rows.slice(start).map((cells, i) => {
    const get = (c: Column) => (cells[COLUMNS.indexOf(c)] ?? '').trim();
    const reasons = reasonsOf(get('reasons'));
    const creditCode = get('creditCode').toUpperCase();
    const check = checkCreditCode(creditCode);
    return {
      line: start + i + 1,
      firm: { name: get('name'), creditCode, street: streetCode(get('street'), streets), amount: get('amount'), purpose: get('purpose'), ...(reasons.length ? { reasons } : {}) },
      warnings: check.ok ? check.warnings : [],
    };
  });
}

/** The field a problem's path names (firms.N.creditCode, firms.N.reasons.0.code) as a column. */
export function columnOf(field: string): Column | undefined {
  const name = field.split('.')[2];
  return (COLUMNS as readonly string[]).includes(name ?? '') ? (name as Column) : undefined;
}

export interface BatchCheck {
  /** Per row (by index), per column: the API's own message. */
  rows: Map<number, Partial<Record<Column, string>>>;
  /** The bank's problem. */
  bank?: string;
  /** Problems of the batch as a whole (a firm listed twice). */
  batch: string[];
}

/**
 * The batch checked as the API checks its body: the request schema, the streets it knows, and
 * each pilot code confirmed (`confirmed` holds the confirmed rows' indexes).
 */
export function checkBatch(bank: string, rows: readonly BatchRow[], streets: readonly Street[], confirmed: ReadonlySet<number>): BatchCheck {
  const problems = requestProblems(StartBatchBody, bodyOf(bank, rows, confirmed));
  const known = new Set(streets.map((s) => s.code));
  rows.forEach((r, i) => {
    if (r.firm.street && !known.has(r.firm.street)) problems.push({ field: `firms.${i}.street`, message: `unknown street '${r.firm.street}'` });
    // As requireCreditCodeConfirmation (api/services/creditCodeConfirmation.ts) words it.
    if (r.warnings.length && !confirmed.has(i)) problems.push({ field: `firms.${i}.creditCode`, message: `fails ${r.warnings.join(', ')}` });
  });
  return addErrors({ rows: new Map(), batch: [] }, problems);
}

/** Adds problem+json errors (field paths as the API names them) to a check, by row and column. */
export function addErrors(check: BatchCheck, errors: readonly { field: string; message: string }[]): BatchCheck {
  for (const e of errors) {
    const m = /^firms\.(\d+)\./.exec(e.field);
    const column = columnOf(e.field);
    if (m && column) {
      const row = check.rows.get(Number(m[1])) ?? {};
      row[column] ??= e.message;
      check.rows.set(Number(m[1]), row);
    } else if (e.field === 'bank') check.bank ??= e.message;
    else check.batch.push(e.message);
  }
  return check;
}

/** The request body: POST /api/v1/consultation-batches. */
export function bodyOf(bank: string, rows: readonly BatchRow[], confirmed: ReadonlySet<number>) {
  return { bank, firms: rows.map((r, i) => ({ ...r.firm, confirmCreditCodeWarnings: r.warnings.length > 0 && confirmed.has(i) })) };
}
