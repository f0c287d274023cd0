import { parentPort } from 'node:worker_threads';
import type { AllocationLp } from '../../core/analyses/allocation-lp.js';
import { type SolveOptions, solveLexicographic } from './solve-lexicographic.js';

// The worker thread that runs HiGHS (allocation-solver.ts starts it): one LP at a time, answers by request id.

interface SolveMessage {
  id: number;
  lp: AllocationLp;
  options?: SolveOptions;
}

parentPort?.on('message', (message: SolveMessage) => {
  solveLexicographic(message.lp, message.options).then(
    (solution) => parentPort?.postMessage({ id: message.id, solution }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
