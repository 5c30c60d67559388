// Requests about cases: opening one, acting on it, listing cases and the caller's work.
import { z } from 'zod';
import { checkCreditCode } from '../../domain/creditCode';
import { MAX_AMOUNT_FEN, parseCnyToFen } from '../../domain/money';
import { FIRM_MATERIALS, MAX_RATE_BP, MAX_TERM_MONTHS, REJECTION_REASONS, XINYIDAI_APPLICATION_NO } from '../../domain/fastTrack/policy';
import { PATENT_TYPES, REJECTION_REASONS as SCI_TECH_REJECTION_REASONS, SCI_TECH_POLICY } from '../../domain/sciTech/policy';
import { SLA_STATES } from '../../domain/slaState';
import { DISBURSEMENT_RESOLUTIONS } from '../../domain/disbursementHold';
import { FAST_TRACK_STAGES, SCI_TECH_STAGES, type FastTrackStage, type SciTechStage } from '../../domain/stages';
import { IsoDateParam } from './common';

/** Text a person writes: trimmed, required, bounded, and storable (PostgreSQL's text holds no NUL character). */
export const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes('\u0000'), 'must not contain NUL characters');

/** A CNY amount as a decimal string ("5140000.00") or a whole number of yuan; parsed to integer fen. */
const cny = (allowZero: boolean) => z.union([z.string(), z.number().int('must be whole yuan, or a decimal string such as "1200.50"')]).transform((v, ctx) => {
  const fen = parseCnyToFen(String(v));
  if (fen === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a CNY amount with at most 2 decimals, e.g. "5140000.00"' });
    return z.NEVER;
  }
  if (fen < 0 || (fen === 0 && !allowZero) || fen > MAX_AMOUNT_FEN) {
    ctx.addIssue({ code: 'custom', message: `must be ${allowZero ? '0 or more' : 'more than 0'} and at most ${MAX_AMOUNT_FEN / 100} CNY` });
    return z.NEVER;
  }
  return fen;
});
/** A positive CNY amount, in fen once parsed. */
export const positiveCny = cny(false);

