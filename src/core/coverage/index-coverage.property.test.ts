import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageModelArbitrary, coveragePledgeFields, pledgeOfShape, requirementsOfShapes, stateCodes, stateVectorArbitrary, withUniqueIds } from '../../../test/support/coverage-models.js';
import { computeReferenceCoverage } from '../../../test/support/reference-coverage.js';
import { computeCoverage, type CoveragePledge } from './compute-coverage.js';
import { fillCoverageReport } from './fill-coverage.js';
import { indexCoverage } from './index-coverage.js';

// The indexed coverage against the code it replaced (test/support/reference-coverage.ts), field by field, on random
// pledges (ids unique, in random order), requirements (priorities that tie, areas that nest, demands with and
// without an estimate, packages) and states; an index filled for several state vectors gives each one's report.

const modelArbitrary = coverageModelArbitrary(fc.record(coveragePledgeFields)).chain((model) =>
  fc.record({ model: fc.constant(model), states: fc.array(stateVectorArbitrary(model.pledges.length), { minLength: 1, maxLength: 3 }) }),
);

describe('indexed coverage equals the reference implementation', () => {
  it('on 3,000 random models, one index filled for up to three state vectors', () => {
    fc.assert(
      fc.property(modelArbitrary, ({ model, states }) => {
        const pledges = withUniqueIds(model.pledges, model.ids).map(pledgeOfShape);
        const requirements = requirementsOfShapes(model.requirements);
        const index = indexCoverage(requirements, pledges);
        for (const vector of states) {
          const entries: CoveragePledge[] = pledges.map((pledge, i) => ({ pledge, state: vector[i] ?? 'inactive' }));
          const expected = computeReferenceCoverage(requirements, entries);
          expect(fillCoverageReport(index, stateCodes(entries))).toEqual(expected);
          expect(computeCoverage(requirements, entries)).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
