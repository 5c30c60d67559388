import { z } from 'zod';
import { parseOr422 } from './problem';
import { isIsoDate } from '../domain/calendar/timeZone';
import { checkCreditCode } from '../domain/creditCode';
import { MAX_AMOUNT_FEN, parseCnyToFen } from '../domain/money';
import { MAX_RATE_BP, MAX_TERM_MONTHS, REJECTION_REASONS, XINYIDAI_APPLICATION_NO } from '../domain/fastTrack/policy';
import type { SlaStateValue, Stage } from '../workflows/fastTrackCaseMessages';

/** A business date (Asia/Shanghai) the calendar can answer for. */
export const IsoDateParam = z
  .string()
  .refine(isIsoDate, 'must be a date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'must be between 2000-01-01 and 2099-12-31');

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

// Task kinds appear in URLs in kebab case: /tasks/grid-submission/complete.
export const TASK_SLUGS = {
  'grid-submission': 'GRID_SUBMISSION',
  'bank-vip-channel': 'BANK_VIP_CHANNEL',
  'due-diligence': 'DUE_DILIGENCE',
} as const;
export type TaskSlug = keyof typeof TASK_SLUGS;

export const EVIDENCE = {
  GRID_SUBMISSION: z.strictObject({
    applicationNo: z.string().trim().regex(XINYIDAI_APPLICATION_NO, 'must be a 信易贷 application number such as XYD2026112800001'),
  }),
  BANK_VIP_CHANNEL: z.strictObject({
    assessmentOutcome: z.enum(['RECOMMEND', 'RECOMMEND_WITH_CONDITIONS', 'NOT_RECOMMENDED']),
    note: trimmed(1000).optional(),
  }),
  DUE_DILIGENCE: z.strictObject({
    reportNo: trimmed(60),
    riskRating: z.enum(['LOW', 'MEDIUM', 'HIGH']),
    summary: trimmed(4000),
  }),
} as const;

export const ReasonBody = z.strictObject({ reason: trimmed(1000) });
export const ReassignBody = z.strictObject({ assignee: trimmed(100), reason: trimmed(1000) });
export const ResumeBody = z.strictObject({ note: trimmed(1000).optional() });

export const DecisionBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('APPROVED'),
    amount,
    rateBp: z.number().int('must be whole basis points').min(1).max(MAX_RATE_BP, `must be at most ${MAX_RATE_BP} (24%)`),
    termMonths: z.number().int().min(1).max(MAX_TERM_MONTHS),
  }),
  z.strictObject({
    outcome: z.literal('REJECTED'),
    reasons: z.array(z.strictObject({ code: z.enum(REJECTION_REASONS), note: trimmed(1000).optional() })).min(1, 'give at least one reason'),
  }),
]);

export const IdempotencyKeyHeader = z.strictObject({
  'Idempotency-Key': z.string().regex(/^[\w.:-]{8,128}$/, 'must be 8-128 characters of letters, digits, . _ : -').optional(),
});

/** The request's Idempotency-Key header, if any; a malformed one is a 422 naming the header. */
export function idempotencyKey(req: { get(name: string): string | undefined }): string | undefined {
  return parseOr422(IdempotencyKeyHeader, { 'Idempotency-Key': req.get('idempotency-key') })['Idempotency-Key'];
}

const STAGES = ['ACCEPTED', 'PARALLEL_REVIEW', 'CREDIT_DECISION', 'CONTRACTING', 'DISBURSING', 'DISBURSED', 'REJECTED', 'WITHDRAWN'] as const satisfies readonly Stage[];
const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'MET'] as const satisfies readonly SlaStateValue[];

/** Filters of GET /api/v1/cases; acceptance dates are Asia/Shanghai days, both inclusive. */
export const CaseListQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  slaState: z.enum(SLA_STATES).optional(),
  street: trimmed(40).optional(),
  bank: trimmed(40).optional(),
  product: z.enum(['FAST_TRACK']).optional(),
  acceptedFrom: IsoDateParam.optional(),
  acceptedTo: IsoDateParam.optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
