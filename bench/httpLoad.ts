import autocannon from 'autocannon';

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  failed: number;
}

/** Closed-loop GET load with autocannon: `connections` at once for `seconds`; `path(i)` picks each request's path. */
export async function getLoad(origin: string, token: string, path: (i: number) => string, seconds: number, connections = 10): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(i++) }) }],
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
