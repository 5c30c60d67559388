import { percentile } from './report';

export interface LoopResult {
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `op` for i = 0..n-1, `concurrency` at a time; throughput over the wall time and each call's latency (ms). */
export async function closedLoop(n: number, concurrency: number, op: (i: number) => Promise<void>): Promise<LoopResult> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await op(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { perSecond: (n / wallMs) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
