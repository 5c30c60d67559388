import { z } from 'zod';
import { checkCreditCode } from '../domain/creditCode';
import { MAX_AMOUNT_FEN, parseCnyToFen } from '../domain/money';

const trimmed = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

/** A CNY amount as a decimal string ("5140000.00") or a whole number of yuan; parsed to integer fen. */
const amount = z.union([z.string(), z.number().int('must be whole yuan, or a decimal string such as "1200.50"')]).transform((v, ctx) => {
  const fen = parseCnyToFen(String(v));
  if (fen === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a CNY amount with at most 2 decimals, e.g. "5140000.00"' });
    return z.NEVER;
  }
  if (fen <= 0 || fen > MAX_AMOUNT_FEN) {
    ctx.addIssue({ code: 'custom', message: `must be more than 0 and at most ${MAX_AMOUNT_FEN / 100} CNY` });
    return z.NEVER;
  }
  return fen;
});

const creditCode = z.string().transform((v, ctx) => {
  const r = checkCreditCode(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r;
});

/** Allow-listed: stage, SLA state and owners are the workflow's, never the caller's. */
export const CreateCaseBody = z.strictObject({
  firmName: trimmed(200),
  creditCode,
  street: trimmed(40),
  bank: trimmed(40),
  amount,
  purpose: trimmed(1000),
  /** The officer confirms a code whose check character fails (early Fujian/Xiamen pilot codes). */
  confirmCreditCodeWarnings: z.boolean().default(false),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const CaseNoParam = z.string().regex(/^GL-\d{4}-\d{6,}$/);
