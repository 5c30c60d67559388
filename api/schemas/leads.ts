// Requests about leads (线索): the list's query, and the bodies of contact, conversion, closure
// and reassignment. The workflow judges who may act and when; these check the shape.
import { z } from 'zod';
import { LEAD_CLOSE_REASON_CODES, LEAD_STAGES } from '../../domain/lead/policy';
import { SciTechApplicationBody, positiveCny, trimmed } from './cases';
import { NetworkCode } from './surveyNetwork';

/** LD- and 16 upper-case hex digits; anything else names no lead (404). */
export const LeadIdParam = z.string().regex(/^LD-[0-9A-F]{16}$/);
export const LeadParams = z.strictObject({ id: z.string() });

export const LeadsQuery = z.strictObject({
  street: NetworkCode.optional(),
  community: NetworkCode.optional(),
  team: NetworkCode.optional(),
  stage: z.enum(LEAD_STAGES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
});

export const LeadContactBody = z.strictObject({ note: trimmed(1000).optional() });

export const LeadConvertBody = z.strictObject({
  product: z.enum(['FAST_TRACK', 'SCI_TECH']),
  /** The bank that takes the case; left out for a firm a bank refused (its consultation starts with that bank). */
  bank: NetworkCode.optional(),
  /** Defaults to the need's amount. */
  amount: positiveCny.optional(),
  /** Defaults to the need's purpose. */
  purpose: trimmed(1000).optional(),
  /** SCI_TECH: the firm's application; the requested credit is the amount. */
  application: SciTechApplicationBody.optional(),
});

export const LeadCloseBody = z.strictObject({
  reason: z.enum(LEAD_CLOSE_REASON_CODES),
  /** Required with OTHER. */
  note: trimmed(1000).optional(),
});

export const LeadReassignBody = z.strictObject({ owner: trimmed(64), reason: trimmed(500) });
