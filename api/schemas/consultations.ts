// Requests of the joint bank consultations (银行联合会诊) and their batches.
import { z } from 'zod';
import { LINKED_PRODUCTS, PLAN_KINDS } from '../../domain/consultation/plan';
import { CONSULTATION_REASONS } from '../../domain/consultation/reasons';
import { CaseNoParam, FastTrackCaseBody, ReasonBody, SciTechApplicationBody, trimmed } from './cases';

/** A batch is one bank's refusals at once; beyond this, send several batches. */
export const MAX_BATCH_FIRMS = 200;

const { firmName, creditCode, street, bank, amount, purpose, confirmCreditCodeWarnings } = FastTrackCaseBody.shape;

export const ConsultationIdParam = z.string().regex(/^(JC|CB)-[A-Z0-9-]{1,120}$/, 'must be a consultation id such as JC-GL-2026-000123');
export const BatchIdParam = z.string().regex(/^CB-[A-Z0-9]{4,40}$/, 'must be a batch id such as CB-3F2A9C1B7D20');
export const ConsultationParams = z.strictObject({ id: ConsultationIdParam });
export const BatchParams = z.strictObject({ batchId: BatchIdParam });
const Reasons = z.array(z.strictObject({ code: z.enum(CONSULTATION_REASONS), note: trimmed(1000).optional() })).min(1, 'give at least one reason').max(20);

/** GET /api/v1/consultations: the caller's consultations, a batch's or all, newest first. */
export const ConsultationListQuery = z.strictObject({
  batchId: BatchIdParam.optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(MAX_BATCH_FIRMS).default(MAX_BATCH_FIRMS),
});

export const StartConsultationBody = z.strictObject({ fromCaseNo: CaseNoParam });
export const BatchFirmBody = z.strictObject({
  name: firmName,
  creditCode,
  street,
  /** What the bank refused. */
  amount,
  purpose,
  product: z.enum(LINKED_PRODUCTS).default('FAST_TRACK'),
  reasons: Reasons.optional(),
  /** As on a single case: the officer confirms this firm's code whose check character fails (early pilot codes). */
  confirmCreditCodeWarnings,
});
export const StartBatchBody = z.strictObject({
  bank,
  firms: z
    .array(BatchFirmBody)
    .min(1, 'name at least one firm')
    .max(MAX_BATCH_FIRMS, `at most ${MAX_BATCH_FIRMS} firms per batch`)
    .refine((fs) => new Set(fs.map((f) => f.creditCode.code)).size === fs.length, 'lists a firm (credit code) twice'),
});
export const ReasonsBody = z.strictObject({ reasons: Reasons });
export const PlanBody = z.strictObject({
  kind: z.enum(PLAN_KINDS),
  product: z.enum(LINKED_PRODUCTS).default('FAST_TRACK'),
  bank,
  amount,
  guarantee: z.strictObject({ guarantor: trimmed(200), cover: amount }).optional(),
  /** SCI_TECH plans: the firm's application (its patents are what makes it eligible). */
  sciTech: SciTechApplicationBody.optional(),
  note: trimmed(1000).optional(),
});
export const MaterialsRequestBody = z.strictObject({ missing: z.array(trimmed(200)).min(1, 'list at least one document').max(30), reason: trimmed(1000) });
export const MaterialsCompleteBody = z.strictObject({ note: trimmed(1000).optional() });
export const ReReviewBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('ACCEPTED'), note: trimmed(1000).optional() }),
  z.strictObject({ outcome: z.literal('DECLINED'), note: trimmed(1000) }),
]);
export { ReasonBody as WithdrawConsultationBody };
