import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../../infra/database';
import type { RouteMatch, RouteTable } from './routeTable';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|credential|cookie/i;

/** A copy safe to keep: secret-looking keys are masked, and NUL (refused by jsonb) is dropped. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(/\u0000/g, '');
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/\u0000/g, ''), SECRET_KEY.test(k) ? '[redacted]' : scrub(v, depth + 1)]),
  );
}

/** `case:GL-2026-000123` from a route's first parameter (`/cases/:caseNo`), else undefined. */
function subjectOf(m: RouteMatch | undefined): string | undefined {
  if (!m) return undefined;
  const segments = m.pattern.split('/').filter(Boolean);
  const i = segments.findIndex((s) => s.startsWith(':'));
  if (i < 1) return undefined;
  const kind = segments[i - 1].replace(/s$/, '');
  return `${kind}:${m.params[segments[i].slice(1)]}`;
}

/**
 * Records every mutating request under /api/v1 as an AuditEntry once its response has ended:
 * who (principal sub and role), what (method and route pattern), on which resource, with which
 * outcome and body. Refusals (4xx) are recorded too: this is an audit of attempts.
 *
 * `before` stays null: this layer does not know the business object's state. The before/after of
 * a case is the workflow's job (its event history and the case events it writes), of reference
 * records their writer's; the request id joins this entry to those records and to the logs.
 *
 * Requests without a verified principal (401) have no "who", and rate-limited ones (429) never ran;
 * the access log has both, and writing rows for them would let a flood grow the table.
 */
export function auditTrail(db: Database, routes: RouteTable, logger: Logger): RequestHandler {
  return (req, res, next) => {
    // The path is read now: mounted routers rewrite req.url while they handle the request.
    const path = req.path;
    if (MUTATING.has(req.method) && path.startsWith('/api/v1/')) res.once('close', () => void write(db, routes, req, res, path, logger));
    next();
  };
}

async function write(db: Database, routes: RouteTable, req: Request, res: Response, path: string, logger: Logger): Promise<void> {
  const principal = req.principal;
  // 429s were turned away before anything ran; a row each would let a flood grow the table.
  if (!principal || res.statusCode === 429) return;
  const log = req.log ?? logger;
  try {
    const match = routes.match(req.method, path);
    const location = res.getHeader('location');
    const created = typeof location === 'string' ? routes.match('GET', location.split('?')[0]) : undefined;
    await db.auditEntry.create({
      data: {
        actor: principal.sub,
        action: `HTTP ${req.method} ${match?.pattern ?? path.slice(0, 200)}`,
        subject: subjectOf(match) ?? subjectOf(created) ?? match?.pattern ?? '(none)',
        after: {
          role: principal.role,
          status: res.statusCode,
          requestId: req.requestId ?? null,
          ...(match && Object.keys(match.params).length ? { params: match.params } : {}),
          body: (scrub(req.body) ?? null) as object | null,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
      },
    });
  } catch (err) {
    // The response has gone; a lost audit row must be visible to operators, not to the caller.
    log.error({ err, method: req.method, path }, 'audit entry not written');
  }
}
