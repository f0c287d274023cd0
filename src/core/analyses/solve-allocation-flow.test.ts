import { describe, expect, it } from 'vitest';
import type { AllocationLp } from './allocation-lp.js';
import { solveAllocationFlow } from './solve-allocation-flow.js';

// The lexicographic max flow on hand-built LPs: the fill per level, the split, and the duals read from the residual
// graph (0 or 1: one more unit of a pledge or of a demand would fill one more, or not).

describe('solveAllocationFlow', () => {
  it('reads the duals from the residual graph: short, met with spare supply, met exactly', () => {
    // p0 (5) → r0 (demand 10): short. p1 (10) → r1 (demand 4): met, p1 has spare. p2 (3) → r2 (demand 3): met exactly.
    const lp: AllocationLp = {
      numCols: 3,
      numRows: 6,
      capacityRows: 3,
      colKey: Int32Array.from([0, 1, 2]),
      rowLower: new Float64Array(6),
      rowUpper: Float64Array.from([5, 10, 3, 10, 4, 3]),
      rowStart: Int32Array.from([0, 1, 2, 3, 4, 5, 6]),
      rowIndex: Int32Array.from([0, 1, 2, 0, 1, 2]),
      levels: [{ priority: 1, columns: Int32Array.from([0, 1, 2]) }],
    };
    const solution = solveAllocationFlow(lp);
    expect(solution.status).toBe('optimal');
    expect(solution.levelFill).toEqual([12]);
    expect([...solution.colValue]).toEqual([5, 4, 3]);
    // Capacity: p0 could fill r0 further (1); p1 is not used up, and nothing short is in its reach (0); p2 neither.
    // Demand: r0 is short (0); r1 could take one more from p1's spare (1); r2 could not (0).
    expect([...(solution.rowDual[0] as Float64Array)]).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('reroutes across levels: priority 1 first, then priority 2 with what can move without losing priority 1', () => {
    // p0 (6) fits r0 (priority 1, demand 6) and r1 (priority 2, demand 6); p1 (4) fits r0 only; r2 (priority 2, no estimate) takes p0.
    const lp: AllocationLp = {
      numCols: 4,
      numRows: 4,
      capacityRows: 2,
      colKey: Int32Array.from([0, 1, 2, 0]),
      rowLower: new Float64Array(4),
      rowUpper: Float64Array.from([6, 4, 6, 6]),
      rowStart: Int32Array.from([0, 3, 4, 6, 7]),
      rowIndex: Int32Array.from([0, 1, 2, 3, 0, 3, 1]),
      levels: [
        { priority: 1, columns: Int32Array.from([0, 3]) },
        { priority: 2, columns: Int32Array.from([1, 2]) },
      ],
    };
    const solution = solveAllocationFlow(lp);
    // Priority 1: r0 gets 6 (4 of them from p1 whatever happens later); priority 2: the 4 p0 has left.
    expect(solution.levelFill).toEqual([6, 4]);
    expect((solution.colValue[0] as number) + (solution.colValue[3] as number)).toBe(6);
    expect(solution.colValue[3]).toBe(4);
    expect((solution.colValue[1] as number) + (solution.colValue[2] as number)).toBe(4);
  });

  it('solves an LP without columns', () => {
    const lp: AllocationLp = { numCols: 0, numRows: 0, capacityRows: 0, colKey: new Int32Array(0), rowLower: new Float64Array(0), rowUpper: new Float64Array(0), rowStart: Int32Array.from([0]), rowIndex: new Int32Array(0), levels: [{ priority: 1, columns: new Int32Array(0) }] };
    expect(solveAllocationFlow(lp)).toEqual({ status: 'optimal', levelFill: [0], colValue: new Float64Array(0), rowDual: [new Float64Array(0)] });
  });
});
