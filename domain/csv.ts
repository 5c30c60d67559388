// Reading CSV that people paste or upload (a batch of refused firms, a screening import, a bank list):
// one parser for the console and the API.

/** RFC 4180: quoted cells may hold commas, newlines and doubled quotes; a BOM and blank lines are ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(cell);
    if (row.some((c) => c.trim() !== '')) rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') endRow();
    else if (ch !== '\r') cell += ch;
  }
  endRow();
  return rows;
}

export interface Table<K extends string> {
  /** Each data row's cells by column, in order; a cell the row lacks is empty. */
  rows: Partial<Record<K, string>>[];
  /** Header cells that name no column. */
  unknown: string[];
  /** Required columns the header does not name. */
  missing: K[];
}

/**
 * A CSV whose first row names its columns, by key (creditCode) or by the Chinese header given for
 * it (统一社会信用代码), in any order.
 */
export function readTable<K extends string>(text: string, columns: Record<K, string>, required: readonly K[]): Table<K> {
  const [header = [], ...data] = parseCsv(text);
  const keys = Object.keys(columns) as K[];
  const byName = new Map<string, K>(keys.flatMap((k) => [[k.toLowerCase(), k] as const, [columns[k], k] as const]));
  const named = header.map((h) => byName.get(h.trim()) ?? byName.get(h.trim().toLowerCase()));
  return {
    rows: data.map((cells) => Object.fromEntries(named.flatMap((k, i) => (k ? [[k, cells[i] ?? '']] : []))) as Partial<Record<K, string>>),
    unknown: header.filter((_, i) => !named[i]).map((h) => h.trim()),
    missing: required.filter((k) => !named.includes(k)),
  };
}
