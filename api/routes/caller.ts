import type { Request } from 'express';
import { principalOf } from '../auth/middleware';
import { idempotencyKey } from '../schemas';
import type { Caller } from '../services';

/** The service's view of a request: who asks, its logger, its Idempotency-Key (read when needed). */
export function callerOf(req: Request): Caller {
  return { principal: principalOf(req), log: req.log, idempotencyKey: () => idempotencyKey(req) };
}
