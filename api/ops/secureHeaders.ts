import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's defaults (nosniff, HSTS, frame and referrer policies, …) with a CSP for an API that
 * only ever returns JSON or text: nothing may load, nothing may frame it. A browsable docs page
 * needs its own, looser CSP set on that route.
 */
export function secureHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
}
