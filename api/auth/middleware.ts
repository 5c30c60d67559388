import type { Request, RequestHandler } from 'express';
import { Problem } from '../problem';
import type { Principal, Role } from '../../domain/people';
import type { VerifyToken } from './verifier';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** The JWT of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '')?.[1];
}

export function authenticate(verify: VerifyToken): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    res.set('WWW-Authenticate', 'Bearer realm="greenlane"');
    if (!token) throw new Problem(401, 'unauthenticated', 'Authentication required', 'Send Authorization: Bearer <token>');
    try {
      req.principal = await verify(token);
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
