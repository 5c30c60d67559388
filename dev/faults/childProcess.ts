// A worker or API process the fault run starts, SIGKILLs and restarts. Only the
// process it spawned is ever signalled (by pid), never anything found by name.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export class ManagedProcess {
  private child?: ChildProcess;
  private stopping = false;
  /** Exits nobody asked for (crashes), each followed by a restart. */
  crashes = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    /** Resolves once the process serves (a log line, an HTTP answer). */
    private readonly ready: (output: () => string) => Promise<void>,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    let output = '';
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['--import', 'tsx', this.entry], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        log.write(chunk);
      });
    }
    child.once('exit', (code, signal) => {
      log.end(`\n[faults] ${this.name} exited (${signal ?? code})\n`);
      if (this.child !== child || this.stopping || signal === 'SIGKILL') return;
      // It died on its own (e.g. lost Temporal for too long): count it and bring it back.
      this.crashes++;
      this.child = undefined;
      void this.start().catch((err) => console.error(`[faults] restarting ${this.name} failed:`, err));
    });
    await Promise.race([
      this.ready(() => output),
      new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${signal ?? code}) before it was ready; see ${this.logFile}`)))),
    ]);
  }

  /** SIGKILL: no graceful shutdown, activities and workflow tasks die mid-flight. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
