import { Worker } from 'node:worker_threads';
import type { AllocationInput, AllocationOutcome } from '../../core/analyses/compute-allocation.js';
import type { SolveOptions } from './solve-lexicographic.js';

// Runs allocations in one worker thread, started on first use and kept (HiGHS's WASM compiles once); requests
// queue there one at a time. The worker gets the compiled input (compute-allocation.ts) and does all the rest —
// building the LP, solving it, reading the answer — so the event loop only sends the input and receives the
// result. The worker does not keep the process alive. Under tsx or vitest (sources, not dist) the worker loads its
// TypeScript through tsx.

type Reply = { id: number; outcome: AllocationOutcome } | { id: number; error: string };

/** Runs an allocation input to its outcome, off the event loop. */
export type AllocationRunner = (input: AllocationInput) => Promise<AllocationOutcome>;

/** The allocation backed by a worker thread. */
export class AllocationSolver {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (outcome: AllocationOutcome) => void; reject: (error: Error) => void }>();

  /** `options.timeLimitSeconds`: the budget of each solve (default ALLOCATION_TIME_LIMIT_SECONDS). */
  constructor(private readonly options: SolveOptions = {}) {}

  /** Build, solve and read the allocation in the worker; the event loop stays free meanwhile. */
  readonly allocate: AllocationRunner = (input) =>
    new Promise<AllocationOutcome>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({ id, input, options: this.options });
    });

  /** Stop the worker (tests, shutdown); a later solve starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./allocation-worker.ts', import.meta.url).href)}); });`, { eval: true })
      : new Worker(new URL('./allocation-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.outcome);
    });
    const failAll = (error: Error): void => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`allocation worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
