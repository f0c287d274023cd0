import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceFixedPoint } from '../../../test/support/reference-activation.js';
import { referenceWaitingGroups } from '../../../test/support/reference-waiting-groups.js';
import { AREAS, CAPABILITIES, conditionArbitrary, factsArbitrary, FACTS, pledgesArbitrary, quantityArbitrary } from '../../../test/support/random-models.js';
import type { Condition } from '../conditions/ast.js';
import type { FactValue } from '../types.js';
import type { Reason } from './explain-pledge.js';
import { evaluateActivation, evaluateNetwork } from './evaluate-activation.js';
import { compileNetwork } from './compile-network.js';
import { toInputOrder } from './network-order.js';
import { runFixedPoint } from './run-fixed-point.js';

// The engine against the brute-force reference on random small models (DESIGN.md §10).

const toSet = (flags: Uint8Array): Set<number> => new Set([...flags.keys()].filter((i) => flags[i] === 1));
const ids = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);

describe('activation matches the brute-force reference', () => {
  it('all four fixed points, on 10,000 random models', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, (pledges, facts) => {
        const network = compileNetwork(pledges);
        const values = network.factIds.map((id) => facts.get(id));
        for (const optimistic of [false, true]) {
          for (const greatest of [true, false]) {
            const engine = toSet(toInputOrder(runFixedPoint(network, values, { optimistic, greatest }).active, network.inputIndex));
            const reference = referenceFixedPoint(pledges, facts, { optimistic, greatest });
            expect(ids(engine), `${optimistic ? 'optimistic' : 'pessimistic'} ${greatest ? 'greatest' : 'least'}`).toEqual(ids(reference));
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('a greatest run started within a superset of its fixed point (the optimistic one, or more) ends at the same, on 3,000 random models', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, fc.infiniteStream(fc.boolean()), (pledges, facts, coins) => {
        const network = compileNetwork(pledges);
        const values = network.factIds.map((id) => facts.get(id));
        const optimistic = runFixedPoint(network, values, { optimistic: true, greatest: true }).active;
        const widened = optimistic.map((inIt) => (inIt === 1 || coins.next().value === true ? 1 : 0));
        const reference = ids(referenceFixedPoint(pledges, facts, { optimistic: false, greatest: true }));
        for (const within of [optimistic, widened]) {
          const seeded = runFixedPoint(network, values, { optimistic: false, greatest: true, within }).active;
          expect(ids(toSet(toInputOrder(seeded, network.inputIndex)))).toEqual(reference);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('keys watched by 30–100 threshold leaves each (sorted cursor, own parts holding leaves back), 300 larger models', () => {
    const threshold = fc
      .record({
        kind: fc.constantFrom('total' as const, 'count' as const),
        capability: fc.constantFrom(...CAPABILITIES),
        op: fc.constantFrom('>=' as const, '>' as const),
        bound: fc.integer({ min: 0, max: 60 }),
      })
      .map((t): Condition =>
        t.kind === 'total'
          ? { kind: 'total', capability: t.capability, op: t.op, threshold: t.bound, at: 0, capabilityAt: 0 }
          : { kind: 'count', capability: t.capability, op: t.op, threshold: Math.min(t.bound, 6), at: 0, capabilityAt: 0 },
      );
    const condition = fc.oneof(threshold, fc.array(threshold, { minLength: 2, maxLength: 3 }).chain((items) => fc.constantFrom<Condition>({ kind: 'and', items }, { kind: 'or', items })));
    const pledges = fc
      .array(
        fc.record({
          party: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
          capability: fc.constantFrom(...CAPABILITIES),
          quantity: quantityArbitrary,
          areas: fc.constant(['any']),
          condition,
        }),
        { minLength: 60, maxLength: 110 },
      )
      .map((list) => list.map((pledge, i) => ({ id: `p${i}`, ...pledge })));
    fc.assert(
      fc.property(pledges, (model) => {
        const network = compileNetwork(model);
        for (const optimistic of [false, true]) {
          for (const greatest of [true, false]) {
            const engine = toSet(toInputOrder(runFixedPoint(network, [], { optimistic, greatest }).active, network.inputIndex));
            const reference = referenceFixedPoint(model, new Map(), { optimistic, greatest });
            expect(ids(engine), `${optimistic ? 'optimistic' : 'pessimistic'} ${greatest ? 'greatest' : 'least'}`).toEqual(ids(reference));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('waiting groups: the brute-force groups of the "waits for" graph, on 3,000 random models', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, (pledges, facts) => {
        expect(evaluateActivation(pledges, facts).waitingGroups).toEqual(referenceWaitingGroups(pledges, facts));
      }),
      { numRuns: 3_000 },
    );
  });

  it('waiting groups: 1,000 larger models of six parties waiting on each other (many contributors per key)', () => {
    const party = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F');
    const literal = fc.oneof(
      fc
        .record({ capability: fc.constantFrom(...CAPABILITIES), area: fc.option(fc.constantFrom(...AREAS), { nil: undefined }), bound: fc.integer({ min: 1, max: 40 }) })
        .map(({ capability, area, bound }): Condition => {
          const node: Condition = { kind: 'total', capability, op: '>=', threshold: bound, at: 0, capabilityAt: 0 };
          return area === undefined ? node : { ...node, area, areaAt: 0 };
        }),
      fc.record({ capability: fc.constantFrom(...CAPABILITIES), bound: fc.integer({ min: 1, max: 4 }) }).map(
        ({ capability, bound }): Condition => ({ kind: 'count', capability, op: '>=', threshold: bound, at: 0, capabilityAt: 0 }),
      ),
      fc.record({ party, capability: fc.option(fc.constantFrom(...CAPABILITIES), { nil: undefined }) }).map(({ party, capability }): Condition => {
        const node: Condition = { kind: 'active', party, at: 0, partyAt: 0 };
        return capability === undefined ? node : { ...node, capability, capabilityAt: 0 };
      }),
      fc.constantFrom(...FACTS).map((fact): Condition => ({ kind: 'fact', fact, negated: false, at: 0 })),
    );
    const condition = fc.oneof(
      literal,
      fc.array(literal, { minLength: 2, maxLength: 3 }).chain((items) => fc.constantFrom<Condition>({ kind: 'and', items }, { kind: 'or', items })),
    );
    const model = fc
      .array(
        fc.record({
          party,
          capability: fc.constantFrom(...CAPABILITIES),
          quantity: fc.integer({ min: 1, max: 8 }).map((min) => ({ min, max: min + 2 })),
          areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
          condition,
        }),
        { minLength: 12, maxLength: 40 },
      )
      .map((list) => list.map((pledge, i) => ({ id: `p${i}`, ...pledge })));
    fc.assert(
      fc.property(model, factsArbitrary, (pledges, facts) => {
        expect(evaluateActivation(pledges, facts).waitingGroups).toEqual(referenceWaitingGroups(pledges, facts));
      }),
      { numRuns: 1_000 },
    );
  });

  it('states follow the definitions: certain ⊆ possible, least ⊆ greatest', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, (pledges, facts) => {
        const result = evaluateActivation(pledges, facts);
        result.pledges.forEach((entry, i) => {
          if (entry.state === 'certain') expect(result.sets.possible[i]).toBe(1);
          // The sets are in input order, like the pledges.
          expect(result.sets.certain[i]).toBe(entry.state === 'certain' ? 1 : 0);
          expect(result.sets.possible[i]).toBe(entry.state === 'inactive' ? 0 : 1);
          expect(result.sets.withoutCoordination[i]).toBe(entry.withoutCoordination ? 1 : 0);
          if (entry.withoutCoordination) expect(entry.state).toBe('certain');
          expect(entry.inAssuranceGap).toBe(entry.state === 'certain' && !entry.withoutCoordination);
          expect(entry.reasons.length > 0).toBe(entry.state !== 'certain');
        });
        expect(result.waitingGroups.flat().every((id) => result.assuranceGap.includes(id))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is monotone: a fact turning true never deactivates a pledge', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, fc.constantFrom(...FACTS), (pledges, facts, flipped) => {
        // Only positive literals gain from a fact turning true; models with `not f` on the flipped fact are skipped.
        const usesNegation = pledges.some((p) => JSON.stringify(p.condition).includes(`"fact":"${flipped}","negated":true`));
        fc.pre(!usesNegation && facts.get(flipped) !== true);
        const before = evaluateActivation(pledges, facts);
        const after = evaluateActivation(pledges, new Map<string, FactValue>([...facts, [flipped, true]]));
        const rank = { inactive: 0, possible: 1, certain: 2 } as const;
        before.pledges.forEach((entry, i) => {
          expect(rank[after.pledges[i]!.state]).toBeGreaterThanOrEqual(rank[entry.state]);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not depend on the order of the pledges', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, fc.infiniteStream(fc.nat()), (pledges, facts, noise) => {
        const shuffled = [...pledges];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = noise.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = evaluateActivation(pledges, facts);
        const b = evaluateActivation(shuffled, facts);
        const byId = (r: typeof a) => Object.fromEntries(r.pledges.map((p) => [p.id, [p.state, p.withoutCoordination]]));
        expect(byId(b)).toEqual(byId(a));
        expect([...b.assuranceGap].sort()).toEqual([...a.assuranceGap].sort());
        expect(b.waitingGroups).toEqual(a.waitingGroups);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a compiled network evaluated under one fact set after another answers like a fresh compile each time', () => {
    fc.assert(
      fc.property(pledgesArbitrary, fc.array(factsArbitrary, { minLength: 2, maxLength: 4 }), (pledges, factSets) => {
        const network = compileNetwork(pledges);
        for (const facts of factSets) {
          const reused = evaluateNetwork(network, facts);
          const fresh = evaluateActivation(pledges, facts);
          expect(reused.pledges).toEqual(fresh.pledges);
          expect(reused.assuranceGap).toEqual(fresh.assuranceGap);
          expect(reused.waitingGroups).toEqual(fresh.waitingGroups);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('"waits for" reasons list the pledges of the party (and capability) other than the waiting one, five at most, on 2,000 random models', () => {
    // Up to 14 pledges of two parties: a party often has more than five pledges of a capability.
    const manyPledges = fc
      .array(fc.record({ party: fc.constantFrom('A', 'B'), capability: fc.constantFrom(...CAPABILITIES), quantity: quantityArbitrary, areas: fc.constant(['ua']), condition: conditionArbitrary }), { maxLength: 14 })
      .map((list) => list.map((pledge, i) => ({ id: `p${i}`, ...pledge })));
    const waitsIn = (reasons: readonly Reason[]): Extract<Reason, { kind: 'waits' }>[] =>
      reasons.flatMap((reason) => (reason.kind === 'waits' ? [reason] : reason.kind === 'any_of' ? reason.options.flatMap(waitsIn) : []));
    fc.assert(
      fc.property(manyPledges, factsArbitrary, (pledges, facts) => {
        const result = evaluateActivation(pledges, facts);
        result.pledges.forEach((pledge, p) => {
          for (const reason of waitsIn([...pledge.reasons, ...pledge.waitsFor])) {
            const others = pledges.filter((other, o) => o !== p && other.party === reason.party && (reason.capability === undefined || other.capability === reason.capability));
            expect(reason.pledges).toEqual(others.slice(0, 5).map((other) => other.id));
            expect(reason.more).toBe(Math.max(0, others.length - 5));
          }
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
