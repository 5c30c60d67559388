// A route is declared once: its method and path, what the document says of it (summary, tags,
// roles, scope, responses), the schemas its request is parsed with, and its handler. The same
// declaration mounts it (mountRoutes: the role check derived from `roles`, the parsing by its
// schemas) and documents it (operationsOf → api/contract: the OpenAPI document, the docs page and
// the tests' response checks), so what the API enforces and what it publishes cannot drift.
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { principalOf, requireRole } from '../auth/middleware';
import type { Principal } from '../../domain/people';
import type { AuditRecord } from '../../infra/audit';
import { P } from '../contract/components';
import type { Method, Named, ResponseSpec, Roles, RouteSpec } from '../contract/spec';
import { auditUnavailable, parseOr422 } from '../problem';
import type { Caller, Services } from '../services';

type Schema = z.ZodType | undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * One of several bodies a route takes, chosen by its handler (the decision's, by the case's
 * product), or, with `operationPerVariant`, named by a path parameter and documented as an
 * operation of its own (a task's completion, by the task).
 */
export interface Variant {
  body: Named;
  operationId?: string;
  summary?: string;
}

/** What a handler is given: the request parsed by the route's own schemas, on demand. */
export interface Context<P extends Schema, Q extends Schema, H extends Schema, B extends Named | undefined, V extends Record<string, Variant>> {
  readonly req: Request;
  readonly res: Response;
  /** The caller (401 without one; routes under /api/v1 but the public ones are authenticated first). */
  readonly principal: Principal;
  /** The caller as the services see it, with the request's Idempotency-Key when the route declares it. */
  readonly caller: Caller;
  /**
   * The path parameters as sent. For identifiers the services look up themselves, which answer
   * 404 when one names nothing the caller sees (a malformed one included), not 422.
   */
  readonly path: Record<string, string>;
  // Each parse below uses the declared schema, answers 422 naming the failing fields, and runs
  // once; the handler calls them in the order its checks must run (scope before body, say).
  params(): Parsed<P>;
  query(): Parsed<Q>;
  headers(): Parsed<H>;
  body(): B extends Named ? z.output<B['schema']> : undefined;
  /** The body parsed as one of the declared variants. */
  bodyOf<K extends keyof V & string>(variant: K): z.output<V[K]['body']['schema']>;
}

/** A read or export of firm data, audited: what the row calls it and which object it names. */
export interface ReadAudit {
  /** Upper snake case ending in _READ, e.g. CASE_READ. */
  action: `${string}_READ`;
  /** `<kind>:<id>` from the path (`case:GL-2026-000123`), or the collection read (`cases`). */
  subject(path: Record<string, string>): string;
}

/** What mounting an audited route needs of the services: the audit trail's writer. */
export interface AuditWriter {
  audit?: { record(entry: AuditRecord): Promise<void> };
}

export interface RouteDef<P extends Schema, Q extends Schema, H extends Schema, B extends Named | undefined, V extends Record<string, Variant>, S> {
  method: Method;
  /** OpenAPI style (/api/v1/cases/{caseNo}); mounted as Express's /api/v1/cases/:caseNo. */
  path: string;
  /** Required unless each variant is documented as its own operation. */
  operationId?: string;
  summary?: string;
  tags: string[];
  /** Enforced when mounted: a role not listed gets 403 before anything else of the route runs. */
  roles: Roles;
  scope?: string;
  pathParams?: P;
  query?: Q;
  /** An object schema over header names, e.g. IdempotencyKeyHeader. */
  headers?: H;
  body?: B;
  variants?: V;
  /** With `variants`: the path parameter that names the variant; the document lists one operation per variant. */
  operationPerVariant?: string;
  responses: Record<number, ResponseSpec>;
  /**
   * A read or export of firm data: its audit row is written before the answer leaves, and when
   * it cannot be, the caller gets 503 (documented for the route) and no data.
   */
  audit?: ReadAudit;
  /** Middleware of this route alone, after the role check (e.g. its own body parser). */
  use?: RequestHandler[];
  handler(c: Context<P, Q, H, B, V>, services: S): Promise<void> | void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Route<S = Services> = RouteDef<any, any, any, any, any, S>;

/** Declares a route; the types of its handler's parsed inputs follow from its schemas. */
export function route<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  H extends Schema = undefined,
  B extends Named | undefined = undefined,
  V extends Record<string, Variant> = Record<never, Variant>,
  S = Services,
>(def: RouteDef<P, Q, H, B, V, S>): Route<S> {
  return def as Route<S>;
}

/** What the document lists for a route: one operation, or one per variant. */
export function operationsOf(r: Route<unknown>): RouteSpec[] {
  const responses = r.audit ? { ...r.responses, 503: P.auditUnavailable } : r.responses;
  const common = { method: r.method, tags: r.tags, roles: r.roles, scope: r.scope, query: r.query, headers: r.headers, responses };
  const param = r.operationPerVariant;
  if (param === undefined) {
    return [{ ...common, operationId: required(r, 'operationId', r.operationId), path: r.path, summary: required(r, 'summary', r.summary), pathParams: r.pathParams, body: r.body }];
  }
  return Object.entries((r.variants ?? {}) as Record<string, Variant>).map(([key, v]) => ({
    ...common,
    operationId: required(r, 'operationId', v.operationId),
    path: r.path.replace(`{${param}}`, key),
    summary: required(r, 'summary', v.summary),
    pathParams: (r.pathParams as z.ZodObject).omit({ [param]: true } as Record<string, true>),
    body: v.body,
  }));
}

function required(r: Route<unknown>, what: string, value: string | undefined): string {
  if (value === undefined) throw new Error(`${r.method.toUpperCase()} ${r.path} documents no ${what}`);
  return value;
}

/**
 * Mounts `routes` on `router`, whose own mount point is `base` (their paths start with it):
 * the role check from `roles`, then the route's middleware, then its handler.
 */
export function mountRoutes<S>(router: Router, routes: readonly Route<S>[], services: S & AuditWriter, base = ''): void {
  for (const r of routes) {
    if (!r.path.startsWith(`${base}/`)) throw new Error(`${r.path} is not under ${base}`);
    const path = r.path.slice(base.length).replace(/\{(\w+)\}/g, ':$1');
    const guard = typeof r.roles === 'string' ? [] : [requireRole(...r.roles)];
    const { audit } = r;
    const writer = services.audit;
    if (audit && !writer) throw new Error(`${r.path} is audited, but no audit writer was given`);
    router[r.method](path, ...guard, ...(r.use ?? []), (req: Request, res: Response) => {
      const c = context(r, req, res);
      return audit ? answerAudited(c, audit, writer!, () => r.handler(c, services)) : r.handler(c, services);
    });
  }
}

/**
 * Runs an audited read with its answer held back: once the handler has answered with success,
 * the read's row is written, and only then does the answer leave. A row that cannot be written
 * drops the answer for a 503, so firm data is never served unaudited (fail closed).
 */
async function answerAudited(c: AnyContext, audit: ReadAudit, writer: NonNullable<AuditWriter['audit']>, handle: () => Promise<void> | void): Promise<void> {
  const { req, res } = c;
  const send = res.send;
  let held: Parameters<Response['send']> | undefined;
  res.send = function (this: Response, ...args: Parameters<Response['send']>) {
    held = args;
    return this;
  };
  try {
    await handle();
  } finally {
    res.send = send;
  }
  if (!held) return;
  if (res.statusCode < 300) {
    const { principal } = c;
    const entry = { actor: principal.sub, action: audit.action, subject: audit.subject(c.path), after: { role: principal.role, requestId: req.requestId ?? null, query: req.query, contentType: res.get('content-type') ?? null } };
    try {
      await writer.record(entry);
    } catch (err) {
      req.log?.error({ err, action: audit.action }, 'audit entry not written: the read is refused');
      res.removeHeader('Content-Disposition');
      throw auditUnavailable();
    }
  }
  send.apply(res, held);
}

type AnyContext = Context<Schema, Schema, Schema, Named | undefined, Record<string, Variant>>;

type Input = 'query' | 'headers' | 'body';

function context(r: Route<unknown>, req: Request, res: Response): AnyContext {
  const parsed = new Map<string, unknown>();
  const once = <T>(key: string, parse: () => T): T => {
    if (!parsed.has(key)) parsed.set(key, parse());
    return parsed.get(key) as T;
  };
  const declared = (schema: Schema, what: string): z.ZodType => {
    if (!schema) throw new Error(`${r.method.toUpperCase()} ${r.path} declares no ${what}`);
    return schema;
  };
  const read = new Set<Input>();
  holdToDeclaration(r, res, read);
  const headers = () => {
    read.add('headers');
    return once('headers', () => {
      const schema = declared(r.headers, 'headers') as z.ZodObject;
      return parseOr422(schema, Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)])));
    });
  };
  return {
    req,
    res,
    get principal() {
      return principalOf(req);
    },
    get caller() {
      return {
        principal: principalOf(req),
        log: req.log,
        idempotencyKey: () => (r.headers ? (headers() as Record<string, string | undefined>)['Idempotency-Key'] : undefined),
      };
    },
    path: req.params as Record<string, string>,
    params: () => once('params', () => parseOr422(declared(r.pathParams, 'path parameters'), req.params)),
    query: () => {
      read.add('query');
      return once('query', () => parseOr422(declared(r.query, 'query'), req.query));
    },
    headers,
    body: () => {
      read.add('body');
      return once('body', () => parseOr422(declared(r.body?.schema, 'body'), req.body));
    },
    bodyOf: (variant) => {
      read.add('body');
      const v = (r.variants as Record<string, Variant> | undefined)?.[variant];
      return once(`body:${variant}`, () => parseOr422(declared(v?.body.schema, `body variant ${variant}`), req.body));
    },
  } as AnyContext;
}

/**
 * A success answered without parsing a declared query, header or body would let the document
 * promise a check the route does not make: it fails (500, logged) instead, which the contract
 * test, calling every operation, would show.
 */
function holdToDeclaration(r: Route<unknown>, res: Response, read: Set<Input>): void {
  const inputs: Input[] = [...(r.query ? ['query' as const] : []), ...(r.headers ? ['headers' as const] : []), ...(r.body || r.variants ? ['body' as const] : [])];
  if (!inputs.length) return;
  const send = res.send;
  res.send = function (this: Response, ...args: Parameters<Response['send']>) {
    const unread = inputs.filter((i) => !read.has(i));
    if (this.statusCode < 300 && unread.length) throw new Error(`${r.method.toUpperCase()} ${r.path} answered ${this.statusCode} without parsing its ${unread.join(', ')}`);
    return send.apply(this, args);
  };
}
