// CPU time spent so far, read rather than timed so that other work on the machine does not change
// it: this process's (API, worker and load generator), and that of the processes beside it found by
// a string in their command line (the Temporal server, PostgreSQL's backends of one database).
import fs from 'node:fs';

export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds so far of every process whose command line holds `marker`, summed (backends come and go). */
export function cpuSecondsOf(marker: string): number {
  let seconds = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
      seconds += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // The process ended while we read it.
    }
  }
  return seconds;
}

/** Milliseconds of CPU per run of `n`: this process, the Temporal server, PostgreSQL's backends. */
export interface CpuPerRun {
  own: number;
  temporal: number;
  postgres: number;
}

export async function withCpu<T>(markers: { temporalMarker: string; postgresMarker: string }, n: number, run: () => Promise<T>): Promise<T & { cpu: CpuPerRun }> {
  const read = () => ({ own: ownCpuSeconds(), temporal: cpuSecondsOf(markers.temporalMarker), postgres: cpuSecondsOf(markers.postgresMarker) });
  const before = read();
  const result = await run();
  const after = read();
  const per = (k: keyof CpuPerRun) => ((after[k] - before[k]) * 1000) / n;
  return { ...result, cpu: { own: per('own'), temporal: per('temporal'), postgres: per('postgres') } };
}
