import { readdirSync, readFileSync } from 'node:fs';

// Where the CPU goes during a load run (Linux /proc): the server process, the PostgreSQL processes (the
// postmaster's children), this load generator, and the whole machine (other users of a shared machine included).

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface CpuSample {
  at: number;
  server: number;
  postgres: Map<number, number>;
  client: number;
  machineBusy: number;
  machineTotal: number;
}

export interface CpuShares {
  /** Percent of one core, over the run. */
  server: number;
  postgres: number;
  client: number;
  /** Percent of all cores busy, whoever used them. */
  machine: number;
}

/** CPU milliseconds (user + system) a process used so far; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function childrenCpu(parent: number): Map<number, number> {
  const result = new Map<number, number>();
  if (parent <= 0) return result;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && parentOf(pid) === parent) result.set(pid, processCpuMs(pid));
  }
  result.set(parent, processCpuMs(parent));
  return result;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** Sample now; `postmaster` is the PostgreSQL server's pid (or undefined on PGlite). */
export function sampleCpu(serverPid: number, postmaster: number | undefined): CpuSample {
  const usage = process.cpuUsage();
  const machine = machineTicks();
  return {
    at: performance.now(),
    server: processCpuMs(serverPid),
    postgres: postmaster === undefined ? new Map() : childrenCpu(postmaster),
    client: (usage.user + usage.system) / 1000,
    machineBusy: machine.busy,
    machineTotal: machine.total,
  };
}

/** CPU shares between two samples. PostgreSQL processes that started in between count from zero. */
export function cpuShares(before: CpuSample, after: CpuSample): CpuShares {
  const elapsed = after.at - before.at;
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  const percent = (ms: number): number => (100 * ms) / elapsed;
  return {
    server: percent(after.server - before.server),
    postgres: percent(postgres),
    client: percent(after.client - before.client),
    machine: (100 * (after.machineBusy - before.machineBusy)) / Math.max(1, after.machineTotal - before.machineTotal),
  };
}

/** The postmaster of a backend (the parent of any PostgreSQL backend pid). */
export function postmasterOf(backendPid: number): number {
  return parentOf(backendPid);
}
