import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsArbitrary, pledgesArbitrary } from '../../../test/support/random-models.js';
import { factRecords, requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import { buildDistinctAllocationModelData } from '../../../bench/analyses-models.js';
import { buildModelFromPledges } from '../../core/analyses/analysis-model.js';
import { type AllocationLp, LEVEL_TOLERANCE, type LexicographicSolution } from '../../core/analyses/allocation-lp.js';
import { buildAllocationProblem, prepareAllocationInput } from '../../core/analyses/compute-allocation.js';
import { solveAllocationFlow } from '../../core/analyses/solve-allocation-flow.js';
import { solveLexicographicUnreduced } from './solve-lexicographic.js';

// The lexicographic max flow (core, production) against HiGHS on the unreduced LP (the reference): the same fill
// at every priority level within 1e-6, and a solution feasible in the LP (no negative part, every capacity and
// demand row within its bound, so only eligible (pledge, requirement) columns carry anything).

function expectFeasible(lp: AllocationLp, solution: LexicographicSolution): void {
  expect(solution.colValue.length).toBe(lp.numCols);
  for (const value of solution.colValue) expect(value).toBeGreaterThanOrEqual(0);
  for (let row = 0; row < lp.numRows; row++) {
    let sum = 0;
    for (let i = lp.rowStart[row] as number; i < (lp.rowStart[row + 1] as number); i++) sum += solution.colValue[lp.rowIndex[i] as number] as number;
    expect(sum).toBeLessThanOrEqual((lp.rowUpper[row] as number) + 1e-6);
  }
  expect(solution.rowDual.every((duals) => duals.length === lp.numRows)).toBe(true);
}

async function compareWithHighs(lp: AllocationLp): Promise<void> {
  const reference = await solveLexicographicUnreduced(lp);
  expect(reference.status).toBe('optimal');
  const flow = solveAllocationFlow(lp);
  expect(flow.status).toBe('optimal');
  expectFeasible(lp, flow);
  expect(flow.levelFill.length).toBe(reference.levelFill.length);
  // HiGHS fixes each earlier level at its optimum less LEVEL_TOLERANCE of it, which a later level may take; the
  // flow is exact. So a level may differ by 1e-6 plus what the reference let the earlier levels give up.
  let slack = 1e-6;
  lp.levels.forEach((level, i) => {
    let fill = 0;
    for (const c of level.columns) fill += flow.colValue[c] as number;
    expect(Math.abs(fill - (reference.levelFill[i] as number))).toBeLessThanOrEqual(slack);
    expect(Math.abs((flow.levelFill[i] as number) - (reference.levelFill[i] as number))).toBeLessThanOrEqual(slack);
    slack += LEVEL_TOLERANCE * Math.max(1, Math.abs(reference.levelFill[i] as number));
  });
}

// An allocation LP drawn directly: fractional capacities and demands, random eligibility, up to 4 priority levels,
// some requirements without an estimate (no demand row).
const fractionalLpArbitrary: fc.Arbitrary<AllocationLp> = fc
  .record({
    pledges: fc.array(fc.record({ capacity: fc.double({ min: 0, max: 50, noNaN: true }), serves: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }) }), { minLength: 1, maxLength: 14 }),
    requirements: fc.array(fc.record({ demand: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null }), level: fc.integer({ min: 0, max: 3 }) }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ pledges, requirements }) => {
    const colKey: number[] = [];
    const rowUpper: number[] = [];
    const rowStart: number[] = [0];
    const rowIndex: number[] = [];
    const rowsOf = pledges.filter((p) => p.serves.length > 0);
    for (const pledge of rowsOf) {
      for (const r of [...pledge.serves].sort((a, b) => a - b)) {
        rowIndex.push(colKey.length);
        colKey.push(r);
      }
      rowUpper.push(pledge.capacity);
      rowStart.push(rowIndex.length);
    }
    const numCols = colKey.length;
    requirements.forEach((requirement, r) => {
      const columns = colKey.flatMap((key, c) => (key === r ? [c] : []));
      if (requirement.demand === null || columns.length === 0) return;
      rowIndex.push(...columns);
      rowUpper.push(requirement.demand);
      rowStart.push(rowIndex.length);
    });
    const levelNumbers = [...new Set(requirements.map((r) => r.level))].sort((a, b) => a - b);
    return {
      numCols,
      numRows: rowUpper.length,
      capacityRows: rowsOf.length,
      colKey: Int32Array.from(colKey),
      rowLower: new Float64Array(rowUpper.length),
      rowUpper: Float64Array.from(rowUpper),
      rowStart: Int32Array.from(rowStart),
      rowIndex: Int32Array.from(rowIndex),
      levels: levelNumbers.map((level) => ({ priority: level + 1, columns: Int32Array.from(colKey.flatMap((key, c) => ((requirements[key] as { level: number }).level === level ? [c] : []))) })),
    };
  });

describe('allocation by lexicographic max flow', () => {
  it('fills what HiGHS fills at every priority level, feasibly, on 300 random scenario models (min and max)', async () => {
    await fc.assert(
      fc.asyncProperty(pledgesArbitrary, factsArbitrary, requirementsArbitrary, async (pledges, facts, requirements) => {
        const model = buildModelFromPledges(pledges, requirements, factRecords(facts));
        for (const bound of ['min', 'max'] as const) await compareWithHighs(buildAllocationProblem(prepareAllocationInput(model, bound)).lp);
      }),
      { numRuns: 300 },
    );
  });

  it('the same on 300 random LPs with fractional capacities and demands, four levels and requirements without an estimate', async () => {
    await fc.assert(
      fc.asyncProperty(fractionalLpArbitrary, async (lp) => {
        await compareWithHighs(lp);
      }),
      { numRuns: 300 },
    );
  });

  it('the same on a model of 300 distinct pledges (each in its own 4 of 12 sectors), where the reduction merges nothing', async () => {
    const data = buildDistinctAllocationModelData({ pledges: 300, requirements: 12, areasPerPledge: 4, seed: 3 });
    const { lp } = buildAllocationProblem(prepareAllocationInput(buildModelFromPledges(data.pledges, data.requirements, data.facts), 'min'));
    expect(lp.numCols).toBe(1200);
    await compareWithHighs(lp);
  });
});
