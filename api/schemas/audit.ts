// GET /api/v1/audit: the audit trail, filtered by object, person, action and time, newest first.
import { z } from 'zod';

const instantParam = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with its offset, e.g. 2026-11-30T09:00:00+08:00' });

export const AuditQuery = z.strictObject({
  /** The object, exactly as rows name it: `case:GL-2026-000123`, `firm:9135…`, `calendar:2027`. */
  subject: z.string().trim().min(1).max(200).optional(),
  /** Who: a person's id (the token's `sub`). */
  actor: z.string().trim().min(1).max(120).optional(),
  action: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an action name in upper snake case, e.g. CASE_READ').optional(),
  /** From this instant (inclusive) … */
  from: instantParam.optional(),
  /** … to this one (exclusive). */
  to: instantParam.optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,19}$/, 'is not a cursor this API returned').optional(),
});
