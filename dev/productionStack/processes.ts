// The stack's long-running parts are child processes, each logging to its own file, so a test
// or the fault drill can stop one the way an operator (or a crash) would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface StackProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the first output line matching `pattern`; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM (SIGKILL after `graceMs`); resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function startProcess(name: string, cmd: string, args: readonly string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; logDir: string }): StackProcess {
  fs.mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, `${name}.log`);
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listeners = new Set<(line: string) => void>();
  let pending = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) for (const l of listeners) l(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.once('exit', () => log.end());
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    logFile,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (err?: Error, line?: string) => {
          clearTimeout(timer);
          listeners.delete(onLine);
          child.off('exit', onExit);
          if (err) reject(err);
          else resolve(line!);
        };
        const onLine = (line: string) => pattern.test(line) && done(undefined, line);
        const onExit = () => done(new Error(`${name} exited (${child.signalCode ?? child.exitCode}) before printing ${pattern}; see ${logFile}`));
        const timer = setTimeout(() => done(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms; see ${logFile}`)), timeoutMs);
        listeners.add(onLine);
        child.once('exit', onExit);
      });
    },
    async stop(graceMs = 15_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Ports free on loopback now, below 32768: Temporal keeps membership ports in a smallint column,
 * and Linux hands out ephemeral ports from 32768 up (so these are also rarely taken meanwhile).
 */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.has(candidate) && (await bindable(candidate))) ports.add(candidate);
  }
  return [...ports];
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A probe's error that no retry can cure (the process exited). */
export class FatalError extends Error {}

/** Retries `probe` until it resolves, or fails with its last error after `timeoutMs` (at once on a FatalError). */
export async function waitFor<T>(what: string, probe: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (err) {
      if (err instanceof FatalError) throw new Error(`${what}: ${err.message}`);
      if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms (${(err as Error).message})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
