// Checks an actual response against the documented operations: the status must be documented
// for the route, the media type must be one the document names, and a JSON body must parse with
// its schema. The integration tests run every response through it (tests/support/stack.ts).
import type { z } from 'zod';
import { R } from './components';
import type { MediaType, RouteSpec } from './spec';

export interface Violation {
  method: string;
  path: string;
  /** The operation's path template, or `(unmatched)`. */
  route: string;
  status: number;
  issues: string[];
}

interface Compiled {
  route: RouteSpec;
  segments: string[];
  literals: number;
}

const split = (p: string) => p.split('/').filter(Boolean);
const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);

/** The checks against one list of operations (api/routes' OPERATIONS). */
export function conformance(operations: readonly RouteSpec[]) {
  const compiled: Compiled[] = operations.map((route) => {
    const segments = split(route.path);
    return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
  });

  /** The operation serving `method path`; literal segments beat templated ones, as in Express. */
  function matchRoute(method: string, path: string): RouteSpec | undefined {
    const parts = split(path.split('?')[0]);
    let best: Compiled | undefined;
    for (const c of compiled) {
      if (c.route.method !== method.toLowerCase() || c.segments.length !== parts.length) continue;
      if (!c.segments.every((s, i) => s.startsWith('{') || s.toLowerCase() === parts[i].toLowerCase())) continue;
      if (!best || c.literals > best.literals) best = c;
    }
    return best?.route;
  }

  /**
   * The problems with one response, or undefined when it conforms. `header` reads a response header;
   * `body` the bytes as sent. A path no route serves must still answer a problem document.
   */
  function checkResponse(method: string, path: string, status: number, header: (name: string) => string | undefined, body: string): Violation | undefined {
    return check(matchRoute(method, path), method, path, status, header, body);
  }

  return { matchRoute, checkResponse };
}

function check(
  route: RouteSpec | undefined,
  method: string,
  path: string,
  status: number,
  header: (name: string) => string | undefined,
  body: string,
): Violation | undefined {
  const media = (header('content-type') ?? '').split(';')[0].trim().toLowerCase() as MediaType;
  const issues: string[] = [];
  let schema: z.ZodType | undefined;
  if (!route) {
    if (status < 400) issues.push(`no registered route answers ${method} ${path} with ${status}`);
    else if (media !== 'application/problem+json') issues.push(`an error must be application/problem+json, got ${media || 'no content type'}`);
    schema = R.ProblemDetails.schema;
  } else {
    const spec = route.responses[status];
    if (!spec) issues.push(`status ${status} is not documented for this route`);
    else if (!(media in spec.content)) issues.push(`media type ${media || '(none)'} is not documented for ${status} (documented: ${Object.keys(spec.content).join(', ')})`);
    else schema = spec.content[media]!.schema;
    for (const [name, h] of Object.entries(spec?.headers ?? {})) {
      const value = header(name);
      if (value === undefined) {
        if (h.required) issues.push(`header ${name} is missing`);
      } else if (!h.schema.safeParse(value).success) issues.push(`header ${name}: ${JSON.stringify(value)} does not match`);
    }
  }
  if (schema && (media === 'application/json' || media === 'application/problem+json')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      issues.push('the body is not JSON');
    }
    if (!issues.length) {
      const r = schema.safeParse(value);
      if (!r.success) issues.push(...issuesOf(r.error));
      // A problem's status member must repeat the HTTP status.
      else if (media === 'application/problem+json' && (value as { status?: unknown }).status !== status) issues.push(`problem status ${(value as { status?: unknown }).status} ≠ HTTP ${status}`);
    }
  }
  return issues.length ? { method, path: path.split('?')[0], route: route?.path ?? '(unmatched)', status, issues } : undefined;
}
