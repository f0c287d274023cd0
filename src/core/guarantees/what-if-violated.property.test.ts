import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, prepareModel } from '../../../test/support/model-builders.js';
import { conditionArbitrary, FACTS, PARTIES } from '../../../test/support/random-models.js';
import { printCondition } from '../conditions/print-condition.js';
import { evaluateScenario } from '../scenario/evaluate-scenario.js';
import { RESPONSE_KINDS, type FactValue, type Pledge } from '../types.js';
import { computeWhatIfViolated } from './what-if-violated.js';

// On random small models with guarantee commitments (condition `violation and <random>`): before the violation every
// commitment is inactive; after it, each commitment's state is the plain scenario's with violation true; every
// unlocker it reports does make those commitments certain; a kind is unanswered exactly when no certain or possible
// commitment gives it.

const factValue = fc.constantFrom<FactValue>(true, false, 'unknown');
const pledgeShape = fc.record({
  party: fc.constantFrom(...PARTIES),
  condition: conditionArbitrary,
  guarantee: fc.option(fc.subarray(['military', 'sanctions', 'air_defence'] as const, { minLength: 1 }), { nil: undefined }),
});

describe('computeWhatIfViolated on random models', () => {
  it('agrees with the scenario evaluation and checks its own unlockers (300 models)', () => {
    fc.assert(
      fc.property(fc.array(pledgeShape, { minLength: 1, maxLength: 7 }), fc.tuple(factValue, factValue, factValue), (shapes, values) => {
        const pledges: Pledge[] = shapes.map((shape, i) =>
          shape.guarantee === undefined
            ? makePledge(`p${i}`, { party: shape.party, condition: printCondition(shape.condition) })
            : makePledge(`g${i}`, { party: shape.party, condition: `violation and (${printCondition(shape.condition)})`, guarantee: { trigger: 'violation', responses: [...shape.guarantee], responseTime: 'not stated' } }),
        );
        const facts = Object.fromEntries([...FACTS.map((fact, i) => [fact, values[i] as FactValue]), ['violation', false]]);
        const dataset = prepareModel(makeDataset({ parties: PARTIES, facts, pledges }));
        const result = computeWhatIfViolated(dataset);
        const after = evaluateScenario(dataset, { facts: new Map([['violation', true]]) });
        const stateOf = new Map(after.pledges.map((pledge) => [pledge.id, pledge.state]));
        for (const commitment of result.commitments) {
          expect(commitment.before).toBe('inactive');
          expect(commitment.after).toBe(stateOf.get(commitment.id));
        }
        expect(result.commitments.map((c) => c.id)).toEqual(pledges.filter((p) => p.guarantee).map((p) => p.id));
        for (const unlocker of result.unlockers) {
          const unlocked = evaluateScenario(dataset, { facts: new Map<string, FactValue>([['violation', true], [unlocker.fact, unlocker.value]]) });
          for (const id of unlocker.certain) {
            expect(stateOf.get(id)).not.toBe('certain');
            expect(unlocked.pledges.find((pledge) => pledge.id === id)?.state).toBe('certain');
          }
        }
        for (const kind of RESPONSE_KINDS.filter((k) => k !== 'unstated')) {
          const answered = result.commitments.some((c) => c.after !== 'inactive' && c.responses.includes(kind));
          expect(result.unanswered.responseKinds.includes(kind)).toBe(!answered);
        }
      }),
      { numRuns: 300 },
    );
  });
});
