import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePledge, makeRequirement } from '../../../test/support/model-builders.js';
import { AREAS, CAPABILITIES, PARTIES, quantityArbitrary } from '../../../test/support/random-models.js';
import { computeReferenceCoverage } from '../../../test/support/reference-coverage.js';
import { computeCoverage, type CoveragePledge } from './compute-coverage.js';
import { COVERAGE_CERTAIN, COVERAGE_INACTIVE, COVERAGE_POSSIBLE, fillCoverageReport } from './fill-coverage.js';
import { indexCoverage } from './index-coverage.js';

// The indexed coverage against the code it replaced (test/support/reference-coverage.ts), field by field, on random
// pledges (ids unique, in random order), requirements (priorities that tie, areas that nest, demands with and
// without an estimate, packages) and states; an index filled for several state vectors gives each one's report.

const STATES = ['certain', 'possible', 'inactive'] as const;
const REQUIREMENT_AREAS = [...AREAS, 'ua.rear.kyiv'];

const pledgeArbitrary = fc.record({
  party: fc.constantFrom(...PARTIES),
  capability: fc.constantFrom(...CAPABILITIES, 'maritime.vessels'),
  quantity: quantityArbitrary,
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 3 }),
});

const requirementArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES, 'air.isr'),
  quantity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  priority: fc.integer({ min: 1, max: 3 }),
  area: fc.constantFrom(...REQUIREMENT_AREAS),
  package: fc.option(fc.constantFrom('day-after', 'support'), { nil: undefined }),
});

const modelArbitrary = fc
  .record({
    pledges: fc.array(pledgeArbitrary, { maxLength: 30 }),
    requirements: fc.array(requirementArbitrary, { maxLength: 8 }),
    ids: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 30, maxLength: 30 }),
  })
  .chain((model) =>
    fc.record({
      model: fc.constant(model),
      states: fc.array(fc.array(fc.constantFrom(...STATES), { minLength: model.pledges.length, maxLength: model.pledges.length }), { minLength: 1, maxLength: 3 }),
    }),
  );

describe('indexed coverage equals the reference implementation', () => {
  it('on 3,000 random models, one index filled for up to three state vectors', () => {
    fc.assert(
      fc.property(modelArbitrary, ({ model, states }) => {
        // Unique ids in an order unrelated to the list's (the tie-break sorts by id).
        const used = new Set<string>();
        const pledges = model.pledges.map((shape, i) => {
          let id = `p${model.ids[i] ?? i}`;
          while (used.has(id)) id = `${id}x`;
          used.add(id);
          const pledge = makePledge(id, { party: shape.party, capability: shape.capability, quantity: shape.quantity, areas: shape.areas });
          return pledge;
        });
        const requirements = model.requirements.map((shape, i) => {
          const extra = { capability: shape.capability, priority: shape.priority, area: shape.area, estimate: shape.quantity !== null };
          return makeRequirement(`r${(i * 7) % 10}${i}`, shape.quantity, shape.package === undefined ? extra : { ...extra, package: shape.package });
        });
        const index = indexCoverage(requirements, pledges);
        for (const vector of states) {
          const entries: CoveragePledge[] = pledges.map((pledge, i) => ({ pledge, state: vector[i] ?? 'inactive' }));
          const expected = computeReferenceCoverage(requirements, entries);
          const codes = Uint8Array.from(entries, (entry) => (entry.state === 'certain' ? COVERAGE_CERTAIN : entry.state === 'possible' ? COVERAGE_POSSIBLE : COVERAGE_INACTIVE));
          expect(fillCoverageReport(index, codes)).toEqual(expected);
          expect(computeCoverage(requirements, entries)).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
