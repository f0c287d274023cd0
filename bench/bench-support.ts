import { PerformanceObserver, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRandom } from '../test/support/seeded-random.js';

export { createRandom };

// Small helpers shared by the benchmarks: the seeded PRNG (re-exported from test/support), medians of timed runs, growth
// timed in interleaved rounds, a reference workload and table formatting. Nothing here reads the clock except
// `timeMedian`.

/** A random integer in [min, max] (inclusive) from `random`. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A random element of a non-empty list. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

let fullGc: (() => void) | undefined;

/** A full garbage collection, so that a timed run does not pay for the garbage of earlier ones (gc exposed on first use). */
export function collectGarbage(): void {
  if (!fullGc) {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    fullGc = typeof gc === 'function' ? () => void gc() : () => undefined;
  }
  fullGc();
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Time spent in garbage collection pauses (ms) between `start()` and `stop()`, from perf_hooks "gc" entries. */
function watchGc(): { start: () => void; mark: () => void; stop: () => number } {
  let total = 0;
  let from = 0;
  let to = Infinity;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= from && entry.startTime <= to) total += entry.duration;
  });
  return {
    start: () => {
      total = 0;
      from = performance.now();
      to = Infinity;
      observer.observe({ entryTypes: ['gc'] });
    },
    mark: () => {
      to = performance.now();
    },
    stop: () => {
      for (const entry of observer.takeRecords()) if (entry.startTime >= from && entry.startTime <= to) total += entry.duration;
      observer.disconnect();
      return total;
    },
  };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface TimingOptions {
  /**
   * `each` (default): a full GC before every run, so that no run pays for an earlier one's garbage — right for
   * one-off work. `steady`: one full GC and as many untimed runs as timed ones, then the timed runs back to back,
   * each paying its share of the collector as repeated work does in a server. (A forced full GC also shrinks V8's
   * heap, so allocation-heavy work right after one is slower than it is in steady use, and the more it allocates,
   * the more runs it takes to settle: one run at 10^5 pledges, three at 10^6; see docs/performance.md.)
   */
  mode?: 'each' | 'steady';
}

/** Run `work` `runs` times; the median wall, CPU and GC-pause times in ms, and the last result. */
export async function timeMedian<T>(runs: number, work: () => T, options: TimingOptions = {}): Promise<{ ms: number; cpuMs: number; gcMs: number; result: T }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const gcPauses: number[] = [];
  const gc = watchGc();
  const steady = options.mode === 'steady';
  let result: T | undefined;
  if (steady) {
    collectGarbage();
    for (let run = 0; run < Math.max(1, runs); run++) result = work();
  }
  for (let run = 0; run < runs; run++) {
    result = undefined;
    if (!steady) collectGarbage();
    gc.start();
    const startCpu = cpuMs();
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
    cpu.push(cpuMs() - startCpu);
    gc.mark();
    // GC entries are queued for the event loop: let it deliver them.
    await nextTurn();
    await nextTurn();
    gcPauses.push(gc.stop());
  }
  return { ms: median(times), cpuMs: median(cpu), gcMs: median(gcPauses), result: result as T };
}

export interface PairedGrowthOptions {
  rounds: number;
  /** Timed runs of each half (as many untimed ones go first, as in timeMedian's steady mode). */
  smallRuns: number;
  bigRuns: number;
}

/**
 * time(big) / time(small), timed side by side: each round times small, big and small again (each as timeMedian's
 * steady mode does) and divides big by the mean of its two small halves; the result is the median over rounds.
 * This machine's speed drifts over seconds to minutes (other tenants share its caches and memory bandwidth), and a
 * ratio of two medians taken a minute apart carries that drift; sizes timed in the same round see the same machine.
 */
export async function timePairedGrowth(small: () => unknown, big: () => unknown, options: PairedGrowthOptions): Promise<{ growth: number; ratios: number[] }> {
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const before = (await timeMedian(options.smallRuns, small, { mode: 'steady' })).ms;
    const bigMs = (await timeMedian(options.bigRuns, big, { mode: 'steady' })).ms;
    const after = (await timeMedian(options.smallRuns, small, { mode: 'steady' })).ms;
    ratios.push(bigMs / ((before + after) / 2));
  }
  return { growth: median(ratios), ratios };
}

/** Reference workload for `n`: sort n seeded random numbers (a copy each run) with a comparator. */
export function makeReference(n: number, seed: number): () => number {
  const random = createRandom(seed);
  const values = Array.from({ length: n }, () => random());
  return () => {
    const copy = values.slice();
    copy.sort((a, b) => a - b);
    return copy[0] as number;
  };
}

/**
 * Linear reference for `reads` reads at random positions of a working set of `bytes` (Int32 words): the same work
 * per item at every size, so its growth per 10x shows what the machine's caches alone do to linear work whose
 * memory accesses are scattered, as a network's are. The positions are drawn up front and read in order.
 */
export function makeGatherReference(bytes: number, reads: number, seed: number): () => number {
  const random = createRandom(seed);
  const words = Math.max(1, Math.floor(bytes / 4));
  const data = new Int32Array(words);
  for (let i = 0; i < words; i++) data[i] = i;
  const positions = new Int32Array(reads);
  for (let i = 0; i < reads; i++) positions[i] = Math.floor(random() * words);
  return () => {
    let sum = 0;
    for (let i = 0; i < reads; i++) sum = (sum + (data[positions[i] as number] as number)) | 0;
    return sum;
  };
}

/** Bytes of the typed arrays an object holds, directly or one level down (a compiled network's tables). */
export function countTypedArrayBytes(value: object): number {
  let bytes = 0;
  for (const field of Object.values(value)) {
    if (ArrayBuffer.isView(field)) bytes += field.byteLength;
    else if (field !== null && typeof field === 'object' && !Array.isArray(field)) {
      for (const inner of Object.values(field as object)) if (ArrayBuffer.isView(inner)) bytes += inner.byteLength;
    }
  }
  return bytes;
}

/** Format one table: a header row, a separator and right-aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padStart(widths[column] as number)).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with a fixed count of decimals, or "-" when undefined. */
export function formatNumber(value: number | undefined, decimals: number): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(decimals);
}
