// Runs every response the integration tests provoke through the contract (api/contract):
// documented status, documented media type, and a body that parses with the route's schema.
// The check happens as the response ends, before the test sees it; violations are kept per
// stack and fail its stop().
import type { IncomingMessage, ServerResponse } from 'node:http';
import { conformance, type Violation } from '../../api/contract/conformance';
import { OPERATIONS } from '../../api/routes';

const { checkResponse, matchRoute } = conformance(OPERATIONS);

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface ContractRecorder {
  /** The app to hand to supertest. */
  listener: Listener;
  violations: Violation[];
  /** `operationId status` of every response seen, so a test can check coverage. */
  seen: Set<string>;
}

export function recordContract(app: Listener): ContractRecorder {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const listener: Listener = (req, res) => {
    if (req.method === 'HEAD' || req.method === 'OPTIONS') return app(req, res);
    // Express rewrites req.url while routing through mounted routers: keep the original.
    const url = req.url ?? '/';
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const route = matchRoute(req.method ?? 'GET', url);
      if (route) seen.add(`${route.operationId} ${res.statusCode}`);
      const v = checkResponse(req.method ?? 'GET', url, res.statusCode, (name) => res.getHeader(name)?.toString(), Buffer.concat(chunks).toString('utf8'));
      if (v) violations.push(v);
      return end(chunk, ...rest);
    }) as typeof res.end;
    app(req, res);
  };
  return { listener, violations, seen };
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.method} ${v.path} (${v.route}) → ${v.status}: ${v.issues.join('; ')}`).join('\n');
}
