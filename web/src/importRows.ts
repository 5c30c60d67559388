// A CSV import the API reads itself (screening, banks): the header names the columns by key or
// Chinese name, each data row is checked by the API's own row schema, and a problem is named as
// the API names it (`csv` for the header, `rows.N.column` or `rows.N`, data rows from 1). The
// console reads the same table with the same schema before sending, and lays the API's own
// refusals (rows it checks against the database) on the same rows. Pure, so unit tests read it too.
import type { z } from 'zod';
import { readTable } from '../../domain/csv';
import { requestProblems } from './requestRules';

export interface ImportRow<K extends string> {
  /** The data row's number as the API counts it (from 1, the header not counted). */
  row: number;
  cells: Partial<Record<K, string>>;
  /** By column (or '' for the row as a whole): the first problem, in the API's words. */
  errors: Partial<Record<K | '', string>>;
}

export interface ImportCheck<K extends string> {
  /** Problems of the CSV as a whole: an unknown or missing column, no rows. */
  csv: string[];
  rows: ImportRow<K>[];
}

/** The columns of an import: each key with the Chinese header it may go by. */
export type ImportColumns<K extends string> = Record<K, string>;

/** The CSV read and checked as the API reads it (csvImport.ts), its messages worded alike. */
export function checkImport<K extends string>(csv: string, columns: ImportColumns<K>, required: readonly NoInfer<K>[], schema: z.ZodType): ImportCheck<K> {
  if (!csv.trim()) return { csv: [], rows: [] };
  const table = readTable(csv, columns, required);
  const check: ImportCheck<K> = {
    csv: [
      ...table.unknown.map((h) => `column '${h}' is not one of ${Object.keys(columns).join(', ')} (or their Chinese names)`),
      ...table.missing.map((k) => `the header names no '${k}' (${columns[k]}) column`),
    ],
    rows: table.rows.map((cells, i) => ({ row: i + 1, cells, errors: {} })),
  };
  if (!check.csv.length && table.rows.length === 0) check.csv.push('has a header but no rows');
  if (check.csv.length) return check;
  check.rows.forEach((r) => addImportErrors(check, requestProblems(schema, r.cells).map((e) => ({ field: `rows.${r.row}.${e.field}`, message: e.message }))));
  return check;
}

/** Lays problem+json errors (csv, rows.N.column, rows.N) on the check's rows. */
export function addImportErrors<K extends string>(check: ImportCheck<K>, errors: readonly { field: string; message: string }[]): ImportCheck<K> {
  for (const e of errors) {
    const m = /^rows\.(\d+)(?:\.(\w+))?/.exec(e.field);
    const row = m ? check.rows.find((r) => r.row === Number(m[1])) : undefined;
    if (row) {
      const column = (m![2] ?? '') as K | '';
      row.errors[column] ??= e.message;
    } else if (!check.csv.includes(e.message)) check.csv.push(e.message);
  }
  return check;
}

/** The rows with a problem. */
export const badRows = <K extends string>(check: ImportCheck<K>) => check.rows.filter((r) => Object.keys(r.errors).length > 0);
