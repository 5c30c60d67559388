// Latency and failure injection shared by the sandbox adapters, so tests,
// `npm start` and benchmarks exercise retries the way real systems cause them.
export interface SandboxBehaviour {
  /** Added to every call, in milliseconds. */
  latencyMs?: number;
  /** Probability (0..1) that a call fails before doing anything. */
  failureRate?: number;
  /** The first N calls fail before doing anything (deterministic, for tests). */
  failFirst?: number;
}

/** Reads GREENLANE_SANDBOX_<NAME>_LATENCY_MS / _FAILURE_RATE, e.g. GREENLANE_SANDBOX_BANK_LATENCY_MS=200. */
export function behaviourFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): SandboxBehaviour {
  const num = (key: string) => {
    const raw = env[`GREENLANE_SANDBOX_${name}_${key}`];
    return raw === undefined || raw === '' ? undefined : Number(raw);
  };
  return { latencyMs: num('LATENCY_MS'), failureRate: num('FAILURE_RATE') };
}

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

export function sandboxGate(system: string, behaviour: SandboxBehaviour = {}) {
  let calls = 0;
  return async function gate(operation: string): Promise<void> {
    calls++;
    if (behaviour.latencyMs) await new Promise((r) => setTimeout(r, behaviour.latencyMs));
    if ((behaviour.failFirst ?? 0) >= calls || (behaviour.failureRate && Math.random() < behaviour.failureRate)) {
      throw new SandboxUnavailableError(`${system} sandbox: injected failure on ${operation} (call ${calls})`);
    }
  };
}
