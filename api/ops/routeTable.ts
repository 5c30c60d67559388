// Turns a raw request path into the route pattern that handles it (`/api/v1/cases/GL-2026-000123`
// → `/api/v1/cases/:caseNo`), for metric labels and log lines. Express restores
// `req.baseUrl` as an error leaves a mounted router, so the pattern cannot be read off the request
// afterwards; instead the app's registered routes are read once (router 2.3's `listRoutes`) and
// matched the way Express does: in registration order, segment by segment, case-insensitively.

export interface RouteMatch {
  pattern: string;
  params: Record<string, string>;
}

/** The label for a path no route handles; a constant, so probing random paths adds no series. */
export const UNMATCHED = '(unmatched)';

interface RouteInfo {
  path: string | RegExp;
  methods?: string[];
  router?: Listable;
}
interface Listable {
  listRoutes?(): RouteInfo[];
}

interface CompiledRoute {
  pattern: string;
  methods: Set<string>;
  segments: string[];
}

const split = (p: string) => p.split('/').filter(Boolean);

function flatten(router: Listable, prefix: string, out: CompiledRoute[]): CompiledRoute[] {
  for (const r of router.listRoutes?.() ?? []) {
    // Regular-expression and optional-group paths are not used here; they are left unlabelled.
    if (typeof r.path !== 'string' || r.path.includes('{')) continue;
    const pattern = `/${[...split(prefix), ...split(r.path)].join('/')}`;
    if (r.router) flatten(r.router, pattern, out);
    else if (r.methods) out.push({ pattern, methods: new Set(r.methods.map((m) => m.toUpperCase())), segments: split(pattern) });
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith('*')) {
      if (i >= path.length) return undefined;
      params[p.slice(1)] = path.slice(i).map(decode).join('/');
      return params;
    }
    if (i >= path.length) return undefined;
    if (p.startsWith(':')) params[p.slice(1)] = decode(path[i]);
    else if (p.toLowerCase() !== path[i].toLowerCase()) return undefined;
  }
  return pattern.length === path.length ? params : undefined;
}

/** A matcher over the app's routes, compiled on first use (after every route is registered). */
export function routeTable(app: { router: unknown }) {
  let routes: CompiledRoute[] | undefined;
  const match = (method: string, path: string): RouteMatch | undefined => {
    routes ??= flatten(app.router as Listable, '', []);
    const segments = split(path);
    const m = method.toUpperCase();
    for (const r of routes) {
      if (!r.methods.has(m) && !r.methods.has('*') && !(m === 'HEAD' && r.methods.has('GET'))) continue;
      const params = matchSegments(r.segments, segments);
      if (params) return { pattern: r.pattern, params };
    }
    return undefined;
  };
  return {
    match,
    pattern: (method: string, path: string) => match(method, path)?.pattern ?? UNMATCHED,
  };
}

export type RouteTable = ReturnType<typeof routeTable>;
