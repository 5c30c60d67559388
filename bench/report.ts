import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.join(__dirname, '..', 'BENCHMARKS.md');

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Replaces (or appends) this benchmark's section of BENCHMARKS.md. */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n\nEach section is written by its `npm run bench:<name>`; rerun it to refresh.\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(FILE, re.test(current) ? current.replace(re, block) : `${current.trimEnd()}\n\n${block}\n`);
}

/** The machine's 1-minute load average: a shared machine makes figures noisy, so reports say so. */
export function loadAverage(): string {
  return `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
}
