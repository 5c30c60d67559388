import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { fieldErrors, type FieldError } from './schemas/fieldErrors';

export { fieldErrors, type FieldError };

// RFC 9457 problem details. `type` values are stable identifiers clients may switch on.

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Response headers that go with it, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export function sendProblem(res: Response, p: Problem): void {
  if (p.headers) res.set(p.headers);
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `urn:greenlane:problem:${p.slug}`,
      title: p.title,
      status: p.status,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
    });
}

export function validationProblem(errors: FieldError[]): Problem {
  return new Problem(422, 'validation', 'The request is not valid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** Parses with a zod schema or throws a 422 naming each failing field. */
export function parseOr422<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationProblem(fieldErrors(r.error));
  return r.data;
}

export const notFound: RequestHandler = (req) => {
  throw new Problem(404, 'not-found', 'Not found', `No resource at ${req.method} ${req.path}`);
};

/** Every error leaves as problem+json; anything unexpected is logged and becomes a 500 without internals. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof Problem) return sendProblem(res, err);
  // Errors raised by express' body parser carry a status and a type.
  const bodyError = err as { type?: string; status?: number; limit?: number };
  if (bodyError.type === 'entity.parse.failed') {
    return sendProblem(res, new Problem(400, 'malformed-json', 'The body is not valid JSON', (err as Error).message));
  }
  if (bodyError.type === 'entity.too.large') {
    return sendProblem(res, new Problem(413, 'body-too-large', 'The body is too large', `at most ${bodyError.limit} bytes`));
  }
  if (bodyError.status && bodyError.status >= 400 && bodyError.status < 500) {
    return sendProblem(res, new Problem(bodyError.status, 'bad-request', 'The request cannot be read', (err as Error).message));
  }
  // req.log carries the request id (api/ops/logger.ts); it is absent only outside createApp.
  if (req.log) req.log.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'unhandled error');
  else console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', method: req.method, path: req.path, error: String(err?.stack ?? err) }));
  return sendProblem(res, new Problem(500, 'internal', 'Internal error', 'The error was logged; please retry or contact the operator'));
};

/** Firm data, or a decoded payload, is answered only once its read is on the audit trail. */
export const auditUnavailable = () =>
  new Problem(503, 'audit-unavailable', 'The read could not be audited', 'Firm data is answered only once the read is on the audit trail, which cannot be written now; retry later', undefined, { 'Retry-After': '10' });
