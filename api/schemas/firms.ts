// Requests about firms, seen through their cases.
import { z } from 'zod';

export const FirmListQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  street: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
});
export const FirmParams = z.strictObject({ creditCode: z.string().describe('Unified social credit code (统一社会信用代码), any case') });
