import http from 'node:http';
import type { RequestListener } from 'node:http';

export interface ServerTimeouts {
  /** Whole request, body included; above the longest wait on a workflow (45 s, routes/workflowCalls.ts). */
  requestTimeoutMs: number;
  /** A client that has not finished sending its headers by then is cut off (slow-loris). */
  headersTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = { requestTimeoutMs: 60_000, headersTimeoutMs: 20_000, keepAliveTimeoutMs: 5_000 };

/** The API's HTTP server, bounded so that slow or idle clients cannot hold connections for ever. */
export function createHttpServer(app: RequestListener, t: ServerTimeouts = SERVER_TIMEOUTS): http.Server {
  const server = http.createServer(
    // Node checks the request and header deadlines on this interval (30 s by default).
    { requestTimeout: t.requestTimeoutMs, headersTimeout: t.headersTimeoutMs, connectionsCheckingInterval: Math.min(1_000, t.headersTimeoutMs) },
    app,
  );
  server.keepAliveTimeout = t.keepAliveTimeoutMs;
  return server;
}
