import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationPledge } from '../../../test/support/model-builders.js';
import { CAPABILITIES, factsArbitrary, pledgesArbitrary } from '../../../test/support/random-models.js';
import { factRecords, requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import { type AnalysisModel, buildModelFromPledges } from '../../core/analyses/analysis-model.js';
import { allocate, buildAllocationProblem, prepareAllocationInput } from '../../core/analyses/compute-allocation.js';
import { reduceAllocationLp } from '../../core/analyses/reduce-allocation-lp.js';
import { buildAllocationModelData } from '../../../bench/analyses-models.js';
import { allocationRequestSchema } from '../../contracts/analyses.schema.js';
import { httpStatusOf } from '../../contracts/error-codes.js';
import { demoDataDirectory, loadDatasetDirectory } from '../load-dataset.js';
import { runAllocation } from './run-analyses.js';
import { solveLexicographic, solveLexicographicUnreduced } from './solve-lexicographic.js';

// The reduced solve (interchangeable pledges merged, solve-lexicographic.ts) against HiGHS on the full LP: the same
// fill at every priority level, a split that is feasible in the full LP, and the reduced LP's fill per requirement.

/** Solve both ways for both bounds and compare; true when the reduction merged something. */
async function compareWithUnreduced(model: AnalysisModel): Promise<boolean> {
  let merged = false;
  for (const bound of ['min', 'max'] as const) {
    const { lp } = buildAllocationProblem(prepareAllocationInput(model, bound));
    if (reduceAllocationLp(lp).lp.numCols < lp.numCols) merged = true;
    const full = await solveLexicographicUnreduced(lp);
    const reduced = await solveLexicographic(lp);
    expect(reduced.status).toBe('optimal');
    expect(full.status).toBe('optimal');
    expect(reduced.levelFill.length).toBe(full.levelFill.length);
    reduced.levelFill.forEach((fill, i) => expect(fill).toBeCloseTo(full.levelFill[i] as number, 5));
    // Feasible in the full LP: every row within its bounds, no negative part.
    for (const value of reduced.colValue) expect(value).toBeGreaterThanOrEqual(0);
    for (let row = 0; row < lp.numRows; row++) {
      let sum = 0;
      for (let i = lp.rowStart[row] as number; i < (lp.rowStart[row + 1] as number); i++) sum += reduced.colValue[lp.rowIndex[i] as number] as number;
      expect(sum).toBeLessThanOrEqual((lp.rowUpper[row] as number) + 1e-6);
    }
    // Each level's fill, recomputed from the split columns, is that level's optimum.
    lp.levels.forEach((level, i) => {
      let fill = 0;
      for (const c of level.columns) fill += reduced.colValue[c] as number;
      expect(fill).toBeCloseTo(full.levelFill[i] as number, 5);
    });
    expect(reduced.rowDual.every((duals) => duals.length === lp.numRows)).toBe(true);
  }
  return merged;
}

// Many pledges over few capabilities and areas: most are interchangeable with another.
const crowdedPledgesArbitrary = fc
  .array(fc.record({ capability: fc.constantFrom(...CAPABILITIES), area: fc.constantFrom('ua', 'ua.rear', 'ua.front', 'outside_ua'), min: fc.integer({ min: 0, max: 9 }), extra: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 30 })
  .map((list) => list.map((p, i) => activationPledge(`p${String(i).padStart(2, '0')}`, 'FR', 'true', { capability: p.capability, areas: [p.area], quantity: { min: p.min, max: p.min + p.extra } })));

describe('allocation LP reduction', () => {
  it('reaches the unreduced optimum at every level with a feasible split, on 300 random models (min and max)', async () => {
    await fc.assert(
      fc.asyncProperty(pledgesArbitrary, factsArbitrary, requirementsArbitrary, async (pledges, facts, requirements) => {
        await compareWithUnreduced(buildModelFromPledges(pledges, requirements, factRecords(facts)));
      }),
      { numRuns: 300 },
    );
  });

  it('the same on 300 crowded models, where most pledges are interchangeable and the merge is exercised', async () => {
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(crowdedPledgesArbitrary, requirementsArbitrary, async (pledges, requirements) => {
        if (await compareWithUnreduced(buildModelFromPledges(pledges, requirements, []))) merged++;
      }),
      { numRuns: 300 },
    );
    expect(merged).toBeGreaterThan(100);
  });

  it('splits a merged column back over its pledges in row (pledge) order, each up to its capacity', () => {
    // Two pledges fitting r0 and r1 (capacities 5 and 7), one fitting r1 only (capacity 4); demand 6 and 100.
    const lp = {
      numCols: 5,
      numRows: 5,
      capacityRows: 3,
      colKey: Int32Array.from([0, 1, 0, 1, 1]),
      rowLower: new Float64Array(5),
      rowUpper: Float64Array.from([5, 7, 4, 6, 100]),
      rowStart: Int32Array.from([0, 2, 4, 5, 7, 10]),
      rowIndex: Int32Array.from([0, 1, 2, 3, 4, 0, 2, 1, 3, 4]),
      levels: [{ priority: 1, columns: Int32Array.from([0, 1, 2, 3, 4]) }],
    };
    const reduced = reduceAllocationLp(lp);
    expect(reduced.lp.numCols).toBe(3);
    expect([...reduced.lp.rowUpper]).toEqual([12, 4, 6, 100]);
    expect([...reduced.lp.rowIndex]).toEqual([0, 1, 2, 0, 1, 2]);
    const expanded = reduced.expand({ status: 'optimal', levelFill: [16], colValue: Float64Array.from([6, 6, 4]), rowDual: [Float64Array.from([1, 1, 0, 0])] });
    expect([...expanded.colValue]).toEqual([5, 0, 1, 6, 4]);
    expect([...(expanded.rowDual[0] as Float64Array)]).toEqual([1, 1, 1, 0, 0]);
  });

  it('solves the benchmark shape (1,000 interchangeable pledges × 20 requirements) to the unreduced optimum', async () => {
    const data = buildAllocationModelData(1000, 20, 15);
    const { lp } = buildAllocationProblem(prepareAllocationInput(buildModelFromPledges(data.pledges, data.requirements, data.facts), 'min'));
    expect(lp.numCols).toBe(20_000);
    expect(reduceAllocationLp(lp).lp.numCols).toBe(20);
    const [full, reduced] = [await solveLexicographicUnreduced(lp), await solveLexicographic(lp)];
    reduced.levelFill.forEach((fill, i) => expect(fill).toBeCloseTo(full.levelFill[i] as number, 4));
  });

  it('stops at the time limit and answers analysis.too_large (422), not a busy worker', async () => {
    const data = buildAllocationModelData(1000, 20, 15);
    const { lp } = buildAllocationProblem(prepareAllocationInput(buildModelFromPledges(data.pledges, data.requirements, data.facts), 'min'));
    const stopped = await solveLexicographicUnreduced(lp, { timeLimitSeconds: 1e-6 });
    expect(stopped.status).toBe('time_limit');
    expect(stopped.message).toMatch(/time limit/);
    const dataset = await loadDatasetDirectory(demoDataDirectory());
    const answer = runAllocation(dataset, allocationRequestSchema.parse({}), (input) => allocate(input, () => Promise.resolve(stopped)));
    await expect(answer).rejects.toMatchObject({ code: 'analysis.too_large', message: 'the allocation LP took too long to solve' });
    expect(httpStatusOf('analysis.too_large')).toBe(422);
  });
});
