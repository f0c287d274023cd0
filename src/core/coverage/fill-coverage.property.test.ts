import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePledge, makeRequirement } from '../../../test/support/model-builders.js';
import { AREAS, CAPABILITIES, PARTIES, quantityArbitrary } from '../../../test/support/random-models.js';
import { computeReferenceCoverage } from '../../../test/support/reference-coverage.js';
import type { Pledge } from '../types.js';
import type { CoveragePledge, RequirementCoverage } from './coverage-rows.js';
import { COVERAGE_CERTAIN, COVERAGE_INACTIVE, COVERAGE_POSSIBLE, fillCoverageReport } from './fill-coverage.js';
import { indexCoverage } from './index-coverage.js';

// The fill (its tables kept per index, rows scanned only as far as an allocation pass took) against the reference
// implementation (test/support/reference-coverage.ts) and the sources a row cites found by id (the code the fill's
// own citation replaced): fills of one index for several state vectors, then of the same index with its pledges
// replaced by pledges of the same ids, capabilities and areas but other quantities (what a write that changes only
// quantities leaves: compiled-candidates.ts), so tables kept for the first pledges must not serve the second.

const STATES = ['certain', 'possible', 'inactive'] as const;
const SOURCES = ['s1', 's2', 's3', 's4'];

const pledgeArbitrary = fc.record({
  party: fc.constantFrom(...PARTIES),
  capability: fc.constantFrom(...CAPABILITIES, 'maritime.vessels'),
  quantity: quantityArbitrary,
  requantity: quantityArbitrary,
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 3 }),
  sources: fc.array(fc.constantFrom(...SOURCES), { maxLength: 3 }),
});

const requirementArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES, 'air.isr'),
  quantity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  priority: fc.integer({ min: 1, max: 3 }),
  area: fc.constantFrom(...AREAS, 'ua.rear.kyiv'),
  package: fc.option(fc.constantFrom('day-after', 'support'), { nil: undefined }),
});

const modelArbitrary = fc
  .record({
    pledges: fc.array(pledgeArbitrary, { maxLength: 30 }),
    requirements: fc.array(requirementArbitrary, { maxLength: 8 }),
    ids: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 30, maxLength: 30 }),
  })
  .chain((model) => {
    const vector = fc.array(fc.constantFrom(...STATES), { minLength: model.pledges.length, maxLength: model.pledges.length });
    return fc.record({ model: fc.constant(model), states: fc.array(vector, { minLength: 1, maxLength: 3 }), restates: vector });
  });

// The sources a row's allocated, then unquantified, pledges cite, each once, looking each pledge up by id.
function citedById(row: RequirementCoverage, pledges: readonly Pledge[]): string[] {
  const byId = new Map(pledges.map((pledge) => [pledge.id, pledge]));
  const cited = new Set<string>();
  for (const id of [...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges]) for (const source of byId.get(id)?.sources ?? []) cited.add(source);
  return [...cited];
}

function codes(entries: readonly CoveragePledge[]): Uint8Array {
  return Uint8Array.from(entries, (entry) => (entry.state === 'certain' ? COVERAGE_CERTAIN : entry.state === 'possible' ? COVERAGE_POSSIBLE : COVERAGE_INACTIVE));
}

describe('the coverage fill equals the reference implementation', () => {
  it('on 3,000 random models: several state vectors, then the same index with requantified pledges', () => {
    fc.assert(
      fc.property(modelArbitrary, ({ model, states, restates }) => {
        const used = new Set<string>();
        const shapes = model.pledges.map((shape, i) => {
          let id = `p${model.ids[i] ?? i}`;
          while (used.has(id)) id = `${id}x`;
          used.add(id);
          return { ...shape, id };
        });
        const pledges = shapes.map((shape) => makePledge(shape.id, { party: shape.party, capability: shape.capability, quantity: shape.quantity, areas: shape.areas, sources: shape.sources }));
        const requirements = model.requirements.map((shape, i) => {
          const extra = { capability: shape.capability, priority: shape.priority, area: shape.area, estimate: shape.quantity !== null };
          return makeRequirement(`r${(i * 7) % 10}${i}`, shape.quantity, shape.package === undefined ? extra : { ...extra, package: shape.package });
        });
        const index = indexCoverage(requirements, pledges);
        const check = (vector: readonly (typeof STATES)[number][], list: readonly Pledge[], filled: typeof index): void => {
          const entries: CoveragePledge[] = list.map((pledge, i) => ({ pledge, state: vector[i] ?? 'inactive' }));
          const expected = computeReferenceCoverage(requirements, entries);
          const filledReport = fillCoverageReport(filled, codes(entries));
          expect(filledReport).toEqual(expected);
          for (const row of filledReport.requirements) expect(row.pledgeCount).toBe(new Set([...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges]).size);
          const cited = fillCoverageReport(filled, codes(entries), { pledgeSources: true });
          expect(cited.requirements.map((row) => row.pledgeSources)).toEqual(expected.requirements.map((row) => citedById(row, list)));
          expect(cited.requirements.map(({ pledgeSources: _, ...row }) => row)).toEqual(expected.requirements);
        };
        for (const vector of states) check(vector, pledges, index);
        const requantified = shapes.map((shape, i) => ({ ...(pledges[i] as Pledge), quantity: shape.requantity }));
        check(restates, requantified, { ...index, pledges: requantified });
      }),
      { numRuns: 3000 },
    );
  });
});
