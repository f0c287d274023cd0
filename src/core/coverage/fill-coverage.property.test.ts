import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageModelArbitrary, coveragePledgeFields, type CoverageState, pledgeOfShape, requirementsOfShapes, stateCodes, stateVectorArbitrary, withUniqueIds } from '../../../test/support/coverage-models.js';
import { quantityArbitrary } from '../../../test/support/random-models.js';
import { computeReferenceCoverage } from '../../../test/support/reference-coverage.js';
import type { Pledge } from '../types.js';
import type { CoveragePledge, RequirementCoverage } from './coverage-rows.js';
import { fillCoverageReport } from './fill-coverage.js';
import { indexCoverage } from './index-coverage.js';

// The fill (its tables kept per index, rows scanned only as far as an allocation pass took) against the reference
// implementation (test/support/reference-coverage.ts) and the sources a row cites found by id (the code the fill's
// own citation replaced): fills of one index for several state vectors, then of the same index with its pledges
// replaced by pledges of the same ids, capabilities and areas but other quantities (what a write that changes only
// quantities leaves: compiled-candidates.ts), so tables kept for the first pledges must not serve the second.

const SOURCES = ['s1', 's2', 's3', 's4'];

const pledgeArbitrary = fc.record({
  ...coveragePledgeFields,
  requantity: quantityArbitrary,
  sources: fc.array(fc.constantFrom(...SOURCES), { maxLength: 3 }),
});

const modelArbitrary = coverageModelArbitrary(pledgeArbitrary).chain((model) => {
  const vector = stateVectorArbitrary(model.pledges.length);
  return fc.record({ model: fc.constant(model), states: fc.array(vector, { minLength: 1, maxLength: 3 }), restates: vector });
});

// The sources a row's allocated, then unquantified, pledges cite, each once, looking each pledge up by id.
function citedById(row: RequirementCoverage, pledges: readonly Pledge[]): string[] {
  const byId = new Map(pledges.map((pledge) => [pledge.id, pledge]));
  const cited = new Set<string>();
  for (const id of [...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges]) for (const source of byId.get(id)?.sources ?? []) cited.add(source);
  return [...cited];
}

describe('the coverage fill equals the reference implementation', () => {
  it('on 3,000 random models: several state vectors, then the same index with requantified pledges', () => {
    fc.assert(
      fc.property(modelArbitrary, ({ model, states, restates }) => {
        const shapes = withUniqueIds(model.pledges, model.ids);
        const pledges = shapes.map(pledgeOfShape);
        const requirements = requirementsOfShapes(model.requirements);
        const index = indexCoverage(requirements, pledges);
        const check = (vector: readonly CoverageState[], list: readonly Pledge[], filled: typeof index): void => {
          const entries: CoveragePledge[] = list.map((pledge, i) => ({ pledge, state: vector[i] ?? 'inactive' }));
          const expected = computeReferenceCoverage(requirements, entries);
          const filledReport = fillCoverageReport(filled, stateCodes(entries));
          expect(filledReport).toEqual(expected);
          for (const row of filledReport.requirements) expect(row.pledgeCount).toBe(new Set([...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges]).size);
          const cited = fillCoverageReport(filled, stateCodes(entries), { pledgeSources: true });
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
