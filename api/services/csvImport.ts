// An import's CSV, read row by row with the request schema of one row: a header naming no column,
// or a required column missing, refuses the import; a refused row is named by its number (data
// rows counted from 1, the header not counted) and column, as `rows.3.arrearsYuan`.
import type { z } from 'zod';
import { readTable } from '../../domain/csv';
import { fieldErrors, validationProblem, type FieldError } from '../problem';

export type RowResult<T> = { row: number; value: T; errors?: undefined } | { row: number; value?: undefined; errors: FieldError[] };

export function readRows<K extends string, S extends z.ZodType>(csv: string, columns: Record<K, string>, required: readonly K[], schema: S): RowResult<z.output<S>>[] {
  const table = readTable(csv, columns, required);
  const headerErrors: FieldError[] = [
    ...table.unknown.map((h) => ({ field: 'csv', message: `column '${h}' is not one of ${Object.keys(columns).join(', ')} (or their Chinese names)` })),
    ...table.missing.map((k) => ({ field: 'csv', message: `the header names no '${k}' (${columns[k]}) column` })),
  ];
  if (headerErrors.length) throw validationProblem(headerErrors);
  if (table.rows.length === 0) throw validationProblem([{ field: 'csv', message: 'has a header but no rows' }]);
  return table.rows.map((cells, i) => {
    const r = schema.safeParse(cells);
    const row = i + 1;
    return r.success ? { row, value: r.data } : { row, errors: fieldErrors(r.error).map((e) => ({ field: `rows.${row}.${e.field}`, message: e.message })) };
  });
}

/** Adds a row's problem found past its schema (an unknown building, a repeated firm). */
export function refuseRow<T>(r: RowResult<unknown>, column: string, message: string): RowResult<T> {
  return { row: r.row, errors: [...(r.errors ?? []), { field: `rows.${r.row}.${column}`, message }] };
}

/**
 * All or nothing by default: any refused row refuses the import (422 naming every row's
 * problems). With `skipBadRows` the good rows go on and the bad ones are listed.
 */
export function goodRows<T>(rows: RowResult<T>[], skipBadRows: boolean): { good: { row: number; value: T }[]; skipped: { row: number; errors: FieldError[] }[] } {
  const skipped = rows.flatMap((r) => (r.errors ? [{ row: r.row, errors: r.errors }] : []));
  if (skipped.length && !skipBadRows) throw validationProblem(skipped.flatMap((s) => s.errors));
  if (skipped.length === rows.length) throw validationProblem(skipped.flatMap((s) => s.errors));
  return { good: rows.flatMap((r) => (r.errors ? [] : [{ row: r.row, value: r.value as T }])), skipped };
}
