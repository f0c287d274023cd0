import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationPledge } from '../../../test/support/model-builders.js';
import { factsArbitrary, pledgesArbitrary } from '../../../test/support/random-models.js';
import { factRecords, requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import { anyAreaCovers } from '../../core/areas.js';
import { buildModelFromPledges } from '../../core/analyses/analysis-model.js';
import { type AllocationResult, computeAllocation } from '../../core/analyses/compute-allocation.js';
import { referenceFixedPoint } from '../../../test/support/reference-activation.js';
import type { LexicographicSolver } from '../../core/analyses/allocation-lp.js';
import { solveAllocationFlow } from '../../core/analyses/solve-allocation-flow.js';
import { solveLexicographic } from './solve-lexicographic.js';

// The allocation LP (core) solved by the lexicographic max flow (core, production) and by HiGHS (this layer, the
// reference), here without the worker: capacities and caveats hold, and lexicographically by priority it fills at
// least what greedy coverage fills.

const solvers: [string, LexicographicSolver][] = [
  ['max flow', (lp) => Promise.resolve(solveAllocationFlow(lp))],
  ['HiGHS', (lp) => solveLexicographic(lp)],
];

function levelVector(result: AllocationResult, fill: (requirement: string) => number): number[] {
  const levels = [...new Set(result.requirements.map((r) => r.priority))].sort((a, b) => a - b);
  return levels.map((priority) => result.requirements.filter((r) => r.priority === priority).reduce((sum, r) => sum + fill(r.requirement), 0));
}

/** a ≥ b lexicographically (within a millionth). */
function lexicographicallyAtLeast(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference > 1e-6) return true;
    if (difference < -1e-6) return false;
  }
  return true;
}

describe.each(solvers)('allocation LP solved by %s', (_name, solve) => {
  it('respects capacities and caveats, and is lexicographically at least greedy, on 400 random models (min and max)', async () => {
    await fc.assert(
      fc.asyncProperty(pledgesArbitrary, factsArbitrary, requirementsArbitrary, async (pledges, facts, requirements) => {
        const model = buildModelFromPledges(pledges, requirements, factRecords(facts));
        for (const bound of ['min', 'max'] as const) {
          const result = await computeAllocation(model, bound, solve);
          const active = referenceFixedPoint(pledges, facts, { optimistic: bound === 'max', greatest: true });
          const used = new Map<string, number>();
          for (const assignment of result.assignments) {
            const index = pledges.findIndex((p) => p.id === assignment.pledge);
            const pledge = pledges[index];
            const requirement = requirements.find((r) => r.id === assignment.requirement);
            if (!pledge || !requirement) throw new Error('assignment to an unknown pledge or requirement');
            expect(active.has(index), `${pledge.id} is active`).toBe(true);
            expect(pledge.capability).toBe(requirement.capability);
            expect(anyAreaCovers(pledge.areas, requirement.area)).toBe(true);
            expect(assignment.quantity).toBeGreaterThan(0);
            used.set(pledge.id, (used.get(pledge.id) ?? 0) + assignment.quantity);
          }
          for (const [id, total] of used) {
            const pledge = pledges.find((p) => p.id === id);
            const capacity = bound === 'max' ? (pledge?.quantity?.max ?? 0) : (pledge?.quantity?.min ?? 0);
            expect(total).toBeLessThanOrEqual(capacity + 1e-6);
          }
          for (const row of result.requirements) {
            const parts = result.assignments.filter((a) => a.requirement === row.requirement).reduce((sum, a) => sum + a.quantity, 0);
            expect(row.filled).toBeCloseTo(parts, 5);
            if (row.demand !== null) {
              expect(row.filled).toBeLessThanOrEqual(row.demand + 1e-6);
              expect(row.shortfall).toBeCloseTo(row.demand - row.filled, 5);
            }
          }
          const greedy = new Map(result.greedy.map((g) => [g.requirement, g.filled]));
          const lp = levelVector(result, (id) => result.requirements.find((r) => r.requirement === id)?.filled ?? 0);
          const byGreedy = levelVector(result, (id) => greedy.get(id) ?? 0);
          expect(lexicographicallyAtLeast(lp, byGreedy), `LP ${lp} against greedy ${byGreedy}`).toBe(true);
          expect((lp[0] ?? 0) + 1e-6).toBeGreaterThanOrEqual(byGreedy[0] ?? 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fills what greedy leaves short: a flexible pledge taken first by greedy is needed elsewhere at the same priority', async () => {
    // r1 (ua.rear) and r2 (ua.front) at priority 1, r3 (outside_ua) at priority 2. A fits r1 and r2, B fits r1 and r3;
    // greedy gives r1 the first of the equally flexible pledges (A) and leaves r2 short.
    const model = buildModelFromPledges(
      [
        activationPledge('a', 'FR', 'true', { quantity: { min: 10, max: 10 }, areas: ['ua.rear', 'ua.front'] }),
        activationPledge('b', 'GB', 'true', { quantity: { min: 10, max: 10 }, areas: ['ua.rear', 'outside_ua'] }),
      ],
      [
        { id: 'r1', capability: 'land.personnel', quantity: 10, estimate: false, priority: 1, area: 'ua.rear', sources: [] },
        { id: 'r2', capability: 'land.personnel', quantity: 10, estimate: false, priority: 1, area: 'ua.front', sources: [] },
        { id: 'r3', capability: 'land.personnel', quantity: 10, estimate: false, priority: 2, area: 'outside_ua', sources: [] },
      ],
      [],
    );
    const result = await computeAllocation(model, 'min', solve);
    expect(result.greedy).toEqual([
      { requirement: 'r1', filled: 10, difference: 0 },
      { requirement: 'r2', filled: 0, difference: 10 },
      { requirement: 'r3', filled: 10, difference: -10 },
    ]);
    expect(result.assignments).toEqual([
      { pledge: 'b', requirement: 'r1', quantity: 10 },
      { pledge: 'a', requirement: 'r2', quantity: 10 },
    ]);
    expect(result.objective).toEqual([
      { priority: 1, filled: 20, demand: 20 },
      { priority: 2, filled: 0, demand: 10 },
    ]);
    expect(result.requirements.map((r) => [r.requirement, r.filled, r.shortfall, r.shadowPrice])).toEqual([
      ['r1', 10, 0, 0],
      ['r2', 10, 0, 0],
      ['r3', 0, 10, 1],
    ]);
    expect(result.requirements[2]?.explanation).toBe('r3: 0 of 10 filled, 10 short; one more unit of land.personnel for outside_ua would fill 1 more');
    expect(result.binding).toEqual(expect.arrayContaining([{ kind: 'demand', id: 'r1', shadowPrice: expect.any(Number) }]));
  });
});
