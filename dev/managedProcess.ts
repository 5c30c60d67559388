// A long-running part started as a child process: the fault drill's worker and API, and every part
// of the production topology (dev/productionStack). It logs to its own file, may be SIGKILLed and
// started again, and, like Compose's `restart: unless-stopped`, is brought back when it exits on its
// own after it was ready. Only the process it spawned is ever signalled (by pid), never anything
// found by name.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

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

export const freePort = async () => (await freePorts(1))[0];

/** Whether every one of `ports` can be listened on now. */
export async function allBindable(ports: readonly number[]): Promise<boolean> {
  for (const port of ports) if (!(await bindable(port))) return false;
  return true;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The command of a TypeScript entry point of this repository. */
export const tsxEntry = (entry: string): readonly string[] => [process.execPath, '--import', 'tsx', path.join(ROOT, entry)];

export class ManagedProcess {
  private child?: ChildProcess;
  private stopping = false;
  private output = '';
  /** Once it has served, an exit on its own is a crash to recover from, not a failed start. */
  private served = false;
  /** Exits nobody asked for (crashes), each followed by a restart. */
  crashes = 0;

  constructor(
    readonly name: string,
    private readonly command: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    /** Resolves once the process serves (a log line, an HTTP answer). */
    private readonly ready: (output: () => string) => Promise<void>,
  ) {}

  /** The latest output (20 000 characters at most). */
  recentOutput(): string {
    return this.output;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.output = '';
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    const [cmd, ...args] = this.command;
    const child = spawn(cmd, args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-20_000);
        log.write(chunk);
      });
    }
    child.once('exit', (code, signal) => {
      log.end(`\n[${this.name}] exited (${signal ?? code})\n`);
      if (this.child !== child || this.stopping || !this.served) return;
      // It died on its own (e.g. lost Temporal for too long): count it and bring it back.
      this.crashes++;
      this.child = undefined;
      void this.start().catch((err) => console.error(`[${this.name}] restarting failed:`, err));
    });
    try {
      await Promise.race([
        this.ready(() => this.output),
        new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${signal ?? code}) before it was ready; see ${this.logFile}`)))),
      ]);
    } catch (err) {
      // This start's own child only: a restart after a crash can overlap another start (the
      // drill's kill and start), and stopping whichever child is current would take that one down.
      if (this.child === child) this.child = undefined;
      await terminate(child);
      throw err;
    }
    this.served = true;
  }

  /** SIGKILL: no graceful shutdown, activities and workflow tasks die mid-flight. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Ours, so not a crash to recover from; another's SIGKILL (the OOM killer) is one.
    this.child = undefined;
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (SIGKILL after `graceMs`); resolves once it has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.child) await terminate(this.child, graceMs);
  }
}

/** SIGTERM to `child` (SIGKILL after `graceMs`); resolves once it has exited. */
async function terminate(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A check that answers false while `probe` throws (a server not listening yet). */
export const succeeds = (probe: () => Promise<unknown>) => async () => {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
};
