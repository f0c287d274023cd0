import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTS, factsArbitrary, PARTIES, CAPABILITIES, AREAS, pledgesArbitrary, quantityArbitrary } from '../../../test/support/random-models.js';
import { factRecords, referenceSample, requirementsArbitrary } from '../../../test/support/reference-analyses.js';
import type { ActivationPledge } from '../activation/compile-network.js';
import type { Condition } from '../conditions/ast.js';
import type { FactValue } from '../types.js';
import { buildModelFromPledges } from './analysis-model.js';
import { computeRisk } from './compute-risk.js';

// Risk against brute force: every assignment of the unknown facts, activation by plain iteration, computeCoverage,
// weighted by probability. And the bit-parallel path against the scalar one on the same samples.

const probabilitiesArbitrary = fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.7, 1), { minLength: FACTS.length, maxLength: FACTS.length });

function assignments(facts: ReadonlyMap<string, FactValue>, probabilities: readonly number[]): { facts: Map<string, FactValue>; weight: number; truth: Map<string, boolean> }[] {
  let all = [{ facts: new Map(facts), weight: 1, truth: new Map<string, boolean>() }];
  FACTS.forEach((id, i) => {
    if (facts.get(id) !== 'unknown') return;
    const p = probabilities[i] as number;
    all = all.flatMap((a) => [
      { facts: new Map([...a.facts, [id, true]]), weight: a.weight * p, truth: new Map([...a.truth, [id, true]]) },
      { facts: new Map([...a.facts, [id, false]]), weight: a.weight * (1 - p), truth: new Map([...a.truth, [id, false]]) },
    ]);
  });
  return all;
}

describe('computeRisk, exact, matches enumeration by brute force', () => {
  it('P(met), P(active), sensitivity and quantiles on 1,500 random models, greatest and least', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, requirementsArbitrary, probabilitiesArbitrary, fc.boolean(), (pledges, facts, requirements, probabilities, greatest) => {
        const model = buildModelFromPledges(pledges, requirements, factRecords(facts, probabilities));
        const result = computeRisk(model, { coordination: greatest ? 'greatest' : 'least' });
        expect(result.method).toBe('exact');
        const samples = assignments(facts, probabilities).map((a) => ({ ...a, outcome: referenceSample(pledges, a.facts, requirements, greatest) }));
        const sum = (keep: (s: (typeof samples)[number]) => boolean): number => samples.filter(keep).reduce((acc, s) => acc + s.weight, 0);
        for (const row of result.requirements) {
          const demand = requirements.find((r) => r.id === row.requirement)?.quantity ?? null;
          if (demand === null) {
            expect(row.pMetMin).toBeNull();
            continue;
          }
          expect(row.pMetMin).toBeCloseTo(sum((s) => (s.outcome.supplyMin.get(row.requirement) as number) >= demand), 8);
          expect(row.pMetMax).toBeCloseTo(sum((s) => (s.outcome.supplyMax.get(row.requirement) as number) >= demand), 8);
          for (const { fact } of result.facts) {
            const given = (value: boolean): number => {
              const weight = sum((s) => s.truth.get(fact) === value);
              return weight === 0 ? 0 : sum((s) => s.truth.get(fact) === value && (s.outcome.supplyMin.get(row.requirement) as number) >= demand) / weight;
            };
            const p = probabilities[FACTS.indexOf(fact)] as number;
            const expected = p === 0 || p === 1 ? 0 : given(true) - given(false);
            const entry = result.sensitivity.find((s) => s.fact === fact && s.requirement === row.requirement);
            expect(entry?.delta ?? NaN).toBeCloseTo(expected, 8);
          }
        }
        for (const row of result.pledges) {
          const index = pledges.findIndex((p) => p.id === row.pledge);
          expect(row.pActive).toBeCloseTo(sum((s) => s.outcome.activeMin.has(index)), 8);
          expect(row.pActiveMax).toBeCloseTo(sum((s) => s.outcome.activeMax.has(index)), 8);
        }
      }),
      { numRuns: 1_500 },
    );
  });
});

// Conditions Boolean in the facts only: the bit-parallel path applies.
const booleanCondition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition; leaf: Condition }>((tie) => ({
  leaf: fc.oneof(
    fc.boolean().map((value): Condition => ({ kind: 'const', value })),
    fc.record({ fact: fc.constantFrom(...FACTS), negated: fc.boolean() }).map((f): Condition => ({ kind: 'fact', ...f, at: 0 })),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items): Condition => ({ kind: 'and', items })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items): Condition => ({ kind: 'or', items })),
  ),
})).node;

const booleanPledges: fc.Arbitrary<ActivationPledge[]> = fc
  .array(
    fc.record({
      party: fc.constantFrom(...PARTIES),
      capability: fc.constantFrom(...CAPABILITIES),
      quantity: quantityArbitrary,
      areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
      condition: booleanCondition,
    }),
    { maxLength: 40 },
  )
  .map((pledges) => pledges.map((pledge, i) => ({ id: `p${i}`, ...pledge })));

describe('bit-parallel risk', () => {
  it('gives exactly the scalar path’s results on the same seed (Monte Carlo, 37–200 samples) and in exact runs, 500 random Boolean models', () => {
    fc.assert(
      fc.property(booleanPledges, factsArbitrary, requirementsArbitrary, probabilitiesArbitrary, fc.integer({ min: 37, max: 200 }), fc.nat(), (pledges, facts, requirements, probabilities, samples, seed) => {
        const model = buildModelFromPledges(pledges, requirements, factRecords(facts, probabilities));
        for (const options of [{ method: 'monte-carlo' as const, samples, seed }, { method: 'exact' as const }]) {
          const bits = computeRisk(model, options);
          const scalar = computeRisk(model, { ...options, path: 'scalar' });
          expect(bits.path).toBe('bit-parallel');
          expect(scalar.path).toBe('scalar');
          expect({ ...bits, path: 'same' }).toEqual({ ...scalar, path: 'same' });
        }
      }),
      { numRuns: 500 },
    );
  });
});
