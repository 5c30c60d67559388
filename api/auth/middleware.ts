import type { Request, RequestHandler } from 'express';
import { Problem } from '../problem';
import type { Principal, Role } from '../../domain/people';
import type { VerifyToken } from './verifier';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(verify: VerifyToken): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    res.set('WWW-Authenticate', 'Bearer realm="greenlane"');
    if (!m) throw new Problem(401, 'unauthenticated', 'Authentication required', 'Send Authorization: Bearer <token>');
    try {
      req.principal = await verify(m[1]);
    } catch {
      throw new Problem(401, 'unauthenticated', 'Authentication required', 'The token is invalid, expired, or not for this API');
    }
    res.removeHeader('WWW-Authenticate');
    next();
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Problem(401, 'unauthenticated', 'Authentication required');
  return req.principal;
}

/** Route-level check: the route is known, the role may not use it. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const p = principalOf(req);
    if (!roles.includes(p.role)) {
      throw new Problem(403, 'forbidden', 'Not allowed for your role', `${req.method} ${req.baseUrl}${req.path} needs one of: ${roles.join(', ')}`);
    }
    next();
  };
}
