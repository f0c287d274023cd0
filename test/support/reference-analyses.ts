import fc from 'fast-check';
import type { ActivationPledge } from '../../src/core/activation/compile-network.js';
import { computeCoverage } from '../../src/core/coverage/compute-coverage.js';
import type { Fact, FactValue, Pledge, Requirement } from '../../src/core/types.js';
import { AREAS, CAPABILITIES, FACTS } from './random-models.js';
import { referenceFixedPoint } from './reference-activation.js';

// Brute-force references for the analyses: activation by plain iteration (reference-activation.ts) and coverage by
// computeCoverage, recomputed from scratch for every fact flip, party removal or risk sample.

export const requirementsArbitrary: fc.Arbitrary<Requirement[]> = fc
  .array(
    fc.record({
      capability: fc.constantFrom(...CAPABILITIES),
      area: fc.constantFrom(...AREAS),
      priority: fc.integer({ min: 1, max: 3 }),
      quantity: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
    }),
    { maxLength: 4 },
  )
  .map((list) => list.map((r, i) => ({ id: `r${i}`, estimate: false, sources: [], ...r })));

/** The facts a random model's map describes, with probabilities. */
export function factRecords(values: ReadonlyMap<string, FactValue>, probabilities: readonly number[] = []): Fact[] {
  return FACTS.map((id, i) => {
    const fact: Fact = { id, value: values.get(id) ?? 'unknown', sources: [] };
    const p = probabilities[i];
    if (p !== undefined) fact.probability = p;
    return fact;
  });
}

function asPledge(pledge: ActivationPledge): Pledge {
  return { id: pledge.id, party: pledge.party, capability: pledge.capability, quantity: pledge.quantity, areas: [...pledge.areas], status: 'committed', confidentiality: 'public', condition: 'true', sources: [] };
}

export interface ReferenceOutcome {
  /** By pledge id: 2 certain, 1 possible, 0 inactive. */
  rank: Map<string, number>;
  /** By requirement id. */
  supplyMin: Map<string, number>;
  supplyMax: Map<string, number>;
}

/** States and coverage from scratch, for the pledges that remain (`keep`). */
export function referenceOutcome(
  pledges: readonly ActivationPledge[],
  facts: ReadonlyMap<string, FactValue>,
  requirements: readonly Requirement[],
  keep: (pledge: ActivationPledge) => boolean = () => true,
): ReferenceOutcome {
  const kept = pledges.filter(keep);
  const certain = referenceFixedPoint(kept, facts, { optimistic: false, greatest: true });
  const possible = referenceFixedPoint(kept, facts, { optimistic: true, greatest: true });
  const rank = new Map(pledges.map((p) => [p.id, 0]));
  kept.forEach((p, i) => rank.set(p.id, certain.has(i) ? 2 : possible.has(i) ? 1 : 0));
  const report = computeCoverage(
    requirements,
    kept.map((p, i) => ({ pledge: asPledge(p), state: certain.has(i) ? 'certain' : possible.has(i) ? 'possible' : 'inactive' })),
  );
  return {
    rank,
    supplyMin: new Map(report.requirements.map((row) => [row.requirement, row.supplyMin])),
    supplyMax: new Map(report.requirements.map((row) => [row.requirement, row.supplyMax])),
  };
}

/** Supplies with every fact known, at minimum (pessimistic run) and maximum (optimistic run) quantities, greatest or least. */
export function referenceSample(
  pledges: readonly ActivationPledge[],
  facts: ReadonlyMap<string, FactValue>,
  requirements: readonly Requirement[],
  greatest: boolean,
): { activeMin: Set<number>; activeMax: Set<number>; supplyMin: Map<string, number>; supplyMax: Map<string, number> } {
  const activeMin = referenceFixedPoint(pledges, facts, { optimistic: false, greatest });
  const activeMax = referenceFixedPoint(pledges, facts, { optimistic: true, greatest });
  const supply = (active: Set<number>, atMax: boolean): Map<string, number> => {
    const report = computeCoverage(
      requirements,
      pledges.map((p, i) => ({ pledge: asPledge(p), state: active.has(i) ? (atMax ? 'possible' : 'certain') : 'inactive' })),
    );
    return new Map(report.requirements.map((row) => [row.requirement, atMax ? row.supplyMax : row.supplyMin]));
  };
  return { activeMin, activeMax, supplyMin: supply(activeMin, false), supplyMax: supply(activeMax, true) };
}
