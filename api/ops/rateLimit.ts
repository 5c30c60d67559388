import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { Problem, sendProblem } from '../problem';

/**
 * Requests per minute per token holder, mounted after authentication so the key is the principal
 * (shared office or bank NAT addresses do not pool their users); the client address is only a
 * fallback. Counters live in this process: with several API replicas each one counts its own share.
 * Unauthenticated floods are the reverse proxy's to stop; an address-keyed limit here would lock a
 * whole branch office out for one bad client.
 */
export function perTokenRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // `RateLimit` / `RateLimit-Policy` headers and, once limited, `Retry-After`.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => (req.principal ? `sub:${req.principal.sub}` : `ip:${ipKeyGenerator(req.ip ?? '')}`),
    handler: (_req, res) => {
      sendProblem(
        res,
        new Problem(429, 'rate-limited', 'Too many requests', `At most ${perMinute} requests a minute per token; retry after the number of seconds in Retry-After`),
      );
    },
  });
}
