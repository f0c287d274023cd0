import fc from 'fast-check';
import { COVERAGE_CERTAIN, COVERAGE_INACTIVE, COVERAGE_POSSIBLE } from '../../src/core/coverage/fill-coverage.js';
import type { CoveragePledge } from '../../src/core/coverage/coverage-rows.js';
import type { Pledge, Requirement } from '../../src/core/types.js';
import { makePledge, makeRequirement } from './model-builders.js';
import { AREAS, CAPABILITIES, PARTIES, quantityArbitrary } from './random-models.js';

// Random coverage models for the coverage property tests (src/core/coverage/*.property.test.ts): pledges with
// unique ids in an order unrelated to the list's (the tie-break sorts by id), requirements with priorities that
// tie, areas that nest, demands with and without an estimate and packages, and pledge state vectors.

export const COVERAGE_STATES = ['certain', 'possible', 'inactive'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

/** A pledge's shape: a party, a capability no requirement asks for among others, a quantity, areas. */
export const coveragePledgeFields = {
  party: fc.constantFrom(...PARTIES),
  capability: fc.constantFrom(...CAPABILITIES, 'maritime.vessels'),
  quantity: quantityArbitrary,
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 3 }),
};

const requirementArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES, 'air.isr'),
  quantity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  priority: fc.integer({ min: 1, max: 3 }),
  area: fc.constantFrom(...AREAS, 'ua.rear.kyiv'),
  package: fc.option(fc.constantFrom('day-after', 'support'), { nil: undefined }),
});
type RequirementShape = typeof requirementArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Up to 30 pledges of the given shape, up to 8 requirements, and the numbers their ids are made from. */
export function coverageModelArbitrary<P extends object>(pledge: fc.Arbitrary<P>) {
  return fc.record({
    pledges: fc.array(pledge, { maxLength: 30 }),
    requirements: fc.array(requirementArbitrary, { maxLength: 8 }),
    ids: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 30, maxLength: 30 }),
  });
}

/** A state per pledge. */
export function stateVectorArbitrary(pledges: number): fc.Arbitrary<CoverageState[]> {
  return fc.array(fc.constantFrom(...COVERAGE_STATES), { minLength: pledges, maxLength: pledges });
}

/** The pledges' shapes with unique ids drawn from `ids` (p<n>, then x appended until unused). */
export function withUniqueIds<P extends object>(shapes: readonly P[], ids: readonly number[]): (P & { id: string })[] {
  const used = new Set<string>();
  return shapes.map((shape, i) => {
    let id = `p${ids[i] ?? i}`;
    while (used.has(id)) id = `${id}x`;
    used.add(id);
    return { ...shape, id };
  });
}

/** A pledge of a shape (sources when it has them). */
export function pledgeOfShape(shape: { id: string; party: string; capability: string; quantity: Pledge['quantity']; areas: string[]; sources?: string[] }): Pledge {
  const extra = { party: shape.party, capability: shape.capability, quantity: shape.quantity, areas: shape.areas };
  return makePledge(shape.id, shape.sources === undefined ? extra : { ...extra, sources: shape.sources });
}

/** The requirements of the shapes, ids in an order unrelated to the list's; an estimate where a demand is given. */
export function requirementsOfShapes(shapes: readonly RequirementShape[]): Requirement[] {
  return shapes.map((shape, i) => {
    const extra = { capability: shape.capability, priority: shape.priority, area: shape.area, estimate: shape.quantity !== null };
    return makeRequirement(`r${(i * 7) % 10}${i}`, shape.quantity, shape.package === undefined ? extra : { ...extra, package: shape.package });
  });
}

/** The fill's state codes of coverage entries. */
export function stateCodes(entries: readonly CoveragePledge[]): Uint8Array {
  return Uint8Array.from(entries, (entry) => (entry.state === 'certain' ? COVERAGE_CERTAIN : entry.state === 'possible' ? COVERAGE_POSSIBLE : COVERAGE_INACTIVE));
}
