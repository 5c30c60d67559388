// What the CSV imports (screening, banks) share: the body's CSV and its all-or-nothing switch, and
// cells of a row, as text.
import { z } from 'zod';

export const importBody = {
  /** The CSV: a header row naming the columns (English keys or Chinese names), then one entry per row. */
  csv: z.string().min(1, 'is required').max(2_000_000, 'must be at most 2,000,000 characters; split the import'),
  /** false (default): a bad row refuses the whole import and nothing is written. true: the good rows are written and the bad ones listed. */
  skipBadRows: z.boolean().default(false),
};

/** An empty cell is a value the source did not have. */
export const optionalCell = <S extends z.ZodType>(s: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), s.optional());

const YES = ['是', 'y', 'yes', 'true', '1'];
const NO = ['否', 'n', 'no', 'false', '0'];
export const yesNo = z.string().transform((v, ctx) => {
  const t = v.toLowerCase();
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be 是/否 (yes/no)' });
  return z.NEVER;
});

