// The console's development sign-in.
import { z } from 'zod';

export const DevSignInBody = z.strictObject({ userId: z.string().trim().min(1, 'is required').max(100) });
