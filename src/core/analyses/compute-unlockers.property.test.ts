import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsArbitrary, pledgesArbitrary } from '../../../test/support/random-models.js';
import { factRecords, referenceOutcome, requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import { buildModelFromPledges } from './analysis-model.js';
import { computeUnlockers } from './compute-unlockers.js';

// Unlockers against a brute-force reference: activation by plain iteration and computeCoverage, recomputed from
// scratch for every fact set true and every party removed.

describe('computeUnlockers matches the brute-force reference', () => {
  it('facts and parties, on 2,000 random models', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, requirementsArbitrary, (pledges, facts, requirements) => {
        const model = buildModelFromPledges(pledges, requirements, factRecords(facts));
        const result = computeUnlockers(model);
        const base = referenceOutcome(pledges, facts, requirements);
        const order = model.coverage.requirements.map((r) => r.id);
        const deltas = (changed: typeof base) =>
          order
            .map((id) => ({ requirement: id, supplyMinDelta: (changed.supplyMin.get(id) as number) - (base.supplyMin.get(id) as number), supplyMaxDelta: (changed.supplyMax.get(id) as number) - (base.supplyMax.get(id) as number) }))
            .filter((row) => row.supplyMinDelta !== 0 || row.supplyMaxDelta !== 0);

        const notTrue = [...facts].filter(([, value]) => value !== true).map(([id]) => id);
        expect(result.facts.map((f) => f.fact).sort()).toEqual([...notTrue].sort());
        for (const entry of result.facts) {
          const changed = referenceOutcome(pledges, new Map([...facts, [entry.fact, true]]), requirements);
          const improved = pledges.filter((p) => (changed.rank.get(p.id) as number) > (base.rank.get(p.id) as number)).map((p) => p.id).sort();
          expect(entry.pledgesImproved, entry.fact).toEqual(improved);
          expect(entry.coverage, entry.fact).toEqual(deltas(changed));
          expect(entry.from).toBe(facts.get(entry.fact));
        }

        const parties = [...new Set(pledges.map((p) => p.party))].sort();
        expect(result.parties.map((p) => p.party).sort()).toEqual(parties);
        for (const entry of result.parties) {
          const changed = referenceOutcome(pledges, facts, requirements, (p) => p.party !== entry.party);
          const lost = pledges.filter((p) => (changed.rank.get(p.id) as number) < (base.rank.get(p.id) as number)).map((p) => p.id).sort();
          expect(entry.pledgesLost, entry.party).toEqual(lost);
          expect(entry.cascade).toEqual(lost.filter((id) => pledges.find((p) => p.id === id)?.party !== entry.party));
          expect(entry.coverage, entry.party).toEqual(deltas(changed));
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
