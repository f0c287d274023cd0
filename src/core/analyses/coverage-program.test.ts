import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pledgesArbitrary } from '../../../test/support/random-models.js';
import { requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import { compileNetwork } from '../activation/compile-network.js';
import { computeCoverage } from '../coverage/compute-coverage.js';
import { compileCoverage, fillCoverage, fillCoverageFromWords } from './coverage-program.js';

// The compiled coverage gives computeCoverage's supplies for any states, from flags and from words of bits.

describe('compileCoverage / fillCoverage', () => {
  it('equals computeCoverage on 3,000 random models and states', () => {
    const states = fc.array(fc.constantFrom('certain' as const, 'possible' as const, 'inactive' as const), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(pledgesArbitrary, requirementsArbitrary, states, (pledges, requirements, state) => {
        const network = compileNetwork(pledges);
        const program = compileCoverage(network, requirements);
        const stateOf = (id: string): 'certain' | 'possible' | 'inactive' => state[Number(id.slice(1))] ?? 'inactive';
        const reference = computeCoverage(
          requirements,
          pledges.map((p) => ({ pledge: { ...p, areas: [...p.areas], status: 'committed', confidentiality: 'public', condition: 'true', sources: [] }, state: stateOf(p.id) })),
        );
        const certain = Uint8Array.from(network.pledgeIds, (id) => (stateOf(id) === 'certain' ? 1 : 0));
        const possible = Uint8Array.from(network.pledgeIds, (id) => (stateOf(id) === 'inactive' ? 0 : 1));
        const min = new Float64Array(requirements.length);
        const max = new Float64Array(requirements.length);
        fillCoverage(program, certain, network.quantityMin, min);
        fillCoverage(program, possible, network.quantityMax, max);
        expect(program.requirements.map((r) => r.id)).toEqual(reference.requirements.map((row) => row.requirement));
        expect([...min]).toEqual(reference.requirements.map((row) => row.supplyMin));
        expect([...max]).toEqual(reference.requirements.map((row) => row.supplyMax));
        // The same from bit 7 of words.
        const words = Uint32Array.from(possible, (flag) => flag << 7);
        const fromWords = new Float64Array(requirements.length + 2);
        fillCoverageFromWords(program, words, 7, network.quantityMax, fromWords, 2);
        expect([...fromWords.subarray(2)]).toEqual([...max]);
      }),
      { numRuns: 3_000 },
    );
  });
});
