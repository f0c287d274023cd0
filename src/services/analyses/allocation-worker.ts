import { parentPort } from 'node:worker_threads';
import { type AllocationInput, allocate } from '../../core/analyses/compute-allocation.js';
import { type SolveOptions, solveLexicographic } from './solve-lexicographic.js';

// The worker thread of the allocation (allocation-solver.ts starts it): for one input at a time it builds the LP,
// solves it with HiGHS and reads the answer (core: compute-allocation.ts), and replies by request id.

interface AllocateMessage {
  id: number;
  input: AllocationInput;
  options?: SolveOptions;
}

parentPort?.on('message', (message: AllocateMessage) => {
  allocate(message.input, (lp) => solveLexicographic(lp, message.options)).then(
    (outcome) => parentPort?.postMessage({ id: message.id, outcome }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