/** A Unified Social Credit Code, checked; its warnings (a failing check character) are the officer's to confirm. */
export const creditCodeText = z.string().transform((v, ctx) => {
  const r = checkCreditCode(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r;
});

/** What opening any case takes; allow-listed: stage, SLA state and owners are the workflow's, never the caller's. */
const caseOpening = {
  firmName: trimmed(200),
  creditCode: creditCodeText,
  street: trimmed(40),
  bank: trimmed(40),
  /** Fast-track: the loan asked for; sci-tech: the requested credit. */
  amount: positiveCny,
  purpose: trimmed(1000),
  /** The officer confirms a code whose check character fails (early Fujian/Xiamen pilot codes). */
  confirmCreditCodeWarnings: z.boolean().default(false),
  /** 企业在线确认合同: once approved, the case waits for the firm to confirm the terms before the contract is signed (docs/firm.md). */
  firmConfirmsContract: z.boolean().default(false),
};

/** Without `product` a case is fast-track, as it was before sci-tech credit existed. */
export const FastTrackCaseBody = z.strictObject({ product: z.literal('FAST_TRACK').optional(), ...caseOpening });

/** The sci-tech firm's online application; the patents' values come from the IP valuation service, not the firm. */
export const SciTechApplicationBody = z.strictObject({
  patents: z
    .array(
      z.strictObject({
        patentNo: z.string().trim().regex(/^ZL\d{12}\.[\dX]$/, 'must be a CNIPA patent number such as ZL202010000001.1'),
        type: z.enum(PATENT_TYPES),
        remainingYears: z.number().int('must be whole years').min(0).max(20),
      }),
    )
    .max(200)
    .refine((ps) => new Set(ps.map((p) => p.patentNo)).size === ps.length, 'lists a patent twice'),
  /** R&D spend in the latest year. */
  rdSpend: cny(true),
  revenue: z.tuple([cny(true), cny(true), cny(true)]).describe('Revenue of the last three years, oldest first (CNY)'),
  yearsInOperation: z.number().int('must be whole years').min(0).max(100),
  existingDebt: cny(true),
});

export const SciTechCaseBody = z.strictObject({ product: z.literal('SCI_TECH'), ...caseOpening, application: SciTechApplicationBody });

export const CreateCaseBody = z.discriminatedUnion('product', [FastTrackCaseBody, SciTechCaseBody], {
  error: 'must be FAST_TRACK (the default) or SCI_TECH',
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;
export type SciTechCaseBody = z.infer<typeof SciTechCaseBody>;

export const CaseNoParam = z.string().regex(/^GL-\d{4}-\d{6,}$/);

// Task kinds appear in URLs in kebab case: /tasks/grid-submission/complete.
export const TASK_SLUGS = {
  'grid-submission': 'GRID_SUBMISSION',
  'bank-vip-channel': 'BANK_VIP_CHANNEL',
  'due-diligence': 'DUE_DILIGENCE',
} as const;
export type TaskSlug = keyof typeof TASK_SLUGS;

const TaskSlugParam = z.enum(Object.keys(TASK_SLUGS) as [TaskSlug, ...TaskSlug[]]);
export const CaseParams = z.strictObject({ caseNo: CaseNoParam });
export const CaseTaskParams = z.strictObject({ caseNo: CaseNoParam, task: TaskSlugParam });
/** `live=true` asks a case's or a consultation's workflow instead of its record. */
export const RecordReadQuery = z.strictObject({
  live: z.enum(['true', 'false'], 'must be true or false').optional().describe('true: ask the workflow, not the record (which answers by default, and whenever it is current)'),
});

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

/** The firm confirms the contract terms its page showed it: the decision's amount, rate and term, echoed. */
export const FirmContractConfirmationBody = z.strictObject({
  amount: positiveCny,
  rateBp: z.number().int('must be whole basis points').min(0).max(MAX_RATE_BP),
  termMonths: z.number().int('must be whole months').min(1).max(MAX_TERM_MONTHS),
});

/** The firm's answer to a materials request: what it says and the documents it sent. */
export const FirmMaterialsBody = z.strictObject({
  text: trimmed(FIRM_MATERIALS.maxText),
  documents: z.array(trimmed(FIRM_MATERIALS.maxDocumentName)).min(1).max(FIRM_MATERIALS.maxDocuments),
});
export const ReassignBody = z.strictObject({ assignee: trimmed(100), reason: trimmed(1000) });
export const ResumeBody = z.strictObject({ note: trimmed(1000).optional() });
/** The credit approver's answer to a held payment: accept the bank's reported amount, or have it pay again. */
export const DisbursementResolutionBody = z.strictObject({ action: z.enum(DISBURSEMENT_RESOLUTIONS), note: trimmed(1000) });

/** A credit decision within a product's terms and rejection categories. */
const decisionBody = <R extends readonly [string, ...string[]]>(terms: { minRateBp: number; maxRateBp: number; maxTermMonths: number }, reasons: R) =>
  z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('APPROVED'),
      amount: positiveCny,
      rateBp: z
        .number('must be a number')
        .int('must be whole basis points')
        .min(terms.minRateBp, `must be at least ${terms.minRateBp}`)
        .max(terms.maxRateBp, `must be at most ${terms.maxRateBp} (${terms.maxRateBp / 100}%)`),
      termMonths: z.number('must be a number').int('must be whole months').min(1, 'must be at least 1').max(terms.maxTermMonths, `must be at most ${terms.maxTermMonths} months`),
    }),
    z.strictObject({
      outcome: z.literal('REJECTED'),
      reasons: z.array(z.strictObject({ code: z.enum(reasons), note: trimmed(1000).optional() })).min(1, 'give at least one reason'),
    }),
  ]);

export const DecisionBody = decisionBody({ minRateBp: 1, maxRateBp: MAX_RATE_BP, maxTermMonths: MAX_TERM_MONTHS }, REJECTION_REASONS);
/** The bank approver's decision on a sci-tech case in MANUAL_REVIEW. */
export const SciTechDecisionBody = decisionBody(SCI_TECH_POLICY.manualTerms, SCI_TECH_REJECTION_REASONS);

/** Either product's stages, fast-track's first. */
const CASE_STAGES = [...new Set([...FAST_TRACK_STAGES, ...SCI_TECH_STAGES])] as [FastTrackStage | SciTechStage, ...(FastTrackStage | SciTechStage)[]];

/** Filters of GET /api/v1/cases; acceptance dates are Asia/Shanghai days, both inclusive. */
export const CaseListQuery = z.strictObject({
  stage: z.enum(CASE_STAGES).optional(),
  slaState: z.enum(SLA_STATES).optional(),
  street: trimmed(40).optional(),
  bank: trimmed(40).optional(),
  product: z.enum(['FAST_TRACK', 'SCI_TECH']).optional(),
  acceptedFrom: IsoDateParam.optional(),
  acceptedTo: IsoDateParam.optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** GET /api/v1/tasks: whose work, how urgent. */
export const TaskListQuery = z.strictObject({
  /** Whose branch tasks; default the caller. Only cases the caller may see are searched. */
  assignee: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters').optional(),
  slaState: z.enum(['ON_TRACK', 'AT_RISK', 'BREACHED']).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(200).default(50),
});
