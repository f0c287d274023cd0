import { parentPort } from 'node:worker_threads';
import { type AllocationInput, allocate } from '../../core/analyses/compute-allocation.js';
import { solveAllocationFlow } from '../../core/analyses/solve-allocation-flow.js';
import { type SolveOptions, solveLexicographic } from './solve-lexicographic.js';

// The worker thread of the allocation (allocation-solver.ts starts it): for one input at a time it builds the LP,
// solves it and reads the answer (core: compute-allocation.ts), and replies by request id. The solver is the
// lexicographic max flow (core: solve-allocation-flow.ts, exact for this LP); `engine: 'highs'` solves with HiGHS
// instead (the tested reference).

interface AllocateMessage {
  id: number;
  input: AllocationInput;
  options?: SolveOptions;
}

parentPort?.on('message', (message: AllocateMessage) => {
  const solve = message.options?.engine === 'highs' ? (lp: Parameters<typeof solveLexicographic>[0]) => solveLexicographic(lp, message.options) : (lp: Parameters<typeof solveAllocationFlow>[0]) => Promise.resolve(solveAllocationFlow(lp));
  allocate(message.input, solve).then(
    (outcome) => parentPort?.postMessage({ id: message.id, outcome }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
